using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Tests.Builders;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>
/// <c>ratingCount(level, n)</c> and <c>disciplinedInYear(level)</c>: the windows of the law that the other history
/// functions cannot express (a non-consecutive excellent year inside a period; a discipline decided in the year, as
/// Nghị định 48/2023 reads "bị xử lý kỷ luật trong năm đánh giá").
/// </summary>
public sealed class SubjectHistoryFunctionsTests
{
    private const string History = """
        "history": {
          "2019": { "rating": "HTXSNV" },
          "2020": { "rating": "HTTNV" },
          "2021": { "rating": "HTXSNV" },
          "2022": { "rating": "HTNV" },
          "2023": { }
        }
        """;

    private static Rules.Evaluation.Outcome? Outcome(string expr, string individual, string subject = "NV1")
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", expr));
        var data = $$"""
            { "year": 2024, "asOf": "2024-12-31",
              "units": [ { "id": "P1", "name": "Phòng", "kind": "unit" } ],
              "individuals": [ {{individual}} ] }
            """;
        return TestRules.Evaluate(rules, data).GetOutcome(subject, "probe");
    }

    private static string Person(string rating, string extra = "") =>
        $$"""{ "id": "NV1", "name": "A", "unit": "P1", "rating": "{{rating}}"{{(extra.Length > 0 ? ", " + extra : "")}} }""";

    [Theory]
    // Window 1 is this year only; 2023 has no rating and does not count; 2021 and 2019 are the HTXS years of the past.
    [InlineData("ratingCount('HTXSNV', 1) == 0", true)]
    [InlineData("ratingCount('HTXSNV', 3) == 0", true)]
    [InlineData("ratingCount('HTXSNV', 4) == 1", true)]
    [InlineData("ratingCount('HTXSNV', 6) == 2", true)]
    [InlineData("ratingCount('HTTNV', 6) == 4", true)]
    [InlineData("ratingCount('HTTNV', 99) == 4", true)]
    [InlineData("ratingCount('HTTNV', 0) == 0", true)]
    [InlineData("ratingCount('HTXSNV', 6) == 3", false)]
    public void RatingCount_CountsTheYearsOfTheWindowRatedAtLeastTheLevel(string expr, bool pass) =>
        Assert.Equal(pass ? Rules.Evaluation.Outcome.Recommended : Rules.Evaluation.Outcome.NotEligible, Outcome(expr, Person("HTTNV", History)));

    [Fact]
    public void RatingCount_ThisYearExcellent_IsCounted() =>
        Assert.Equal(Rules.Evaluation.Outcome.Recommended, Outcome("ratingCount('HTXSNV', 1) == 1 && ratingCount('HTXSNV', 6) == 3", Person("HTXSNV", History)));

    [Fact]
    public void RatingCount_ThisYearUnknownOrWindowUnknown_IsUnknown()
    {
        var noRating = """{ "id": "NV1", "name": "A", "unit": "P1", "history": { "2023": { "rating": "HTXSNV" } } }""";
        Assert.Equal(Rules.Evaluation.Outcome.InsufficientData, Outcome("ratingCount('HTXSNV', 3) >= 1", noRating));
        Assert.Equal(Rules.Evaluation.Outcome.InsufficientData, Outcome("ratingCount('HTXSNV', yearsSince('probe')) >= 0", Person("HTXSNV")));
    }

    [Theory]
    // Decided in 2024: counts whatever the term; decided in 2023 with a term into 2024: in force (disciplinedAtLeast)
    // but not decided in the year.
    [InlineData("\"discipline\": { \"level\": \"khien-trach\", \"date\": \"2024-03-01\", \"endDate\": \"2025-03-01\" }", "disciplinedInYear('khien-trach')", true)]
    [InlineData("\"discipline\": { \"level\": \"khien-trach\", \"date\": \"2024-03-01\" }", "disciplinedInYear('canh-cao')", false)]
    [InlineData("\"discipline\": { \"level\": \"cach-chuc\", \"date\": \"2024-12-31\" }", "disciplinedInYear('canh-cao')", true)]
    [InlineData("\"discipline\": { \"level\": \"canh-cao\", \"date\": \"2023-05-01\", \"endDate\": \"2024-05-01\" }", "disciplinedInYear('khien-trach')", false)]
    [InlineData("\"discipline\": { \"level\": \"canh-cao\", \"date\": \"2023-05-01\", \"endDate\": \"2024-05-01\" }", "disciplinedAtLeast('khien-trach')", true)]
    [InlineData("\"discipline\": { \"level\": \"canh-cao\", \"date\": \"2025-01-02\" }", "disciplinedInYear('khien-trach')", false)]
    public void DisciplinedInYear_ReadsTheDecisionDate(string discipline, string expr, bool expected) =>
        Assert.Equal(expected ? Rules.Evaluation.Outcome.Recommended : Rules.Evaluation.Outcome.NotEligible, Outcome(expr, Person("HTTNV", discipline)));

    [Fact]
    public void DisciplinedInYear_NoDiscipline_IsFalse_NoDecisionDate_IsUnknown()
    {
        Assert.Equal(Rules.Evaluation.Outcome.NotEligible, Outcome("disciplinedInYear('khien-trach')", Person("HTTNV")));
        Assert.Equal(Rules.Evaluation.Outcome.InsufficientData,
            Outcome("!disciplinedInYear('khien-trach')", Person("HTTNV", "\"discipline\": { \"level\": \"canh-cao\", \"endDate\": \"2024-06-01\" }")));
    }

    [Fact]
    public void DisciplinedInYear_OnAUnit_IsAValidationError()
    {
        var diagnostics = TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("probe", "disciplinedInYear('khien-trach')", "unit")));
        Assert.Equal(ThiDua.Rules.Validation.DiagnosticCodes.WrongSubject, Assert.Single(diagnostics, d => d.Severity == ThiDua.Rules.Validation.Severity.Error).Code);
    }

    private const string ProbeIn2021 = """
        "history": { "2021": { "rating": "HTTNV", "awards": [ "probe" ] }, "2023": { "rating": "HTTNV" } }
        """;

    [Theory]
    // The award was received in 2021; the evaluated year is 2024: within the 3 years before it, not within 2.
    [InlineData("hadWithin('probe', 3)", true)]
    [InlineData("hadWithin('probe', 2)", false)]
    [InlineData("!hadWithin('probe', 2)", true)]
    [InlineData("hadWithin('probe', 0)", false)]
    [InlineData("sinceLast('probe', 10) == 3", true)]
    [InlineData("sinceLast('probe', 2) == 2", true)]
    [InlineData("ratingCount('HTTNV', sinceLast('probe', 10)) == 2", true)]
    public void HadWithinAndSinceLast_CountFromTheLastAward(string expr, bool pass) =>
        Assert.Equal(pass ? Rules.Evaluation.Outcome.Recommended : Rules.Evaluation.Outcome.NotEligible, Outcome(expr, Person("HTTNV", ProbeIn2021)));

    [Theory]
    // Never received: not within any window, and the window since it is the whole n.
    [InlineData("hadWithin('probe', 50)", false)]
    [InlineData("!hadWithin('probe', 2)", true)]
    [InlineData("sinceLast('probe', 5) == 5", true)]
    public void HadWithinAndSinceLast_NeverReceived_NeedNoPlaceholder(string expr, bool pass) =>
        Assert.Equal(pass ? Rules.Evaluation.Outcome.Recommended : Rules.Evaluation.Outcome.NotEligible, Outcome(expr, Person("HTTNV")));

    [Fact]
    public void HadWithinAndSinceLast_UnknownWindow_IsUnknown()
    {
        var noRating = """{ "id": "NV1", "name": "A", "unit": "P1" }""";
        Assert.Equal(Rules.Evaluation.Outcome.InsufficientData, Outcome("sinceLast('probe', ratingStreak('HTTNV')) >= 0", noRating));
    }

    /// <summary>The only criterion of the award <c>probe</c> (<paramref name="expr"/>) for one HTTNV person.</summary>
    private static Rules.Evaluation.CriterionResult ProbeCriterion(string expr, string history = "")
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", expr));
        var data = $$"""
            { "year": 2024, "asOf": "2024-12-31",
              "units": [ { "id": "P1", "name": "Phòng", "kind": "unit" } ],
              "individuals": [ {{Person("HTTNV", history)}} ] }
            """;

        return Assert.Single(TestRules.Evaluate(rules, data).Explain("NV1", "probe")!.Criteria);
    }

    [Theory]
    [InlineData("en", "had('probe') && yearsSince('probe') >= 5: never — required ≥ 5 (fail)")]
    [InlineData("vi", "had('probe') && yearsSince('probe') >= 5: chưa có — yêu cầu ≥ 5 (không đạt)")]
    public void YearsSince_NeverReceived_PrintsNever(string language, string expected)
    {
        var criterion = ProbeCriterion("had('probe') && yearsSince('probe') >= 5");

        Assert.True(criterion.Actual!.Never);
        Assert.Equal(expected, new Rules.Explanation.ExplanationRenderer(language == "en" ? Language.En : Language.Vi).Message(criterion));
    }

    [Theory]
    // "02 lần liên tục CSTĐ cấp tỉnh" as the national packs write it: the requirement is the years since the last
    // provincial title + 3, which does not exist for someone who never had it; the line says "never", not "≥ never".
    [InlineData("en", "had('probe', year - 3) || (had('probe') && ratingStreak('HTTNV') >= yearsSince('probe') + 3)", ": never (fail)")]
    [InlineData("vi", "had('probe', year - 3) || (had('probe') && ratingStreak('HTTNV') >= yearsSince('probe') + 3)", ": chưa có (không đạt)")]
    [InlineData("vi", "had('probe') && ratingStreak('HTTNV') >= yearsSince('probe') + 3", ": chưa có (không đạt)")]
    public void YearsSinceShifted_NeverReceived_PrintsNeverWithoutRequirement(string language, string expr, string expected)
    {
        var criterion = ProbeCriterion(expr);

        Assert.Equal(Rules.Evaluation.CriterionStatus.Fail, criterion.Status);
        Assert.True(criterion.Actual!.Never);
        Assert.Null(criterion.Required);
        Assert.Equal(expr + expected, new Rules.Explanation.ExplanationRenderer(language == "en" ? Language.En : Language.Vi).Message(criterion));
    }

    [Fact]
    public void YearsSinceShifted_Received_PrintsTheComparison()
    {
        var criterion = ProbeCriterion("ratingStreak('HTTNV') >= yearsSince('probe') + 3", ProbeIn2021);

        Assert.False(criterion.Actual!.Never);
        Assert.Equal("≥ 6", new Rules.Explanation.ExplanationRenderer(Language.Vi).Format(criterion.Required!));
    }
}
