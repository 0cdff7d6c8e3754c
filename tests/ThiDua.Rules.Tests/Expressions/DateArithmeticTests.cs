using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Expressions;

/// <summary>Dates and days: <c>date ± n</c> and <c>date - date</c>, <c>addDays</c> and <c>daysBetween</c>.</summary>
public sealed class DateArithmeticTests
{
    private static string Data(string? startDate) => $$"""
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "P1", "name": "Phòng", "kind": "unit" } ],
          "individuals": [ { "id": "NV1", "name": "A", "unit": "P1", "rating": "HTTNV"{{(startDate is null ? "" : $", \"startDate\": \"{startDate}\"")}} } ] }
        """;

    private static Outcome? Outcome(string expr, string? startDate = "2024-02-28") =>
        TestRules.Evaluate(TestRules.RuleFile(TestRules.Award("probe", expr)), Data(startDate)).GetOutcome("NV1", "probe");

    public static TheoryData<string> TrueOnLeapYear => new()
    {
        "startDate + 2 == date('2024-03-01')",          // 2024 is a leap year: 28 Feb + 2 is 1 March
        "2 + startDate == date('2024-03-01')",
        "startDate - 28 == date('2024-01-31')",
        "startDate - -2 == date('2024-03-01')",
        "addDays(startDate, 366) == date('2025-02-28')",
        "addDays(startDate, -59) == date('2023-12-31')",
        "date('2024-12-31') - startDate == 307",
        "asOf - startDate == 307",
        "daysBetween(startDate, asOf) == 307",
        "daysBetween(asOf, startDate) == -307",
        "startDate + 2.9 == date('2024-03-01')",        // a fraction of a day is dropped
        "startDate + 15 <= date('2024-04-30')",
        "asOf - startDate >= 30 && asOf - startDate < 365",
        "(startDate + 2).month == 3",
        "date('2024-01-01') + 30 == date('2024-01-31')", // folded while compiling
        "startDate + 10000000 == null",                  // past the calendar's last day: unknown, not an error
    };

    [Theory]
    [MemberData(nameof(TrueOnLeapYear))]
    public void DateArithmetic_CountsCalendarDays(string expr) =>
        Assert.Equal(Rules.Evaluation.Outcome.Recommended, Outcome(expr));

    [Theory]
    [InlineData("startDate + 30 <= date('2024-12-31')")]
    [InlineData("daysBetween(startDate, asOf) >= 30")]
    public void DateArithmetic_UnknownDate_IsInsufficientData(string expr) =>
        Assert.Equal(Rules.Evaluation.Outcome.InsufficientData, Outcome(expr, startDate: null));

    public static TheoryData<string, string> Slips => new()
    {
        { "startDate + startDate <= asOf", "TDR045" },
        { "5 - startDate <= 3", "TDR046" },
        { "startDate + monthsWorked <= asOf", "TDR047" },  // a month has no fixed length
        { "addDays(startDate, 10%) <= asOf", "TDR047" },
        { "asOf - startDate >= 10%", "TDR036" },              // days beside a share
        { "asOf - startDate >= monthsWorked", "TDR036" },     // days beside months
        { "daysBetween(startDate, 3) >= 1", "TDR271" },
        { "daysBetwen(startDate, asOf) >= 1", "TDR013" },
    };

    [Theory]
    [MemberData(nameof(Slips))]
    public void DateArithmetic_Slips_AreValidationErrors(string expr, string code)
    {
        var error = Assert.Single(TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("probe", expr))), d => d.Severity == Severity.Error);

        Assert.Equal(code, error.Code.ToString());
    }

    [Fact]
    public void DateArithmetic_Slips_SayWhatToWriteInBothLanguages()
    {
        var added = TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("probe", "startDate + asOf <= asOf"))).Single();
        var months = TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("probe", "startDate + monthsWorked <= asOf"))).Single();

        Assert.Equal("'(startDate + asOf)' cộng hai ngày với nhau: trừ hai ngày để có số ngày giữa chúng, hoặc cộng một số ngày vào một ngày", added.Message(Language.Vi));
        Assert.Equal("'(startDate + monthsWorked)' adds a number of months to a date: only days can be added to or subtracted from a date (a month or a year has no fixed length; compare months with monthsBetween)", months.Message(Language.En));
        Assert.Equal("'(startDate + monthsWorked)' cộng số tháng vào một ngày: chỉ cộng, trừ được số ngày (tháng, năm không có số ngày cố định; so sánh số tháng bằng monthsBetween)", months.Message(Language.Vi));
    }

    [Fact]
    public void DaysBetween_Misspelt_SuggestsTheFunction()
    {
        var error = TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("probe", "daysBetwen(startDate, asOf) >= 1"))).Single();

        Assert.Equal("daysBetween", error.Suggestion);
    }

    [Fact]
    public void Explain_DaysCriterion_ShowsTheDaysAndTheRequirement()
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", "daysBetween(startDate, asOf) >= 365"));

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data("2024-02-28")).Explain("NV1", "probe")!.Criteria);

        Assert.Equal(CriterionStatus.Fail, criterion.Status);
        Assert.Equal("daysBetween(startDate, asOf) >= 365: 307 — yêu cầu ≥ 365 (không đạt)", new ExplanationRenderer(Language.Vi).Message(criterion));
    }

    [Fact]
    public void Explain_MovedDate_ShowsTheDates()
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", "startDate + 400 <= asOf"));

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data("2024-02-28")).Explain("NV1", "probe")!.Criteria);

        Assert.Equal("startDate + 400 <= asOf: 03/04/2025 — yêu cầu ≤ 31/12/2024 (không đạt)", new ExplanationRenderer(Language.Vi).Message(criterion));
    }

    /// <summary>The guide's section on dates and days: each example in its table (the criteria written in the last
    /// column) compiles and decides the sample person the way the sentence beside it says.</summary>
    [Fact]
    public void Guide_DateExamples_AreCriteriaThatHold()
    {
        var guide = File.ReadAllText(Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "rules", "README.md"));
        var start = guide.IndexOf("### Ngày và số ngày", StringComparison.Ordinal);
        var section = guide[start..guide.IndexOf("\n### ", start + 4, StringComparison.Ordinal)];
        var examples = System.Text.RegularExpressions.Regex.Matches(section, @": `([^`]+)` \|").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["startDate + 30 <= asOf", "daysBetween(startDate, asOf) >= 365"], examples);
        Assert.Equal(Rules.Evaluation.Outcome.Recommended, Outcome(examples[0], "2024-12-01"));
        Assert.Equal(Rules.Evaluation.Outcome.NotEligible, Outcome(examples[0], "2024-12-02"));
        Assert.Equal(Rules.Evaluation.Outcome.Recommended, Outcome(examples[1], "2024-01-01"));  // 2024 has 366 days
        Assert.Equal(Rules.Evaluation.Outcome.NotEligible, Outcome(examples[1], "2024-01-02"));
    }

    [Fact]
    public void Explain_UnknownStartDate_NamesTheMissingValue()
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", "asOf - startDate >= 365"));

        var result = TestRules.Evaluate(rules, Data(null));
        var criterion = Assert.Single(result.Explain("NV1", "probe")!.Criteria);

        Assert.Equal(CriterionStatus.Unknown, criterion.Status);
        Assert.Equal("NV1.startDate", Assert.Single(criterion.Missing));
    }
}
