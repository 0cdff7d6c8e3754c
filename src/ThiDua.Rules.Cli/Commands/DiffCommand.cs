using System.CommandLine;
using Newtonsoft.Json;
using NodaTime;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Cli.Commands;

/// <summary><c>thidua diff</c>: every outcome that changes between two rule versions on the same data, with the criterion that made the difference.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string>("--rules") { Required = true };
        var against = new Option<string?>("--against");
        var data = new Option<string>("--data") { Required = true };
        var asOf = new Option<string?>("--as-of");
        var asOfAgainst = new Option<string?>("--as-of-against");
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("diff")
        {
            rules, against, data, asOf, asOfAgainst, format,
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

            var before = Pipeline.Evaluate(context, parse, parse.GetValue(rules)!, parse.GetValue(data)!, parse.GetValue(asOf), language, out var code, council: council);
            if (before is null)
            {
                return code;
            }

            var after = Pipeline.Evaluate(context, parse, parse.GetValue(against) ?? parse.GetValue(rules)!, parse.GetValue(data)!, parse.GetValue(asOfAgainst) ?? parse.GetValue(asOf), language, out code, quiet: true, overrides: overrides, council: council);
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
        string W(string key, params object?[] args) => ReportCatalog.Format(key, renderer.Language, args);
        var language = renderer.Language;
        output.WriteLine(ReportCatalog.Format("diff.header", language, Label(before), Label(after), before.Year));
        var parameters = WhatIfComparison.Parameters(before, after);
        if (parameters.Count > 0)
        {
            output.WriteLine(ReportCatalog.Format("diff.parameters", language));
            foreach (var p in parameters)
            {
                output.WriteLine(ReportCatalog.Format("diff.parameter", language, p.Id, ParameterText(p.Before, p.InBefore, p.IsShare, renderer), ParameterText(p.After, p.InAfter, p.IsShare, renderer)));
                output.WriteLine(ReportCatalog.Format("diff.parameter-basis", language, p.BeforeInForce is { } b ? renderer.Origin(b) : ReportCatalog.Format("diff.undeclared", language),
                    p.AfterInForce is { } a ? renderer.Origin(a) : ReportCatalog.Format("diff.undeclared", language)));
            }
        }

        foreach (var only in OutcomeDiff.AwardsOnlyIn(before, after))
        {
            output.WriteLine(W("diff.only-first", only));
        }

        foreach (var only in OutcomeDiff.AwardsOnlyIn(after, before))
        {
            output.WriteLine(W("diff.only-second", only));
        }

        foreach (var group in changes.GroupBy(c => c.Award))
        {
            output.WriteLine();
            output.WriteLine(W("diff.award-changes", group.First().AwardName, group.Key, group.Count()));
            foreach (var change in group)
            {
                output.WriteLine($"  {change.Subject}{(change.SubjectName is null ? "" : " " + change.SubjectName)}: {renderer.Outcome(change.Before)} → {renderer.Outcome(change.After)}");
                foreach (var criterion in change.Deciding)
                {
                    var left = criterion.Before is { } b ? renderer.Message(b) : W("diff.absent");
                    var right = criterion.After is { } a ? renderer.Message(a) : W("diff.absent");
                    output.WriteLine($"      {criterion.Id}: {left}  →  {right}");
                }
            }
        }

        foreach (var award in WhatIfComparison.Units(before, after).GroupBy(u => u.Award))
        {
            var name = before.RuleSet.Awards.Concat(after.RuleSet.Awards).First(a => a.Id == award.Key);
            output.WriteLine();
            output.WriteLine(ReportCatalog.Format("diff.units", language, name.NameIn(language), award.Key));
            foreach (var row in award)
            {
                output.WriteLine(ReportCatalog.Format("diff.unit-row", language, row.Unit, row.CandidatesBefore, row.CandidatesAfter,
                    Places(row.PlacesBefore, language), Places(row.PlacesAfter, language), row.ProposedBefore, row.ProposedAfter));
            }
        }

        var targets = WhatIfComparison.Targets(before, after);
        if (targets.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(ReportCatalog.Format("diff.targets", language));
            foreach (var target in targets)
            {
                output.WriteLine(ReportCatalog.Format("diff.target-row", language, target.Unit, target.Name, target.Target, TargetText(target.Before, renderer), TargetText(target.After, renderer)));
            }
        }

        output.WriteLine();
        output.WriteLine(W("diff.total", changes.Count));
    }

    /// <summary>A side's date and basis of the value (<c>beforeFrom</c>, <c>beforeBasis</c>, <c>beforeSet</c>), when it has any.</summary>
    private static void WriteOrigin(JsonWriter json, string side, ParameterInForce? parameter)
    {
        if (parameter is null)
        {
            return;
        }

        if (parameter.Overridden)
        {
            Member(json, side + "Set", true);
            return;
        }

        if (parameter.From is { } from)
        {
            Member(json, side + "From", NodaTime.Text.LocalDatePattern.Iso.Format(from));
        }

        if (parameter.Basis is { } basis)
        {
            Member(json, side + "Basis", basis);
        }
    }

    private static string Places(int? places, Language language) => places?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ReportCatalog.Format("diff.no-places", language);

    private static string ParameterText(object? value, bool declared, bool share, ExplanationRenderer renderer) =>
        !declared ? ReportCatalog.Format("diff.undeclared", renderer.Language)
        : value is null ? ReportCatalog.Format("diff.unset", renderer.Language)
        : renderer.Format(new ExplainedValue(value, share && value is decimal));

    private static string TargetText(TargetResult? target, ExplanationRenderer renderer) =>
        target is null ? ReportCatalog.Format("diff.undeclared", renderer.Language)
        : renderer.Status(target.Status) + (target.Actual is { } actual ? " (" + renderer.Format(actual) + ")" : "");

    private static void WriteJson(TextWriter output, EvaluationResult before, EvaluationResult after, IReadOnlyList<OutcomeChange> changes)
    {
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
        json.WriteStartObject();
        Member(json, "before", Label(before));
        Member(json, "after", Label(after));
        json.WritePropertyName("counts");
        json.WriteStartObject();
        foreach (var group in changes.GroupBy(c => c.Award))
        {
            Member(json, group.Key, group.Count());
        }

        json.WriteEndObject();
        Objects(json, "changes", changes, change =>
        {
            Member(json, "subject", change.Subject);
            Member(json, "award", change.Award);
            Member(json, "before", change.Before.ToName());
            Member(json, "after", change.After.ToName());
            Objects(json, "criteria", change.Deciding, criterion =>
            {
                Member(json, "id", criterion.Id);
                Member(json, "before", criterion.Before?.Status.ToName());
                Member(json, "after", criterion.After?.Status.ToName());
            });
        });
        Objects(json, "parameters", WhatIfComparison.Parameters(before, after), p =>
        {
            Member(json, "id", p.Id);
            // A side whose rule set does not declare the parameter has no member (null is a declared parameter not set).
            if (p.InBefore)
            {
                Member(json, "before", p.Before is LocalDate bd ? NodaTime.Text.LocalDatePattern.Iso.Format(bd) : p.Before);
            }

            if (p.InAfter)
            {
                Member(json, "after", p.After is LocalDate ad ? NodaTime.Text.LocalDatePattern.Iso.Format(ad) : p.After);
            }

            WriteOrigin(json, "before", p.BeforeInForce);
            WriteOrigin(json, "after", p.AfterInForce);
        });
        Objects(json, "units", WhatIfComparison.Units(before, after), row =>
        {
            Member(json, "award", row.Award);
            Member(json, "unit", row.Unit);
            BeforeAfter(json, "candidates", row.CandidatesBefore, row.CandidatesAfter);
            BeforeAfter(json, "places", row.PlacesBefore, row.PlacesAfter);
            BeforeAfter(json, "proposed", row.ProposedBefore, row.ProposedAfter);
        });
        Objects(json, "targets", WhatIfComparison.Targets(before, after), target =>
        {
            Member(json, "unit", target.Unit);
            Member(json, "target", target.Target);
            Member(json, "before", target.Before?.Status.ToName());
            Member(json, "after", target.After?.Status.ToName());
        });
        json.WriteEndObject();
        json.Flush();
        output.Write('\n');
    }

    private static void Member(JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    /// <summary>A member holding the before and after values as a two-element array.</summary>
    private static void BeforeAfter(JsonWriter json, string name, object? before, object? after)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        json.WriteValue(before);
        json.WriteValue(after);
        json.WriteEndArray();
    }

    /// <summary>A member holding an array of objects, each written by <paramref name="writeMembers"/>.</summary>
    private static void Objects<T>(JsonWriter json, string name, IEnumerable<T> items, Action<T> writeMembers)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeMembers(item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
