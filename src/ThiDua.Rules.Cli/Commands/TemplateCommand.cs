using System.CommandLine;
using System.Globalization;
using NodaTime;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>
/// <c>thidua template --rules PATH --out FILE.xlsx [--year YYYY | --as-of DATE]</c>: the blank workbook a clerk fills in,
/// with every column the rule set reads (see <see cref="TemplateWorkbookWriter"/>), written atomically. Every line it
/// prints comes from <see cref="ReportCatalog"/> (<c>template.*</c>).
/// </summary>
/// <remarks>
/// The evaluated year is <c>--as-of</c>'s, else <c>--year</c>'s, else the rule set's (<see cref="DefaultAsOf"/>): never
/// the calendar's, so that the same command writes the same bytes in any year. The line printed says which was used.
/// </remarks>
internal static class TemplateCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string>("--rules") { Required = true, HelpName = "PATH" };
        var output = new Option<string>("--out") { Required = true, HelpName = "FILE.xlsx" };
        var asOf = new Option<string?>("--as-of");
        var year = new Option<string?>("--year") { HelpName = "YYYY" };
        var command = new Command("template")
        {
            rules,
            output,
            asOf,
            year,
        };
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var target = parse.GetValue(output)!;
            if (!string.Equals(Path.GetExtension(target), ".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                return Refuse(context, ReportCatalog.Format("template.out-not-xlsx", language, target));
            }

            var asOfText = parse.GetValue(asOf);
            var date = CliApp.ParseDate(asOfText, "--as-of", out var problem);
            if (problem is not null)
            {
                return Refuse(context, ReportCatalog.Format("template.bad-as-of", language, asOfText));
            }

            int? chosenYear = null;
            if (parse.GetValue(year) is { } yearText)
            {
                if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < SubjectSchema.MinYear || y > SubjectSchema.MaxYear)
                {
                    return Refuse(context, ReportCatalog.Format("template.bad-year", language, yearText, SubjectSchema.MinYear, SubjectSchema.MaxYear));
                }

                if (date is { } d && d.Year != y)
                {
                    return Refuse(context, ReportCatalog.Format("template.year-conflict", language, y, asOfText));
                }

                chosenYear = y;
            }

            if (Pipeline.LoadLibrary(context, parse.GetValue(rules)!, language, out var exitCode) is not { } library)
            {
                return exitCode;
            }

            LocalDate when;
            string source;
            if (date is { } given)
            {
                (when, source) = (given, ReportCatalog.Get("template.from-as-of", language));
            }
            else if (chosenYear is { } fixedYear)
            {
                (when, source) = (SubjectData.EndOfYear(fixedYear), ReportCatalog.Get("template.from-year", language));
            }
            else
            {
                var (fromRules, version) = DefaultAsOf(library);
                (when, source) = (fromRules, ReportCatalog.Format("template.from-rules", language, version));
            }

            var compiled = Pipeline.Compile(context, library, when, language, out exitCode);
            if (compiled is null)
            {
                return exitCode;
            }

            AtomicFile.WriteStream(target, stream => TemplateWorkbookWriter.Write(compiled.RuleSet, when, stream, language));
            context.Output.WriteLine(ReportCatalog.Format("template.written", language, target, compiled.RuleSet.Id, when.Year, CellParser.FormatDate(when), source));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// The as-of date of a template made without <c>--as-of</c> or <c>--year</c>: the end of the newest version of the
    /// rule set (the one that starts last) when it has one, else 31 December of the year it starts; with the version,
    /// as its period reads (<c>2024-01-01 → …</c>), for the line that says where the year came from.
    /// </summary>
    internal static (LocalDate AsOf, string Version) DefaultAsOf(RuleLibrary library)
    {
        var newest = library.Versions.MaxBy(v => v.Effective.From)!;
        return (newest.Effective.To ?? SubjectData.EndOfYear(newest.Effective.From.Year), newest.Effective.ToString());
    }

    private static int Refuse(CliContext context, string message)
    {
        context.Error.WriteLine("thidua: " + message);
        return ExitCodes.BadInput;
    }
}
