using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Tests.Builders;
using Xunit;

namespace ThiDua.Rules.Tests.Explanation;

/// <summary>Reasons a council can read when a quota decides: the cap and its computation, and a title lost to the cap.</summary>
public sealed class QuotaReasonTests
{
    // "cstd" capped at params.cap (15%) of the unit's members; "tinh" needs this year's "cstd" (streak ≥ 1).
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("cstd", "rating >= 'HTXSNV'", extra: """
            "quota": { "max": "params.cap", "of": "members.count()", "per": "unit", "rounding": "floor",
                       "rankBy": [ { "expr": "bonusPoints", "order": "desc" } ], "basis": "Điều 9 khoản 3" }
            """) + "," +
        TestRules.Award("tinh", "streak('cstd') >= 1"));

    private static readonly string Data = $$"""
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "A", "name": "Phòng A" } ],
          "individuals": [ {{string.Join(",\n", Enumerable.Range(1, 10).Select(i => $$"""{ "id": "A{{i:00}}", "unit": "A", "rating": "HTXSNV", "facts": { "bonusPoints": {{i}} } }"""))}} ] }
        """;

    [Fact]
    public void Explain_SubjectCutByTheQuota_GivesTheCapComputationRankAndKeys()
    {
        var result = TestRules.Evaluate(Rules, Data);

        var quota = Assert.Single(result.Explain("A01", "cstd")!.Criteria, c => c.Id == "quota");

        Assert.Equal(CriterionStatus.Fail, quota.Status);
        Assert.Equal("Trong chỉ tiêu: tối đa params.cap = 15% × 10 = 1,5 → 1 suất (làm tròn xuống); thứ tự xét theo bonusPoints (cao trước); xếp hạng: 10 — yêu cầu ≤ 1 (không đạt)",
            new ExplanationRenderer(Language.Vi).Message(quota));
        Assert.Equal("Within the quota: at most params.cap = 15% × 10 = 1.5 → 1 place(s) (rounded down); ranked by bonusPoints (highest first); rank: 10 — required ≤ 1 (fail)",
            new ExplanationRenderer(Language.En).Message(quota));
        Assert.Equal("Điều 9 khoản 3", quota.Basis);
    }

    [Fact]
    public void Explain_TitleLostOnlyToThisYearsCap_SaysSo()
    {
        var result = TestRules.Evaluate(Rules, Data);

        var lost = Assert.Single(result.Explain("A01", "tinh")!.Criteria);
        var kept = Assert.Single(result.Explain("A10", "tinh")!.Criteria);

        Assert.Equal(CriterionStatus.Fail, lost.Status);
        Assert.Contains("năm nay đủ tiêu chuẩn «cstd» nhưng vượt chỉ tiêu", lost.Name, StringComparison.Ordinal);
        Assert.Contains("lost only to this year's cap", lost.NameEn, StringComparison.Ordinal);
        Assert.Equal(CriterionStatus.Pass, kept.Status);
        Assert.DoesNotContain("vượt chỉ tiêu", kept.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SubjectWithinTheQuota_KeepsTheShortLine()
    {
        var result = TestRules.Evaluate(Rules, Data);

        var quota = Assert.Single(result.Explain("A10", "cstd")!.Criteria, c => c.Id == "quota");

        Assert.Equal(CriterionStatus.Pass, quota.Status);
        Assert.Equal("Trong chỉ tiêu (số lượng tối đa được đề nghị)", quota.Name);
    }
}
