using System.CommandLine;
using NodaTime;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>
/// <c>thidua template --rules PATH --out FILE.xlsx [--as-of DATE]</c>: the blank workbook a clerk fills in, with every
/// column the rule set reads (see <see cref="TemplateWorkbookWriter"/>), written atomically.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string>("--rules") { Description = "The rule set (file or folder) whose columns the workbook has.", Required = true, HelpName = "PATH" };
        var output = new Option<string>("--out") { Description = "The workbook to write (.xlsx).", Required = true, HelpName = "FILE.xlsx" };
        var asOf = new Option<string?>("--as-of") { Description = "The evaluation date (YYYY-MM-DD): picks the rule version and the year of the information sheet and of the history columns; default: 31 December of the current year." };
        var command = new Command("template", """
            Write a blank workbook for a rule set: sheets Cá nhân and Đơn vị with every column the rules read (Vietnamese
            headers, drop-down lists, date and number formats), Thông tin (year, as-of date, agency) and Hướng dẫn
            (instructions in Vietnamese). A filled template is read by 'check' without a warning.
            Examples:
              thidua template --rules rules/vn --out mau-2024.xlsx --as-of 2024-12-31
              thidua check --rules rules/vn --data mau-2024.xlsx
            """)
        {
            rules,
            output,
            asOf,
        };
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var target = parse.GetValue(output)!;
            if (!string.Equals(Path.GetExtension(target), ".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                context.Error.WriteLine(language == Language.En
                    ? $"thidua: --out: the template is an Excel workbook: name it .xlsx, not '{target}'"
                    : $"thidua: --out: mẫu là bảng tính Excel: đặt tên tệp có đuôi .xlsx, không phải '{target}'");
                return ExitCodes.BadInput;
            }

            var date = CliApp.ParseDate(parse.GetValue(asOf), out var problem);
            if (problem is not null)
            {
                context.Error.WriteLine("thidua: --as-of: " + problem);
                return ExitCodes.BadInput;
            }

            // Without --as-of the template is for the current year (its history columns are the five years before).
            var when = date ?? new LocalDate(DateTime.Today.Year, 12, 31);
            var compiled = Pipeline.LoadRules(context, parse.GetValue(rules)!, when, language, out var exitCode);
            if (compiled is null)
            {
                return exitCode;
            }

            AtomicFile.WriteStream(target, stream => TemplateWorkbookWriter.Write(compiled.RuleSet, when, stream));
            context.Output.WriteLine(language == Language.En
                ? $"{target}: template for {compiled.RuleSet.Id} ({when.Year}) written"
                : $"{target}: đã ghi mẫu bảng tính cho {compiled.RuleSet.Id} (năm {when.Year})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
