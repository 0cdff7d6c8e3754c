using NodaTime;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Validation;

/// <summary>The slips a policy officer makes with numbers (12 for 12%, a share where places are meant) are errors.</summary>
public sealed class QuantityTests
{
    private static string Rules(string parameters, string quota) =>
        TestRules.RuleFile(TestRules.Award("cstd", "rating >= 'HTXSNV'", extra: "\"quota\": " + quota))
            .Replace("""{ "id": "noCap", "type": "number", "value": null }""", """{ "id": "noCap", "type": "number", "value": null }, """ + parameters, StringComparison.Ordinal);

    [Fact]
    public void Load_DeclaredShareWrittenAsNumber_IsShareWithoutPercentWithTheFix()
    {
        var json = Rules("""{ "id": "tran", "type": "number", "kind": "share", "value": 12 }""", """{ "max": "params.tran" }""");

        var error = Assert.Single(TestRules.Diagnostics(json));

        Assert.Equal(DiagnosticCodes.ShareWithoutPercent, error.Code);
        Assert.Equal("12%", error.Suggestion);
        Assert.Equal("params.tran is a share, but 12 is written without a percent sign (it would mean 12 × 100%); did you mean '12%'?", error.Message(Language.En));
    }

    [Fact]
    public void Load_UnknownKind_SuggestsTheClosest()
    {
        var json = Rules("""{ "id": "tran", "type": "number", "kind": "shares", "value": "12%" }""", """{ "max": "params.tran" }""");

        var error = Assert.Single(TestRules.Diagnostics(json));

        Assert.Equal(DiagnosticCodes.UnknownQuantityKind, error.Code);
        Assert.Equal("share", error.Suggestion);
    }

    [Fact]
    public void Load_ShareWrittenWithPercent_HasKindShare()
    {
        var ruleSet = TestRules.RuleSet(TestRules.RuleFile(TestRules.Award("a", "true")));

        Assert.Equal(Quantity.Share, Assert.Single(ruleSet.Parameters, p => p.Id == "cap").Kind);
        Assert.Equal(Quantity.Number, Assert.Single(ruleSet.Parameters, p => p.Id == "noCap").Kind);
    }

    [Theory]
    [InlineData("""{ "id": "tran", "type": "number", "value": 1 }""", """{ "max": "params.tran" }""")]
    [InlineData("""{ "id": "tran", "type": "number", "value": 12 }""", """{ "max": "params.tran" }""")]
    [InlineData("""{ "id": "tran", "type": "number", "kind": "count", "value": 2 }""", """{ "max": "params.tran" }""")]
    [InlineData("""{ "id": "tran", "type": "number", "value": null }""", """{ "max": "1" }""")]
    public void Validate_QuotaMaxThatIsNotAShare_IsQuotaMaxNotShare(string parameter, string quota)
    {
        var diagnostics = TestRules.Diagnostics(Rules(parameter, quota));

        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.QuotaMaxNotShare);
    }

    [Theory]
    [InlineData("""{ "id": "tran", "type": "number", "value": "15%" }""", """{ "max": "params.tran" }""")]
    [InlineData("""{ "id": "tran", "type": "number", "value": 0.15 }""", """{ "max": "params.tran" }""")]
    [InlineData("""{ "id": "tran", "type": "number", "kind": "count", "value": 2 }""", """{ "max": "params.tran", "count": true }""")]
    [InlineData("""{ "id": "tran", "type": "number", "value": 2 }""", """{ "max": "params.tran", "count": true }""")]
    public void Validate_QuotaMaxOfTheRightKind_HasNoDiagnostic(string parameter, string quota)
    {
        Assert.Empty(TestRules.Diagnostics(Rules(parameter, quota)));
    }

    [Fact]
    public void Validate_CountQuotaWithShare_IsQuotaCountIsShare()
    {
        var diagnostics = TestRules.Diagnostics(Rules("""{ "id": "tran", "type": "number", "value": "15%" }""", """{ "max": "params.tran", "count": true }"""));

        Assert.Equal(DiagnosticCodes.QuotaCountIsShare, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("12", "12%")]
    [InlineData("1", "1%")]
    public void Select_PlanOverridesShareWithoutPercent_IsParameterKindMismatchAtThePlan(string value, string suggestion)
    {
        using var folder = new TempFolder();
        folder.Write("base/vn-2024.json", TestData.VersionedRuleFile("vn", "2024-01-01", null,
            TestRules.Award("cstd", "rating >= 'HTXSNV'", extra: """ "quota": { "max": "params.cap" } """)));
        var plan = folder.Write("plan/tinh-2024.json", $$"""
            {
              "id": "ke-hoach-tinh",
              "name": "Kế hoạch của tỉnh",
              "effective": { "from": "2024-01-01", "to": "2024-12-31" },
              "extends": "../base",
              "parameters": [ { "id": "cap", "value": {{value}}, "basis": "KH 12, mục 3" } ]
            }
            """);

        var selected = RuleSetLoader.Load(plan).GetValueOrThrow().Select(new LocalDate(2024, 12, 31));

        var error = Assert.Single(selected.Errors);
        Assert.Equal(DiagnosticCodes.ParameterKindMismatch, error.Code);
        Assert.Equal(plan, error.Span.File);
        Assert.Equal(suggestion, error.Suggestion);
        Assert.StartsWith($"tham số 'cap' là tỷ lệ phần trăm (%) trong bộ quy tắc gốc", error.Message(Language.Vi), StringComparison.Ordinal);
    }

    [Fact]
    public void Select_PlanGivesAParameterOfAnotherType_IsParameterTypeDiffersFromBaseInBothLanguages()
    {
        using var folder = new TempFolder();
        folder.Write("base/vn-2024.json", TestData.VersionedRuleFile("vn", "2024-01-01", null,
            TestRules.Award("cstd", "rating >= 'HTXSNV'", extra: """ "quota": { "max": "params.cap" } """)));
        var plan = folder.Write("plan/tinh-2024.json", """
            {
              "id": "ke-hoach-tinh",
              "name": "Kế hoạch của tỉnh",
              "effective": { "from": "2024-01-01", "to": "2024-12-31" },
              "extends": "../base",
              "parameters": [ { "id": "cap", "value": true, "basis": "KH 12, mục 3" } ]
            }
            """);

        var error = Assert.Single(RuleSetLoader.Load(plan).GetValueOrThrow().Select(new LocalDate(2024, 12, 31)).Errors);

        Assert.Equal(DiagnosticCodes.ParameterTypeDiffersFromBase, error.Code);
        Assert.Equal(plan, error.Span.File);
        Assert.Equal("parameter 'cap' is true/false here, but a number in the base rule set", error.Message(Language.En));
        Assert.Equal("tham số 'cap' ở đây là đúng/sai, nhưng trong bộ quy tắc cơ sở là một số", error.Message(Language.Vi));
    }

    [Fact]
    public void Select_PlanOverridesShareWithPercent_KeepsTheKindAndThePlansBasis()
    {
        using var folder = new TempFolder();
        folder.Write("base/vn-2024.json", TestData.VersionedRuleFile("vn", "2024-01-01", null, TestRules.Award("cstd", "rating >= 'HTXSNV'")));
        var plan = folder.Write("plan/tinh-2024.json", """
            {
              "id": "ke-hoach-tinh",
              "name": "Kế hoạch của tỉnh",
              "effective": { "from": "2024-01-01", "to": "2024-12-31" },
              "extends": "../base",
              "parameters": [ { "id": "noCap", "value": "12%", "basis": "KH 12, mục 3" } ]
            }
            """);

        var merged = RuleSetLoader.Load(plan).GetValueOrThrow().Select(new LocalDate(2024, 12, 31)).GetValueOrThrow();

        var cap = Assert.Single(merged.Parameters, p => p.Id == "noCap");
        Assert.Equal(0.12m, cap.Value);
        Assert.Equal(Quantity.Share, cap.Kind);
        Assert.Equal("KH 12, mục 3", cap.Basis);
    }

    [Fact]
    public void Catalog_EveryQuantityCode_HasBothLanguages()
    {
        foreach (var code in new[] { DiagnosticCodes.ShareWithoutPercent, DiagnosticCodes.QuantityMismatch, DiagnosticCodes.ParameterKindMismatch,
                     DiagnosticCodes.QuotaMaxNotShare, DiagnosticCodes.QuotaCountIsShare, DiagnosticCodes.OverrideInvalid, DiagnosticCodes.UnknownQuantityKind })
        {
            var template = DiagnosticCatalog.Get(code);
            Assert.NotEqual(template.Vi, template.En);
            Assert.InRange(code.Number, 35, 59);
        }
    }
}
