using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json.Linq;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading.Json;

/// <summary>Reads the canonical data JSON (design §3) into <see cref="SubjectData"/>, reporting every problem.</summary>
internal static class SubjectJsonReader
{
    public static SubjectData? ReadDocument(JToken root, string file, DiagnosticBag diagnostics)
    {
        if (root is not JObject obj)
        {
            diagnostics.Add(DiagnosticCodes.DataWrongType, JsonSource.SpanOf(root, file), DiagnosticCatalog.Phrase("json.document"), DiagnosticCatalog.Phrase("json.data-document"), JsonSource.Describe(root.Type));
            return null;
        }

        var reader = new ObjectReader(obj, file, diagnostics, "data", data: true);
        var year = reader.Integer("year", required: true);
        var asOf = reader.Date("asOf");
        var units = reader.Objects("units", "unit", r => ReadUnit(r, null));
        var individuals = reader.Objects("individuals", "individual", r => ReadIndividual(r, null));
        reader.Finish();
        if (year is null)
        {
            return null;
        }

        return new SubjectData { Year = year.Value, AsOf = asOf, Units = units, Individuals = individuals, Span = new SourceSpan(file, 1, 1) };
    }

    /// <summary>Reads one unit; <paramref name="defaults"/> (from a rule test) supplies members the object leaves out.</summary>
    public static Unit? ReadUnit(ObjectReader reader, JObject? defaults)
    {
        // Defaults that place every unit under a parent do not place the parent under itself: the root of a test's
        // tree keeps no parent (a loop otherwise, TDR106 HY → HY).
        if (defaults?["parent"] is JValue { Type: JTokenType.String } parent && reader.Object["id"] is JValue { Type: JTokenType.String } own
            && (string?)parent == (string?)own)
        {
            defaults = (JObject)defaults.DeepClone();
            defaults.Remove("parent");
        }

        var r = WithDefaults(reader, defaults);
        var id = Id(r, individual: false);
        var kindText = r.String("kind");
        var kind = SubjectKind.Unit;
        if (kindText is not null)
        {
            switch (kindText)
            {
                case "unit":
                    kind = SubjectKind.Unit;
                    break;
                case "enterprise":
                    kind = SubjectKind.Enterprise;
                    break;
                default:
                    SubjectChecks.Word(SubjectSchema.Find(false, "kind")!, kindText, id, r.SpanOf("kind"), r.Diagnostics);
                    break;
            }
        }

        var unit = new Unit
        {
            Id = id ?? "",
            Name = r.String("name"),
            Parent = r.String("parent"),
            Kind = kind,
            Cluster = r.String("cluster"),
            Rating = r.String("rating"),
            Facts = ReadFacts(r),
            History = ReadHistory(r),
            Span = reader.Span,
        };
        unit = (Unit)ReadPlain(r, unit, individual: false);
        r.Finish();
        return id is null ? null : unit;
    }

    public static Individual? ReadIndividual(ObjectReader reader, JObject? defaults)
    {
        var r = WithDefaults(reader, defaults);
        var id = Id(r, individual: true);
        var individual = new Individual
        {
            Id = id ?? "",
            Name = r.String("name"),
            Unit = r.String("unit"),
            Rating = r.String("rating"),
            EmployeeType = SubjectChecks.Word(Field("employeeType"), r.String("employeeType"), id, r.SpanOf("employeeType"), r.Diagnostics),
            StartDate = r.Date("startDate"),
            MonthsWorked = InRange(r, Field("monthsWorked"), id),
            DaysAbsent = InRange(r, Field("daysAbsent"), id),
            Discipline = ReadDiscipline(r),
            PendingReview = r.Bool("pendingReview"),
            Initiatives = r.Objects("initiatives", "initiative", ReadInitiative),
            ResearchWorks = r.Objects("researchWorks", "research work", ReadInitiative),
            Facts = ReadFacts(r),
            History = ReadHistory(r),
            Span = reader.Span,
        };
        individual = (Individual)ReadPlain(r, individual, individual: true);
        r.Finish();
        return id is null ? null : individual;
    }

    private static ObjectReader WithDefaults(ObjectReader reader, JObject? defaults)
    {
        if (defaults is null)
        {
            return reader;
        }

        // Merge defaults under the subject's own members (the subject wins; "facts" merge one level deeper).
        return new ObjectReader(TestPopulation.MergeOver(reader.Object, defaults), reader.File, reader.Diagnostics, reader.Context, data: true, span: reader.Span);
    }

    private static SubjectField Field(string name) => SubjectSchema.Find(true, name)!;

    /// <summary>The id, checked by the schema at its place (empty: error; spaces around it: warning, then trimmed).</summary>
    private static string? Id(ObjectReader r, bool individual)
    {
        var id = r.String("id", required: true);
        return id is null ? null : SubjectChecks.Id(id, individual, r.SpanOf("id"), r.Diagnostics);
    }

    /// <summary>A number, checked against the field's range at its place.</summary>
    private static decimal? InRange(ObjectReader r, SubjectField field, string? id) =>
        SubjectChecks.Number(field, r.Number(field.Name), id, r.SpanOf(field.Name), r.Diagnostics);

    /// <summary>Reads the schema's plain fields (those bound generically, such as <c>position</c>) into the subject.</summary>
    private static object ReadPlain(ObjectReader r, object subject, bool individual)
    {
        foreach (var field in SubjectSchema.PlainFields(individual))
        {
            if (field.With is not { } with)
            {
                continue;
            }

            object? value = field.Type switch
            {
                SubjectValueType.Number => r.Number(field.Name),
                SubjectValueType.Date => r.Date(field.Name),
                SubjectValueType.YesNo => r.Bool(field.Name),
                SubjectValueType.AwardList => r.Has(field.Name) ? r.Strings(field.Name).Select(x => x.Value.Trim()).Where(x => x.Length > 0).ToArray() : null,
                _ => r.String(field.Name),
            };
            if (value is not null)
            {
                subject = with(subject, value);
            }
        }

        return subject;
    }

    private static Discipline? ReadDiscipline(ObjectReader r)
    {
        var obj = r.ObjectMember("discipline");
        if (obj is null)
        {
            return null;
        }

        var d = new ObjectReader(obj, r.File, r.Diagnostics, "discipline", data: true);
        var level = d.String("level", required: true);
        var date = d.Date("date");
        var end = d.Date("endDate");
        d.Finish();
        return level is null ? null : new Discipline(level, date, end, d.Span);
    }

    private static Initiative? ReadInitiative(ObjectReader r)
    {
        var initiative = new Initiative(r.String("name"), r.String("scope"), r.Date("recognizedOn"), r.Span);
        r.Finish();
        return initiative;
    }

    private static ImmutableDictionary<string, object?> ReadFacts(ObjectReader r)
    {
        var obj = r.ObjectMember("facts");
        if (obj is null)
        {
            return ImmutableDictionary<string, object?>.Empty;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var property in obj.Properties())
        {
            var value = property.Value;
            object? converted = value.Type switch
            {
                JTokenType.Boolean => (bool)value,
                JTokenType.Integer or JTokenType.Float => (decimal)value,
                JTokenType.String => Nfc.Of((string)value!),
                JTokenType.Null => null,
                _ => Invalid(r, value, property.Name),
            };
            builder[property.Name] = converted;
        }

        return builder.ToImmutable();
    }

    private static object? Invalid(ObjectReader r, JToken value, string name)
    {
        r.WrongType(value, "facts." + name, DiagnosticCatalog.Phrase("json.fact-value"));
        return null;
    }

    private static ImmutableArray<HistoryYear> ReadHistory(ObjectReader r)
    {
        var obj = r.ObjectMember("history");
        if (obj is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<HistoryYear>();
        foreach (var property in obj.Properties())
        {
            var span = JsonSource.SpanOf(property, r.File);
            if (!int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !SubjectChecks.YearInRange(year))
            {
                SubjectChecks.ReportYear("history", property.Name, span, r.Diagnostics);
                continue;
            }

            if (property.Value is not JObject entry)
            {
                r.WrongType(property.Value, "history." + property.Name, DiagnosticCatalog.Phrase("json.history-year"));
                continue;
            }

            var h = new ObjectReader(entry, r.File, r.Diagnostics, "history year", data: true);
            var rating = h.String("rating");
            var awards = ImmutableArray.CreateBuilder<AwardRecord>();
            var array = h.Array("awards");
            if (array is not null)
            {
                foreach (var element in array)
                {
                    switch (element)
                    {
                        case JValue { Type: JTokenType.String } s:
                            awards.Add(new AwardRecord(((string)s!)!, null, JsonSource.SpanOf(s, r.File)));
                            break;
                        case JObject awardObject:
                            var a = new ObjectReader(awardObject, r.File, r.Diagnostics, "award record", data: true);
                            var id = a.String("id", required: true);
                            var decided = a.Date("decidedOn");
                            a.Finish();
                            if (id is not null)
                            {
                                awards.Add(new AwardRecord(id, decided, a.Span));
                            }

                            break;
                        default:
                            r.WrongType(element, "awards[]", DiagnosticCatalog.Phrase("json.award-record"));
                            break;
                    }
                }
            }

            var facts = ReadFacts(h);
            h.Finish();
            builder.Add(new HistoryYear(year, rating, awards.ToImmutable(), span) { Facts = facts });
        }

        return [.. builder.OrderBy(y => y.Year)];
    }

    internal static LocalDate? ParseDate(string text) => IsoDate.TryParse(text, out var d) ? d : null;
}
