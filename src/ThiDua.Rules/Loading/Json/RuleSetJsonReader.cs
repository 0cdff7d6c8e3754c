using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading.Json;

/// <summary>Reads one rule file's JSON into a <see cref="RuleSet"/>; structural problems become diagnostics.</summary>
internal static partial class RuleSetJsonReader
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();

    public static RuleSet? Read(JToken root, string file, DiagnosticBag diagnostics)
    {
        if (root is not JObject obj)
        {
            diagnostics.Add(DiagnosticCodes.WrongJsonType, JsonSource.SpanOf(root, file), DiagnosticCatalog.Phrase("json.rule-file"), DiagnosticCatalog.Phrase("json.object"), JsonSource.Describe(root.Type));
            return null;
        }

        var r = new ObjectReader(obj, file, diagnostics, "rule set");
        var id = KebabIdMember(r, "id");
        var name = r.String("name", required: true);
        var effective = ReadPeriod(r, "effective", required: true);
        var ruleSet = new RuleSet
        {
            Id = id ?? "",
            Name = name ?? "",
            Effective = effective ?? new EffectivePeriod(LocalDate.MinIsoValue, null),
            Extends = r.String("extends"),
            Note = r.String("note"),
            Basis = r.Objects("basis", "legal document", ReadLegalDocument),
            Parameters = r.Objects("parameters", "parameter", ReadParameter),
            Scales = r.Objects("scales", "scale", ReadScale),
            Facts = r.Objects("facts", "fact", ReadFact),
            Scoring = r.Objects("scoring", "scoring table", ReadScoring),
            Awards = r.Objects("awards", "award", ReadAward),
            CommonCriteria = r.Objects("commonCriteria", "criterion", ReadCriterion),
            Targets = r.Objects("targets", "target", ReadTarget),
            ExclusiveGroups = r.Objects("exclusiveGroups", "exclusive group", ReadExclusiveGroup),
            Tests = ReadTests(r),
            Span = r.Span,
        };
        r.Finish("$schema");
        return id is null || name is null || effective is null ? null : ruleSet;
    }

    private static string? KebabIdMember(ObjectReader r, string member, bool required = true)
    {
        var id = r.String(member, required);
        if (id is not null && !KebabId().IsMatch(id))
        {
            r.Diagnostics.Add(DiagnosticCodes.InvalidId, r.SpanOf(member), id);
        }

        return id;
    }

    private static string? IdentifierMember(ObjectReader r, string member)
    {
        var id = r.String(member, required: true);
        if (id is not null && !Identifier().IsMatch(id))
        {
            r.Diagnostics.Add(DiagnosticCodes.InvalidValue, r.SpanOf(member), member, DiagnosticCatalog.Phrase("value.identifier", id));
        }

        return id;
    }

    private static EffectivePeriod? ReadPeriod(ObjectReader r, string member, bool required)
    {
        var obj = r.ObjectMember(member, required);
        if (obj is null)
        {
            return null;
        }

        var p = new ObjectReader(obj, r.File, r.Diagnostics, member);
        var from = p.Date("from", required: true);
        var to = p.Date("to");
        p.Finish();
        if (from is null)
        {
            return null;
        }

        if (to < from)
        {
            r.Diagnostics.Add(DiagnosticCodes.InvalidEffectivePeriod, p.SpanOf("to"), DiagnosticCatalog.Phrase("value.to-before-from"));
            return null;
        }

        return new EffectivePeriod(from.Value, to);
    }

    private static LegalDocument? ReadLegalDocument(ObjectReader r)
    {
        var doc = new LegalDocument(KebabIdMember(r, "id") ?? "", r.String("title", required: true) ?? "", r.String("note"), r.Span);
        r.Finish();
        return doc;
    }

    internal static ValueKind? ReadValueKind(ObjectReader r, string member, bool allowScale)
    {
        var text = r.String(member, required: true);
        ValueKind? kind = text switch
        {
            "bool" => ValueKind.Bool,
            "number" => ValueKind.Number,
            "string" => ValueKind.Text,
            "date" => ValueKind.Date,
            "scale" when allowScale => ValueKind.Scale,
            _ => null,
        };
        if (kind is null && text is not null)
        {
            string[] known = allowScale ? ["bool", "number", "string", "date", "scale"] : ["bool", "number", "string", "date"];
            r.Diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.InvalidValue, r.SpanOf(member), Suggestions.Closest(text, known),
                member, DiagnosticCatalog.Phrase("value.not-one-of", text, string.Join(", ", known))));
        }

        return kind;
    }

    private static ParameterDefinition? ReadParameter(ObjectReader r)
    {
        var id = IdentifierMember(r, "id");

        // "type" may be left out (typically when overriding a base parameter): it is then inferred from the value.
        var type = r.Has("type") ? ReadValueKind(r, "type", allowScale: false) : null;
        var valueToken = r.Raw("value");
        var datedObjects = r.Array("values") is { } datedArray ? datedArray.OfType<JObject>().ToList() : [];
        var datedTokens = datedObjects.Select(o => o.GetValue("value", StringComparison.Ordinal)).OfType<JToken>().ToList();

        // The type, when "type" is left out: from "value", else from the first dated value written.
        type ??= valueToken is not null ? InferKind(valueToken) : datedTokens.Find(t => t.Type != JTokenType.Null) is { } first ? InferKind(first) : null;
        object? value = null;
        if (valueToken is null && datedObjects.Count == 0)
        {
            r.Missing("value");
        }
        else if (valueToken is not null)
        {
            value = ReadParameterValue(valueToken, type ?? ValueKind.Number, r.File, r.Diagnostics, id ?? "value");
        }

        var dated = r.Objects("values", "dated value", d => ReadDatedValue(d, id, type ?? ValueKind.Number));
        var written = (valueToken is null ? [] : new[] { valueToken }).Concat(datedTokens).ToList();
        var declared = ReadQuantity(r);
        foreach (var token in written)
        {
            CheckWrittenKind(r, token, id, declared);
        }

        var kind = written.Exists(IsPercentText) ? Quantity.Share : Quantity.Number;
        CheckDatedOrder(r, id, dated);
        var parameter = new ParameterDefinition(id ?? "", type ?? ValueKind.Number, value, r.String("label"), r.String("note"), r.String("basis"), r.Span)
        {
            Kind = type is null or ValueKind.Number ? declared ?? kind : Quantity.Number,
            KindDeclared = declared is not null,
            Values = dated,
        };
        r.Finish("labelEn", "type");
        return id is null || (valueToken is null && datedObjects.Count == 0) ? null : parameter;
    }

    /// <summary>A value written for a parameter (its <c>value</c> or a dated one) against the declared kind: 12 for a share
    /// is TDR035 (it would mean 1200%), "12%" for a count TDR036.</summary>
    private static void CheckWrittenKind(ObjectReader r, JToken token, string? id, Quantity? declared)
    {
        if (id is null)
        {
            return;
        }

        if (declared == Quantity.Share && token.Type is JTokenType.Integer or JTokenType.Float)
        {
            // The slip the kinds exist for: "value": 12 for a cap of 12% would silently mean 1200%.
            var number = ((decimal)token).ToString(CultureInfo.InvariantCulture);
            r.Diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.ShareWithoutPercent, JsonSource.SpanOf(token, r.File), number + "%", "params." + id, number));
        }
        else if (declared is { } kind && kind != Quantity.Share && IsPercentText(token))
        {
            r.Diagnostics.Add(DiagnosticCodes.QuantityMismatch, JsonSource.SpanOf(token, r.File), "params." + id, DiagnosticCatalog.QuantityTerm(kind),
                DiagnosticCatalog.QuantityTerm(Quantity.Share), DiagnosticCatalog.Term("these two kinds of number cannot be compared or added"));
        }
    }

    /// <summary>One of a parameter's dated values: <c>{ "from": "2024-07-01", "value": 2340000, "basis": "…" }</c>.</summary>
    private static DatedParameterValue? ReadDatedValue(ObjectReader r, string? id, ValueKind type)
    {
        var from = r.Date("from", required: true);
        var token = r.Raw("value");
        if (token is null)
        {
            r.Missing("value");
        }

        var value = token is null ? null : ReadParameterValue(token, type, r.File, r.Diagnostics, id ?? "value");
        var basis = r.String("basis");
        r.Finish("note");
        return from is { } date && token is not null ? new DatedParameterValue(date, value, basis, r.Span) : null;
    }

    /// <summary>Dated values must be written in order of their dates, each date once (TDR042, TDR043).</summary>
    private static void CheckDatedOrder(ObjectReader r, string? id, ImmutableArray<DatedParameterValue> dated)
    {
        for (var i = 1; i < dated.Length; i++)
        {
            if (dated[i].From == dated[i - 1].From)
            {
                r.Diagnostics.Add(DiagnosticCodes.DatedValueTwice, dated[i].Span, "params." + id, IsoDate.Format(dated[i].From), dated[i - 1].Span.ToString());
            }
            else if (dated[i].From < dated[i - 1].From)
            {
                r.Diagnostics.Add(DiagnosticCodes.DatedValuesOutOfOrder, dated[i].Span, "params." + id, IsoDate.Format(dated[i].From), IsoDate.Format(dated[i - 1].From));
            }
        }
    }

    /// <summary>Whether a JSON value is a percentage written as text (<c>"12%"</c>).</summary>
    internal static bool IsPercentText(JToken token) => token.Type == JTokenType.String && ((string)token!)!.TrimEnd().EndsWith('%');

    /// <summary>Reads the optional <c>"kind"</c> of a number (share, count, months…); null when absent or unknown.</summary>
    private static Quantity? ReadQuantity(ObjectReader r)
    {
        var text = r.String("kind");
        if (Quantities.TryParse(text, out var quantity))
        {
            return quantity;
        }

        if (text is not null)
        {
            r.Diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownQuantityKind, r.SpanOf("kind"), Suggestions.Closest(text, Quantities.Names),
                text, string.Join(", ", Quantities.Names)));
        }

        return null;
    }

    internal static ValueKind InferKind(JToken token) => token.Type switch
    {
        JTokenType.Boolean => ValueKind.Bool,
        JTokenType.Integer or JTokenType.Float or JTokenType.Null => ValueKind.Number,
        JTokenType.String when ((string)token!)!.TrimEnd().EndsWith('%') => ValueKind.Number,
        JTokenType.String when IsoDate.TryParse((string)token!, out _) => ValueKind.Date,
        _ => ValueKind.Text,
    };

    /// <summary>Reads a parameter value of a known type; numbers may be written as <c>"70%"</c>.</summary>
    internal static object? ReadParameterValue(JToken token, ValueKind type, string file, DiagnosticBag diagnostics, string name)
    {
        if (token.Type == JTokenType.Null)
        {
            return null;
        }

        var span = JsonSource.SpanOf(token, file);
        switch (type)
        {
            case ValueKind.Bool when token.Type == JTokenType.Boolean:
                return (bool)token;
            case ValueKind.Number when token.Type is JTokenType.Integer or JTokenType.Float:
                return (decimal)token;
            case ValueKind.Number when token.Type == JTokenType.String:
                var text = ((string)token!)!.Trim();
                if (text.EndsWith('%') && decimal.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
                {
                    return percent / 100m;
                }

                diagnostics.Add(DiagnosticCodes.InvalidValue, span, name, DiagnosticCatalog.Phrase("value.not-number-or-percent", text));
                return null;
            case ValueKind.Text when token.Type == JTokenType.String:
                return (string)token!;
            case ValueKind.Date when token.Type == JTokenType.String:
                if (IsoDate.TryParse((string)token!, out var date))
                {
                    return date;
                }

                diagnostics.Add(DiagnosticCodes.InvalidDate, span, (string)token!);
                return null;
            default:
                diagnostics.Add(DiagnosticCodes.WrongJsonType, span, name, DiagnosticCatalog.ValueKindPhrase(type), JsonSource.Describe(token.Type));
                return null;
        }
    }

    private static ScaleDefinition? ReadScale(ObjectReader r)
    {
        var id = IdentifierMember(r, "id");
        var name = r.String("name");
        var levels = r.Objects("levels", "scale level", l =>
        {
            var level = new ScaleLevel(l.String("id", required: true) ?? "", l.String("name"), l.Span);
            l.Finish("nameEn");
            return level;
        }, required: true);
        r.Finish("note");
        return id is null ? null : new ScaleDefinition(id, name, levels, r.Span);
    }

    private static SubjectKind? ReadSubjectKind(ObjectReader r, string member, bool required = true)
    {
        var text = r.String(member, required);
        switch (text)
        {
            case null:
                return null;
            case "individual":
                return SubjectKind.Individual;
            case "unit":
                return SubjectKind.Unit;
            case "enterprise":
                return SubjectKind.Enterprise;
            default:
                string[] known = ["individual", "unit", "enterprise"];
                r.Diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.InvalidValue, r.SpanOf(member), Suggestions.Closest(text, known),
                    member, DiagnosticCatalog.Phrase("value.not-one-of", text, string.Join(", ", known))));
                return null;
        }
    }

    private static FactDeclaration? ReadFact(ObjectReader r)
    {
        var id = IdentifierMember(r, "id");
        var subject = ReadSubjectKind(r, "subject");
        var type = ReadValueKind(r, "type", allowScale: true);
        var scale = r.String("scale");
        if (type == ValueKind.Scale && scale is null)
        {
            r.Missing("scale");
        }

        var fact = new FactDeclaration(id ?? "", subject ?? SubjectKind.Individual, type ?? ValueKind.Bool, scale, r.String("label"), r.String("labelEn"), r.Span)
        {
            Kind = ReadQuantity(r) ?? Quantity.Number,
        };
        r.Finish("note");
        return id is null || subject is null || type is null ? null : fact;
    }

    private static AwardDefinition? ReadAward(ObjectReader r)
    {
        // A change of a base award ("extends": its id) writes only what it changes; its id defaults to the base's.
        var extends = KebabIdMember(r, "extends", required: false);
        var change = extends is not null;
        var id = KebabIdMember(r, "id", required: !change) ?? extends;
        var name = r.String("name", required: !change);
        var subject = ReadSubjectKind(r, "subject", required: !change);
        var basis = r.String("basis", required: !change);
        var award = new AwardDefinition
        {
            Id = id ?? "",
            Name = name ?? "",
            NameEn = r.String("nameEn"),
            Subject = subject ?? SubjectKind.Individual,
            SubjectGiven = subject is not null,
            Basis = basis ?? "",
            Note = r.String("note"),
            Extends = extends,
            Effective = ReadPeriod(r, "effective", required: false),
            Requires = [.. r.Strings("requires").Select(s => new AwardReference(s.Value, s.Span))],
            Criteria = r.Objects("criteria", "criterion", ReadCriterion, required: !change),
            Quota = r.ObjectMember("quota") is { } q ? ReadQuota(new ObjectReader(q, r.File, r.Diagnostics, "quota")) : null,
            CouncilVote = r.ObjectMember("councilVote") is { } v ? ReadCouncilVote(new ObjectReader(v, r.File, r.Diagnostics, "council vote")) : null,
            Bonus = r.ObjectMember("bonus") is { } b ? ReadBonus(new ObjectReader(b, r.File, r.Diagnostics, "bonus")) : null,
            Span = r.Span,
        };
        r.Finish();
        return id is null || (!change && (name is null || subject is null)) ? null : award;
    }

    private static CouncilVoteRule? ReadCouncilVote(ObjectReader r)
    {
        var share = r.Expression("share", required: true);
        var rule = share is null ? null : new CouncilVoteRule(share, r.String("basis", required: true) ?? "", r.String("note"), r.Span);
        r.Finish();
        return rule;
    }

    private static BonusRule? ReadBonus(ObjectReader r)
    {
        var multiple = r.Expression("multiple", required: true);
        var rule = multiple is null ? null : new BonusRule(multiple, r.Expression("baseSalary"), r.String("basis", required: true) ?? "", r.String("note"), r.Span);
        r.Finish();
        return rule;
    }

    private static ExclusiveGroup? ReadExclusiveGroup(ObjectReader r)
    {
        var id = KebabIdMember(r, "id");
        var name = r.String("name", required: true);
        if (r.Array("awards", required: true) is null)
        {
            r.Finish();
            return null;
        }

        var group = new ExclusiveGroup(id ?? "", name ?? "", [.. r.Strings("awards").Select(s => new AwardReference(s.Value, s.Span))],
            r.String("basis", required: true) ?? "", r.String("note"), r.Span);
        r.Finish();
        return id is null || name is null ? null : group;
    }

    private static CriterionDefinition? ReadCriterion(ObjectReader r)
    {
        // A use of a common criterion ("use": its id) takes its expr or type from it; its id defaults to the common one's.
        var use = KebabIdMember(r, "use", required: false);
        var id = KebabIdMember(r, "id", required: use is null) ?? use;
        var expr = r.Expression("expr");
        var type = r.String("type");
        if (use is not null)
        {
            foreach (var member in new[] { expr is null ? null : "expr", type is null ? null : "type" }.OfType<string>())
            {
                r.Diagnostics.Add(DiagnosticCodes.CommonCriterionConflict, r.SpanOf(member), id ?? "?", use, member);
            }
        }
        else if ((expr is null) == (type is null))
        {
            r.Diagnostics.Add(DiagnosticCodes.CriterionNeedsExprOrType, r.Span, id ?? "?");
        }

        var args = r.ObjectMember("args") is { } argsObject ? Scalars(argsObject) : ImmutableDictionary<string, object?>.Empty;

        var criterion = new CriterionDefinition
        {
            Id = id ?? "",
            Name = r.String("name"),
            NameEn = r.String("nameEn"),
            Expr = expr,
            Type = type,
            Args = args,
            Basis = r.String("basis", required: use is null) ?? "",
            Note = r.String("note"),
            Use = use,
            Span = r.Span,
        };
        r.Finish();
        return id is null ? null : criterion;
    }

    /// <summary>The scalar members of an object (true/false, numbers, text; anything else becomes null).</summary>
    private static ImmutableDictionary<string, object?> Scalars(JObject obj)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var property in obj.Properties())
        {
            builder[property.Name] = property.Value.Type switch
            {
                JTokenType.Boolean => (bool)property.Value,
                JTokenType.Integer or JTokenType.Float => (decimal)property.Value,
                JTokenType.String => (string)property.Value!,
                _ => null,
            };
        }

        return builder.ToImmutable();
    }

    private static QuotaDefinition? ReadQuota(ObjectReader r)
    {
        var max = r.Expression("max", required: true);
        var per = r.String("per") switch
        {
            null or "unit" => QuotaScope.Unit,
            "agency" => QuotaScope.Agency,
            "cluster" => QuotaScope.Cluster,
            "all" => QuotaScope.All,
            var other => BadChoice(r, "per", other, ["unit", "agency", "cluster", "all"], QuotaScope.Unit),
        };
        var rounding = r.String("rounding") switch
        {
            null or "floor" => QuotaRounding.Floor,
            "ceiling" => QuotaRounding.Ceiling,
            "nearest" => QuotaRounding.Nearest,
            var other => BadChoice(r, "rounding", other, ["floor", "ceiling", "nearest"], QuotaRounding.Floor),
        };
        var rankBy = r.Objects("rankBy", "rank key", k =>
        {
            var expr = k.Expression("expr", required: true);
            var descending = k.String("order") switch
            {
                null or "desc" => true,
                "asc" => false,
                var other => BadChoice(k, "order", other, ["asc", "desc"], true),
            };
            k.Finish();
            return expr is null ? null : new RankKey(expr, descending, k.Span);
        });
        var quota = new QuotaDefinition
        {
            Max = max ?? new SourceText("0", r.Span),
            IsCount = r.Bool("count") ?? false,
            Of = r.Expression("of"),
            Per = per,
            Rounding = rounding,
            RankBy = rankBy,
            Basis = r.String("basis"),
            Span = r.Span,
        };
        r.Finish("note");
        return max is null ? null : quota;
    }

    /// <summary>
    /// Reads a subject of a test from its object as written (merged with a fixture's, generated by a group or made from a
    /// table row), with the defaults. A value that was copied keeps its position; a problem found where nothing was
    /// written (a missing member, a generated id) is placed at the subject: its object, table row or group.
    /// </summary>
    private static T? ReadTestSubject<T>(ObjectReader test, TestPopulation.Entry entry, string context, Func<ObjectReader, T?> read)
        where T : class
    {
        var local = new DiagnosticBag();
        var value = read(new ObjectReader(entry.Object, test.File, local, context, data: true, span: entry.Span));
        foreach (var diagnostic in local.ToSortedArray())
        {
            test.Diagnostics.Add(diagnostic.Span.Line > 0
                ? diagnostic
                : new Diagnostic(diagnostic.Code, diagnostic.Severity, entry.Span, diagnostic.Arguments, diagnostic.Suggestion));
        }

        return value;
    }

    /// <summary>The file's shared <c>fixtures</c>, then its <c>tests</c>, each test starting from the fixture it names.</summary>
    private static ImmutableArray<RuleTestCase> ReadTests(ObjectReader r)
    {
        var fixtures = new Dictionary<string, (TestPopulation Subjects, SourceSpan Span)>(StringComparer.Ordinal);
        r.Objects("fixtures", "test fixture", f =>
        {
            var id = KebabIdMember(f, "id");
            var population = TestPopulation.Read(f);
            f.Finish("name", "note");
            if (id is not null && !fixtures.TryAdd(id, (population, f.Span)))
            {
                f.Diagnostics.Add(DiagnosticCodes.DuplicateId, f.SpanOf("id"), id, fixtures[id].Span.ToString());
            }

            return f;
        });
        return r.Objects("tests", "test", t => ReadTest(t, fixtures));
    }

    private static T BadChoice<T>(ObjectReader r, string member, string value, string[] known, T fallback)
    {
        r.Diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.InvalidValue, r.SpanOf(member), Suggestions.Closest(value, known),
            member, DiagnosticCatalog.Phrase("value.not-one-of", value, string.Join(", ", known))));
        return fallback;
    }

    private static PlanTarget? ReadTarget(ObjectReader r)
    {
        var id = KebabIdMember(r, "id");
        var name = r.String("name", required: true);
        var subject = r.String("subject") switch
        {
            null or "agency" => TargetScope.Agency,
            "unit" => TargetScope.Unit,
            "enterprise" => TargetScope.Enterprise,
            var other => BadChoice(r, "subject", other, ["agency", "unit", "enterprise"], TargetScope.Agency),
        };
        var expr = r.Expression("expr", required: true);
        var basis = r.String("basis", required: true);
        var target = new PlanTarget
        {
            Id = id ?? "",
            Name = name ?? "",
            NameEn = r.String("nameEn"),
            Subject = subject,
            Expr = expr ?? new SourceText("true", r.Span),
            Basis = basis ?? "",
            Due = r.Date("due"),
            Period = ReadPeriod(r, "period", required: false),
            Note = r.String("note"),
            Span = r.Span,
        };
        r.Finish();
        return id is null || name is null || expr is null ? null : target;
    }

    private static ScoringTable? ReadScoring(ObjectReader r)
    {
        var id = KebabIdMember(r, "id");
        var name = r.String("name", required: true);
        var subject = ReadSubjectKind(r, "subject");
        var within = r.String("rankWithin") switch
        {
            null or "cluster" => true,
            "all" => false,
            var other => BadChoice(r, "rankWithin", other, ["cluster", "all"], true),
        };
        var items = r.Objects("items", "scoring item", i =>
        {
            var itemId = KebabIdMember(i, "id");
            var itemName = i.String("name", required: true);
            var maxPoints = i.Number("maxPoints", required: true);
            var expr = i.Expression("expr", required: true);
            var basis = i.String("basis");
            i.Finish("note");
            if (maxPoints < 0)
            {
                i.Diagnostics.Add(DiagnosticCodes.InvalidValue, i.SpanOf("maxPoints"), "maxPoints", DiagnosticCatalog.Phrase("value.not-negative"));
            }

            return itemId is null || itemName is null || maxPoints is null || expr is null
                ? null
                : new ScoringItem(itemId, itemName, maxPoints.Value, expr, basis, i.Span);
        }, required: true);
        var table = new ScoringTable
        {
            Id = id ?? "",
            Name = name ?? "",
            Subject = subject ?? SubjectKind.Enterprise,
            Basis = r.String("basis"),
            RankWithinCluster = within,
            Items = items,
            Note = r.String("note"),
            Span = r.Span,
        };
        r.Finish();
        return id is null || name is null || subject is null ? null : table;
    }

    private static RuleTestCase? ReadTest(ObjectReader r, Dictionary<string, (TestPopulation Subjects, SourceSpan Span)> fixtures)
    {
        var id = KebabIdMember(r, "id");
        var name = r.String("name");
        var asOf = r.Date("asOf");
        var year = r.Integer("year");
        // Parameter overrides keep their JSON scalars; their types are checked against the declarations at test time.
        var paramOverrides = r.ObjectMember("params") is { } paramsObject ? Scalars(paramsObject) : ImmutableDictionary<string, object?>.Empty;

        var population = TestPopulation.Read(r);
        if (r.String("fixture") is { } fixtureId)
        {
            if (fixtures.TryGetValue(fixtureId, out var fixture))
            {
                population = population.Over(fixture.Subjects);
            }
            else
            {
                r.Diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.TestFixtureUnknown, r.SpanOf("fixture"), Suggestions.Closest(fixtureId, fixtures.Keys),
                    id ?? "", fixtureId, fixtures.Count == 0 ? DiagnosticCatalog.Term("no fixture is declared") : string.Join(", ", fixtures.Keys)));
            }
        }

        var units = population.Units.Select(u => ReadTestSubject(r, u, "unit", local => SubjectJsonReader.ReadUnit(local, population.UnitDefaults)))
            .OfType<Unit>().ToImmutableArray();
        var individuals = population.Individuals.Select(i => ReadTestSubject(r, i, "individual", local => SubjectJsonReader.ReadIndividual(local, population.IndividualDefaults)))
            .OfType<Individual>().ToImmutableArray();
        var expect = r.Objects("expect", "expectation", e =>
        {
            var subject = e.String("subject", required: true);
            var award = e.String("award", required: true);
            var outcome = e.String("outcome", required: true);
            if (outcome is not null && !Evaluation.OutcomeNames.TryParse(outcome, out _))
            {
                e.Diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.InvalidValue, e.SpanOf("outcome"),
                    Suggestions.Closest(outcome, Evaluation.OutcomeNames.All), "outcome", DiagnosticCatalog.Phrase("value.not-outcome", outcome)));
            }

            var because = e.Strings("because").Select(s => s.Value).ToImmutableArray();
            var council = e.String("council");
            if (council is not null && council is not ("approved" or "not-approved"))
            {
                e.Diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.InvalidValue, e.SpanOf("council"),
                    Suggestions.Closest(council, ["approved", "not-approved"]), "council", DiagnosticCatalog.Phrase("value.not-council", council)));
            }

            e.Finish("note");
            return subject is null || award is null || outcome is null ? null : new ExpectedOutcome(subject, award, outcome, because, e.Span) { Council = council };
        });
        var votes = r.Objects("votes", "vote", v =>
        {
            var subject = v.String("subject", required: true);
            var award = v.String("award", required: true);
            var members = v.Integer("members", required: true);
            var yes = v.Integer("yes", required: true);
            v.Finish("note");
            return subject is null || award is null || members is null || yes is null ? null : new CouncilVote(subject, award, members.Value, yes.Value, v.Span);
        });
        var expectTargets = r.Objects("expectTargets", "target expectation", e =>
        {
            var unit = e.String("unit", required: true);
            var target = e.String("target", required: true);
            var status = e.String("status", required: true);
            if (status is not null && status is not ("pass" or "fail" or "unknown"))
            {
                e.Diagnostics.Add(DiagnosticCodes.InvalidValue, e.SpanOf("status"), "status", DiagnosticCatalog.Phrase("value.not-status", status));
            }

            e.Finish("note");
            return unit is null || target is null || status is null ? null : new ExpectedTarget(unit, target, status, e.Span);
        });
        r.Finish("note");
        if (id is null)
        {
            return null;
        }

        var effectiveYear = year ?? asOf?.Year;
        return new RuleTestCase
        {
            Id = id,
            Name = name,
            AsOf = asOf,
            Params = paramOverrides,
            Data = new SubjectData { Year = effectiveYear ?? 0, AsOf = asOf, Units = units, Individuals = individuals, Span = r.Span },
            Votes = votes,
            Expect = expect,
            ExpectTargets = expectTargets,
            Span = r.Span,
        };
    }
}
