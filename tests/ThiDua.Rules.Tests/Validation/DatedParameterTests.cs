using Newtonsoft.Json.Linq;
using NodaTime;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Validation;

/// <summary>
/// Parameters with values by effective date, each with its basis (<c>"values"</c>): the one in force on the as-of date
/// is used, shown by explain and diff with its basis; dates out of order, twice, or a gap before the first are reported.
/// </summary>
public sealed class DatedParameterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A CSTĐCS-like award capped at params.tran: 10% until 30 June 2024, 40% from 1 July (with their bases).</summary>
    private static string Rules(string values = """
        [ { "from": "2024-01-01", "value": "10%", "basis": "Kế hoạch 1/KH" },
          { "from": "2024-07-01", "value": "40%", "basis": "Kế hoạch 2/KH, mục 3" } ]
        """) =>
        TestRules.RuleFile(TestRules.Award("cstd", "rating >= 'HTXSNV'", extra: """
                "quota": { "max": "params.tran", "of": "members.count()", "per": "unit", "rounding": "floor",
                           "rankBy": [ { "expr": "bonusPoints", "order": "desc" } ], "basis": "Điều 9 khoản 3" }
                """))
            .Replace("""{ "id": "noCap", "type": "number", "value": null }""",
                """{ "id": "noCap", "type": "number", "value": null }, { "id": "tran", "type": "number", "kind": "share", "basis": "Quyết định chung", "values": """ + values + " }",
                StringComparison.Ordinal);

    private static string Data(string asOf)
    {
        var individuals = Enumerable.Range(1, 10).Select(i => $$"""{ "id": "A{{i:00}}", "unit": "A", "rating": "HTXSNV", "facts": { "bonusPoints": {{i}} } }""");
        return $$"""
            { "year": 2024, "asOf": "{{asOf}}",
              "units": [ { "id": "A", "name": "Phòng A" } ],
              "individuals": [ {{string.Join(",\n", individuals)}} ] }
            """;
    }

    private static int Recommended(EvaluationResult result) => result.Results().Count(r => r.Award == "cstd" && r.Outcome == Outcome.Recommended);

    [Fact]
    public void Load_DatedValues_ValueAndBasisInForceFollowTheDate()
    {
        var tran = Assert.Single(TestRules.RuleSet(Rules()).Parameters, p => p.Id == "tran");

        Assert.Equal(2, tran.Values.Length);
        Assert.Equal(Quantity.Share, tran.Kind);
        Assert.Null(tran.ValueOn(new LocalDate(2023, 12, 31)));
        Assert.Equal("Quyết định chung", tran.BasisOn(new LocalDate(2023, 12, 31)));
        Assert.Equal(0.1m, tran.ValueOn(new LocalDate(2024, 6, 30)));
        Assert.Equal("Kế hoạch 1/KH", tran.BasisOn(new LocalDate(2024, 6, 30)));
        Assert.Equal(0.4m, tran.ValueOn(new LocalDate(2024, 7, 1)));
        Assert.Equal("Kế hoạch 2/KH, mục 3", tran.BasisOn(new LocalDate(2024, 12, 31)));
    }

    [Theory]
    [InlineData("2024-06-30", 1)]   // 10% × 10 = 1
    [InlineData("2024-12-31", 4)]   // 40% × 10 = 4
    public void Evaluate_UsesTheValueInForceOnTheAsOfDate(string asOf, int places)
    {
        var result = TestRules.Evaluate(Rules(), Data(asOf));

        Assert.Equal(places, Recommended(result));
        var inForce = Assert.Single(result.ParametersInForce, p => p.Id == "tran");
        Assert.True(inForce.Dated);
        Assert.False(inForce.Overridden);
        Assert.Equal(places == 1 ? new LocalDate(2024, 1, 1) : new LocalDate(2024, 7, 1), inForce.From);
    }

    [Fact]
    public void Evaluate_SameDataAtAnyThreadCount_SameResults()
    {
        var one = TestRules.Evaluate(Rules(), Data("2024-12-31"), threads: 1);
        var four = TestRules.Evaluate(Rules(), Data("2024-12-31"), threads: 4);

        Assert.Equal(one.Results().Select(r => (r.Subject, r.Outcome)), four.Results().Select(r => (r.Subject, r.Outcome)));
    }

    [Fact]
    public void Load_DatesOutOfOrder_IsDatedValuesOutOfOrder()
    {
        var error = Assert.Single(TestRules.Diagnostics(Rules("""
            [ { "from": "2024-07-01", "value": "40%" }, { "from": "2024-01-01", "value": "10%" } ]
            """)));

        Assert.Equal(DiagnosticCodes.DatedValuesOutOfOrder, error.Code);
        Assert.Equal("các giá trị theo ngày của params.tran phải ghi theo thứ tự ngày: 2024-01-01 đứng sau 2024-07-01", error.Message(Language.Vi));
        Assert.Equal(Severity.Error, error.Severity);
    }

    [Fact]
    public void Load_SameDateTwice_IsDatedValueTwiceNamingTheOther()
    {
        var error = Assert.Single(TestRules.Diagnostics(Rules("""
            [ { "from": "2024-01-01", "value": "10%" },
              { "from": "2024-01-01", "value": "12%" } ]
            """)));

        Assert.Equal(DiagnosticCodes.DatedValueTwice, error.Code);
        Assert.Contains("params.tran has two values from 2024-01-01 (the other at test.json:", error.Message(Language.En), StringComparison.Ordinal);
        Assert.Equal(Severity.Error, error.Severity);
    }

    [Fact]
    public void Validate_FirstValueAfterTheRuleSetStarts_IsAGapWarning()
    {
        var warning = Assert.Single(TestRules.Diagnostics(Rules("""[ { "from": "2024-07-01", "value": "40%" } ]""")));

        Assert.Equal(DiagnosticCodes.DatedValueGap, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("params.tran has no value from 2024-01-01 (the rule set's start) until 2024-07-01: decisions in between find it unset", warning.Message(Language.En));
    }

    [Fact]
    public void Load_DatedShareWithoutPercent_IsShareWithoutPercentAtThatValue()
    {
        var json = Rules("""
            [ { "from": "2024-01-01", "value": "10%" },
              { "from": "2024-07-01", "value": 12 } ]
            """);

        var error = Assert.Single(TestRules.Diagnostics(json));

        Assert.Equal(DiagnosticCodes.ShareWithoutPercent, error.Code);
        Assert.Equal("12%", error.Suggestion);
        Assert.Equal(1 + json.Split('\n').ToList().FindIndex(l => l.Contains("\"value\": 12", StringComparison.Ordinal)), error.Span.Line);
    }

    [Fact]
    public void Load_DatedValueWithoutDate_IsMissingMember()
    {
        var error = Assert.Single(TestRules.Diagnostics(Rules("""[ { "value": "10%" } ]""")));

        Assert.Equal(DiagnosticCodes.MissingMember, error.Code);
        Assert.Contains("'from'", error.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DatedValueOfTheWrongType_IsWrongJsonType()
    {
        var error = Assert.Single(TestRules.Diagnostics(Rules("""[ { "from": "2024-01-01", "value": "10%" }, { "from": "2024-07-01", "value": true } ]""")));

        Assert.Equal(DiagnosticCodes.WrongJsonType, error.Code);
    }

    [Fact]
    public void Select_PlanWithOneValue_ReplacesTheDatedValues()
    {
        _folder.Write("base/vn-2024.json", Rules());
        var plan = _folder.Write("plan/tinh-2024.json", """
            { "id": "ke-hoach-tinh", "name": "Kế hoạch của tỉnh", "effective": { "from": "2024-01-01", "to": "2024-12-31" },
              "extends": "../base", "parameters": [ { "id": "tran", "value": "12%", "basis": "Kế hoạch 12/KH-UBND, mục 3" } ] }
            """);

        var merged = RuleSetLoader.Load(plan).GetValueOrThrow().Select(new LocalDate(2024, 12, 31)).GetValueOrThrow();

        var tran = Assert.Single(merged.Parameters, p => p.Id == "tran");
        Assert.Empty(tran.Values);
        Assert.Equal(0.12m, tran.ValueOn(new LocalDate(2024, 12, 31)));
        Assert.Equal("Kế hoạch 12/KH-UBND, mục 3", tran.BasisOn(new LocalDate(2024, 12, 31)));
    }

    [Fact]
    public void Select_PlanWithDatedCountForAShare_IsParameterKindMismatch()
    {
        _folder.Write("base/vn-2024.json", Rules());
        var plan = _folder.Write("plan/tinh-2024.json", """
            { "id": "ke-hoach-tinh", "name": "Kế hoạch của tỉnh", "effective": { "from": "2024-01-01", "to": "2024-12-31" },
              "extends": "../base", "parameters": [ { "id": "tran", "values": [ { "from": "2024-01-01", "value": 12 } ] } ] }
            """);

        var selected = RuleSetLoader.Load(plan).GetValueOrThrow().Select(new LocalDate(2024, 12, 31));

        var error = Assert.Single(selected.Errors);
        Assert.Equal(DiagnosticCodes.ParameterKindMismatch, error.Code);
        Assert.Equal("12%", error.Suggestion);
    }

    [Fact]
    public void Explain_ShowsTheValueInForceAndItsBasis_AndTheQuotaCitesIt()
    {
        var rules = _folder.Write("rules.json", Rules());
        var data = _folder.Write("data.json", Data("2024-12-31"));

        var (code, output, error) = Run("explain", "--rules", rules, "--data", data, "--subject", "A01");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(error);
        Assert.Contains("Tham số áp dụng (theo ngày 31/12/2024):\n  params.tran = 40% — áp dụng từ 01/07/2024; Kế hoạch 2/KH, mục 3\n", output, StringComparison.Ordinal);
        Assert.Contains("tối đa params.tran = 40% × 10 = 4 → 4 suất (làm tròn xuống)", output, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch 2/KH, mục 3; Điều 9 khoản 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_EarlierAsOf_ShowsTheEarlierValue()
    {
        var rules = _folder.Write("rules.json", Rules());
        var data = _folder.Write("data.json", Data("2024-12-31"));

        var (code, output, _) = Run("explain", "--rules", rules, "--data", data, "--subject", "A01", "--as-of", "2024-03-31", "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Parameters in force (on 2024-03-31):\n  params.tran = 10% — in force from 2024-01-01; Kế hoạch 1/KH\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WithSet_ShowsBothSidesBasis()
    {
        var rules = _folder.Write("rules.json", Rules());
        var data = _folder.Write("data.json", Data("2024-12-31"));

        var (code, output, _) = Run("diff", "--rules", rules, "--data", data, "--set", "tran=12%");
        var (jsonCode, json, _) = Run("diff", "--rules", rules, "--data", data, "--set", "tran=12%", "--format", "json");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Tham số thay đổi:\n  tran: 40% → 12%\n    căn cứ: áp dụng từ 01/07/2024; Kế hoạch 2/KH, mục 3 → đặt cho lần chạy này (--set)\n", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, jsonCode);
        var parameter = Assert.Single(JObject.Parse(json)["parameters"]!);
        Assert.Equal("2024-07-01", (string?)parameter["beforeFrom"]);
        Assert.Equal("Kế hoạch 2/KH, mục 3", (string?)parameter["beforeBasis"]);
        Assert.True((bool)parameter["afterSet"]!);
    }

    [Theory]
    [InlineData(2024, 3, 31, 1800000)]
    [InlineData(2024, 12, 31, 2340000)]
    public void ShippedPack_BaseSalary_IsTheValueInForce(int year, int month, int day, int salary)
    {
        var pack = RuleSetLoader.Load(Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "rules", "vn")).GetValueOrThrow().Select(new LocalDate(2024, 12, 31)).GetValueOrThrow();

        var baseSalary = Assert.Single(pack.Parameters, p => p.Id == "mucLuongCoSo");

        Assert.Equal((decimal)salary, baseSalary.ValueOn(new LocalDate(year, month, day)));
        Assert.StartsWith("Nghị định ", baseSalary.BasisOn(new LocalDate(year, month, day)), StringComparison.Ordinal);
    }
}
