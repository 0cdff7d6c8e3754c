using System.CommandLine;
using System.Globalization;
using ThiDua.Rules.Cli.Archive;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>
/// <c>thidua record</c>: keeps the year's decided awards (proposed, not superseded, approved where voted) with every
/// subject's rating, the decision number and date, in an archive that <c>check --history</c> reads next year (design §8).
/// </summary>
internal static class RecordCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string>("--rules") { Description = "Rule file or folder (the version in force on the as-of date is used).", Required = true };
        var data = new Option<string>("--data") { Description = "Data file: canonical JSON, CSV or XLSX.", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "As-of date (YYYY-MM-DD); default: the data's asOf." };
        var decision = new Option<string>("--decision") { Description = "The number of the decision that awards them (số quyết định), for example 125/QĐ-BQL.", Required = true };
        var decidedOn = new Option<string>("--decided-on") { Description = "The date of the decision (YYYY-MM-DD or dd/MM/yyyy).", Required = true };
        var archive = new Option<string>("--archive") { Description = "The archive file (SQLite; created when missing). Recording a year again replaces that year.", Required = true };
        var command = new Command("record", """
            Keep the year's decided awards and every subject's rating in an archive, for next year's --history.
            Example:
              thidua record --rules rules/vn --data ban-quan-ly-2024.xlsx --votes phieu-bau.csv --decision 125/QĐ-BQL --decided-on 2025-01-15 --archive thi-dua.db
            """)
        {
            rules, data, asOf, decision, decidedOn, archive,
        };
        var council = new CouncilInputs().AddTo(command);
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var date = CliApp.ParseDate(parse.GetValue(decidedOn), "--decided-on", out var problem);
            if (problem is not null)
            {
                return context.UsageError(problem, language);
            }

            if (date is null || string.IsNullOrWhiteSpace(parse.GetValue(decision)))
            {
                context.Error.WriteLine("thidua: " + Writing.ReportCatalog.Get(date is null ? "council.decided-on-missing" : "council.decision-missing", language));
                return ExitCodes.BadInput;
            }

            if (DecisionArchive.NotWritable(parse.GetValue(archive)!) is { } refusal)
            {
                context.Report([refusal], language);
                return ExitCodes.BadInput;
            }

            var result = Pipeline.Evaluate(context, parse, parse.GetValue(rules)!, parse.GetValue(data)!, parse.GetValue(asOf), language, out var code, council: council);
            if (result is null)
            {
                return code;
            }

            var path = parse.GetValue(archive)!;
            try
            {
                var summary = DecisionArchive.Record(path, result, parse.GetValue(decision)!.Trim(), date.Value);
                var year = result.Year.ToString(CultureInfo.InvariantCulture);
                context.Output.WriteLine(Writing.ReportCatalog.Format(summary.Replaced ? "record.replaced" : "record.recorded", language, path, year, summary.Subjects, summary.Awards, parse.GetValue(decision)));
                return ExitCodes.Success;
            }
            catch (ArchiveException ex)
            {
                context.Report([ArchiveDiagnostic(ex)], language);
                return ExitCodes.BadInput;
            }
        }));
        return command;
    }

    /// <summary>An archive that cannot be used, as a catalog diagnostic naming the file.</summary>
    internal static Diagnostic ArchiveDiagnostic(ArchiveException ex) => ex.Refusal ??
        Diagnostic.Create(DiagnosticCodes.ArchiveUnusable, new Model.SourceSpan(ex.File, 0, 0), DiagnosticCatalog.Term(ex.Reason));
}
