using Spectre.Console;
using Spectre.Console.Rendering;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Validation;

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
        var en = language == Language.En;
        var basis = result.RuleSet.Base is { } b ? $" (extends {b.Id} {b.Version})" : "";
        console.WriteLine($"{result.RuleSet.Name} — {result.RuleSet.Id} {result.RuleSet.Version}{basis}");
        console.WriteLine((en ? "Year " : "Năm ") + result.Year + (en ? ", as of " : ", tính đến ") + renderer.Format(new ExplainedValue(result.AsOf)));

        foreach (var group in result.Results(include).GroupBy(r => r.Award))
        {
            var rows = group.OrderByDescending(r => r.Outcome).ThenBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Subject, StringComparer.Ordinal).ToList();
            var counts = string.Join(", ", rows.GroupBy(r => r.Outcome).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {renderer.Outcome(g.Key)}"));
            console.WriteLine();
            console.WriteLine($"{rows[0].NameIn(language)} ({group.Key}) — {counts}");
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns(en ? "Subject" : "Mã", en ? "Name" : "Họ tên / Tên", en ? "Position" : "Chức vụ", en ? "Unit" : "Đơn vị", en ? "Outcome" : "Kết quả", en ? "Reasons" : "Lý do");
            // What a council reads: proposals, over quota, short of data and near misses (one criterion short); the other
            // "no" rows only with --include all (their count is in the heading).
            foreach (var row in rows.Where(r => include == ResultInclusion.All || r.Outcome != Outcome.NotEligible || renderer.IsNearMiss(r)))
            {
                var reasons = row.Criteria.Where(c => c.Status != CriterionStatus.Pass).Select(c => renderer.Gap(c) is { } gap ? renderer.Message(c) + " — " + gap : renderer.Message(c)).ToList();
                if (row.SupersededBy is { } higher)
                {
                    reasons.Insert(0, (en ? "proposed for the higher form " : "đề nghị hình thức cao hơn: ") + higher);
                }

                if (row.Council is { } council)
                {
                    reasons.Insert(0, (en ? "council: " : "hội đồng: ") + (council == Model.CouncilDecision.Approved ? (en ? "approved" : "thông qua") : (en ? "not approved" : "không thông qua"))
                        + $" ({row.Vote!.Yes}/{row.Vote.Members})");
                }

                if (row.Rank is { } rank && row.Outcome == Outcome.Recommended)
                {
                    reasons.Insert(0, (en ? "rank " : "hạng ") + rank + "/" + row.QuotaPlaces + (en ? " places" : " suất"));
                }

                var outcome = row.Outcome == Outcome.NotEligible && renderer.IsNearMiss(row) && include != ResultInclusion.All
                    ? renderer.Outcome(row.Outcome) + (en ? " (near miss)" : " (suýt đạt)")
                    : renderer.Outcome(row.Outcome);
                table.AddRow(Cell(row.Subject), Cell(row.SubjectName ?? ""), Cell(row.Position ?? ""), Cell(row.Unit ?? ""), Cell(outcome), Cell(string.Join("; ", reasons)));
            }

            if (table.Rows.Count > 0)
            {
                console.Write(table);
            }
        }

        var targets = result.Targets().ToList();
        if (targets.Count > 0)
        {
            console.WriteLine();
            console.WriteLine(en ? "Plan targets" : "Chỉ tiêu kế hoạch");
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns(en ? "Unit" : "Đơn vị", en ? "Target" : "Chỉ tiêu", en ? "Status" : "Kết quả", en ? "Detail" : "Chi tiết");
            foreach (var target in targets)
            {
                table.AddRow(Cell(target.Unit), Cell(target.Target), Cell(renderer.Status(target.Status)), Cell(renderer.Message(target)));
            }

            console.Write(table);
        }
    }

    private static Text Cell(string text) => new(TerminalSafeWriter.Escape(text));
}
