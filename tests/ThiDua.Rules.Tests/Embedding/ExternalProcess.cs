using System.Diagnostics;
using System.Text;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary>Runs a program as a person would (a separate process), with a time limit.</summary>
internal static class ExternalProcess
{
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, string fileName, IEnumerable<string> arguments, int timeoutMs = 120_000)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeoutMs / 1000} s: {string.Join(' ', arguments)}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs the built <c>thidua</c> (the copy in the test output) from the repository root.</summary>
    public static (int ExitCode, string Output, string Error) Thidua(params string[] arguments) =>
        Run(ShippedRules.ShippedRulesTests.RepositoryRoot, "dotnet", [Path.Combine(AppContext.BaseDirectory, "thidua.dll"), .. arguments]);
}
