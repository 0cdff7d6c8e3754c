using System.CommandLine;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using NodaTime;
using NodaTime.Text;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
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

    private static readonly (string Name, SubjectKind? Kind, string Type, string Vi, string En)[] BuiltIns =
    [
        ("id", null, "string", "mã", "id"),
        ("name", null, "string", "họ tên / tên", "name"),
        ("rating", null, "scale", "xếp loại chất lượng (thang rating)", "quality rating (scale rating)"),
        ("unit", SubjectKind.Individual, "string", "đơn vị (mã)", "unit (id)"),
        ("employeeType", SubjectKind.Individual, "string", "loại: cong-chuc, vien-chuc, nguoi-lao-dong", "type: cong-chuc, vien-chuc, nguoi-lao-dong"),
        ("startDate", SubjectKind.Individual, "date", "ngày bắt đầu công tác liên tục", "start of continuous service"),
        ("monthsWorked", SubjectKind.Individual, "number", "số tháng công tác trong năm", "months worked in the year"),
        ("daysAbsent", SubjectKind.Individual, "number", "số ngày nghỉ", "days absent"),
        ("pendingReview", SubjectKind.Individual, "bool", "đang bị xem xét kỷ luật, điều tra, thanh tra", "under disciplinary review, investigation or inspection"),
        ("discipline", SubjectKind.Individual, "object", "kỷ luật: level, date, endDate", "discipline: level, date, endDate"),
        ("initiatives", SubjectKind.Individual, "list", "sáng kiến: scope, recognizedOn", "initiatives: scope, recognizedOn"),
        ("researchWorks", SubjectKind.Individual, "list", "đề tài: scope, recognizedOn", "research works: scope, recognizedOn"),
        ("history", null, "object", "các năm trước: rating, awards", "past years: rating, awards"),
        ("parent", SubjectKind.Unit, "string", "đơn vị cấp trên (mã)", "parent unit (id)"),
        ("cluster", SubjectKind.Unit, "string", "cụm, khối thi đua", "emulation cluster"),
        ("kind", SubjectKind.Unit, "string", "unit hoặc enterprise", "unit or enterprise"),
    ];

    internal static string Markdown(RuleLibrary library, Language language)
    {
        var en = language == Language.En;
        string T(string vi, string english) => en ? english : vi;
        var b = new StringBuilder();
        foreach (var rules in Versions(library))
        {
            b.Append("# ").Append(Cell(rules.Name)).Append(" (`").Append(rules.Id).Append("`, ").Append(Period(rules.Effective)).Append(")\n\n");
            if (rules.Base is { } baseRef)
            {
                b.Append(T("Kế thừa ", "Extends ")).Append('`').Append(baseRef.Id).Append("` ").Append(baseRef.Version).Append(".\n\n");
            }

            b.Append("## ").Append(T("Trường có sẵn của đối tượng", "Built-in subject fields")).Append("\n\n");
            b.Append('|').Append(T(" trường | đối tượng | kiểu | ý nghĩa |", " field | subject | type | meaning |")).Append("\n|---|---|---|---|\n");
            foreach (var (name, kind, type, vi, english) in BuiltIns)
            {
                b.Append("| `").Append(name).Append("` | ").Append(kind switch { null => T("cá nhân, đơn vị", "individual, unit"), SubjectKind.Individual => T("cá nhân", "individual"), _ => T("đơn vị, doanh nghiệp", "unit, enterprise") })
                    .Append(" | ").Append(type).Append(" | ").Append(en ? english : vi).Append(" |\n");
            }

            b.Append("\n## ").Append(T("Dữ kiện (facts)", "Facts")).Append("\n\n");
            b.Append('|').Append(T(" mã | đối tượng | kiểu | nhãn | nhãn tiếng Anh |", " id | subject | type | label | English label |")).Append("\n|---|---|---|---|---|\n");
            foreach (var fact in rules.Facts.OrderBy(f => f.Subject).ThenBy(f => f.Id, StringComparer.Ordinal))
            {
                b.Append("| `").Append(fact.Id).Append("` | ").Append(Subject(fact.Subject)).Append(" | ").Append(TypeName(fact.Type)).Append(fact.Scale is { } s ? " `" + s + "`" : "")
                    .Append(" | ").Append(Cell(fact.Label)).Append(" | ").Append(Cell(fact.LabelEn)).Append(" |\n");
            }

            b.Append("\n## ").Append(T("Thang và mức (thấp đến cao)", "Scales and levels (lowest to highest)")).Append("\n\n");
            b.Append('|').Append(T(" thang | các mức |", " scale | levels |")).Append("\n|---|---|\n");
            foreach (var scale in rules.Scales)
            {
                b.Append("| `").Append(scale.Id).Append('`').Append(scale.Name is { } n ? " " + Cell(n) : "").Append(" | ")
                    .Append(string.Join(", ", scale.Levels.Select(l => "`" + l.Id + "`" + (l.Name is { } ln ? " " + Cell(ln) : "")))).Append(" |\n");
            }

            b.Append("\n## ").Append(T("Danh hiệu, hình thức khen thưởng", "Awards")).Append("\n\n");
            b.Append('|').Append(T(" mã | tên | tên tiếng Anh | đối tượng | cần có trước | căn cứ |", " id | name | English name | subject | requires | basis |")).Append("\n|---|---|---|---|---|---|\n");
            foreach (var award in rules.Awards)
            {
                b.Append("| `").Append(award.Id).Append("` | ").Append(Cell(award.Name)).Append(" | ").Append(Cell(award.NameEn)).Append(" | ").Append(Subject(award.Subject))
                    .Append(" | ").Append(string.Join(", ", award.Requires.Select(r => "`" + r.Id + "`"))).Append(" | ").Append(Cell(award.Basis)).Append(" |\n");
            }

            b.Append("\n## ").Append(T("Tham số", "Parameters")).Append("\n\n");
            b.Append('|').Append(T(" mã | kiểu | giá trị | nhãn | căn cứ |", " id | type | value | label | basis |")).Append("\n|---|---|---|---|---|\n");
            foreach (var parameter in rules.Parameters)
            {
                b.Append("| `params.").Append(parameter.Id).Append("` | ").Append(TypeName(parameter.Type)).Append(" | ").Append(Cell(ValueText(parameter, T)))
                    .Append(" | ").Append(Cell(parameter.Label)).Append(" | ").Append(Cell(parameter.Basis)).Append(" |\n");
            }

            var types = PluginTypes(rules);
            b.Append("\n## ").Append(T("Loại tiêu chí plug-in", "Plug-in criterion types")).Append("\n\n");
            if (types.Count == 0)
            {
                b.Append(T("Không có.", "None.")).Append('\n');
            }
            else
            {
                b.Append('|').Append(T(" loại | dùng ở |", " type | used by |")).Append("\n|---|---|\n");
                foreach (var (type, usedBy) in types)
                {
                    b.Append("| `").Append(type).Append("` | ").Append(string.Join(", ", usedBy.Select(u => "`" + u + "`"))).Append(" |\n");
                }
            }

            b.Append('\n');
        }

        return b.ToString().TrimEnd('\n') + "\n";
    }

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
    private static string? ValueText(Model.ParameterDefinition parameter, Func<string, string, string> t) =>
        parameter.Values.IsEmpty
            ? Value(parameter.Value)
            : string.Join("; ", (parameter.Value is null ? [] : new[] { Value(parameter.Value) })
                .Concat(parameter.Values.Select(v => (Value(v.Value) ?? "null") + " (" + t("từ ", "from ") + LocalDatePattern.Iso.Format(v.From)
                    + (v.Basis is null ? "" : ", " + v.Basis) + ")")));

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
