using Newtonsoft.Json.Linq;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.Builders;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

/// <summary><c>--set ID=VALUE</c> on check, explain and diff: a what-if without copying a rule file, checked like a file.</summary>
public sealed class WhatIfCommandTests : IDisposable
{
    // A CSTĐCS-like award capped at params.cap (15%) of the unit's members: 1 place in a unit of 10 (15% × 10 = 1,5 → 1),
    // none in a unit of 5 (0,75 → 0).
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("cstd", "rating >= 'HTXSNV'", extra: """
            "quota": { "max": "params.cap", "of": "members.count()", "per": "unit", "rounding": "floor",
                       "rankBy": [ { "expr": "bonusPoints", "order": "desc" } ], "basis": "Điều 9 khoản 3" }
            """));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (string Rules, string Data) Files()
    {
        var individuals = Enumerable.Range(1, 10).Select(i => $$"""{ "id": "A{{i:00}}", "unit": "A", "rating": "HTXSNV", "facts": { "bonusPoints": {{i}} } }""")
            .Concat(Enumerable.Range(1, 5).Select(i => $$"""{ "id": "B{{i:00}}", "unit": "B", "rating": "HTXSNV", "facts": { "bonusPoints": {{i}} } }"""));
        var data = $$"""
            { "year": 2024, "asOf": "2024-12-31",
              "units": [ { "id": "A", "name": "Phòng A" }, { "id": "B", "name": "Phòng B" } ],
              "individuals": [ {{string.Join(",\n", individuals)}} ] }
            """;
        return (_folder.Write("rules.json", Rules), _folder.Write("data.json", data));
    }

    private static int Recommended(string json) =>
        JObject.Parse(json)["results"]!.Count(r => (string?)r["award"] == "cstd" && (string?)r["outcome"] == "recommended");

    [Fact]
    public void Check_SetShareWithPercent_ChangesTheNumberOfPlaces()
    {
        var (rules, data) = Files();

        var (baseline, before, _) = Run("check", "--rules", rules, "--data", data, "--format", "json");
        var (code, after, error) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--set", "cap=40%");

        Assert.Equal(ExitCodes.Success, baseline);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(error);
        Assert.Equal(1, Recommended(before));   // A: 15% × 10 = 1; B: 15% × 5 = 0
        Assert.Equal(6, Recommended(after));    // A: 40% × 10 = 4; B: 40% × 5 = 2
    }

    [Fact]
    public void Check_SetShareWithoutPercent_IsRefusedNamingTheOverride()
    {
        var (rules, data) = Files();

        var (code, output, error) = Run("check", "--rules", rules, "--data", data, "--set", "cap=12");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.Contains("TDR040", error, StringComparison.Ordinal);
        Assert.Contains("cap=12", error, StringComparison.Ordinal);
        Assert.Contains("'cap=12%'", error, StringComparison.Ordinal);
        Assert.Contains("dấu %", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cap")]
    [InlineData("=12%")]
    public void Check_SetNotIdEqualsValue_IsRefused(string setting)
    {
        var (rules, data) = Files();

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--set", setting, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("TDR040 the override --set " + setting + ": write ID=VALUE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SetUnknownParameter_SuggestsTheClosest()
    {
        var (rules, data) = Files();

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--set", "capp=12%", "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("TDR022 unknown parameter 'capp'; did you mean 'cap'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WithSet_UsesTheOverride()
    {
        var (rules, data) = Files();

        var (code, output, _) = Run("explain", "--rules", rules, "--data", data, "--subject", "B05", "--set", "cap=40%", "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("cstd (cstd): recommended (rank 1/2 places)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SubjectCutByTheQuota_NamesTheCapTheComputationTheKeysAndTheHolders()
    {
        var (rules, data) = Files();

        var (code, output, _) = Run("explain", "--rules", rules, "--data", data, "--subject", "A01");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("✗ Trong chỉ tiêu: tối đa params.cap = 15% × 10 = 1,5 → 1 suất (làm tròn xuống); thứ tự xét theo bonusPoints (cao trước); xếp hạng: 10 — yêu cầu ≤ 1 (không đạt)\n", output, StringComparison.Ordinal);
        Assert.Contains("Các suất thuộc: 1. A10\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SubjectCutByAnOverriddenCap_SaysTheValueWasSetForThisRun()
    {
        var (rules, data) = Files();

        var (code, output, _) = Run("explain", "--rules", rules, "--data", data, "--subject", "A01", "--set", "cap=12%", "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Within the quota: at most params.cap = 12% × 10 = 1.2 → 1 place(s) (rounded down); ranked by bonusPoints (highest first); rank: 10 — required ≤ 1 (fail)\n", output, StringComparison.Ordinal);
        Assert.Contains("giá trị params.cap đặt cho lần chạy này (--set); Điều 9 khoản 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WithSetAndNoAgainst_NamesTheParameterAndGivesThePerUnitTable()
    {
        var (rules, data) = Files();

        var (code, output, error) = Run("diff", "--rules", rules, "--data", data, "--set", "cap=40%");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(error);
        Assert.Contains("Tham số thay đổi:\n  cap: 15% → 40%\n", output, StringComparison.Ordinal);
        Assert.Contains("  A: đủ tiêu chuẩn 10 → 10; số suất 1 → 4; đề nghị 1 → 4\n", output, StringComparison.Ordinal);
        Assert.Contains("  B: đủ tiêu chuẩn 5 → 5; số suất 0 → 2; đề nghị 0 → 2\n", output, StringComparison.Ordinal);
        Assert.EndsWith("Tổng: 5 thay đổi\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_JsonWithSet_ListsParametersAndUnits()
    {
        var (rules, data) = Files();

        var (code, output, _) = Run("diff", "--rules", rules, "--data", data, "--set", "cap=40%", "--format", "json");

        Assert.Equal(ExitCodes.Success, code);
        var json = JObject.Parse(output);
        var parameter = Assert.Single(json["parameters"]!);
        Assert.Equal("cap", (string?)parameter["id"]);
        Assert.Equal(0.15m, (decimal)parameter["before"]!);
        Assert.Equal(0.4m, (decimal)parameter["after"]!);
        var b = Assert.Single(json["units"]!, u => (string?)u["unit"] == "B");
        Assert.Equal([0, 2], b["places"]!.Select(p => (int)p));
    }
}
