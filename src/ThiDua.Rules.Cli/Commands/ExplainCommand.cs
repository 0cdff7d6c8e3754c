using System.CommandLine;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Cli.Commands;

/// <summary><c>thidua explain</c>: one subject's full reasoning as a tree, with what is missing for a near miss.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string>("--rules") { Required = true };
        var data = new Option<string>("--data") { Required = true };
        var subject = new Option<string>("--subject") { Required = true };
        var award = new Option<string?>("--award");
        var asOf = new Option<string?>("--as-of");
        var command = new Command("explain")
        {
            rules, data, subject, award, asOf,
        };
        var council = new CouncilInputs().AddTo(command);
        var settings = new ParameterSettings().AddTo(command);
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            if (settings.Read(context, parse, language) is not { } overrides)
            {
                return ExitCodes.BadInput;
            }

            var result = Pipeline.Evaluate(context, parse, parse.GetValue(rules)!, parse.GetValue(data)!, parse.GetValue(asOf), language, out var code, overrides: overrides, council: council);
            if (result is null)
            {
                return code;
            }

            var id = parse.GetValue(subject)!;
            var pairs = result.Explain(id).Where(r => parse.GetValue(award) is not { } only || r.Award == only).ToList();
            if (pairs.Count == 0)
            {
                var known = result.Results(ResultInclusion.All).Select(r => r.Subject).Distinct().ToList();
                var what = result.Explain(id).Count == 0 ? ReportCatalog.Format("explain.no-subject", language, id) : ReportCatalog.Format("explain.no-award", language, parse.GetValue(award), id);
                var suggestion = result.Explain(id).Count == 0 ? Suggestions.Closest(id, known) : Suggestions.Closest(parse.GetValue(award)!, result.RuleSet.Awards.Select(a => a.Id));
                context.Error.WriteLine($"thidua: {what}" + (suggestion is null ? "" : ReportCatalog.Format("explain.did-you-mean", language, suggestion)));
                return ExitCodes.BadInput;
            }

            Write(context.Output, result, pairs, new ExplanationRenderer(language));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Who holds the places of a quota the pair was cut from: the recommended subjects of its unit, by rank.</summary>
    private static List<string> Holders(EvaluationResult result, AwardResult pair) =>
        [.. result.Results(ResultInclusion.All)
            .Where(r => r.Award == pair.Award && r.Unit == pair.Unit && r.Outcome == Outcome.Recommended && r.Rank is not null)
            .OrderBy(r => r.Rank)
            .Select(r => r.Rank + ". " + r.Subject + (r.SubjectName is null ? "" : " " + r.SubjectName))];

    private static void Write(TextWriter output, EvaluationResult result, List<AwardResult> pairs, ExplanationRenderer renderer)
    {
        string W(string key, params object?[] args) => ReportCatalog.Format(key, renderer.Language, args);
        var first = pairs[0];
        output.WriteLine($"{first.Subject}{(first.SubjectName is null ? "" : " — " + first.SubjectName)}{(first.Unit is null ? "" : " (" + first.Unit + ")")}");
        output.WriteLine(W("explain.header", result.RuleSet.Name, result.RuleSet.Id, result.RuleSet.Version, result.Year, renderer.Format(new ExplainedValue(result.AsOf))));
        // The parameters whose value depends on the date or on this run, with the value in force and its basis.
        var shown = result.ParametersInForce.Where(p => p.Dated || p.Overridden).ToList();
        if (shown.Count > 0)
        {
            output.WriteLine(ReportCatalog.Format("explain.parameters", renderer.Language, renderer.Format(new ExplainedValue(result.AsOf))));
            foreach (var parameter in shown)
            {
                output.WriteLine(ReportCatalog.Format("explain.parameter", renderer.Language, parameter.Id, renderer.Value(parameter), renderer.Origin(parameter)));
            }
        }

        for (var p = 0; p < pairs.Count; p++)
        {
            var pair = pairs[p];
            var lastPair = p == pairs.Count - 1;
            var rank = pair.Rank is { } r ? W("explain.rank", r, pair.QuotaPlaces) : "";
            output.WriteLine($"{(lastPair ? "└─" : "├─")} {pair.NameIn(renderer.Language)} ({pair.Award}): {renderer.Outcome(pair.Outcome)}{rank}");
            var indent = lastPair ? "   " : "│  ";
            output.WriteLine($"{indent}│  {W("explain.basis", pair.Basis)}");
            if (pair.SupersededBy is { } higher)
            {
                output.WriteLine($"{indent}│  {W("council.superseded-line", higher)}");
            }

            if (pair.Council is { } decision)
            {
                output.WriteLine($"{indent}│  {W("council.line", W(ReportCatalog.CouncilKey(decision)), pair.Vote!.Yes, pair.Vote.Members)}");
            }

            if (pair.ProposalCheck is { } check)
            {
                output.WriteLine($"{indent}│  {W(ReportCatalog.ProposalKey(check))}");
            }
            for (var c = 0; c < pair.Criteria.Length; c++)
            {
                var criterion = pair.Criteria[c];
                var lastCriterion = c == pair.Criteria.Length - 1;
                var mark = criterion.Status switch
                {
                    CriterionStatus.Pass => "✓",
                    CriterionStatus.Fail => "✗",
                    _ => "?",
                };
                var gap = renderer.Gap(criterion) is { } g ? $" — {g}" : "";
                output.WriteLine($"{indent}{(lastCriterion ? "└─" : "├─")} {mark} {renderer.Message(criterion)}{gap}");
                if (criterion.Id == "quota" && criterion.Status == CriterionStatus.Fail && Holders(result, pair) is { Count: > 0 } holders)
                {
                    output.WriteLine($"{indent}{(lastCriterion ? "   " : "│  ")}   {ReportCatalog.Format("quota.holders", renderer.Language, string.Join(", ", holders))}");
                }

                output.WriteLine($"{indent}{(lastCriterion ? "   " : "│  ")}   {criterion.Basis}");
            }
        }
    }
}
