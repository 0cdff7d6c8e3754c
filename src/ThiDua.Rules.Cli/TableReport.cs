using Spectre.Console;
using Spectre.Console.Rendering;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Cli;

/// <summary>
/// The console report: per award, a count of each outcome and the list of subjects (nominations first), each "no"
/// with its reasons; then the plan targets. Plain text when written to a file or a pipe.
/// </summary>
internal static class TableReport
{
    public static void Write(EvaluationResult result, TextWriter writer, ResultInclusion include, Language language)
    {
        // Render into a buffer, then drop the padding Spectre adds at line ends (it pads to the console width).
        var buffer = new StringWriter();
        Render(result, buffer, include, language);
        foreach (var line in buffer.ToString().Split('\n'))
        {
            // Names in the data are shown, never obeyed: escape sequences and carriage returns are written visibly.
            writer.Write(TerminalSafeWriter.Escape(line.TrimEnd()));
            writer.Write('\n');
        }
    }

    private static void Render(EvaluationResult result, TextWriter writer, ResultInclusion include, Language language)
    {
        var renderer = new ExplanationRenderer(language);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        string W(string key, params object?[] args) => ReportCatalog.Format(key, language, args);
        var basis = result.RuleSet.Base is { } b ? W("table.extends", b.Id, b.Version) : "";
        console.WriteLine($"{result.RuleSet.Name} — {result.RuleSet.Id} {result.RuleSet.Version}{basis}");
        console.WriteLine(W("table.year-as-of", result.Year, renderer.Format(new ExplainedValue(result.AsOf))));

        // Above a size the table is a summary (counts per award and per unit), then the first rows: a console cannot show
        // a province, and building every row's explanation would cost seconds and gigabytes.
        var summarised = Summarise(result, console, language, renderer);
        var results = summarised ? result.Results(include).Take(FirstRows) : result.Results(include);
        foreach (var group in results.GroupBy(r => r.Award))
        {
            var rows = group.OrderByDescending(r => r.Outcome).ThenBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Subject, StringComparer.Ordinal).ToList();
            var counts = string.Join(", ", rows.GroupBy(r => r.Outcome).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {renderer.Outcome(g.Key)}"));
            console.WriteLine();
            console.WriteLine(summarised ? $"{rows[0].NameIn(language)} ({group.Key})" : $"{rows[0].NameIn(language)} ({group.Key}) — {counts}");
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns(W("table.id"), W("table.name"), W("table.position"), W("table.unit"), W("table.outcome"), W("table.reasons"));
            // What a council reads: proposals, over quota, short of data, near misses (one criterion short) and the pairs
            // where the unit's own proposal disagrees; the other "no" rows only with --include all (their count is in the heading).
            foreach (var row in rows.Where(r => include == ResultInclusion.All || r.Outcome != Outcome.NotEligible || renderer.IsNearMiss(r) || r.ProposalCheck is not null))
            {
                var reasons = row.Criteria.Where(c => c.Status != CriterionStatus.Pass).Select(c => renderer.Gap(c) is { } gap ? renderer.Message(c) + " — " + gap : renderer.Message(c)).ToList();
                if (row.SupersededBy is { } higher)
                {
                    reasons.Insert(0, W("council.superseded-line", AwardName(result, higher, language)));
                }

                if (row.Council is { } council)
                {
                    reasons.Insert(0, W("council.line", W(ReportCatalog.CouncilKey(council)), row.Vote!.Yes, row.Vote.Members));
                }

                if (row.ProposalCheck is { } check)
                {
                    reasons.Insert(0, W(ReportCatalog.ProposalKey(check)));
                }

                if (row.Rank is { } rank && row.Outcome == Outcome.Recommended)
                {
                    reasons.Insert(0, W("council.rank-line", rank, row.QuotaPlaces));
                }

                var outcome = row.Outcome == Outcome.NotEligible && renderer.IsNearMiss(row) && include != ResultInclusion.All
                    ? W("table.near-miss", renderer.Outcome(row.Outcome))
                    : renderer.Outcome(row.Outcome);
                table.AddRow(Cell(row.Subject), Cell(row.SubjectName ?? ""), Cell(row.Position ?? ""), Cell(row.Unit ?? ""), Cell(outcome), Cell(string.Join("; ", reasons)));
            }

            if (table.Rows.Count > 0)
            {
                console.Write(table);
            }
        }

        // The bonuses of the proposals per form; a summary leaves them out (they would need every pair's result).
        var bonuses = summarised ? new List<BonusTotal>() : BonusTotal.Of(result.Results(include), result.RuleSet.Awards);
        if (bonuses.Count > 0)
        {
            console.WriteLine();
        }

        foreach (var bonus in bonuses)
        {
            var amount = bonus.Amount is { } a ? W("table.bonus-amount", renderer.Format(new ExplainedValue(a))) : "";
            console.WriteLine(bonus.Award.NameIn(language) + " — " + W("table.bonus", bonus.Cases, renderer.Format(new ExplainedValue(bonus.Multiple)), renderer.Format(new ExplainedValue(bonus.TotalMultiple)), amount));
        }

        var targets = (summarised ? result.Targets().Take(FirstRows + 1) : result.Targets()).ToList();
        if (targets.Count > 0)
        {
            console.WriteLine();
            console.WriteLine(W("table.targets"));
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns(W("table.unit"), W("table.target"), W("table.status"), W("table.detail"));
            if (summarised && targets.Count > FirstRows)
            {
                console.WriteLine(ReportCatalog.Format("table.first-rows", language, FirstRows, result.Targets().Count()));
                targets.RemoveAt(FirstRows);
            }

            foreach (var target in targets)
            {
                table.AddRow(Cell(target.Unit), Cell(target.Target), Cell(renderer.Status(target.Status)), Cell(renderer.Message(target)));
            }

            console.Write(table);
        }
    }

    /// <summary>Above this many subjects (individuals and units) the table is summarised.</summary>
    internal const int SummaryAbove = 2_000;

    /// <summary>The rows of the list shown under a summary.</summary>
    internal const int FirstRows = 100;

    /// <summary>The units listed in a summary's counts per unit.</summary>
    internal const int FirstUnits = 100;

    /// <summary>
    /// For a result above <see cref="SummaryAbove"/> subjects: the counts of each outcome per award, and per unit the people
    /// and their recommended and insufficient-data pairs (the first units by id), from the outcome table (no explanation
    /// is built). Returns whether it summarised.
    /// </summary>
    private static bool Summarise(EvaluationResult result, IAnsiConsole console, Language language, ExplanationRenderer renderer)
    {
        var outcomes = result.GetOutcomeTable();
        if (outcomes.IndividualCount + outcomes.UnitCount <= SummaryAbove)
        {
            return false;
        }

        console.WriteLine();
        console.WriteLine(ReportCatalog.Format("table.summary", language, outcomes.IndividualCount, outcomes.UnitCount, SummaryAbove));
        console.WriteLine();
        console.WriteLine(ReportCatalog.Get("table.by-award", language));
        var byAward = new Table().Border(TableBorder.Simple);
        Outcome[] kinds = [Outcome.Recommended, Outcome.EligibleOverQuota, Outcome.InsufficientData, Outcome.NotEligible];
        byAward.AddColumn(ReportCatalog.Get("report.award-short", language));
        foreach (var kind in kinds)
        {
            byAward.AddColumn(new TableColumn(renderer.Outcome(kind)).RightAligned());
        }

        for (var a = 0; a < outcomes.AwardIds.Length; a++)
        {
            byAward.AddRow([Cell(outcomes.AwardIds[a]), .. kinds.Select(k => Cell(Number(outcomes.Count(a, k))))]);
        }

        console.Write(byAward);

        // Per unit: its people, and their recommended and insufficient-data pairs over the individual awards.
        var units = new SortedDictionary<string, (int People, int Recommended, int Short)>(StringComparer.Ordinal);
        var noUnit = ReportCatalog.Get("report.no-unit", language);
        var individualAwards = Enumerable.Range(0, outcomes.AwardIds.Length).Where(a => outcomes.AwardSubject(a) == Model.SubjectKind.Individual).ToArray();
        for (var s = 0; s < outcomes.IndividualCount; s++)
        {
            var unit = outcomes.IndividualUnitId(s) ?? noUnit;
            var (people, recommended, unknown) = units.GetValueOrDefault(unit);
            foreach (var a in individualAwards)
            {
                var outcome = outcomes.Get(a, s);
                recommended += outcome == Outcome.Recommended ? 1 : 0;
                unknown += outcome == Outcome.InsufficientData ? 1 : 0;
            }

            units[unit] = (people + 1, recommended, unknown);
        }

        console.WriteLine();
        console.WriteLine(ReportCatalog.Get("table.by-unit", language));
        if (units.Count > FirstUnits)
        {
            console.WriteLine(ReportCatalog.Format("table.first-units", language, FirstUnits, units.Count));
        }

        var byUnit = new Table().Border(TableBorder.Simple);
        byUnit.AddColumn(ReportCatalog.Get("table.unit", language));
        byUnit.AddColumn(new TableColumn(ReportCatalog.Get("table.people", language)).RightAligned());
        byUnit.AddColumn(new TableColumn(ReportCatalog.Get("table.proposed", language)).RightAligned());
        byUnit.AddColumn(new TableColumn(ReportCatalog.Get("report.insufficient-data", language)).RightAligned());
        foreach (var (unit, (people, recommended, unknown)) in units.Take(FirstUnits))
        {
            byUnit.AddRow(Cell(unit), Cell(Number(people)), Cell(Number(recommended)), Cell(Number(unknown)));
        }

        console.Write(byUnit);
        console.WriteLine();
        console.WriteLine(ReportCatalog.Format("table.first-pairs", language, FirstRows, PairCount(outcomes)));
        return true;
    }

    private static int PairCount(OutcomeTable table)
    {
        var pairs = 0;
        for (var a = 0; a < table.AwardIds.Length; a++)
        {
            foreach (var kind in Enum.GetValues<Outcome>())
            {
                pairs += table.Count(a, kind);
            }
        }

        return pairs;
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Text Cell(string text) => new(TerminalSafeWriter.Escape(text));

    /// <summary>An award's name in the report's language, from the rule set (its id when the rule set has none).</summary>
    private static string AwardName(EvaluationResult result, string awardId, Language language) =>
        result.RuleSet.Awards.FirstOrDefault(a => a.Id == awardId)?.NameIn(language) ?? awardId;
}
