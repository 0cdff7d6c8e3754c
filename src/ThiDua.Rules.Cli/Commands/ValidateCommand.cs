using System.CommandLine;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary><c>thidua validate PATH</c>: every diagnostic of a rule set; exit 0 only when there is no error.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "Rule file or folder." };
        var command = new Command("validate", """
            Check rule files and list every problem as file:line:col TDR### message.
            Examples:
              thidua validate rules
              thidua validate rules/vn/vn-tdkt-2024.json --lang en
            """)
        {
            path,
        };
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var target = parse.GetValue(path)!;
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                context.Error.WriteLine(target + " TDR023 " + (language == Language.En ? "no such file or folder" : "không có tệp hoặc thư mục này"));
                return ExitCodes.BadInput;
            }

            var diagnostics = RuleSetValidator.Validate(target, context.Registry).Diagnostics;
            var files = RuleSetLoader.Load(target).TryGetValue(out var library) ? library.Versions.Length : CountFiles(target);
            context.Report(diagnostics, language, context.Output);
            var errors = diagnostics.Count(d => d.Severity == Severity.Error);
            var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
            context.Output.WriteLine(language == Language.En
                ? $"{files} rule file(s): {errors} error(s), {warnings} warning(s)"
                : $"{files} tệp quy tắc: {errors} lỗi, {warnings} cảnh báo");
            return errors == 0 ? ExitCodes.Success : ExitCodes.RulesFailed;
        }));
        return command;
    }

    private static int CountFiles(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Count() : 1;
}
