using System.Diagnostics;
using Xunit;

namespace ThiDua.Rules.Tests.Reporting;

/// <summary>
/// Runs headless Chromium (Debian package <c>chromium</c>) on a local file, each run with its own fresh profile, no
/// network services and a time limit after which the whole process tree is killed.
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(120);

    /// <summary>The Chromium executable: <c>/usr/bin/chromium</c>, or <c>chromium</c> on the PATH. Fails the test when there is none.</summary>
    public static string Executable
    {
        get
        {
            var candidates = new List<string> { "/usr/bin/chromium" };
            candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, "chromium")));
            var found = candidates.FirstOrDefault(File.Exists);
            if (found is null)
            {
                Assert.Fail("Chromium is not installed, and the HTML report must be rendered in a real browser: run `apt-get install -y chromium` " +
                    "(Debian package chromium; .ci/run installs it when missing).");
            }

            return found;
        }
    }

    /// <summary>Takes a screenshot of <paramref name="htmlPath"/> at the given window size into <paramref name="pngPath"/>.</summary>
    public static Run Screenshot(string htmlPath, string pngPath, int width, int height) =>
        Start(htmlPath, $"--screenshot={pngPath}", $"--window-size={width},{height}");

    /// <summary>Loads <paramref name="htmlPath"/> and returns the DOM after rendering, serialized, in <see cref="Run.Output"/>.</summary>
    public static Run DumpDom(string htmlPath) => Start(htmlPath, "--dump-dom");

    private static Run Start(string htmlPath, params string[] action)
    {
        var executable = Executable;
        var profile = Directory.CreateTempSubdirectory("thidua-chromium-profile-");
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.FullName,
            }.Concat(action))
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start: " + executable);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeLimit))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"Chromium did not finish within {TimeLimit.TotalSeconds:0} s and was killed: {string.Join(' ', start.ArgumentList)}\n{Tail(error)}");
            }

            process.WaitForExit();
            return new Run(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A helper process may still hold a file for a moment; the profile is in the temp folder anyway.
            }
        }
    }

    private static string Tail(Task<string> error) => error.IsCompletedSuccessfully ? error.Result[Math.Max(0, error.Result.Length - 4000)..] : "";

    /// <summary>One Chromium run: its exit code, standard output and standard error.</summary>
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        /// <summary>Fails the test with Chromium's own messages when it did not exit with 0.</summary>
        public Run Succeeded()
        {
            Assert.True(ExitCode == 0, $"Chromium exited with {ExitCode}:\n{Error[Math.Max(0, Error.Length - 4000)..]}");
            return this;
        }
    }
}
