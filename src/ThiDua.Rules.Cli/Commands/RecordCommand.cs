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
        var rules = new Option<string>("--rules") { Required = true };
        var data = new Option<string>("--data") { Required = true };
        var asOf = new Option<string?>("--as-of");
        var decision = new Option<string>("--decision") { Required = true };
        var decidedOn = new Option<string>("--decided-on") { Required = true };
        var archive = new Option<string>("--archive") { Required = true };
        var command = new Command("record")
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
