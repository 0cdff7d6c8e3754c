using System.CommandLine;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary><c>thidua validate PATH</c>: every diagnostic of a rule set; exit 0 only when there is no error.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH");
        var command = new Command("validate")
        {
            path,
        };
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var target = parse.GetValue(path)!;
            // A path that is not rules at all (missing, a device or FIFO) is bad input; it is never opened.
            var kind = FileStatus.Of(target).Kind;
            if (kind is FileKind.Missing or FileKind.Other)
            {
                context.Report([kind == FileKind.Missing
                    ? Diagnostic.Create(DiagnosticCodes.FileNotReadable, new Model.SourceSpan(target, 0, 0), DiagnosticCatalog.Phrase("file.not-found-or-folder"))
                    : Diagnostic.Create(DiagnosticCodes.RuleFileNotRegular, new Model.SourceSpan(target, 0, 0), target)], language);
                return ExitCodes.BadInput;
            }

            var diagnostics = RuleSetValidator.Validate(target, context.Registry).Diagnostics;
            var files = RuleSetLoader.Load(target).TryGetValue(out var library) ? library.Versions.Length : CountFiles(target);
            context.Report(diagnostics, language, context.Output);
            var errors = diagnostics.Count(d => d.Severity == Severity.Error);
            var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
            context.Output.WriteLine(Writing.ReportCatalog.Format("cli.validate-summary", language, files, errors, warnings));
            return errors == 0 ? ExitCodes.Success : ExitCodes.RulesFailed;
        }));
        return command;
    }

    private static int CountFiles(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Count() : 1;
}
