using Spectre.Console;
using ThiDua.Rules.Evaluation;

namespace ThiDua.Rules.Cli;

/// <summary>
/// A progress bar on stderr for large inputs (more than about 10,000 subjects) when stderr is a terminal; silent
/// otherwise, so pipes, files and tests see nothing.
/// </summary>
internal static class ProgressBar
{
    public const int Threshold = 10_000;

    public static T Run<T>(CliContext context, int subjects, Language language, Func<IProgress<EvaluationProgress>?, T> work)
    {
        if (subjects <= Threshold || Console.IsErrorRedirected || !ReferenceEquals(context.Error, CliContext.ConsoleError))
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask(Writing.ReportCatalog.Format("cli.progress", language, subjects.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
            result = work(new Progress(task));
        });
        return result;
    }

    private sealed class Progress(ProgressTask task) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
            task.MaxValue = value.Total;
            task.Value = value.Completed;
            task.Description = value.Award;
        }
    }
}
