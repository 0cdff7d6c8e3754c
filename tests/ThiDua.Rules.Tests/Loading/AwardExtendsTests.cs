using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

/// <summary>
/// A plan changes part of a base award (<c>"extends"</c> on the award: its quota, one criterion, a new criterion)
/// without copying it, and the change follows the base through its versions; a whole award copied into a plan that
/// spans two base versions is an error (TDR050) instead of silently replacing the older version's award.
/// </summary>
public sealed class AwardExtendsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly LocalDate In2023 = new(2023, 12, 31);
    private static readonly LocalDate In2024 = new(2024, 12, 31);

    /// <summary>Two versions of a national pack: LĐTT from HTNV until 2023, from HTTNV since 2024; CSTĐCS with a 15% cap.</summary>
    private void WriteBase()
    {
        static string Version(string from, string? to, string ldttLevel, string cstdcsExtra) => $$"""
            { "id": "vn", "name": "Bộ toàn quốc", "effective": { "from": "{{from}}"{{(to is null ? "" : $", \"to\": \"{to}\"")}} },
              "scales": [ { "id": "rating", "levels": [ { "id": "KHTNV" }, { "id": "HTNV" }, { "id": "HTTNV" }, { "id": "HTXSNV" } ] } ],
              "facts": [ { "id": "conduct", "subject": "individual", "type": "bool", "label": "Tự lực, đoàn kết" } ],
              "parameters": [ { "id": "tran", "type": "number", "value": "15%", "basis": "Điều 1 khoản 2" } ],
              "awards": [
                { "id": "ldtt", "name": "Lao động tiên tiến", "subject": "individual", "basis": "Điều 1",
                  "criteria": [ { "id": "xep-loai", "expr": "rating >= '{{ldttLevel}}'", "basis": "Điều 1 khoản 1" },
                                { "id": "tu-luc", "expr": "conduct", "basis": "Điều 1 khoản 1" } ] },
                { "id": "cstdcs", "name": "Chiến sĩ thi đua cơ sở", "subject": "individual", "basis": "Điều 2", "requires": [ "ldtt" ],
                  "criteria": [ { "id": "xuat-sac", "expr": "rating >= 'HTXSNV'", "basis": "Điều 2 khoản 1" } ],
                  "quota": { "max": "params.tran", "of": "members.count(m => m.has('ldtt'))", "basis": "Điều 2 khoản 2" } }{{cstdcsExtra}}
              ] }
            """;
        _folder.Write("base/vn-2017.json", Version("2017-10-01", "2023-12-31", "HTNV", ""));
        _folder.Write("base/vn-2024.json", Version("2024-01-01", null, "HTTNV", """
            ,
                { "id": "giay-khen", "name": "Giấy khen", "subject": "individual", "basis": "Điều 3",
                  "criteria": [ { "id": "tot", "expr": "rating >= 'HTTNV'", "basis": "Điều 3 khoản 1" } ] }
            """));
    }

    private string WritePlan(string awards, string effective = """{ "from": "2021-01-01", "to": "2025-12-31" }""", string extends = "\"extends\": \"../base\",") =>
        _folder.Write("plan/ke-hoach.json", $$"""
            { "id": "ke-hoach", "name": "Kế hoạch 2021–2025", "effective": {{effective}}, {{extends}}
              "parameters": [ { "id": "tranTinh", "type": "number", "value": "12%", "basis": "Kế hoạch 31/KH, mục 2" } ],
              "awards": [ {{awards}} ] }
            """);

    private static AwardDefinition AwardOn(string plan, LocalDate asOf, string id) =>
        RuleSetLoader.Load(plan).GetValueOrThrow().Select(asOf).GetValueOrThrow().Awards.Single(a => a.Id == id);

    private const string CapChange = """
        { "extends": "cstdcs", "quota": { "max": "params.tranTinh", "of": "members.count(m => m.has('ldtt'))", "basis": "Kế hoạch 31/KH, mục 2" } }
        """;

    [Fact]
    public void Change_Quota_KeepsTheBaseAwardInForceOnEachDate()
    {
        WriteBase();
        var plan = WritePlan(CapChange);

        var in2024 = AwardOn(plan, In2024, "cstdcs");
        var in2023 = AwardOn(plan, In2023, "cstdcs");

        Assert.Equal("params.tranTinh", in2024.Quota!.Max.Text);
        Assert.Equal("Kế hoạch 31/KH, mục 2", in2024.Quota.Basis);
        Assert.Equal("Chiến sĩ thi đua cơ sở", in2024.Name);
        Assert.Equal("Điều 2", in2024.Basis);
        Assert.Equal(["ldtt"], in2024.Requires.Select(r => r.Id));
        Assert.Equal("rating >= 'HTXSNV'", Assert.Single(in2024.Criteria).Expr!.Text);
        Assert.Equal("params.tranTinh", in2023.Quota!.Max.Text);
        // The other awards are the base's of each date: LĐTT from HTNV in 2023, from HTTNV in 2024.
        Assert.Equal("rating >= 'HTNV'", AwardOn(plan, In2023, "ldtt").Criteria[0].Expr!.Text);
        Assert.Equal("rating >= 'HTTNV'", AwardOn(plan, In2024, "ldtt").Criteria[0].Expr!.Text);
    }

    [Fact]
    public void Change_OneCriterion_ReplacesItAndKeepsTheOthers_ANewIdIsAdded()
    {
        WriteBase();
        var plan = WritePlan("""
            { "extends": "ldtt",
              "criteria": [ { "id": "tu-luc", "expr": "conduct == true", "basis": "Kế hoạch 31/KH, mục 3" },
                            { "id": "dang-vien", "expr": "rating != 'KHTNV'", "basis": "Kế hoạch 31/KH, mục 4" } ] }
            """);

        var in2023 = AwardOn(plan, In2023, "ldtt");
        var in2024 = AwardOn(plan, In2024, "ldtt");

        Assert.Equal(["xep-loai", "tu-luc", "dang-vien"], in2024.Criteria.Select(c => c.Id));
        Assert.Equal(["rating >= 'HTNV'", "conduct == true", "rating != 'KHTNV'"], in2023.Criteria.Select(c => c.Expr!.Text));
        Assert.Equal(["rating >= 'HTTNV'", "conduct == true", "rating != 'KHTNV'"], in2024.Criteria.Select(c => c.Expr!.Text));
        Assert.Equal("Kế hoạch 31/KH, mục 3", in2024.Criteria[1].Basis);
    }

    [Fact]
    public void Change_WithItsOwnId_IsANewAwardBuiltOnTheBase()
    {
        WriteBase();
        var plan = WritePlan("""
            { "id": "cstdcs-tinh", "extends": "cstdcs", "name": "Chiến sĩ thi đua cơ sở (theo kế hoạch tỉnh)",
              "quota": { "max": "params.tranTinh", "of": "members.count(m => m.has('ldtt'))", "basis": "Kế hoạch 31/KH, mục 2" } }
            """);

        var merged = RuleSetLoader.Load(plan).GetValueOrThrow().Select(In2024).GetValueOrThrow();

        Assert.Equal("params.tran", merged.Awards.Single(a => a.Id == "cstdcs").Quota!.Max.Text);
        var added = merged.Awards.Single(a => a.Id == "cstdcs-tinh");
        Assert.Equal("Chiến sĩ thi đua cơ sở (theo kế hoạch tỉnh)", added.Name);
        Assert.Equal("params.tranTinh", added.Quota!.Max.Text);
        Assert.Equal("xuat-sac", Assert.Single(added.Criteria).Id);
    }

    [Fact]
    public void Change_OfTheCap_DecidesWithThePlansShare()
    {
        WriteBase();
        var plan = WritePlan(CapChange);
        var people = string.Join(",\n", Enumerable.Range(1, 20).Select(i => $$"""{ "id": "A{{i:00}}", "unit": "P", "rating": "HTXSNV", "facts": { "conduct": true } }"""));
        var data = TestRules.Data($$"""{ "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "P", "name": "Phòng" } ], "individuals": [ {{people}} ] }""");

        var compiled = RuleSetCompiler.Compile(RuleSetLoader.Load(plan).GetValueOrThrow().Select(In2024).GetValueOrThrow()).GetValueOrThrow();
        var result = compiled.Evaluate(data, EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 });

        // 12% × 20 = 2.4 → 2 places (the base's 15% would give 3).
        var outcomes = Enumerable.Range(1, 20).Select(i => result.GetOutcome($"A{i:00}", "cstdcs")).ToList();
        Assert.Equal(2, outcomes.Count(o => o == Outcome.Recommended));
        Assert.Equal(18, outcomes.Count(o => o == Outcome.EligibleOverQuota));
    }

    /// <summary>The leak the issue names: a 2024 award copied whole into a 2021–2025 plan silently applied to 2023.</summary>
    [Fact]
    public void WholeCopy_SpanningTwoBaseVersions_IsAnErrorAtItsId()
    {
        WriteBase();
        var plan = WritePlan("""
            { "id": "ldtt", "name": "Lao động tiên tiến", "subject": "individual", "basis": "Điều 1",
              "criteria": [ { "id": "xep-loai", "expr": "rating >= 'HTTNV'", "basis": "Điều 1 khoản 1" } ] }
            """);

        var error = Assert.Single(RuleSetLoader.Load(plan).Errors);

        Assert.Equal(DiagnosticCodes.AwardCopySpansBaseVersions, error.Code);
        Assert.Equal(3, error.Span.Line);
        Assert.Equal("award 'ldtt' replaces the base's award for 2021-01-01 → 2025-12-31, but the base's award changes within that time "
            + "(vn 2017-10-01 → 2023-12-31, vn 2024-01-01 → …): write \"extends\": \"ldtt\" with only what the plan changes, or give the award an "
            + "\"effective\" period inside one of them", error.Message(Language.En));
        Assert.StartsWith("danh hiệu 'ldtt' thay thế danh hiệu cùng mã của bộ cơ sở", error.Message(Language.Vi), StringComparison.Ordinal);
    }

    [Fact]
    public void WholeCopy_WithItsOwnEffectivePeriod_AppliesOnlyThen()
    {
        WriteBase();
        var plan = WritePlan("""
            { "id": "ldtt", "name": "Lao động tiên tiến", "subject": "individual", "basis": "Điều 1", "effective": { "from": "2024-01-01" },
              "criteria": [ { "id": "xep-loai", "expr": "rating >= 'HTXSNV'", "basis": "Điều 1 khoản 1" } ] }
            """);

        Assert.Empty(RuleSetLoader.Load(plan).Errors);
        Assert.Equal("rating >= 'HTNV'", AwardOn(plan, In2023, "ldtt").Criteria[0].Expr!.Text);
        Assert.Equal("rating >= 'HTXSNV'", AwardOn(plan, In2024, "ldtt").Criteria[0].Expr!.Text);
    }

    [Fact]
    public void WholeCopy_InAPlanWithinOneBaseVersion_ReplacesTheAward()
    {
        WriteBase();
        var plan = WritePlan("""
            { "id": "ldtt", "name": "Lao động tiên tiến", "subject": "individual", "basis": "Điều 1",
              "criteria": [ { "id": "xep-loai", "expr": "rating >= 'HTXSNV'", "basis": "Điều 1 khoản 1" } ] }
            """, effective: """{ "from": "2024-01-01", "to": "2024-12-31" }""");

        Assert.Empty(RuleSetLoader.Load(plan).Errors);
        Assert.Equal("rating >= 'HTXSNV'", Assert.Single(AwardOn(plan, In2024, "ldtt").Criteria).Expr!.Text);
    }

    [Fact]
    public void Change_OfAnAwardMissingInOneBaseVersion_IsAnErrorNamingThatVersion()
    {
        WriteBase();
        var plan = WritePlan("""{ "extends": "giay-khen", "basis": "Điều 3, Kế hoạch 31/KH" }""");

        var error = Assert.Single(RuleSetLoader.Load(plan).Errors);

        Assert.Equal(DiagnosticCodes.ExtendedAwardMissing, error.Code);
        Assert.Equal("award 'giay-khen' extends 'giay-khen', but the base rule set vn (2017-10-01 → 2023-12-31) has no such award", error.Message(Language.En));
    }

    [Fact]
    public void Change_OfAMisspeltAward_SuggestsTheBaseAward()
    {
        WriteBase();
        var plan = WritePlan("""{ "extends": "cstdc", "basis": "Kế hoạch 31/KH" }""");

        var error = Assert.Single(RuleSetLoader.Load(plan).Errors);

        Assert.Equal(DiagnosticCodes.ExtendedAwardMissing, error.Code);
        Assert.Equal("cstdcs", error.Suggestion);
        Assert.Equal("danh hiệu 'cstdc' kế thừa (extends) 'cstdc', nhưng bộ quy tắc cơ sở vn (2017-10-01 → 2023-12-31) không có danh hiệu này; có phải ý bạn là 'cstdcs'?",
            error.Message(Language.Vi));
    }

    [Theory]
    [InlineData("""{ "extends": "cstdcs", "basis": "b" }""", "extends")]
    [InlineData("""{ "id": "x", "name": "X", "subject": "individual", "basis": "b", "effective": { "from": "2024-01-01" }, "criteria": [ { "id": "c", "expr": "true", "basis": "b" } ] }""", "effective")]
    public void AwardChange_InARuleSetWithoutBase_IsAnError(string award, string member)
    {
        var plan = WritePlan(award, extends: "");

        var error = Assert.Single(RuleSetLoader.Load(plan).Errors);

        Assert.Equal(DiagnosticCodes.AwardChangeWithoutBase, error.Code);
        Assert.Equal(member, error.Arguments[1]);
    }

    /// <summary>The guide's example (rules/README.md §8.7), over the shipped national packs: the condition is added to
    /// LĐTT of 2023 (the 2017 pack's criteria) and of 2024 (the 2024 pack's), which otherwise stay as they are.</summary>
    [Fact]
    public void Guide_Example_AddsTheConditionToTheNationalAwardOfEachYear()
    {
        var root = ShippedRules.ShippedRulesTests.RepositoryRoot;
        var guide = File.ReadAllText(Path.Combine(root, "rules", "README.md"));
        var start = guide.IndexOf("### 8.7 ", StringComparison.Ordinal);
        var block = guide[(guide.IndexOf("```json\n", start, StringComparison.Ordinal) + 8)..guide.IndexOf("\n```", guide.IndexOf("```json\n", start, StringComparison.Ordinal) + 8, StringComparison.Ordinal)];
        var vn = Path.Combine(root, "rules", "vn").Replace("\\", "/", StringComparison.Ordinal);
        var plan = _folder.Write("plans/vi-du.json", block.Replace("\"../vn\"", Newtonsoft.Json.JsonConvert.ToString(vn), StringComparison.Ordinal));

        var library = RuleSetLoader.Load(plan);
        Assert.Empty(library.Errors);
        foreach (var asOf in new[] { In2023, In2024 })
        {
            var national = RuleSetLoader.Load(Path.Combine(root, "rules", "vn")).GetValueOrThrow().Select(asOf).GetValueOrThrow().Awards.Single(a => a.Id == "lao-dong-tien-tien");
            var merged = library.GetValueOrThrow().Select(asOf).GetValueOrThrow();
            var ldtt = merged.Awards.Single(a => a.Id == "lao-dong-tien-tien");

            Assert.Equal([.. national.Criteria.Select(c => c.Id), "khong-xu-phat-hanh-chinh"], ldtt.Criteria.Select(c => c.Id));
            Assert.Equal(national.Basis, ldtt.Basis);
            Assert.Empty(RuleSetCompiler.Compile(merged).Errors);
        }
    }

    [Fact]
    public void Change_ValidatesAsTheMergedAward()
    {
        WriteBase();
        var plan = WritePlan("""{ "extends": "cstdcs", "criteria": [ { "id": "moi", "expr": "ratng >= 'HTXSNV'", "basis": "Kế hoạch 31/KH" } ] }""");

        var report = RuleSetValidator.Validate(plan);

        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.UnknownField, error.Code);
        Assert.EndsWith("ke-hoach.json", error.Span.File, StringComparison.Ordinal);
        Assert.Equal("rating", error.Suggestion);
    }
}
