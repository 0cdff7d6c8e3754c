using ThiDua.Rules.Loading;
using ThiDua.Rules.RuleTests;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.ShippedRules;

/// <summary>Every rule file shipped in <c>rules/</c> validates, and the tests written inside it pass.</summary>
public sealed class ShippedRulesTests
{
    /// <summary>The repository root: above the test binaries, or above this source file when binaries are built elsewhere (--artifacts-path).</summary>
    public static string RepositoryRoot => FindSolution(AppContext.BaseDirectory) ?? FindSolution(SourceFolder())
        ?? throw new InvalidOperationException("ThiDua.Rules.sln not found above " + AppContext.BaseDirectory);

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";

    private static string? FindSolution(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ThiDua.Rules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }

    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(RepositoryRoot, "rules");
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
                     .Where(f => !f.Contains(Path.DirectorySeparatorChar + "samples" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                              && !f.Contains(Path.DirectorySeparatorChar + "schema" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void ShippedRuleFile_Validates_AndItsEmbeddedTestsPass(string relativePath)
    {
        var library = RuleSetLoader.Load(Path.Combine(RepositoryRoot, relativePath));
        Assert.True(library.Succeeded, string.Join("\n", library.Diagnostics.Select(d => d.Format(Language.En))));

        var report = RuleSetValidator.Validate(library.GetValueOrThrow());
        Assert.True(report.Succeeded, string.Join("\n", report.Errors.Select(d => d.Format(Language.En))));

        var run = RuleSetTestRunner.Run(library.GetValueOrThrow());
        var failures = run.Results.Where(r => !r.Passed).SelectMany(r => r.Failures.Select(f => r.TestId + ": " + f));
        Assert.True(run.Succeeded, string.Join("\n", failures.Concat(run.Diagnostics.Select(d => d.Format(Language.En)))));
        Assert.NotEmpty(run.Results);
    }

    [Fact]
    public void EveryFeatureRuleSet_ValidatesAndItsEmbeddedTestsPass()
    {
        var library = RuleSetLoader.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "rules", "every-feature.json")).GetValueOrThrow();

        var run = RuleSetTestRunner.Run(library);

        Assert.True(run.Succeeded, string.Join("\n", run.Results.SelectMany(r => r.Failures.Select(f => f.Format(Language.En))).Concat(run.Diagnostics.Select(d => d.Format(Language.En)))));
        Assert.Equal(7, run.Results.Length);
    }
}
