using System.CommandLine;
using Newtonsoft.Json;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary><c>thidua diff</c>: every outcome that changes between two rule versions on the same data, with the criterion that made the difference.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string>("--rules") { Description = "The first rule file or folder.", Required = true };
        var against = new Option<string>("--against") { Description = "The second rule file or folder.", Required = true };
        var data = new Option<string>("--data") { Description = "Data file.", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "As-of date for both sides (YYYY-MM-DD); default: the data's asOf." };
        var asOfAgainst = new Option<string?>("--as-of-against") { Description = "A different as-of date for the second side (to compare regimes of the same folder)." };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("diff", """
            List every outcome that changes between two rule versions on the same data, with the criterion that made the
            difference and a count per award.
            Examples:
              thidua diff --rules rules/vn --against rules/plans/soc-trang-bqlkcn-thi-dua-2021-2025.json --data rules/samples/ban-quan-ly-2024.json
              thidua diff --rules rules/vn --as-of 2023-12-31 --against rules/vn --as-of-against 2024-12-31 --data rules/samples/ban-quan-ly-2024.json
            """)
        {
            rules, against, data, asOf, asOfAgainst, format,
        };
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var before = Pipeline.Evaluate(context, parse, parse.GetValue(rules)!, parse.GetValue(data)!, parse.GetValue(asOf), language, out var code);
            if (before is null)
            {
                return code;
            }

            var after = Pipeline.Evaluate(context, parse, parse.GetValue(against)!, parse.GetValue(data)!, parse.GetValue(asOfAgainst) ?? parse.GetValue(asOf), language, out code, quiet: true);
            if (after is null)
            {
                return code;
            }

            var changes = OutcomeDiff.Compare(before, after);
            var renderer = new ExplanationRenderer(language);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(context.Output, before, after, changes);
            }
            else
            {
                WriteTable(context.Output, before, after, changes, renderer);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Label(EvaluationResult result) => $"{result.RuleSet.Id} {result.RuleSet.Version}";

    private static void WriteTable(TextWriter output, EvaluationResult before, EvaluationResult after, IReadOnlyList<OutcomeChange> changes, ExplanationRenderer renderer)
    {
        var vi = renderer.Language == Language.Vi;
        output.WriteLine($"{(vi ? "So sánh" : "Comparing")}: {Label(before)} → {Label(after)}; {(vi ? "năm" : "year")} {before.Year}");
        foreach (var only in OutcomeDiff.AwardsOnlyIn(before, after))
        {
            output.WriteLine($"  {(vi ? "chỉ có ở bên thứ nhất" : "only in the first")}: {only}");
        }

        foreach (var only in OutcomeDiff.AwardsOnlyIn(after, before))
        {
            output.WriteLine($"  {(vi ? "chỉ có ở bên thứ hai" : "only in the second")}: {only}");
        }

        foreach (var group in changes.GroupBy(c => c.Award))
        {
            output.WriteLine();
            output.WriteLine($"{group.First().AwardName} ({group.Key}): {group.Count()} {(vi ? "thay đổi" : "change(s)")}");
            foreach (var change in group)
            {
                output.WriteLine($"  {change.Subject}{(change.SubjectName is null ? "" : " " + change.SubjectName)}: {renderer.Outcome(change.Before)} → {renderer.Outcome(change.After)}");
                foreach (var criterion in change.Deciding)
                {
                    var left = criterion.Before is { } b ? renderer.Message(b) : (vi ? "(không có)" : "(absent)");
                    var right = criterion.After is { } a ? renderer.Message(a) : (vi ? "(không có)" : "(absent)");
                    output.WriteLine($"      {criterion.Id}: {left}  →  {right}");
                }
            }
        }

        output.WriteLine();
        output.WriteLine(vi ? $"Tổng: {changes.Count} thay đổi" : $"Total: {changes.Count} change(s)");
    }

    private static void WriteJson(TextWriter output, EvaluationResult before, EvaluationResult after, IReadOnlyList<OutcomeChange> changes)
    {
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("before");
        json.WriteValue(Label(before));
        json.WritePropertyName("after");
        json.WriteValue(Label(after));
        json.WritePropertyName("counts");
        json.WriteStartObject();
        foreach (var group in changes.GroupBy(c => c.Award))
        {
            json.WritePropertyName(group.Key);
            json.WriteValue(group.Count());
        }

        json.WriteEndObject();
        json.WritePropertyName("changes");
        json.WriteStartArray();
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WritePropertyName("subject");
            json.WriteValue(change.Subject);
            json.WritePropertyName("award");
            json.WriteValue(change.Award);
            json.WritePropertyName("before");
            json.WriteValue(change.Before.ToName());
            json.WritePropertyName("after");
            json.WriteValue(change.After.ToName());
            json.WritePropertyName("criteria");
            json.WriteStartArray();
            foreach (var criterion in change.Deciding)
            {
                json.WriteStartObject();
                json.WritePropertyName("id");
                json.WriteValue(criterion.Id);
                json.WritePropertyName("before");
                json.WriteValue(criterion.Before?.Status.ToName());
                json.WritePropertyName("after");
                json.WriteValue(criterion.After?.Status.ToName());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write('\n');
    }
}
