using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Tests.Builders;
using Xunit;

namespace ThiDua.Rules.Tests.Explanation;

public sealed class OutcomeDiffTests
{
    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "U", "name": "Phòng" } ],
          "individuals": [
            { "id": "A", "name": "An", "unit": "U", "rating": "HTXSNV", "monthsWorked": 12, "facts": { "conduct": true } },
            { "id": "B", "name": "Bình", "unit": "U", "rating": "HTTNV", "monthsWorked": 12, "facts": { "conduct": true } },
            { "id": "C", "name": "Chi", "unit": "U", "rating": "HTTNV", "monthsWorked": 8, "facts": { "conduct": true } },
            { "id": "D", "name": "Dũng", "unit": "U", "rating": "HTNV", "monthsWorked": 12 } ] }
        """;

    private static EvaluationResult Evaluate(string awards) =>
        TestRules.Compile(TestRules.RuleFile(awards)).Evaluate(TestRules.Data(Data));

    private static readonly EvaluationResult Before = Evaluate(
        """
        { "id": "ldtt", "name": "LĐTT", "subject": "individual", "basis": "Điều 24",
          "criteria": [ { "id": "xep-loai", "expr": "rating >= 'HTTNV'", "basis": "a" }, { "id": "thang", "expr": "monthsWorked >= 10", "basis": "b" } ] },
        { "id": "cu", "name": "Cũ", "subject": "individual", "basis": "x", "criteria": [ { "id": "c", "expr": "true", "basis": "x" } ] }
        """);

    private static readonly EvaluationResult After = Evaluate(
        """
        { "id": "ldtt", "name": "LĐTT", "subject": "individual", "basis": "Điều 24",
          "criteria": [ { "id": "xep-loai", "expr": "rating >= 'HTXSNV'", "basis": "a" }, { "id": "thang", "expr": "monthsWorked >= 6", "basis": "b" },
                        { "id": "dao-duc", "expr": "conduct", "basis": "c" } ] },
        { "id": "moi", "name": "Mới", "subject": "individual", "basis": "x", "criteria": [ { "id": "c", "expr": "true", "basis": "x" } ] }
        """);

    [Fact]
    public void Compare_ChangedOutcomes_ListsEachPairWithTheCriteriaWhoseStatusChanged()
    {
        var changes = OutcomeDiff.Compare(Before, After);

        // A passes both versions; C fails both (months before, rating after) and D fails both: only B changes.
        var b = Assert.Single(changes);
        Assert.Equal(("B", "Bình", "ldtt", "LĐTT", Outcome.Recommended, Outcome.NotEligible), (b.Subject, b.SubjectName, b.Award, b.AwardName, b.Before, b.After));
        var deciding = Assert.Single(b.Deciding);
        Assert.Equal("xep-loai", deciding.Id);
        Assert.Equal((CriterionStatus.Pass, CriterionStatus.Fail), (deciding.Before!.Status, deciding.After!.Status));
    }

    [Fact]
    public void Compare_SameRulesTwice_FindsNoChange()
    {
        Assert.Empty(OutcomeDiff.Compare(Before, Evaluate(
            """
            { "id": "ldtt", "name": "LĐTT", "subject": "individual", "basis": "Điều 24",
              "criteria": [ { "id": "xep-loai", "expr": "rating >= 'HTTNV'", "basis": "a" }, { "id": "thang", "expr": "monthsWorked >= 10", "basis": "b" } ] }
            """)));
    }

    [Fact]
    public void Compare_OutcomeChangedByANewCriterion_ListsWhatDidNotPassOnEitherSide()
    {
        var before = Evaluate("""{ "id": "a", "name": "A", "subject": "individual", "basis": "x", "criteria": [ { "id": "xep-loai", "expr": "rating >= 'HTTNV'", "basis": "x" } ] }""");
        var after = Evaluate("""{ "id": "a", "name": "A", "subject": "individual", "basis": "x", "criteria": [ { "id": "xep-loai", "expr": "rating >= 'HTTNV'", "basis": "x" }, { "id": "thang", "expr": "monthsWorked >= 10", "basis": "x" } ] }""");

        var change = Assert.Single(OutcomeDiff.Compare(before, after));

        Assert.Equal(("C", Outcome.Recommended, Outcome.NotEligible), (change.Subject, change.Before, change.After));
        var deciding = Assert.Single(change.Deciding);
        Assert.Equal("thang", deciding.Id);
        Assert.Null(deciding.Before);
        Assert.Equal(CriterionStatus.Fail, deciding.After!.Status);
    }

    [Fact]
    public void AwardsOnlyIn_ListsTheAwardsOfOneSideInFileOrder()
    {
        Assert.Equal(["cu"], OutcomeDiff.AwardsOnlyIn(Before, After));
        Assert.Equal(["moi"], OutcomeDiff.AwardsOnlyIn(After, Before));
        Assert.Throws<ArgumentNullException>(() => OutcomeDiff.Compare(Before, null!));
    }
}
