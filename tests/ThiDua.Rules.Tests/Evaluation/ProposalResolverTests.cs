using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>Exclusive groups (design §8): one achievement, one form.</summary>
public sealed class ProposalResolverTests
{
    // Three forms, lowest first: low ≤ mid ≤ high; "after" builds on "low" to show that has() is not affected.
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("low", "bonusPoints >= 1") + "," +
        TestRules.Award("mid", "bonusPoints >= 2") + "," +
        TestRules.Award("high", "bonusPoints >= 3", extra: "\"quota\": { \"max\": \"1\", \"count\": true, \"per\": \"all\", \"rankBy\": [ { \"expr\": \"bonusPoints\", \"order\": \"desc\" } ] }") + "," +
        TestRules.Award("after", "has('low')"),
        """
        "exclusiveGroups": [ { "id": "forms", "name": "Một thành tích, một hình thức", "awards": ["low", "mid", "high"], "basis": "Điều 5 khoản 2 điểm c" } ]
        """);

    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "U" } ],
          "individuals": [
            { "id": "A", "unit": "U", "facts": { "bonusPoints": 5 } },
            { "id": "B", "unit": "U", "facts": { "bonusPoints": 4 } },
            { "id": "C", "unit": "U", "facts": { "bonusPoints": 1 } },
            { "id": "D", "unit": "U", "facts": { "bonusPoints": 0 } } ] }
        """;

    private static Dictionary<(string, string), AwardResult> Run() =>
        TestRules.Evaluate(Rules, Data).Results(ResultInclusion.All).ToDictionary(r => (r.Subject, r.Award));

    [Fact]
    public void Supersede_RecommendedForSeveralFormsOfAGroup_ProposesTheHighestAndMarksTheOthers()
    {
        var results = Run();

        Assert.True(results[("A", "high")].IsProposed);
        Assert.Equal("high", results[("A", "mid")].SupersededBy);
        Assert.Equal("high", results[("A", "low")].SupersededBy);
        // A superseded pair keeps its outcome: it is eligible, only not proposed.
        Assert.Equal(Outcome.Recommended, results[("A", "low")].Outcome);
        Assert.False(results[("A", "low")].IsProposed);
    }

    [Fact]
    public void Supersede_HigherFormOverQuota_ProposesTheHighestRecommendedForm()
    {
        var results = Run();

        Assert.Equal(Outcome.EligibleOverQuota, results[("B", "high")].Outcome);
        Assert.Null(results[("B", "high")].SupersededBy);
        Assert.True(results[("B", "mid")].IsProposed);
        Assert.Equal("mid", results[("B", "low")].SupersededBy);
    }

    [Fact]
    public void Supersede_OnlyOneFormRecommendedOrNone_LeavesPairsUnmarked()
    {
        var results = Run();

        Assert.True(results[("C", "low")].IsProposed);
        Assert.All(new[] { "low", "mid", "high" }, a => Assert.Null(results[("D", a)].SupersededBy));
    }

    [Fact]
    public void Supersede_AwardBuildingOnASupersededForm_StillSeesItReached()
    {
        var results = Run();

        Assert.Equal(Outcome.Recommended, results[("A", "after")].Outcome);
    }

    [Fact]
    public void Supersede_CouncilRejectedTheHighest_ProposesTheNextRecommendedForm()
    {
        var compiled = TestRules.Compile(Rules);
        var high = compiled.RuleSet.Awards.IndexOf(compiled.RuleSet.Awards.Single(a => a.Id == "high"));
        var outcomes = new byte[]?[4];
        outcomes[0] = [(byte)Outcome.Recommended];
        outcomes[1] = [(byte)Outcome.Recommended];
        outcomes[2] = [(byte)Outcome.Recommended];
        outcomes[3] = [(byte)Outcome.NotEligible];

        var superseded = ProposalResolver.Supersede(compiled, outcomes, (a, s) => a == high);

        Assert.Equal(0, superseded[high]![0]);
        Assert.Equal(0, superseded[1]![0]);
        Assert.Equal(2, superseded[0]![0]);
    }

    [Fact]
    public void Write_SupersededPair_CanonicalJsonHasSupersededBy()
    {
        var result = TestRules.Evaluate(Rules, Data);
        var text = new StringWriter();

        JsonResultWriter.Write(result, text);
        var json = Newtonsoft.Json.Linq.JObject.Parse(text.ToString());

        var lowA = json["results"]!.Single(r => (string?)r["subject"] == "A" && (string?)r["award"] == "low");
        Assert.Equal("high", (string?)lowA["supersededBy"]);
        Assert.Equal("recommended", (string?)lowA["outcome"]);
        var highA = json["results"]!.Single(r => (string?)r["subject"] == "A" && (string?)r["award"] == "high");
        Assert.Null(highA["supersededBy"]);
    }

    public static TheoryData<string, DiagnosticCode> InvalidGroups => new()
    {
        { """{ "id": "g", "name": "g", "awards": ["low", "low"], "basis": "x" }""", DiagnosticCodes.ExclusiveGroupRepeatsAward },
        { """{ "id": "g", "name": "g", "awards": ["low", "team"], "basis": "x" }""", DiagnosticCodes.ExclusiveGroupMixesSubjects },
        { """{ "id": "g", "name": "g", "awards": ["low", "mid"], "basis": "x" }, { "id": "h", "name": "h", "awards": ["mid", "high"], "basis": "x" }""", DiagnosticCodes.AwardInTwoExclusiveGroups },
        { """{ "id": "g", "name": "g", "awards": ["low"], "basis": "x" }""", DiagnosticCodes.ExclusiveGroupTooSmall },
        { """{ "id": "g", "name": "g", "awards": ["low", "hihg"], "basis": "x" }""", DiagnosticCodes.UnknownAward },
    };

    [Theory]
    [MemberData(nameof(InvalidGroups))]
    public void Validate_InvalidExclusiveGroup_ReportsItAtTheAward(string groups, DiagnosticCode code)
    {
        var rules = TestRules.RuleFile(
            TestRules.Award("low", "true") + "," + TestRules.Award("mid", "true") + "," + TestRules.Award("high", "true") + "," + TestRules.Award("team", "true", subject: "unit"),
            "\"exclusiveGroups\": [ " + groups + " ]");

        var diagnostics = TestRules.Diagnostics(rules);

        var d = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(code, d.Code);
        Assert.True(d.Span.Line > 1);
    }
}
