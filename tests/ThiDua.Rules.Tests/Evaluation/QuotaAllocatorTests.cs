using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Tests.Builders;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>Quota groups (unit, agency, cluster, all), rounding, the "of" population and the ranking order.</summary>
public sealed class QuotaAllocatorTests
{
    // Two agencies: R1 with U1 (cluster k1) and U2 (cluster k2), R2 with U3 (cluster k1).
    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [
            { "id": "R1" }, { "id": "R2" },
            { "id": "U1", "parent": "R1", "cluster": "k1" }, { "id": "U2", "parent": "R1", "cluster": "k2" }, { "id": "U3", "parent": "R2", "cluster": "k1" } ],
          "individuals": [
            { "id": "A1", "unit": "U1", "facts": { "bonusPoints": 5 } },
            { "id": "A2", "unit": "U1", "facts": { "bonusPoints": 9 } },
            { "id": "A3", "unit": "U1", "facts": { "bonusPoints": 1 } },
            { "id": "B1", "unit": "U2", "facts": { "bonusPoints": 7 } },
            { "id": "B2", "unit": "U2" },
            { "id": "C1", "unit": "U3", "facts": { "bonusPoints": 3 } },
            { "id": "C2", "unit": "U3", "facts": { "bonusPoints": 3 } } ] }
        """;

    private static Dictionary<string, (Outcome Outcome, int? Rank)> Run(string quota)
    {
        var rules = TestRules.RuleFile(TestRules.Award("a", "true", extra: "\"quota\": " + quota));
        var result = TestRules.Evaluate(rules, Data);
        return result.Results(ResultInclusion.All).Where(r => r.Award == "a").ToDictionary(r => r.Subject, r => (r.Outcome, r.Rank));
    }

    private static string[] Recommended(Dictionary<string, (Outcome Outcome, int? Rank)> results) =>
        [.. results.Where(r => r.Value.Outcome == Outcome.Recommended).Select(r => r.Key).Order(StringComparer.Ordinal)];

    private const string ByPointsDesc = """ "rankBy": [ { "expr": "bonusPoints", "order": "desc" } ] """;

    [Fact]
    public void PerUnit_OnePlaceEach_GoesToTheHighestRankedOfEachUnit()
    {
        var results = Run($$"""{ "max": "1", "count": true, "per": "unit", {{ByPointsDesc}} }""");

        Assert.Equal(["A2", "C1"], Recommended(results));
        Assert.Equal((Outcome.EligibleOverQuota, 2), results["A1"]);
        Assert.Equal((Outcome.EligibleOverQuota, 3), results["A3"]);
        // Equal points: the id decides (C1 before C2).
        Assert.Equal((Outcome.EligibleOverQuota, 2), results["C2"]);
        // B2's points are unknown: it may rank above or below B1, so neither place in U2 is decided.
        Assert.Equal((Outcome.InsufficientData, null), results["B1"]);
        Assert.Equal((Outcome.InsufficientData, null), results["B2"]);
    }

    [Fact]
    public void PerAgency_GroupsEveryUnitUnderTheSameRoot()
    {
        var results = Run($$"""{ "max": "1", "count": true, "per": "agency", {{ByPointsDesc}} }""");

        Assert.Equal(["C1"], Recommended(results));
        // R1's one place goes to A2 (9) unless B2 (unknown) has more; B1 (7) is surely behind A2 whatever B2 has.
        Assert.Equal((Outcome.InsufficientData, null), results["A2"]);
        Assert.Equal((Outcome.EligibleOverQuota, 2), results["B1"]);
        Assert.Equal((Outcome.EligibleOverQuota, 4), results["A3"]);
        Assert.Equal((Outcome.InsufficientData, null), results["B2"]);
    }

    [Fact]
    public void PerCluster_GroupsUnitsOfTheSameClusterAcrossAgencies()
    {
        var results = Run($$"""{ "max": "1", "count": true, "per": "cluster", {{ByPointsDesc}} }""");

        Assert.Equal(["A2"], Recommended(results));
        Assert.Equal((Outcome.EligibleOverQuota, 3), results["C1"]);
        Assert.Equal((Outcome.InsufficientData, null), results["B1"]);
    }

    [Fact]
    public void PerAll_RanksEveryoneTogether_AscendingWhenAsked()
    {
        var results = Run("""{ "max": "2", "count": true, "per": "all", "rankBy": [ { "expr": "bonusPoints", "order": "asc" } ] }""");

        // A3 (1) is inside even if B2 (unknown) ranks first; C1 (3) is second unless B2 comes before it; C2 is surely third.
        Assert.Equal(["A3"], Recommended(results));
        Assert.Equal((Outcome.InsufficientData, null), results["C1"]);
        Assert.Equal((Outcome.EligibleOverQuota, 3), results["C2"]);
        Assert.Equal((Outcome.InsufficientData, null), results["B2"]);
    }

    [Fact]
    public void UndecidedPlace_Explanation_NamesTheRivalsAndTheirMissingValues()
    {
        var rules = TestRules.RuleFile(TestRules.Award("a", "true", extra: "\"quota\": " + $$"""{ "max": "1", "count": true, "per": "unit", {{ByPointsDesc}} }"""));
        var result = TestRules.Evaluate(rules, Data);

        var quota = result.Explain("B1", "a")!.Criteria.Single(c => c.Id == "quota");

        Assert.Equal(CriterionStatus.Unknown, quota.Status);
        Assert.Contains("B2", quota.Name, StringComparison.Ordinal);
        Assert.Contains("số suất 1", quota.Name, StringComparison.Ordinal);
        Assert.Equal(["B2.bonusPoints"], quota.Missing.ToArray());
    }

    [Theory]
    [InlineData("floor", new[] { "A2" })]
    [InlineData("ceiling", new[] { "A1", "A2" })]
    [InlineData("nearest", new[] { "A2" })]
    public void Rounding_OfAShareOfThreePeople_GivesTheDeclaredNumberOfPlaces(string rounding, string[] expected)
    {
        // 45% of 3 = 1.35 places in U1.
        var results = Run($$"""{ "max": "45%", "per": "unit", "rounding": "{{rounding}}", {{ByPointsDesc}} }""");

        Assert.Equal(expected, Recommended(results).Where(s => s.StartsWith('A')));
    }

    [Fact]
    public void Of_UnknownForAGroup_MakesItsCandidatesInsufficientData()
    {
        // The population of U2 is the sum of its members' points, unknown because B2 has none.
        var results = Run($$"""{ "max": "100%", "of": "members.sum(m => m.bonusPoints)", "per": "unit", {{ByPointsDesc}} }""");

        Assert.Equal(Outcome.InsufficientData, results["B1"].Outcome);
        Assert.Equal(Outcome.InsufficientData, results["B2"].Outcome);
        Assert.Equal(Outcome.Recommended, results["A3"].Outcome);
    }

    [Fact]
    public void Max_ParameterSetToNull_MeansNoQuota()
    {
        var results = Run($$"""{ "max": "params.noCap", "per": "unit", {{ByPointsDesc}} }""");

        Assert.All(results.Values, r => Assert.Equal((Outcome.Recommended, (int?)null), r));
    }

    [Theory]
    [InlineData(0.15, 10, false, QuotaRounding.Floor, 1)]
    [InlineData(0.15, 10, false, QuotaRounding.Ceiling, 2)]
    [InlineData(0.15, 10, false, QuotaRounding.Nearest, 2)]
    [InlineData(0.14, 10, false, QuotaRounding.Nearest, 1)]
    [InlineData(3, 10, true, QuotaRounding.Floor, 3)]
    [InlineData(2.5, 10, true, QuotaRounding.Ceiling, 3)]
    [InlineData(-1, 10, true, QuotaRounding.Floor, 0)]
    [InlineData(0, 10, false, QuotaRounding.Ceiling, 0)]
    [InlineData(1e12, 1, true, QuotaRounding.Floor, int.MaxValue)]
    public void PlacesFor_ShareOrCount_IsRoundedAsDeclaredAndNeverNegative(double max, int population, bool isCount, QuotaRounding rounding, int expected)
    {
        Assert.Equal(expected, QuotaAllocator.PlacesFor((decimal)max, population, isCount, rounding));
    }
}
