using System.CommandLine;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using NodaTime;
using NodaTime.Text;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>
/// <c>thidua describe PATH [--format md|json]</c>: the reference of a rule set, for developers mapping their entities —
/// per version: the subject fields and declared facts (types, labels), scales and levels, awards (ids, names, subjects,
/// prerequisites, basis), parameters (type, value, basis) and the plug-in criterion types it names.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH");
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "md", HelpName = "md|json" };
        format.AcceptOnlyFromAmong("md", "json");
        var output = new Option<string?>("--out") { HelpName = "FILE" };
        var command = new Command("describe")
        {
            path,
            format,
            output,
        };
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var loaded = RuleSetLoader.Load(parse.GetValue(path)!);
            if (!loaded.TryGetValue(out var library))
            {
                context.Report(loaded.Diagnostics, language);
                return Pipeline.Unreadable(loaded.Diagnostics, parse.GetValue(path)!) ? ExitCodes.BadInput : ExitCodes.RulesFailed;
            }

            var text = parse.GetValue(format) == "json" ? Json(library) : Markdown(library, language);
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.Write(file, writer => writer.Write(text));
            }
            else
            {
                context.Output.Write(text);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Each version as in force on its first day (merged with its base), ordered by id then date.</summary>
    private static List<RuleSet> Versions(RuleLibrary library) =>
        [.. library.Versions.OrderBy(v => v.Id, StringComparer.Ordinal).ThenBy(v => v.Effective.From)
            .Select(v => library.Select(v.Effective.From, v.Id).TryGetValue(out var merged) ? merged : v)];

    /// <summary>
    /// The built-in fields as the subject schema declares them (the ones data holds; members and subunits are derived):
    /// a field of both individuals and units once, with both labels when they differ.
    /// </summary>
    private static IEnumerable<(SubjectField Field, SubjectField? Unit, bool Individual)> BuiltIns()
    {
        var units = SubjectSchema.Units.Where(f => f.Type != SubjectValueType.Derived).ToList();
        foreach (var field in SubjectSchema.Individuals.Where(f => f.Type != SubjectValueType.Derived))
        {
            var unit = units.Find(u => u.Name == field.Name && u.Type == field.Type);
            yield return (field, unit, true);
        }

        foreach (var field in units.Where(u => SubjectSchema.Find(true, u.Name) is not { } i || i.Type != u.Type))
        {
            yield return (field, null, false);
        }
    }

    internal static string Markdown(RuleLibrary library, Language language)
    {
        var en = language == Language.En;
        string W(string key) => Writing.ReportCatalog.Get("describe." + key, language);
        string Header(string key) => "| " + W(key) + " |\n|" + string.Concat(Enumerable.Repeat("---|", W(key).Split(" | ").Length)) + "\n";
        var b = new StringBuilder();
        foreach (var rules in Versions(library))
        {
            b.Append("# ").Append(Cell(rules.Name)).Append(" (`").Append(rules.Id).Append("`, ").Append(Period(rules.Effective)).Append(")\n\n");
            if (rules.Base is { } baseRef)
            {
                b.Append(Writing.ReportCatalog.Format("describe.extends", language, "`" + baseRef.Id + "` " + baseRef.Version)).Append("\n\n");
            }

            b.Append("## ").Append(W("fields")).Append("\n\n").Append(Header("fields-header"));
            foreach (var (field, unit, individual) in BuiltIns())
            {
                var label = unit is null || unit.Label(en) == field.Label(en) ? field.Label(en) : field.Label(en) + " / " + unit.Label(en);
                var notes = new List<string>();
                if (field.ExpressionName is { } expression && expression != field.Name)
                {
                    notes.Add(Writing.ReportCatalog.Format("describe.expression-name", language, "`" + expression + "`"));
                }

                if (field.Minimum is { } min && field.Maximum is { } max)
                {
                    notes.Add(Writing.ReportCatalog.Format("describe.range", language, FieldNumber(min), FieldNumber(max)));
                }

                if (field.Required)
                {
                    notes.Add(W("required"));
                }

                b.Append("| `").Append(field.Name).Append("` | ").Append(W(unit is not null ? "subject-both" : individual ? "subject-individual" : "subject-unit"))
                    .Append(" | ").Append(FieldType(field)).Append(" | ").Append(Cell(label)).Append(notes.Count == 0 ? "" : " (" + string.Join("; ", notes) + ")").Append(" |\n");
            }

            b.Append("\n## ").Append(W("facts")).Append("\n\n").Append(Header("facts-header"));
            foreach (var fact in rules.Facts.OrderBy(f => f.Subject).ThenBy(f => f.Id, StringComparer.Ordinal))
            {
                b.Append("| `").Append(fact.Id).Append("` | ").Append(Subject(fact.Subject)).Append(" | ").Append(TypeName(fact.Type)).Append(fact.Scale is { } s ? " `" + s + "`" : "")
                    .Append(" | ").Append(Cell(fact.Label)).Append(" | ").Append(Cell(fact.LabelEn)).Append(" |\n");
            }

            b.Append("\n## ").Append(W("scales")).Append("\n\n").Append(Header("scales-header"));
            foreach (var scale in rules.Scales)
            {
                b.Append("| `").Append(scale.Id).Append('`').Append(scale.Name is { } n ? " " + Cell(n) : "").Append(" | ")
                    .Append(string.Join(", ", scale.Levels.Select(l => "`" + l.Id + "`" + (l.Name is { } ln ? " " + Cell(ln) : "")))).Append(" |\n");
            }

            b.Append("\n## ").Append(W("awards")).Append("\n\n").Append(Header("awards-header"));
            foreach (var award in rules.Awards)
            {
                b.Append("| `").Append(award.Id).Append("` | ").Append(Cell(award.Name)).Append(" | ").Append(Cell(award.NameEn)).Append(" | ").Append(Subject(award.Subject))
                    .Append(" | ").Append(string.Join(", ", award.Requires.Select(r => "`" + r.Id + "`"))).Append(" | ").Append(Cell(award.Basis)).Append(" |\n");
            }

            b.Append("\n## ").Append(W("parameters")).Append("\n\n").Append(Header("parameters-header"));
            foreach (var parameter in rules.Parameters)
            {
                b.Append("| `params.").Append(parameter.Id).Append("` | ").Append(TypeName(parameter.Type)).Append(" | ").Append(Cell(ValueText(parameter, language)))
                    .Append(" | ").Append(Cell(parameter.Label)).Append(" | ").Append(Cell(parameter.Basis)).Append(" |\n");
            }

            var types = PluginTypes(rules);
            b.Append("\n## ").Append(W("plugin-types")).Append("\n\n");
            if (types.Count == 0)
            {
                b.Append(W("none")).Append('\n');
            }
            else
            {
                b.Append(Header("plugin-types-header"));
                foreach (var (type, usedBy) in types)
                {
                    b.Append("| `").Append(type).Append("` | ").Append(string.Join(", ", usedBy.Select(u => "`" + u + "`"))).Append(" |\n");
                }
            }

            b.Append('\n');
        }

        return b.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>A built-in field's JSON type, as the facts' types are written: <c>string</c>, <c>number</c>, <c>date</c>,
    /// <c>bool</c>, <c>scale `rating`</c>, the words of a vocabulary, <c>object</c> or <c>list</c> for structured values.</summary>
    private static string FieldType(SubjectField field) => field.Type switch
    {
        SubjectValueType.Number => "number",
        SubjectValueType.Date => "date",
        SubjectValueType.YesNo => "bool",
        SubjectValueType.ScaleLevel => "scale `" + field.Scale + "`",
        SubjectValueType.Vocabulary => "string: " + string.Join(", ", field.Vocabulary.Select(w => "`" + w + "`")),
        SubjectValueType.AwardList => "list",
        SubjectValueType.Structured => field.IsJsonArray ? "list" : "object",
        _ => "string",
    };

    private static string FieldNumber(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Json(RuleLibrary library)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.Indented })
        {
            w.WriteStartArray();
            foreach (var rules in Versions(library))
            {
                w.WriteStartObject();
                Prop(w, "id", rules.Id);
                Prop(w, "name", rules.Name);
                Prop(w, "version", rules.Version);
                Prop(w, "effective", Period(rules.Effective));
                Prop(w, "extends", rules.Base is { } b ? b.Id + "@" + b.Version : null);
                w.WritePropertyName("facts");
                w.WriteStartArray();
                foreach (var fact in rules.Facts.OrderBy(f => f.Subject).ThenBy(f => f.Id, StringComparer.Ordinal))
                {
                    w.WriteStartObject();
                    Prop(w, "id", fact.Id);
                    Prop(w, "subject", Subject(fact.Subject));
                    Prop(w, "type", TypeName(fact.Type));
                    Prop(w, "scale", fact.Scale);
                    Prop(w, "label", fact.Label);
                    Prop(w, "labelEn", fact.LabelEn);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WritePropertyName("scales");
                w.WriteStartArray();
                foreach (var scale in rules.Scales)
                {
                    w.WriteStartObject();
                    Prop(w, "id", scale.Id);
                    Prop(w, "name", scale.Name);
                    w.WritePropertyName("levels");
                    w.WriteStartArray();
                    foreach (var level in scale.Levels)
                    {
                        w.WriteStartObject();
                        Prop(w, "id", level.Id);
                        Prop(w, "name", level.Name);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WritePropertyName("awards");
                w.WriteStartArray();
                foreach (var award in rules.Awards)
                {
                    w.WriteStartObject();
                    Prop(w, "id", award.Id);
                    Prop(w, "name", award.Name);
                    Prop(w, "nameEn", award.NameEn);
                    Prop(w, "subject", Subject(award.Subject));
                    w.WritePropertyName("requires");
                    w.WriteStartArray();
                    foreach (var r in award.Requires)
                    {
                        w.WriteValue(r.Id);
                    }

                    w.WriteEndArray();
                    Prop(w, "basis", award.Basis);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WritePropertyName("parameters");
                w.WriteStartArray();
                foreach (var parameter in rules.Parameters)
                {
                    w.WriteStartObject();
                    Prop(w, "id", parameter.Id);
                    Prop(w, "type", TypeName(parameter.Type));
                    Prop(w, "value", Value(parameter.Value));
                    if (!parameter.Values.IsEmpty)
                    {
                        w.WritePropertyName("values");
                        w.WriteStartArray();
                        foreach (var dated in parameter.Values)
                        {
                            w.WriteStartObject();
                            Prop(w, "from", LocalDatePattern.Iso.Format(dated.From));
                            Prop(w, "value", Value(dated.Value));
                            Prop(w, "basis", dated.Basis);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    Prop(w, "label", parameter.Label);
                    Prop(w, "basis", parameter.Basis);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WritePropertyName("pluginTypes");
                w.WriteStartObject();
                foreach (var (type, usedBy) in PluginTypes(rules))
                {
                    w.WritePropertyName(type);
                    w.WriteStartArray();
                    foreach (var u in usedBy)
                    {
                        w.WriteValue(u);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return text.ToString() + "\n";
    }

    private static void Prop(JsonTextWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    private static SortedDictionary<string, List<string>> PluginTypes(RuleSet rules)
    {
        var types = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var award in rules.Awards)
        {
            foreach (var criterion in award.Criteria.Where(c => c.Type is not null))
            {
                if (!types.TryGetValue(criterion.Type!, out var list))
                {
                    types[criterion.Type!] = list = [];
                }

                list.Add(award.Id + "/" + criterion.Id);
            }
        }

        return types;
    }

    private static string Period(EffectivePeriod period) =>
        LocalDatePattern.Iso.Format(period.From) + " → " + (period.To is { } to ? LocalDatePattern.Iso.Format(to) : "…");

    private static string Subject(SubjectKind kind) => kind switch { SubjectKind.Individual => "individual", SubjectKind.Unit => "unit", _ => "enterprise" };

    private static string TypeName(ValueKind kind) => kind switch
    {
        ValueKind.Bool => "bool",
        ValueKind.Number => "number",
        ValueKind.Text => "string",
        ValueKind.Date => "date",
        _ => "scale",
    };

    /// <summary>A parameter's value for the reference: its one value, or each dated value with its date and basis.</summary>
    private static string? ValueText(Model.ParameterDefinition parameter, Language language) =>
        parameter.Values.IsEmpty
            ? Value(parameter.Value)
            : string.Join("; ", (parameter.Value is null ? [] : new[] { Value(parameter.Value) })
                .Concat(parameter.Values.Select(v => v.Basis is null
                    ? Writing.ReportCatalog.Format("describe.dated-value", language, Value(v.Value) ?? "null", LocalDatePattern.Iso.Format(v.From))
                    : Writing.ReportCatalog.Format("describe.dated-value-basis", language, Value(v.Value) ?? "null", LocalDatePattern.Iso.Format(v.From), v.Basis))));

    private static string? Value(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        LocalDate date => LocalDatePattern.Iso.Format(date),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Cell(string? text) => text is null ? "" : text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
