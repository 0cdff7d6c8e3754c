using ThiDua.Rules.RuleTests;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.RuleTests;

/// <summary>
/// Tests embedded in rule files: the council's ballots (<c>votes</c>, <c>council</c>) and failures as values, rendered in
/// Vietnamese or English from the report catalog.
/// </summary>
public sealed class RuleSetTestRunnerTests
{
    private static string Rules(string tests) => TestRules.RuleFile(
        TestRules.Award("ldtt", "rating >= 'HTTNV'") + "," +
        TestRules.Award("cstd", "rating >= 'HTXSNV'", extra: """ "councilVote": { "share": "params.share", "basis": "Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8" } """),
        tests).Replace("\"parameters\": [", "\"parameters\": [ { \"id\": \"share\", \"type\": \"number\", \"value\": \"90%\" },", StringComparison.Ordinal);

    private const string People = """
        "year": 2024,
        "individuals": [ { "id": "A", "rating": "HTXSNV" }, { "id": "B", "rating": "HTXSNV" }, { "id": "C", "rating": "HTNV" } ]
        """;

    private static RuleTestRun Run(string tests) => RuleSetTestRunner.Run(TestRules.Load(Rules(tests)).GetValueOrThrow());

    [Fact]
    public void Run_VotesAndCouncilExpectations_FollowTheAwardsThreshold()
    {
        var run = Run($$"""
            "tests": [ { "id": "phieu", {{People}},
              "votes": [ { "subject": "A", "award": "cstd", "members": 20, "yes": 18 }, { "subject": "B", "award": "cstd", "members": 20, "yes": 17 } ],
              "expect": [
                { "subject": "A", "award": "cstd", "outcome": "recommended", "council": "approved" },
                { "subject": "B", "award": "cstd", "outcome": "recommended", "council": "not-approved" } ] } ]
            """);

        var result = Assert.Single(run.Results);
        Assert.True(result.Passed, string.Join("\n", result.Failures));
    }

    [Fact]
    public void Run_CouncilExpectationWrongOrWithoutAVote_FailsNamingBothDecisions()
    {
        var run = Run($$"""
            "tests": [ { "id": "phieu", {{People}},
              "votes": [ { "subject": "B", "award": "cstd", "members": 20, "yes": 17 } ],
              "expect": [
                { "subject": "A", "award": "cstd", "outcome": "recommended", "council": "approved" },
                { "subject": "B", "award": "cstd", "outcome": "recommended", "council": "approved" } ] } ]
            """);

        var failures = Assert.Single(run.Results).Failures;
        Assert.Equal(2, failures.Length);
        Assert.All(failures, f => Assert.Equal(RuleTestFailureKind.WrongCouncil, f.Kind));
        Assert.Equal(("A", "approved", (string?)null), (failures[0].Subject, failures[0].Expected, failures[0].Actual));
        Assert.Equal(("B", "approved", (string?)"not-approved"), (failures[1].Subject, failures[1].Expected, failures[1].Actual));
        Assert.EndsWith(": A / cstd: cần hội đồng thông qua ('approved'), kết quả là không có phiếu bầu", failures[0].Format(Language.Vi), StringComparison.Ordinal);
        Assert.EndsWith(": B / cstd: cần hội đồng thông qua ('approved'), kết quả là không thông qua ('not-approved')", failures[1].Format(Language.Vi), StringComparison.Ordinal);
        Assert.EndsWith(": B / cstd: expected the council's decision approved ('approved'), got not approved ('not-approved')", failures[1].Format(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VoteOnAPairNotRecommended_FailsWithTheBallotsDiagnosticAtItsPlace()
    {
        var run = Run($$"""
            "tests": [ { "id": "phieu", {{People}},
              "votes": [ { "subject": "C", "award": "cstd", "members": 20, "yes": 20 } ],
              "expect": [ { "subject": "C", "award": "cstd", "outcome": "not-eligible" } ] } ]
            """);

        var failure = Assert.Single(Assert.Single(run.Results).Failures);
        Assert.Equal(RuleTestFailureKind.InvalidVote, failure.Kind);
        Assert.Equal(DiagnosticCodes.VoteOnPairNotRecommended, failure.Diagnostic!.Code);
        Assert.Equal("test.json", failure.Diagnostic.Span.File);
        Assert.StartsWith("phiếu bầu thử không hợp lệ: test.json:", failure.Format(Language.Vi), StringComparison.Ordinal);
        Assert.StartsWith("invalid test ballot: test.json:", failure.Format(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrongOutcome_NamesBothOutcomesAndTheCriteriaThatFailed_InEitherLanguage()
    {
        var run = Run($$"""
            "tests": [ { "id": "sai", {{People}},
              "expect": [ { "subject": "C", "award": "ldtt", "outcome": "recommended" } ] } ]
            """);

        var failure = Assert.Single(Assert.Single(run.Results).Failures);
        Assert.Equal(RuleTestFailureKind.WrongOutcome, failure.Kind);
        Assert.Equal(["c"], failure.FailedCriteria.AsEnumerable());
        Assert.Empty(failure.UndecidedCriteria);
        Assert.EndsWith(": C / ldtt: cần đề nghị ('recommended'), kết quả là không đủ điều kiện ('not-eligible') (không đạt: c)", failure.Format(Language.Vi), StringComparison.Ordinal);
        Assert.EndsWith(": C / ldtt: expected recommended ('recommended'), got not eligible ('not-eligible') (failed: c)", failure.Format(Language.En), StringComparison.Ordinal);
        Assert.Equal(failure.Format(Language.En), failure.ToString());
    }

    public static TheoryData<RuleTestFailure, string> EveryKindInVietnamese => new()
    {
        { new RuleTestFailure { Kind = RuleTestFailureKind.RuleSetDoesNotCompile }, "bộ quy tắc không biên dịch được (xem các thông báo ở trên)" },
        { new RuleTestFailure { Kind = RuleTestFailureKind.NoSuchResult, Span = new("r.json", 3, 5), Subject = "A", Item = "x" }, "r.json:3:5: A / x: không có kết quả xét cho cặp này" },
        { new RuleTestFailure { Kind = RuleTestFailureKind.ReasonAbsent, Span = new("r.json", 3, 5), Subject = "A", Item = "x", Criterion = "k" }, "r.json:3:5: A / x: tiêu chí 'k' phải giải thích kết quả nhưng danh hiệu không có tiêu chí này" },
        { new RuleTestFailure { Kind = RuleTestFailureKind.ReasonPassed, Span = new("r.json", 3, 5), Subject = "A", Item = "x", Criterion = "k" }, "r.json:3:5: A / x: tiêu chí 'k' phải giải thích kết quả nhưng tiêu chí này đạt" },
        { new RuleTestFailure { Kind = RuleTestFailureKind.WrongOutcome, Span = new("r.json", 3, 5), Subject = "A", Item = "x", Expected = "not-eligible", Actual = "insufficient-data", UndecidedCriteria = ["k", "m"] },
            "r.json:3:5: A / x: cần không đủ điều kiện ('not-eligible'), kết quả là chưa đủ dữ liệu ('insufficient-data') (chưa xác định: k, m)" },
        { new RuleTestFailure { Kind = RuleTestFailureKind.TargetNotEvaluated, Span = new("r.json", 3, 5), Subject = "U", Item = "t" }, "r.json:3:5: chỉ tiêu t của U: không được đánh giá (chỉ tiêu có áp dụng cho đơn vị này không?)" },
        { new RuleTestFailure { Kind = RuleTestFailureKind.WrongTargetStatus, Span = new("r.json", 3, 5), Subject = "U", Item = "t", Expected = "pass", Actual = "unknown" }, "r.json:3:5: chỉ tiêu t của U: cần đạt ('pass'), kết quả là chưa đủ dữ liệu ('unknown')" },
    };

    [Theory]
    [MemberData(nameof(EveryKindInVietnamese))]
    public void Format_Vietnamese_EveryKind(RuleTestFailure failure, string expected) => Assert.Equal(expected, failure.Format(Language.Vi));
}
