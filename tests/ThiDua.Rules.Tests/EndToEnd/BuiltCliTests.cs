using System.Text;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;

namespace ThiDua.Rules.Tests.EndToEnd;

/// <summary>
/// Runs the built <c>thidua</c> program as a person would (a separate process, from the repository root) and checks
/// exit codes, stderr and golden outputs for the bundled sample. Set <c>THIDUA_UPDATE_GOLDEN=1</c> to rewrite the
/// golden files after an intended change, and review the diff.
/// </summary>
public sealed class BuiltCliTests
{
    private const string Sample = "rules/samples/ban-quan-ly-2024.json";

    private static (int ExitCode, string Output, string Error) Run(params string[] args) =>
        CliHarness.RunBuilt(120, args) is var run ? (run.ExitCode, run.Output, run.Error) : default;

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(ShippedRulesTests.RepositoryRoot, "tests", "ThiDua.Rules.Tests", "TestData", "golden", name);
        if (Environment.GetEnvironmentVariable("THIDUA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests once with THIDUA_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path, Encoding.UTF8), actual);
    }

    [Fact]
    public void Check_SampleAsTable_MatchesGoldenOutput()
    {
        var (exit, output, error) = Run("check", "--rules", "rules/vn", "--data", Sample);

        Assert.Equal(0, exit);
        Assert.Contains("TDR110", error, StringComparison.Ordinal);
        AssertGolden("check-ban-quan-ly-2024.txt", output);
    }

    [Fact]
    public void Explain_SampleSubject_MatchesGoldenOutput()
    {
        var (exit, output, _) = Run("explain", "--rules", "rules/vn", "--data", Sample, "--subject", "NV070");

        Assert.Equal(0, exit);
        AssertGolden("explain-NV070.txt", output);
    }

    [Fact]
    public void Diff_RegimesOnTheSample_MatchesGoldenOutput()
    {
        var (exit, output, _) = Run("diff", "--rules", "rules/vn", "--as-of", "2023-12-31", "--against", "rules/vn", "--as-of-against", "2024-12-31", "--data", Sample, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("\"tap-the-lao-dong-tien-tien\"", output, StringComparison.Ordinal);
        AssertGolden("diff-2017-2024.json", output);
    }

    [Fact]
    public void Explain_UnknownSubject_ExitsTwoWithDidYouMean()
    {
        var (exit, output, error) = Run("explain", "--rules", "rules/vn", "--data", Sample, "--subject", "NV07O");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("NV07O", error, StringComparison.Ordinal);
        Assert.Contains("có phải là 'NV070'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BrokenDataFile_ExitsTwoNamingThePositionWithoutStackTraceOrOutputFile()
    {
        var folder = Directory.CreateTempSubdirectory("thidua-e2e-");
        try
        {
            var data = Path.Combine(folder.FullName, "data.json");
            File.WriteAllText(data, "{ \"year\": 2024,\n  \"individuals\": [ { \"id\": \"A\", \"rating\": \"HTTNV\" }, ]\n}");
            var output = Path.Combine(folder.FullName, "out.json");

            var (exit, stdout, error) = Run("check", "--rules", "rules/vn", "--data", data, "--format", "json", "--out", output);

            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            Assert.Contains("data.json:2:52 TDR135", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Equal([data], Directory.GetFiles(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("html", "<!DOCTYPE html>")]
    [InlineData("xlsx", "PK")]
    [InlineData("csv", "Mã,Họ tên / Tên,Đối tượng")]
    [InlineData("json", "{")]
    public void Check_SampleWorkbook_WritesEachReportFormat(string format, string start)
    {
        var folder = Directory.CreateTempSubdirectory("thidua-e2e-");
        try
        {
            var output = Path.Combine(folder.FullName, "bao-cao." + format);

            var (exit, stdout, error) = Run("check", "--rules", "rules/vn", "--data", "rules/samples/ban-quan-ly-2024.xlsx", "--format", format, "--out", output);

            Assert.True(exit == 0, error);
            Assert.Equal("", stdout);
            var bytes = File.ReadAllBytes(output);
            var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
            Assert.StartsWith(start, text, StringComparison.Ordinal);
            Assert.Equal([output], Directory.GetFiles(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_XlsxWithoutOut_ExitsTwo()
    {
        var (exit, stdout, error) = Run("check", "--rules", "rules/vn", "--data", Sample, "--format", "xlsx");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var (exit, output, _) = Run("--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("validate")]
    [InlineData("test")]
    [InlineData("explain")]
    [InlineData("diff")]
    public void Help_EveryCommand_ShowsExamples(string command)
    {
        var (exit, output, _) = Run(command, "--help");
        var (exitEn, outputEn, _) = Run(command, "--help", "--lang", "en");

        Assert.Equal((0, 0), (exit, exitEn));
        Assert.Contains("Ví dụ:", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", outputEn, StringComparison.Ordinal);
        Assert.Contains("thidua " + command, output, StringComparison.Ordinal);
    }
}
