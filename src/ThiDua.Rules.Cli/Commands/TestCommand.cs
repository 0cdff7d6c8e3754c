using System.CommandLine;
using ThiDua.Rules.Loading;
using ThiDua.Rules.RuleTests;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Cli.Commands;

/// <summary><c>thidua test PATH</c>: runs the tests inside rule files; ends with the line <c>N đạt, M không đạt</c> (<c>N passed, M failed</c> with <c>--lang en</c>); every word from the report catalog.</summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH");
        var command = new Command("test")
        {
            path,
        };
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var loaded = RuleSetLoader.Load(parse.GetValue(path)!);
            if (!loaded.TryGetValue(out var library))
            {
                context.Report(loaded.Diagnostics, language);
                return Pipeline.Unreadable(loaded.Diagnostics, parse.GetValue(path)!) ? ExitCodes.BadInput : ExitCodes.RulesFailed;
            }

            var run = RuleSetTestRunner.Run(library, context.Registry);
            context.Report(run.Diagnostics, language);
            foreach (var result in run.Results.Where(r => !r.Passed))
            {
                context.Output.WriteLine(ReportCatalog.Format("test.fail", language, result.Span, result.TestId) + (result.Name is null ? "" : " — " + result.Name));
                foreach (var failure in result.Failures)
                {
                    context.Output.WriteLine("  " + failure.Format(language));
                }
            }

            context.Output.WriteLine(ReportCatalog.Format("test.summary", language, run.PassedCount, run.FailedCount));
            return run.Succeeded ? ExitCodes.Success : ExitCodes.RulesFailed;
        }));
        return command;
    }
}
