using System.Collections.Immutable;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>The council's secret ballot (design §8): thresholds as a share of all members, errors at the vote's row.</summary>
public sealed class CouncilVotingTests
{
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("low", "bonusPoints >= 1") + "," +
        TestRules.Award("high", "bonusPoints >= 3", extra: """ "councilVote": { "share": "params.share", "basis": "Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8" } """),
        """
        "exclusiveGroups": [ { "id": "forms", "name": "Một thành tích, một hình thức", "awards": ["low", "high"], "basis": "Điều 5" } ]
        """).Replace("\"parameters\": [", "\"parameters\": [ { \"id\": \"share\", \"type\": \"number\", \"value\": \"90%\" },", StringComparison.Ordinal);

    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "U" } ],
          "individuals": [
            { "id": "A", "unit": "U", "facts": { "bonusPoints": 5 } },
            { "id": "B", "unit": "U", "facts": { "bonusPoints": 4 } },
            { "id": "C", "unit": "U", "facts": { "bonusPoints": 0 } } ] }
        """;

    private static CouncilVote Vote(string subject, string award, int members, int yes, int row) =>
        new(subject, award, members, yes, new SourceSpan("votes.csv", row, 1));

    private static EvaluationResult Run(params CouncilVote[] votes) =>
        TestRules.Compile(Rules).Evaluate(TestRules.Data(Data), EvaluationOptions.Default with { Votes = [.. votes] });

    [Theory]
    [InlineData(15, 14, CouncilDecision.Approved)]     // 14 ≥ 90% × 15 = 13.5
    [InlineData(15, 13, CouncilDecision.NotApproved)]
    [InlineData(10, 9, CouncilDecision.Approved)]      // exactly 90%
    [InlineData(10, 8, CouncilDecision.NotApproved)]
    public void Vote_ShareOfAllMembers_DecidesTheCouncilField(int members, int yes, CouncilDecision expected)
    {
        var result = Run(Vote("A", "high", members, yes, 2));

        var pair = result.Explain("A", "high")!;
        Assert.Equal(expected, pair.Council);
        Assert.Equal(0.9m, pair.CouncilShare);
        Assert.Equal(expected == CouncilDecision.Approved, pair.IsProposed);
    }

    [Fact]
    public void Vote_HighestFormNotApproved_ProposesTheNextRecommendedForm()
    {
        var result = Run(Vote("A", "high", 15, 10, 2));

        Assert.False(result.Explain("A", "high")!.IsProposed);
        Assert.True(result.Explain("A", "low")!.IsProposed);
        Assert.Null(result.Explain("A", "low")!.SupersededBy);
    }

    [Fact]
    public void Vote_NoVote_LeavesTheCouncilFieldEmpty()
    {
        var result = Run(Vote("A", "high", 15, 15, 2));

        Assert.Null(result.Explain("B", "high")!.Council);
        Assert.Equal("high", result.Explain("A", "low")!.SupersededBy);
    }

    public static TheoryData<CouncilVote, DiagnosticCode> WrongVotes => new()
    {
        { Vote("C", "high", 15, 15, 7), DiagnosticCodes.VoteOnPairNotRecommended },
        { Vote("A", "high", 15, 16, 7), DiagnosticCodes.VoteMoreYesThanMembers },
        { Vote("A", "hihg", 15, 15, 7), DiagnosticCodes.VoteUnknownAward },
        { Vote("Z", "high", 15, 15, 7), DiagnosticCodes.VoteUnknownSubject },
        { Vote("A", "high", 0, 0, 7), DiagnosticCodes.VoteInvalidCount },
    };

    [Theory]
    [MemberData(nameof(WrongVotes))]
    public void Vote_Wrong_FailsAtItsRow(CouncilVote vote, DiagnosticCode code)
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => Run(vote));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(7, d.Span.Line);
        Assert.Equal("votes.csv", d.Span.File);
    }

    [Fact]
    public void Vote_SamePairTwice_FailsAtTheSecondRow()
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => Run(Vote("A", "high", 15, 15, 2), Vote("A", "high", 15, 14, 3)));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(DiagnosticCodes.VoteDuplicate, d.Code);
        Assert.Equal(3, d.Span.Line);
    }

    [Fact]
    public void Vote_AwardWithoutThreshold_IsShownButNotJudged_WithAWarning()
    {
        var result = Run(Vote("A", "low", 15, 15, 4));

        var pair = result.Explain("A", "low")!;
        Assert.Null(pair.Council);
        Assert.Equal(15, pair.Vote!.Yes);
        var warning = Assert.Single(result.Warnings, w => w.Code == DiagnosticCodes.VoteNoThreshold);
        Assert.Equal(Severity.Warning, warning.Severity);
    }

    [Fact]
    public void Vote_NotRecommendedMessage_IsVietnameseThroughout()
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => Run(Vote("C", "high", 15, 15, 7)));

        Assert.Contains("không đủ tiêu chuẩn", ex.Diagnostics[0].Format(Language.Vi), StringComparison.Ordinal);
    }
}
