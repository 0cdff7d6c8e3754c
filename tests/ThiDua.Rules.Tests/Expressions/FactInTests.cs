using System.Collections.Immutable;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Expressions;

/// <summary>
/// Past years' facts: a history year's <c>facts</c>, read by every reader and by C# objects, checked against the rule
/// set's declarations, and read by <c>factIn('fact', year)</c>, unknown when the year or the fact is missing.
/// </summary>
public sealed class FactInTests
{
    // NV1: this year's bonusPoints 7; 2023 records bonusPoints 5 and conduct; 2022 records a rating only. The unit P1
    // recorded its movement in 2023.
    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "P1", "name": "Phòng", "kind": "unit", "facts": { "movement": false },
                       "history": { "2023": { "rating": "HTTNV", "facts": { "movement": true } } } } ],
          "individuals": [
            { "id": "NV1", "name": "A", "unit": "P1", "rating": "HTTNV", "facts": { "bonusPoints": 7 },
              "history": {
                "2022": { "rating": "HTTNV" },
                "2023": { "rating": "HTXSNV", "awards": [ "base" ], "facts": { "bonusPoints": 5, "conduct": true } }
              } }
          ] }
        """;

    private static Outcome? Outcome(string expr, string subject = "individual", string data = Data) =>
        TestRules.Evaluate(TestRules.RuleFile(TestRules.Award("base", "true") + "," + TestRules.Award("probe", expr, subject)), data)
            .GetOutcome(subject == "individual" ? "NV1" : "P1", "probe");

    [Theory]
    [InlineData("factIn('bonusPoints', 2023) == 5")]
    [InlineData("factIn('bonusPoints', year - 1) == 5")]
    [InlineData("factIn('bonusPoints', year) == 7")]                       // the evaluated year: this year's fact
    [InlineData("factIn('bonusPoints', year - 1) + bonusPoints == 12")]
    [InlineData("factIn('conduct', 2023)")]
    [InlineData("factIn('bonusPoints', 2022) == null")]                    // the 2022 record does not give it
    [InlineData("factIn('bonusPoints', 2021) == null")]                    // no 2021 record
    [InlineData("(factIn('bonusPoints', 2021) ?? 0) == 0")]
    public void FactIn_ReadsThePastYearsRecord(string expr) =>
        Assert.Equal(Rules.Evaluation.Outcome.Recommended, Outcome(expr));

    [Theory]
    [InlineData("factIn('bonusPoints', 2022) >= 0")]
    [InlineData("factIn('bonusPoints', 2021) >= 0")]
    [InlineData("factIn('conduct', 2022)")]
    [InlineData("factIn('bonusPoints', factIn('bonusPoints', 2021)) >= 0")]  // the year itself unknown
    public void FactIn_MissingYearOrFact_IsInsufficientDataNotFalse(string expr) =>
        Assert.Equal(Rules.Evaluation.Outcome.InsufficientData, Outcome(expr));

    [Theory]
    [InlineData("factIn('movement', 2023)", "pass")]
    [InlineData("factIn('movement', year)", "fail")]
    [InlineData("members.any(m => m.factIn('bonusPoints', 2023) == 5)", "pass")]
    public void FactIn_OnAUnit_ReadsTheUnitsHistory(string expr, string expected) =>
        Assert.Equal(expected == "pass" ? Rules.Evaluation.Outcome.Recommended : Rules.Evaluation.Outcome.NotEligible, Outcome(expr, "unit"));

    [Fact]
    public void FactIn_DataBuiltInCSharp_ReadsTheHistoryYearsFacts()
    {
        var compiled = TestRules.Compile(TestRules.RuleFile(TestRules.Award("probe", "factIn('bonusPoints', 2023) >= 5")));
        var data = new SubjectData
        {
            Year = 2024,
            Units = [new Unit { Id = "P1" }],
            Individuals =
            [
                new Individual { Id = "A", Unit = "P1", History = [new HistoryYear(2023, "HTTNV", [], default) { Facts = ImmutableDictionary<string, object?>.Empty.Add("bonusPoints", 6m) }] },
                new Individual { Id = "B", Unit = "P1", History = [new HistoryYear(2023, "HTTNV", [], default) { Facts = ImmutableDictionary<string, object?>.Empty.Add("bonusPoints", 4m) }] },
                new Individual { Id = "C", Unit = "P1", History = [new HistoryYear(2023, "HTTNV", [], default) { Facts = null! }] },
            ],
        };

        var result = compiled.Evaluate(data);

        Assert.Equal(Rules.Evaluation.Outcome.Recommended, result.GetOutcome("A", "probe"));
        Assert.Equal(Rules.Evaluation.Outcome.NotEligible, result.GetOutcome("B", "probe"));
        Assert.Equal(Rules.Evaluation.Outcome.InsufficientData, result.GetOutcome("C", "probe"));
    }

    [Fact]
    public void FactIn_TypedByTheDeclaredFact()
    {
        // bonusPoints is a number: not a true/false criterion; conduct is true/false: compared with true, not a number.
        var number = Assert.Single(TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("probe", "factIn('bonusPoints', 2023)"))));
        var truth = TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("probe", "factIn('conduct', 2023) == true")));

        Assert.Equal(DiagnosticCodes.CriterionNotBoolean, number.Code);
        Assert.Empty(truth);
    }

    public static TheoryData<string, string, string, string?> Mistakes => new()
    {
        { "factIn('bonusPoint', 2023) >= 1", "TDR012", "'bonusPoint'", "bonusPoints" },   // not declared: as bonusPoint alone
        { "factIn('movement', 2023)", "TDR012", "'movement'", null },                      // a unit's fact on a person
        { "factIn(bonusPoints, 2023) >= 1", "TDR097", "bonusPoints", null },
        { "factIn('bonusPoints', '2023') >= 1", "TDR271", "'2023'", null },
        { "factIn('bonusPoints') >= 1", "TDR095", "factIn", null },
        { "factInn('bonusPoints', 2023) >= 1", "TDR013", "factInn", "factIn" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void FactIn_Mistake_IsAnErrorAtItsColumnInVietnamese(string expr, string code, string at, string? suggestion)
    {
        var json = TestRules.RuleFile(TestRules.Award("probe", expr));

        var error = Assert.Single(TestRules.Diagnostics(json), d => d.Severity == Severity.Error);

        Assert.Equal(code, error.Code.ToString());
        var line = json.Split('\n')[error.Span.Line - 1];
        var exprStart = line.IndexOf("\"expr\": \"", StringComparison.Ordinal) + "\"expr\": \"".Length;
        Assert.Equal(expr.IndexOf(at, StringComparison.Ordinal), error.Span.Column - 1 - exprStart);
        Assert.Equal(suggestion, error.Suggestion);
        var vietnamese = System.Text.RegularExpressions.Regex.Replace(error.Message(Language.Vi), "'[^']*'", "''");
        Assert.DoesNotMatch(Validation.VietnameseMessagesTests.EnglishWord(), vietnamese);
    }

    [Fact]
    public void Explain_PastYearsFact_ShowsTheValueAndTheRequirementInVietnamese()
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", "factIn('bonusPoints', year - 1) >= 10"));

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data).Explain("NV1", "probe")!.Criteria);

        Assert.Equal("factIn('bonusPoints', year - 1) >= 10: 5 — yêu cầu ≥ 10 (không đạt)", new ExplanationRenderer(Language.Vi).Message(criterion));
    }

    [Fact]
    public void Explain_MissingPastYearsFact_NamesWhereTheDataWouldGiveIt()
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", "factIn('bonusPoints', 2022) >= 3 && factIn('bonusPoints', year) >= 3"));

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data).Explain("NV1", "probe")!.Criteria);

        Assert.Equal(CriterionStatus.Unknown, criterion.Status);
        Assert.Equal("NV1.history.2022.facts.bonusPoints", Assert.Single(criterion.Missing));
    }

    [Fact]
    public void Reads_FactIn_BindsTheHistoryAndTheFact()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("probe", "factIn('bonusPoints', year - 1) >= 3")));
        var slot = rules.Symbols.IndividualFacts["bonusPoints"].Slot;

        Assert.True(rules.Reads.History);
        Assert.True(rules.Reads.Fact(slot));
        Assert.False(rules.Reads.Fact(rules.Symbols.IndividualFacts["conduct"].Slot));
    }

    [Fact]
    public void Load_HistoryFacts_TheFastAndTheTreeReaderGiveTheSameData()
    {
        var fast = SubjectDataLoader.LoadText(Data, "d.json");
        var tree = SubjectDataLoader.LoadText(Data, "d.json", null, fastPath: false);

        Assert.Equal(DataDump.Of(tree), DataDump.Of(fast));
        var year = fast.GetValueOrThrow().Individuals.Single().History.Single(h => h.Year == 2023);
        Assert.Equal(5m, year.Facts["bonusPoints"]);
        Assert.Equal(true, year.Facts["conduct"]);
    }

    [Fact]
    public void CheckData_PastYearsFactOfTheWrongType_IsAnErrorAtTheValue()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("du-lieu.json");
        File.WriteAllText(path, """
            { "year": 2024,
              "units": [ { "id": "P1" } ],
              "individuals": [
                { "id": "NV1", "unit": "P1",
                  "history": { "2023": { "rating": "HTTNV",
                                         "facts": { "conduct": true, "bonusPoints": "nhiều" } } } }
              ] }
            """);
        var compiled = TestRules.Compile(TestRules.RuleFile(TestRules.Award("probe", "true")));

        var error = Assert.Single(compiled.CheckData(SubjectDataLoader.Load(path).GetValueOrThrow()).Errors);

        Assert.Equal(DiagnosticCodes.DataWrongType, error.Code);
        Assert.Equal((6, 73), (error.Span.Line, error.Span.Column));
        Assert.Equal("'history.2023.facts.bonusPoints' must be a number, but is 'nhiều'", error.Message(Language.En));
        Assert.Equal("'history.2023.facts.bonusPoints' phải là một số, nhưng là 'nhiều'", error.Message(Language.Vi));
    }

    [Fact]
    public void CheckData_ThisYearsFactOfTheWrongType_IsAnErrorAtTheValue_InAJsonFileAndAtItsCell()
    {
        using var folder = new TempFolder();
        var json = folder.PathOf("du-lieu.json");
        File.WriteAllText(json, """
            { "year": 2024,
              "units": [ { "id": "P1" } ],
              "individuals": [
                { "id": "NV1", "unit": "P1",
                  "facts": { "conduct": true, "bonusPoints": "nhiều" } }
              ] }
            """);
        var csv = folder.Write("du-lieu.csv", "Mã,Họ và tên,Đơn vị,bonusPoints,Năm\r\nNV1,Nguyễn Văn A,P1,nhiều,2024\r\n");
        var compiled = TestRules.Compile(TestRules.RuleFile(TestRules.Award("probe", "true")));

        var inJson = Assert.Single(compiled.CheckData(SubjectDataLoader.Load(json).GetValueOrThrow()).Errors);
        var inCsv = Assert.Single(compiled.CheckData(ThiDua.Rules.Reporting.Reading.SpreadsheetDataLoader.Load(csv).GetValueOrThrow()).Errors);

        Assert.Equal(DiagnosticCodes.DataWrongType, inJson.Code);
        Assert.Equal((5, 50), (inJson.Span.Line, inJson.Span.Column));
        Assert.Equal("'facts.bonusPoints' phải là một số, nhưng là 'nhiều'", inJson.Message(Language.Vi));
        Assert.Equal(DiagnosticCodes.DataWrongType, inCsv.Code);
        Assert.Equal("D2", inCsv.Span.Cell);
    }

    [Fact]
    public void CheckData_UndeclaredPastYearsFact_JoinsTheUndeclaredFactsWarning()
    {
        var compiled = TestRules.Compile(TestRules.RuleFile(TestRules.Award("probe", "true")));
        var data = TestRules.Data("""{ "year": 2024, "individuals": [ { "id": "A", "history": { "2023": { "facts": { "tthcOnTime": 118 } } } } ] }""");

        var warning = Assert.Single(compiled.CheckData(data).Diagnostics);

        Assert.Equal(DiagnosticCodes.DataUndeclaredFact, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("tthcOnTime", warning.Message(Language.Vi), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PastYearsFactThatIsAList_IsAnErrorOfTheReader()
    {
        var loaded = SubjectDataLoader.LoadText("""{ "year": 2024, "individuals": [ { "id": "A", "history": { "2023": { "facts": { "bonusPoints": [1] } } } } ] }""", "d.json");

        var error = Assert.Single(loaded.Diagnostics, d => d.Severity == Severity.Error);

        Assert.Equal(DiagnosticCodes.DataWrongType, error.Code);
        Assert.Contains("facts.bonusPoints", error.Message(Language.En), StringComparison.Ordinal);
    }
}
