using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;
using Xunit.Abstractions;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary>
/// The README's "Embedding" example is a program that compiles and runs: this test takes the C# block under
/// <c>## Embedding</c> as written, compiles it with Roslyn as an embedder's console project would (implicit usings,
/// nullable on, warnings as errors), and runs it from the repository root in a separate process.
/// </summary>
public sealed partial class ReadmeExampleTests(ITestOutputHelper log)
{
    // The global usings of an SDK console project (ImplicitUsings=enable), which the README example relies on.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [GeneratedRegex(@"^## Embedding\n(?:.*\n)*?```csharp\n(?<code>(?:.*\n)*?)```\n", RegexOptions.Multiline)]
    private static partial Regex EmbeddingBlock();

    private static string ExampleFrom(string markdownPath)
    {
        var text = File.ReadAllText(markdownPath, Encoding.UTF8).ReplaceLineEndings("\n");
        var match = EmbeddingBlock().Match(text);
        Assert.True(match.Success, $"{markdownPath} has no ```csharp block under '## Embedding'");
        return match.Groups["code"].Value;
    }

    private static string ReadmeExample => ExampleFrom(Path.Combine(ShippedRulesTests.RepositoryRoot, "README.md"));

    [Fact]
    public void ReadmeExample_IsAboutFifteenLinesOfCode()
    {
        var lines = ReadmeExample.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => !l.StartsWith("using ", StringComparison.Ordinal));

        Assert.InRange(lines, 10, 20);
    }

    [Fact]
    public void PackageReadme_ShowsTheSameExampleAsTheRepositoryReadme() =>
        Assert.Equal(ReadmeExample, ExampleFrom(Path.Combine(ShippedRulesTests.RepositoryRoot, "src", "ThiDua.Rules", "README.md")));

    [Fact]
    public void ReadmeExample_CompilesAndRuns_PrintingTheThreeExplanations()
    {
        var folder = Directory.CreateTempSubdirectory("thidua-readme-");
        try
        {
            var program = Compile(ReadmeExample, folder.FullName);

            var (exit, output, error) = ExternalProcess.Run(ShippedRulesTests.RepositoryRoot, "dotnet", [program]);

            log.WriteLine(output);
            Assert.True(exit == 0, $"the README example exited with {exit}:\n{error}");
            var lines = output.ReplaceLineEndings("\n").Split('\n');
            Assert.Contains("Nguyễn Văn An: recommended", lines);
            Assert.Contains("Trần Thị Bình: not eligible", lines);
            Assert.Contains("Lê Văn Cường: not eligible", lines);
            Assert.Contains(lines, l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains("HTNV", StringComparison.Ordinal) && l.EndsWith("(fail)", StringComparison.Ordinal));
            Assert.Equal(3, lines.Count(l => l.Length > 0 && !l.StartsWith(' ')));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Compiles <paramref name="code"/> to a runnable program in <paramref name="folder"/> and returns its path.</summary>
    private static string Compile(string code, string folder)
    {
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: "README.md"),
            CSharpSyntaxTree.ParseText(ImplicitUsings, new CSharpParseOptions(LanguageVersion.Latest), path: "GlobalUsings.g.cs"),
        };

        // The test's own platform assemblies (the .NET runtime, ThiDua.Rules and its dependencies) are what an embedder's
        // project would reference.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("ReadmeExample", trees, references, new CSharpCompilationOptions(
            OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));

        var path = Path.Combine(folder, "ReadmeExample.dll");
        var emitted = compilation.Emit(path);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(emitted.Success && problems.Count == 0, "the README example does not compile:\n" + string.Join("\n", problems));

        // Run it on the test's runtime, next to the library it uses (as its build output would be).
        File.WriteAllText(Path.Combine(folder, "ReadmeExample.runtimeconfig.json"), $$"""
            { "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version}}" } } }
            """);
        foreach (var dependency in new[] { "ThiDua.Rules.dll", "NodaTime.dll", "Newtonsoft.Json.dll" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, dependency), Path.Combine(folder, dependency));
        }

        return path;
    }
}
