using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Tests.Builders;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private const string TenMembers = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "U", "name": "Phòng", "rating": "HTTNV", "facts": { "movement": true } } ],
          "individuals": [
            { "id": "A01", "unit": "U", "rating": "HTXSNV" }, { "id": "A02", "unit": "U", "rating": "HTTNV" },
            { "id": "A03", "unit": "U", "rating": "HTTNV" }, { "id": "A04", "unit": "U", "rating": "HTTNV" },
            { "id": "A05", "unit": "U", "rating": "HTTNV" }, { "id": "A06", "unit": "U", "rating": "HTTNV" },
            { "id": "A07", "unit": "U", "rating": "HTTNV" }, { "id": "A08", "unit": "U", "rating": "HTNV" },
            { "id": "A09", "unit": "U", "rating": "HTNV" }, { "id": "A10", "unit": "U", "rating": "KHTNV" } ] }
        """;

    [Fact]
    public void Evaluate_MemberRatioExactlySeventyPercent_PassesGreaterOrEqualSeventyPercent()
    {
        var rules = TestRules.RuleFile(
            TestRules.Award("ldtt", "rating >= 'HTTNV'") + "," +
            TestRules.Award("tap-the", "members.ratio(m => m.has('ldtt')) >= 70%", "unit"));

        var result = TestRules.Evaluate(rules, TenMembers);

        Assert.Equal(Outcome.Recommended, result.GetOutcome("U", "tap-the"));
        var criterion = result.Explain("U", "tap-the")!.Criteria.Single();
        Assert.Equal(new Fraction(7, 10), criterion.Actual!.Value);
        Assert.Equal("≥", criterion.Required!.Operator);
    }

    [Fact]
    public void Evaluate_MemberRatioBelowSeventyPercent_FailsWithActualAndRequired()
    {
        var rules = TestRules.RuleFile(
            TestRules.Award("ldtt", "rating >= 'HTXSNV' || rating == 'HTTNV' && id != 'A07'") + "," +
            TestRules.Award("tap-the", "members.ratio(m => m.has('ldtt')) >= 70%", "unit"));

        var result = TestRules.Evaluate(rules, TenMembers);

        Assert.Equal(Outcome.NotEligible, result.GetOutcome("U", "tap-the"));
        Assert.Equal(new Fraction(6, 10), result.Explain("U", "tap-the")!.Criteria.Single().Actual!.Value);
    }

    [Fact]
    public void Evaluate_MissingRating_IsInsufficientDataNotFalse()
    {
        var rules = TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'"));
        var data = """{ "year": 2024, "individuals": [ { "id": "X" } ] }""";

        var result = TestRules.Evaluate(rules, data);

        Assert.Equal(Outcome.InsufficientData, result.GetOutcome("X", "ldtt"));
        Assert.Equal(new[] { "X.rating" }, result.Explain("X", "ldtt")!.Criteria.Single().Missing.ToArray());
    }

    [Theory]
    [InlineData("conduct && rating >= 'HTTNV'", "false")]
    [InlineData("conduct || rating >= 'HTTNV'", "unknown")]
    [InlineData("rating >= 'HTTNV' || !conduct", "true")]
    [InlineData("!(rating >= 'HTTNV')", "unknown")]
    [InlineData("conduct == null", "false")]
    [InlineData("rating == null", "true")]
    [InlineData("(bonusPoints ?? 3) == 3", "true")]
    [InlineData("bonusPoints > 1 ? true : false", "unknown")]
    public void Evaluate_ThreeValuedLogic_FollowsKleene(string expr, string expected)
    {
        // rating is missing (unknown); conduct is false.
        var rules = TestRules.RuleFile(TestRules.Award("a", expr));
        var data = """{ "year": 2024, "individuals": [ { "id": "X", "facts": { "conduct": false } } ] }""";

        var outcome = TestRules.Evaluate(rules, data).GetOutcome("X", "a");

        Assert.Equal(expected switch
        {
            "true" => Outcome.Recommended,
            "false" => Outcome.NotEligible,
            _ => Outcome.InsufficientData,
        }, outcome);
    }

    [Theory]
    [InlineData(7, 1)]
    [InlineData(20, 3)]
    [InlineData(6, 0)]
    public void Evaluate_QuotaFifteenPercentFloor_AllowsExactIntegerPlaces(int eligible, int places)
    {
        var individuals = string.Join(",", Enumerable.Range(1, eligible).Select(i => $$"""{ "id": "P{{i:00}}", "unit": "U", "rating": "HTTNV", "facts": { "bonusPoints": {{i % 3}} } }"""));
        var data = $$"""{ "year": 2024, "units": [ { "id": "U" } ], "individuals": [ {{individuals}} ] }""";
        var quota = """
            "quota": { "max": "15%", "of": "members.count(m => m.rating >= 'HTTNV')", "per": "unit", "rounding": "floor",
                       "rankBy": [ { "expr": "bonusPoints", "order": "desc" } ] }
            """;
        var rules = TestRules.RuleFile(TestRules.Award("cstd", "rating >= 'HTTNV'", extra: quota));

        var result = TestRules.Evaluate(rules, data);
        var recommended = Enumerable.Range(1, eligible).Select(i => $"P{i:00}").Where(id => result.GetOutcome(id, "cstd") == Outcome.Recommended).ToList();

        Assert.Equal(places, recommended.Count);
        Assert.Equal(eligible - places, Enumerable.Range(1, eligible).Count(i => result.GetOutcome($"P{i:00}", "cstd") == Outcome.EligibleOverQuota));

        // Highest bonus first (2 points: P02, P05, …), ties broken by id.
        Assert.Equal(Enumerable.Range(1, eligible).Where(i => i % 3 == 2).Select(i => $"P{i:00}").Concat(Enumerable.Range(1, eligible).Where(i => i % 3 == 1).Select(i => $"P{i:00}")).Take(places), recommended);
    }

    [Fact]
    public void Evaluate_QuotaWithNullParameter_DoesNotLimit()
    {
        var individuals = string.Join(",", Enumerable.Range(1, 5).Select(i => $$"""{ "id": "P{{i}}", "unit": "U", "rating": "HTTNV" }"""));
        var data = $$"""{ "year": 2024, "units": [ { "id": "U" } ], "individuals": [ {{individuals}} ] }""";
        var rules = TestRules.RuleFile(TestRules.Award("cstd", "rating >= 'HTTNV'", extra: """ "quota": { "max": "params.noCap" } """));

        var result = TestRules.Evaluate(rules, data);

        Assert.All(Enumerable.Range(1, 5), i => Assert.Equal(Outcome.Recommended, result.GetOutcome($"P{i}", "cstd")));
    }

    [Fact]
    public void Evaluate_Streak_CountsConsecutiveYearsEndingThisYearAndBreaksOnAGap()
    {
        var rules = TestRules.RuleFile(
            TestRules.Award("cs", "rating >= 'HTTNV'") + "," +
            TestRules.Award("tinh", "streak('cs') >= 3"));
        var data = """
            { "year": 2024, "individuals": [
              { "id": "UNBROKEN", "rating": "HTTNV", "history": { "2022": { "awards": ["cs"] }, "2023": { "awards": ["cs"] } } },
              { "id": "BROKEN", "rating": "HTTNV", "history": { "2021": { "awards": ["cs"] }, "2022": { "awards": [] }, "2023": { "awards": ["cs"] } } },
              { "id": "GAP", "rating": "HTTNV", "history": { "2021": { "awards": ["cs"] }, "2023": { "awards": ["cs"] } } } ] }
            """;

        var result = TestRules.Evaluate(rules, data);

        Assert.Equal(Outcome.Recommended, result.GetOutcome("UNBROKEN", "tinh"));
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("BROKEN", "tinh"));
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("GAP", "tinh"));
    }

    [Fact]
    public void Evaluate_RequiresNotReached_IsOmittedUnlessIncludeAll()
    {
        var rules = TestRules.RuleFile(
            TestRules.Award("ldtt", "rating >= 'HTTNV'") + "," +
            """{ "id": "cstd", "name": "CSTĐ", "subject": "individual", "basis": "Điều 23", "requires": ["ldtt"], "criteria": [ { "id": "c", "expr": "true", "basis": "x" } ] }""");
        var data = """{ "year": 2024, "individuals": [ { "id": "X", "rating": "HTNV" } ] }""";

        var result = TestRules.Evaluate(rules, data);

        Assert.DoesNotContain(result.Results(), r => r.Award == "cstd");
        var all = result.Results(ResultInclusion.All).Single(r => r.Award == "cstd");
        Assert.Equal(Outcome.NotEligible, all.Outcome);
        Assert.Equal("requires:ldtt", all.Criteria[0].Id);
    }

    [Fact]
    public void Evaluate_ScoringTable_RanksWithinClusterByScoreThenId()
    {
        var scoring = """
            "scoring": [ { "id": "diem", "name": "Điểm", "subject": "enterprise", "rankWithin": "cluster",
              "items": [ { "id": "ns", "name": "Ngân sách", "maxPoints": 30, "expr": "budget / 10" } ] } ]
            """;
        var rules = TestRules.RuleFile(TestRules.Award("co", "clusterRank('diem') == 1", "enterprise"), scoring);
        var data = """
            { "year": 2024, "units": [
              { "id": "E1", "kind": "enterprise", "cluster": "A", "facts": { "budget": 100 } },
              { "id": "E2", "kind": "enterprise", "cluster": "A", "facts": { "budget": 500 } },
              { "id": "E0", "kind": "enterprise", "cluster": "A", "facts": { "budget": 400 } },
              { "id": "E3", "kind": "enterprise", "cluster": "B", "facts": { "budget": 50 } } ] }
            """;

        var result = TestRules.Evaluate(rules, data);

        // E2 scores 50 but is capped at 30, tying E0 (40 → 30): the tie goes to the lower id.
        Assert.Equal(Outcome.Recommended, result.GetOutcome("E0", "co"));
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("E2", "co"));
        Assert.Equal(Outcome.Recommended, result.GetOutcome("E3", "co"));
        Assert.Equal(30m, result.Scores().Single(s => s.Subject == "E2").Score);
    }

    [Fact]
    public void Evaluate_Target_ReportsActualAndRequiredPerRootUnit()
    {
        var target = """
            "targets": [ { "id": "ldtt-tren-80", "name": "Trên 80% đạt LĐTT", "basis": "KH 31, mục II",
                           "expr": "allMembers.ratio(m => m.has('ldtt')) > 80%" } ]
            """;
        var rules = TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'"), target);

        var result = TestRules.Evaluate(rules, TenMembers);

        var row = Assert.Single(result.Targets());
        Assert.Equal(CriterionStatus.Fail, row.Status);
        Assert.Equal(new Fraction(7, 10), row.Actual!.Value);
        Assert.Equal(">", row.Required!.Operator);
    }

    [Theory]
    [InlineData("startDate < date(year, 6, 15)", "A", Outcome.Recommended)]
    [InlineData("startDate < date(year, 2, 30)", "A", Outcome.InsufficientData)]
    [InlineData("startDate >= date('2024-06-15')", "A", Outcome.NotEligible)]
    public void Evaluate_DateFunctions_BuildDatesFromTextAndNumbers(string expr, string subject, Outcome expected)
    {
        var rules = TestRules.RuleFile(TestRules.Award("a", expr));
        var data = """{ "year": 2024, "individuals": [ { "id": "A", "startDate": "2024-01-10" } ] }""";

        Assert.Equal(expected, TestRules.Evaluate(rules, data).GetOutcome(subject, "a"));
    }

    [Theory]
    [InlineData("rating >= 'HTTNV' && bonusPoints > 2", "B", "bonusPoints", ">")]
    [InlineData("rating >= 'HTTNV' && bonusPoints > 2", "C", "rating", "≥")]
    [InlineData("conduct ? bonusPoints >= 1 : bonusPoints >= 5", "B", "bonusPoints", "≥")]
    public void Explain_CompoundCriterion_ShowsTheComparisonThatDecided(string expr, string subject, string side, string op)
    {
        var rules = TestRules.RuleFile(TestRules.Award("a", expr));
        var data = """
            { "year": 2024, "individuals": [ { "id": "B", "rating": "HTTNV", "facts": { "bonusPoints": 0, "conduct": true } },
                                              { "id": "C", "rating": "HTNV", "facts": { "bonusPoints": 3 } } ] }
            """;

        var criterion = TestRules.Evaluate(rules, data).Explain(subject, "a")!.Criteria.Single();

        Assert.Equal(CriterionStatus.Fail, criterion.Status);
        Assert.Equal(op, criterion.Required!.Operator);
        Assert.Equal(side == "rating" ? "HTNV" : 0m, criterion.Actual!.Value);
    }
}
