using System.CommandLine;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Reporting.Writing;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Cli.Commands;

/// <summary><c>thidua check</c>: the main job — evaluate a data file against the rules in force and write the nominations.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string>("--rules") { Required = true };
        var data = new Option<string>("--data") { Required = true };
        var asOf = new Option<string?>("--as-of");
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx", "html");
        var output = new Option<string?>("--out");
        var include = new Option<string>("--include") { DefaultValueFactory = _ => "decided" };
        include.AcceptOnlyFromAmong("decided", "all");
        var detail = new Option<string>("--detail")
        {
            DefaultValueFactory = _ => "full",
        };
        detail.AcceptOnlyFromAmong("full", "reasons", "outcomes");

        var command = new Command("check")
        {
            rules, data, asOf, format, output, include, detail,
        };
        var council = new CouncilInputs().AddTo(command);
        var settings = new ParameterSettings().AddTo(command);

        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            if (parse.GetValue(output) is { } target && Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder && !Directory.Exists(folder))
            {
                return context.UsageError(CliApp.Usage(DiagnosticCodes.UsageFolderMissing, "--out", folder), language);
            }

            if (parse.GetValue(detail) != "full" && parse.GetValue(format) != "json")
            {
                return context.UsageError(CliApp.Usage(DiagnosticCodes.UsageOptionNeedsAnother, "--detail", "--format json"), language);
            }

            if (settings.Read(context, parse, language) is not { } overrides)
            {
                return ExitCodes.BadInput;
            }

            var result = Pipeline.Evaluate(context, parse, parse.GetValue(rules)!, parse.GetValue(data)!, parse.GetValue(asOf), language, out var code, council: council, overrides: overrides);
            if (result is null)
            {
                return code;
            }

            var inclusion = parse.GetValue(include) == "all" ? ResultInclusion.All : ResultInclusion.Decided;
            var chosen = parse.GetValue(format)!;
            if (chosen == "xlsx")
            {
                if (parse.GetValue(output) is not { } workbook)
                {
                    return context.UsageError(CliApp.Usage(DiagnosticCodes.UsageXlsxNeedsOut), language);
                }

                AtomicFile.WriteStream(workbook, stream => XlsxResultWriter.Write(result, stream, inclusion, language));
                return ExitCodes.Success;
            }

            Action<TextWriter> write = chosen switch
            {
                "json" => w => JsonResultWriter.Write(result, w, JsonOptions(parse.GetValue(detail), inclusion, language)),
                "csv" => w => CsvResultWriter.Write(result, w, inclusion, language),
                "html" => w => HtmlReportWriter.Write(result, w, inclusion, language),
                _ => w => TableReport.Write(result, w, inclusion, language),
            };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (parse.GetValue(output) is { } path)
            {
                AtomicFile.Write(path, write, byteOrderMark: chosen == "csv");
            }
            else
            {
                write(context.Output);
            }

            context.Timing(parse, "cli.timing-written", clock);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static JsonResultOptions JsonOptions(string? detail, ResultInclusion include, Language language) => detail switch
    {
        "reasons" => new JsonResultOptions { Include = include, Language = language, Criteria = CriteriaDetail.NotPassed, Indented = false },
        "outcomes" => new JsonResultOptions { Include = include, Language = language, Criteria = CriteriaDetail.None, Indented = false },
        _ => new JsonResultOptions { Include = include, Language = language },
    };
}
