using Newtonsoft.Json.Linq;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary>
/// <c>thidua --plugin</c>: the sample plug-in loaded from its own build output into an isolated load context, used by
/// validate, test and check, in-process and through the built program.
/// </summary>
public sealed class SamplePluginCliTests
{
    private static string PluginPath => Path.Combine(AppContext.BaseDirectory, "plugins", "sample", "ThiDua.Rules.SamplePlugin.dll");

    private static string RulesFolder => SamplePluginTests.RulesFolder;

    [Fact]
    public void PluginOutput_IsCopiedWithoutTheLibrary_SoTheContractComesFromTheCli()
    {
        Assert.True(File.Exists(PluginPath), PluginPath + " is missing: the test project copies the sample plug-in's build output there");
        Assert.True(File.Exists(Path.ChangeExtension(PluginPath, ".deps.json")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(PluginPath)!, "ThiDua.Rules.dll")));
    }

    [Fact]
    public void Test_WithThePlugin_RunsTheRuleFilesTests()
    {
        var (code, output, error) = Run("test", "--plugin", PluginPath, RulesFolder);

        Assert.Equal("", error);
        Assert.Equal(ExitCodes.Success, code);
        Assert.EndsWith("2 đạt, 0 không đạt\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PluginOptionBeforeTheCommand_IsAcceptedAndTheRuleFileIsValid()
    {
        var (code, output, _) = Run("--plugin", PluginPath, "validate", RulesFolder, "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.EndsWith("1 rule file(s): 0 error(s), 0 warning(s)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutThePlugin_ListsTheKnownCriterionTypes()
    {
        var (code, output, _) = Run("validate", RulesFolder, "--lang", "en");

        Assert.Equal(ExitCodes.RulesFailed, code);
        Assert.Contains("TDR019 unknown criterion type 'budget-contribution-growth' (known types: no-pending-review, rulesengine)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SamePluginTwice_IsHarmless()
    {
        var (code, _, _) = Run("validate", RulesFolder, "--plugin", PluginPath, "--plugin", PluginPath);

        Assert.Equal(ExitCodes.Success, code);
    }

    [Theory]
    [InlineData("missing.dll", "no such file")]
    [InlineData("README.md", "not a .NET assembly")]
    [InlineData("thidua.dll", "it holds no public class that implements IExpressionFunction or ICriterionType")]
    public void Validate_BadPlugin_ExitsTwoNamingThePluginAndTheProblem(string file, string problem)
    {
        var path = file == "README.md" ? Path.Combine(ShippedRulesTests.RepositoryRoot, file) : Path.Combine(AppContext.BaseDirectory, file);

        var (code, output, error) = Run("validate", RulesFolder, "--plugin", path, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal($"thidua: {path} TDR065 the plug-in '{path}' cannot be loaded: {problem}\n", error);
    }

    [Fact]
    public void Help_ListsThePluginOption()
    {
        var (code, output, _) = Run("check", "--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("--plugin <PLUGIN.dll>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltCli_CheckWithThePluginAsJson_RecommendsTheEnterpriseWhoseContributionGrew()
    {
        var (code, output, error) = ExternalProcess.Thidua(
            "check", "--plugin", PluginPath, "--rules", "tests/ThiDua.Rules.SamplePlugin/rules",
            "--data", "rules/samples/khoi-doanh-nghiep-2024.json", "--format", "json");

        Assert.True(code == 0, error);
        var results = (JArray)JObject.Parse(output)["results"]!;
        var pair = results.Single(r => (string?)r["subject"] == "DN01" && (string?)r["award"] == "giay-khen-tang-nop-ngan-sach");
        Assert.Equal("recommended", (string?)pair["outcome"]);
        Assert.Equal("pass", (string?)pair["criteria"]!.Single(c => (string?)c["id"] == "tang-nop-ngan-sach")["status"]);
        var target = ((JArray)JObject.Parse(output)["targets"]!).Single(t => (string?)t["unit"] == "DN01" && (string?)t["target"] == "nop-ngan-sach-khong-giam");
        Assert.Equal("pass", (string?)target["status"]);
    }
}
