using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;

namespace ThiDua.Rules.Tests.Builders;

/// <summary>One run of <c>thidua</c>: its exit code and what it wrote to stdout and stderr.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>A run of the built <c>thidua</c> in its own process, with its wall time and peak resident memory (VmHWM, sampled).</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="PeakBytes">The highest resident memory seen, in bytes.</param>
internal sealed record MeasuredRun(int ExitCode, string Output, string Error, TimeSpan Elapsed, long PeakBytes);

/// <summary>
/// The harness of the command-line tests (with <see cref="TempFolder"/> for their files): <see cref="Run"/> runs the
/// CLI in this process with captured streams; <see cref="RunBuilt"/> runs the built <c>thidua.dll</c> as users do, with
/// a time limit, measuring time and peak memory; <see cref="Hash"/> shows that an input file was left as it was.
/// </summary>
internal static class CliHarness
{
    /// <summary>Runs <c>thidua <paramref name="args"/></c> in this process; lines end with <c>\n</c>.</summary>
    public static CliRun Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs the built <c>thidua</c> (beside the tests) in the repository root, killing it and failing after
    /// <paramref name="timeoutSeconds"/>; samples its peak resident memory every 20 ms.
    /// </summary>
    public static MeasuredRun RunBuilt(int timeoutSeconds, params string[] arguments) =>
        RunBuilt(timeoutSeconds, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="RunBuilt(int, string[])"/>, with <paramref name="environment"/> added to the process's environment.</summary>
    public static MeasuredRun RunBuilt(int timeoutSeconds, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ShippedRulesTests.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "thidua.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var peak = 0L;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakOf(process.Id));
            if (clock.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"thidua ran past {timeoutSeconds} s: {string.Join(' ', arguments)}");
            }
        }

        return new MeasuredRun(process.ExitCode, output.Result, error.Result, clock.Elapsed, peak);
    }

    /// <summary>
    /// Asserts that a run ended with <paramref name="exitCode"/> and one error line (warnings aside) that starts with
    /// <paramref name="where"/> and <paramref name="code"/>, with no stack trace and no "internal error".
    /// </summary>
    public static void AssertOneClearLine(MeasuredRun run, int exitCode, string where, string code) =>
        AssertOneClearLine(new CliRun(run.ExitCode, run.Output, run.Error), exitCode, where, code);

    /// <inheritdoc cref="AssertOneClearLine(MeasuredRun, int, string, string)"/>
    public static void AssertOneClearLine(CliRun run, int exitCode, string where, string code)
    {
        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}, stderr:\n{run.Error}");
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains("warning:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, "expected one line:\n" + run.Error);
        Assert.True(errors[0].StartsWith($"{where} {code} ", StringComparison.Ordinal), $"expected {where} {code}, got:\n{run.Error}");
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The SHA-256 of a file, to show that a run left it as it was.</summary>
    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The process's peak resident memory so far (the kernel's high-water mark), or 0 once it has gone.</summary>
    private static long PeakOf(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
