using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.Builders;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.EndToEnd;

/// <summary>
/// A real plug-in assembly that fails on purpose (<c>tests/ThiDua.Rules.FaultyPlugin</c>, built with the tests and
/// copied to <c>plugins/faulty/</c>), loaded by the built <c>thidua</c> through <c>--plugin</c>: whichever of its members
/// throws — a getter read when it is registered, or the code run while evaluating — the run ends with one line naming
/// the plug-in, the member and its message (TDR066), exit 2, no stack trace, no output and the inputs unchanged.
/// </summary>
public sealed class FaultyPluginTests : IDisposable
{
    private static readonly string PluginPath = Path.Combine(AppContext.BaseDirectory, "plugins", "faulty", "ThiDua.Rules.FaultyPlugin.dll");

    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("loai-a", "hong(monthsWorked) > 0") + "," +
        """{ "id": "loai-b", "name": "loai-b", "subject": "individual", "basis": "Điều 1", "criteria": [ { "id": "c", "type": "hong", "basis": "Điều 1 khoản 1" } ] }""");

    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "U", "name": "Phòng" } ],
          "individuals": [ { "id": "A", "unit": "U", "rating": "HTXSNV", "monthsWorked": 12 } ] }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Name", "plug-in 'ThiDua.Rules.FaultyPlugin.FaultyCriterion' failed (Name): lỗi cố ý trong Name")]
    [InlineData("Parameters", "plug-in 'hong' failed (Parameters): lỗi cố ý trong Parameters")]
    [InlineData("Evaluate", "plug-in 'hong' failed (Evaluate): lỗi cố ý trong Evaluate")]
    [InlineData("Invoke", "plug-in 'hong' failed (Invoke): lỗi cố ý trong Invoke")]
    public void Check_PluginMemberThrows_OneLineNamingThePluginExitTwoAndNothingWritten(string member, string expected)
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);
        var before = (Hash(rules), Hash(data));

        var run = RunBuilt(120, new Dictionary<string, string> { ["THIDUA_FAULT"] = member },
            "check", "--plugin", PluginPath, "--rules", rules, "--data", data, "--format", "json", "--out", _folder.PathOf("r.json"), "--lang", "en");

        Assert.True(run.ExitCode == ExitCodes.BadInput, $"exit {run.ExitCode}:\n{run.Error}");
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("thidua: ", line, StringComparison.Ordinal);
        Assert.EndsWith("TDR066 " + expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.Equal(before, (Hash(rules), Hash(data)));
        Assert.Equal(["d.json", "rules.json"], _folder.Files());
    }

    [Fact]
    public void Check_PluginThatDoesNotFail_Evaluates()
    {
        // The same plug-in with no fault set: both awards pass, so the failures above come from the member that throws.
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);

        var run = RunBuilt(120, new Dictionary<string, string> { ["THIDUA_FAULT"] = "" },
            "check", "--plugin", PluginPath, "--rules", rules, "--data", data, "--format", "json", "--lang", "en");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Equal(2, run.Output.Split("\"outcome\": \"recommended\"").Length - 1);
    }

    [Fact]
    public void Check_PluginNameThrowsInVietnamese_TheLineIsInVietnamese()
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);

        var run = RunBuilt(120, new Dictionary<string, string> { ["THIDUA_FAULT"] = "Name" }, "check", "--plugin", PluginPath, "--rules", rules, "--data", data);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("TDR066 plug-in 'ThiDua.Rules.FaultyPlugin.FaultyCriterion' bị lỗi (Name)", run.Error, StringComparison.Ordinal);
    }
}
