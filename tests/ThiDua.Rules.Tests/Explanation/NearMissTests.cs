using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Explanation;

/// <summary>Near misses: what a council sees by default of the "no" pairs (one measurable criterion short).</summary>
public sealed class NearMissTests
{
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("points", "bonusPoints >= 3") + "," +
        TestRules.Award("conduct", "conduct") + "," +
        TestRules.Award("both", "bonusPoints >= 3 && conduct"));

    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "U" } ],
          "individuals": [
            { "id": "A", "unit": "U", "facts": { "bonusPoints": 2, "conduct": false } },
            { "id": "B", "unit": "U", "facts": { "bonusPoints": 5, "conduct": true } },
            { "id": "C", "unit": "U", "facts": { "conduct": false } } ] }
        """;

    [Theory]
    [InlineData("A", "points", true)]      // 2 of 3: short by 1
    [InlineData("A", "conduct", false)]    // a yes/no criterion has no gap to close
    [InlineData("B", "points", false)]     // eligible
    [InlineData("C", "points", false)]     // unknown, not a miss
    public void IsNearMiss_OneMeasurableCriterionShort_IsTrue(string subject, string award, bool expected)
    {
        var result = TestRules.Evaluate(Rules, Data).Explain(subject, award)!;

        Assert.Equal(expected, new ExplanationRenderer(Language.Vi).IsNearMiss(result));
    }
}
