using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Explanation;

/// <summary>
/// Every side of a compound criterion or target is shown (a target joined with <c>&amp;&amp;</c> shows both
/// comparisons); a quota without <c>of</c> still reads "12% × N"; a share keeps its kind through round, min and max.
/// </summary>
public sealed class CompoundComparisonTests
{
    private static string Data(int people, string rating = "HTXSNV") => $$"""
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "A", "name": "Phòng A" } ],
          "individuals": [ {{string.Join(",\n", Enumerable.Range(1, people).Select(i => $$"""{ "id": "A{{i:00}}", "unit": "A", "rating": "{{(i == 1 ? "HTTNV" : rating)}}", "facts": { "bonusPoints": {{i}} } }"""))}} ] }
        """;

    [Fact]
    public void Target_JoinedWithAnd_ShowsBothSides()
    {
        var rules = TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'"), """
            "targets": [ { "id": "hai-ve", "name": "Trên 80% đạt LĐTT và không ai dưới HTTNV", "subject": "agency", "basis": "Kế hoạch, mục 2",
                           "expr": "allMembers.ratio(m => m.has('ldtt')) > 80% && allMembers.count(m => m.rating < 'HTTNV') == 0" } ]
            """);

        var target = Assert.Single(TestRules.Evaluate(rules, Data(5)).Targets());

        Assert.Equal(CriterionStatus.Pass, target.Status);
        Assert.Equal("Trên 80% đạt LĐTT và không ai dưới HTTNV: 100% (5/5) — yêu cầu > 80%; 0 — yêu cầu = 0 (đạt)", new ExplanationRenderer(Language.Vi).Message(target));
        Assert.Single(target.AlsoCompared);
    }

    [Fact]
    public void Criterion_FailingOneSideOfAnd_ShowsTheFailureFirstThenTheOtherSide()
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", "bonusPoints >= 3 && rating >= 'HTXSNV'"));

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data(3)).Explain("A02", "probe")!.Criteria);

        Assert.Equal(CriterionStatus.Fail, criterion.Status);
        Assert.Equal("bonusPoints >= 3 && rating >= 'HTXSNV': 2 — required ≥ 3; HTXSNV — required ≥ HTXSNV (fail)", new ExplanationRenderer(Language.En).Message(criterion));
    }

    [Fact]
    public void Criterion_Or_ShowsOnlyTheDecidingSide()
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", "bonusPoints >= 3 || rating >= 'HTXSNV'"));

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data(3)).Explain("A02", "probe")!.Criteria);

        Assert.Empty(criterion.AlsoCompared);
        Assert.Equal("bonusPoints >= 3 || rating >= 'HTXSNV': HTXSNV — required ≥ HTXSNV (pass)", new ExplanationRenderer(Language.En).Message(criterion));
    }

    [Fact]
    public void Quota_WithoutOf_ReadsTheShareTimesTheGroup()
    {
        var rules = TestRules.RuleFile(TestRules.Award("cstd", "rating >= 'HTTNV'", extra: """
            "quota": { "max": "params.cap", "per": "unit", "rounding": "floor", "rankBy": [ { "expr": "bonusPoints", "order": "desc" } ] }
            """));

        var quota = Assert.Single(TestRules.Evaluate(rules, Data(14)).Explain("A01", "cstd")!.Criteria, c => c.Id == "quota");

        Assert.StartsWith("Trong chỉ tiêu: tối đa params.cap = 15% × 14 = 2,1 → 2 suất (làm tròn xuống)", new ExplanationRenderer(Language.Vi).Message(quota), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("min(params.cap, 20%) >= 10%", "15%")]
    [InlineData("round(params.cap, 2) >= 10%", "15%")]
    [InlineData("max(params.cap, 0.05) >= 10%", "15%")]
    public void Share_ThroughArithmeticFunctions_StaysAShare(string expr, string shown)
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", expr));

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data(2)).Explain("A02", "probe")!.Criteria);

        Assert.Equal($"{expr}: {shown} — required ≥ 10% (pass)", new ExplanationRenderer(Language.En).Message(criterion));
    }

    [Theory]
    [InlineData("min(params.cap, 15) >= 10%", "TDR035")]
    [InlineData("max(params.cap, ratingStreak('HTTNV')) >= 1", "TDR036")]
    public void Share_MixedThroughMinOrMax_IsTheSameSlip(string expr, string code)
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", expr));

        var error = Assert.Single(TestRules.Diagnostics(rules), d => d.Severity == Severity.Error);

        Assert.Equal(code, error.Code.ToString());
    }
}
