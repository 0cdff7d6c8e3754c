using System.Globalization;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Validation;

/// <summary>Positions, suggestions and message quality of diagnostics (each case once reported as a bug).</summary>
public sealed class DiagnosticQualityTests
{
    [Theory]
    [InlineData("{\n  \"id\": \"r\",\n  \"name\": \"n\",\n  \"effective\": { \"from\": \"2024-01-01\" },\n}", 4, 40)]
    [InlineData("{ \"id\": \"r\", \"name\": \"n\", \"effective\": { \"from\": \"2024-01-01\" }, \"basis\": [ { \"id\": \"l\", \"title\": \"t\" }, ] }", 1, 104)]
    public void LoadText_TrailingComma_ReportsATrailingCommaAtTheComma(string json, int line, int column)
    {
        var error = Assert.Single(RuleSetLoader.LoadText(json, "t.json").Errors);
        Assert.Equal(DiagnosticCodes.JsonTrailingComma, error.Code);
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
    }

    [Theory]
    [InlineData("\"critera\":")]
    [InlineData("\"critera\" :")]
    public void LoadText_UnknownMember_IsReportedAtTheOpeningQuoteOfItsName(string member)
    {
        var json = "{ \"id\": \"r\", \"name\": \"n\", \"effective\": { \"from\": \"2024-01-01\" },\n  \"awards\": [ { \"id\": \"a\", \"name\": \"A\", \"subject\": \"individual\", \"basis\": \"b\", \"criteria\": [],\n      " + member + " [] } ] }";
        var error = Assert.Single(RuleSetLoader.LoadText(json, "t.json").Errors);
        Assert.Equal(DiagnosticCodes.UnknownMember, error.Code);
        Assert.Equal((3, 7), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Validate_ExpressionWithJsonEscapeAfterTheError_ReportsTheExactColumn()
    {
        const string expr = "monthWorked >= 1 && rating >= \"HTTNV\"";
        var json = TestRules.RuleFile(TestRules.Award("a", expr));
        var (line, start) = TestData.ExpressionStart(json, expr);
        var error = Assert.Single(TestRules.Diagnostics(json));
        Assert.Equal((line, start), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void LoadText_NumberWhereTextIsExpected_IsReportedAtItsFirstDigit()
    {
        var error = Assert.Single(RuleSetLoader.LoadText("{ \"id\": \"r\", \"name\": 12345, \"effective\": { \"from\": \"2024-01-01\" } }", "t.json").Errors);
        Assert.Equal(22, error.Span.Column);
    }

    [Fact]
    public void Diagnostic_SameCodeSpanAndArguments_AreEqual()
    {
        var json = TestRules.RuleFile(TestRules.Award("a", "monthWorked >= 1"));
        Assert.Equal(TestRules.Diagnostics(json)[0], TestRules.Diagnostics(json)[0]);
    }

    [Theory]
    [InlineData("HTT", "HTTNV")]
    [InlineData("HTXS", "HTXSNV")]
    public void Validate_LawAbbreviationOfARating_SuggestsTheFullLevel(string literal, string suggestion)
    {
        var error = Assert.Single(TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("a", $"rating >= '{literal}'"))));
        Assert.Equal(suggestion, error.Suggestion);
    }

    [Fact]
    public void CheckData_UnitBelowALoop_IsNotReportedAsALoopItself()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""{ "year": 2024, "units": [ { "id": "C", "parent": "A" }, { "id": "A", "parent": "B" }, { "id": "B", "parent": "A" } ] }""");
        var error = Assert.Single(rules.CheckData(data).Errors);
        Assert.Contains("A → B → A", error.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QuotaOverOneHundredPercent_MessageDoesNotDependOnTheCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            var error = Assert.Single(TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("a", "true", extra: """ "quota": { "max": "150%" } """))));
            Assert.Contains("150%", error.Message(Language.En), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Write_WriterWithCrLfNewLine_StillWritesLf()
    {
        var result = TestRules.Evaluate(TestRules.RuleFile(TestRules.Award("a", "true")), """{ "year": 2024, "individuals": [ { "id": "X" } ] }""");
        using var writer = new StringWriter { NewLine = "\r\n" };
        JsonResultWriter.Write(result, writer);
        Assert.DoesNotContain("\r", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingField_VietnameseMessageHasNoEnglishWords()
    {
        var error = Assert.Single(TestRules.Load("""{ "id": "r", "name": "n", "effective": { "from": "2024-01-01" }, "awards": [ { "id": "a", "name": "A", "subject": "individual", "criteria": [] } ] }""").Errors);
        Assert.DoesNotContain("award", error.Message(Language.Vi), StringComparison.Ordinal);
    }
}
