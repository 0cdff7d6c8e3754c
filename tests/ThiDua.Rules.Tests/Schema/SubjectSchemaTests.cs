using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Schema;

/// <summary>The subject schema: one declaration per field, and one validation of data whatever its source.</summary>
public sealed class SubjectSchemaTests
{
    private static readonly CompiledRuleSet Rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "rating >= 'HTTNV'")));

    private static SubjectData Data(params Individual[] people) => new()
    {
        Year = 2024,
        Units = [new Unit { Id = "VP", Name = "Văn phòng" }],
        Individuals = [.. people],
    };

    private static Individual Person(string id) => new() { Id = id, Unit = "VP", Rating = "HTTNV", MonthsWorked = 12 };

    [Fact]
    public void Schema_EveryField_HasNameLabelsAndAUniqueName()
    {
        foreach (var individual in new[] { true, false })
        {
            var fields = SubjectSchema.Of(individual);
            Assert.Equal(fields.Length, fields.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
            Assert.All(fields, f =>
            {
                Assert.False(string.IsNullOrWhiteSpace(f.LabelVi), f.Name);
                Assert.False(string.IsNullOrWhiteSpace(f.LabelEn), f.Name);
                Assert.Equal(individual, f.ForIndividuals);
            });
        }
    }

    [Fact]
    public void TypeChecker_KnowsEveryExpressionNameOfTheSchema()
    {
        // Every field the schema opens to expressions compiles as a member of a person or a unit.
        foreach (var field in SubjectSchema.Individuals.Where(f => f.ExpressionName is not null && f.Type != SubjectValueType.Structured))
        {
            var diagnostics = TestRules.Diagnostics(TestRules.RuleFile(TestRules.Award("a", $"{field.ExpressionName} != null")));
            Assert.True(diagnostics.All(d => d.Severity != Severity.Error), field.Name + ": " + string.Join("; ", diagnostics));
        }
    }

    [Fact]
    public void Position_BuiltInCode_IsReadByExpressions()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("truong-phong", "position == 'Trưởng phòng'")));
        var data = Data(Person("A") with { Position = "Trưởng phòng" }, Person("B") with { Position = "Chuyên viên" }, Person("C"));

        var result = rules.Evaluate(data);

        Assert.Equal(Outcome.Recommended, result.GetOutcome("A", "truong-phong"));
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("B", "truong-phong"));
        Assert.Equal(Outcome.InsufficientData, result.GetOutcome("C", "truong-phong"));
    }

    [Fact]
    public void Position_FromJson_IsRead()
    {
        var data = TestRules.Data("""{ "year": 2024, "units": [ { "id": "VP" } ], "individuals": [ { "id": "A", "unit": "VP", "position": "Phó Trưởng phòng" } ] }""");

        Assert.Equal("Phó Trưởng phòng", Assert.Single(data.Individuals).Position);
    }

    [Theory]
    [InlineData("Chức vụ")]
    [InlineData("Chuc vu")]
    public void Position_FromASpreadsheetColumn_IsRead(string header)
    {
        var csv = $"Mã cán bộ,Họ và tên,{header},Đơn vị,Năm\nA,Nguyễn Văn A,Kế toán trưởng,VP,2024\n";
        var path = Path.Combine(Path.GetTempPath(), "thidua-position-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, csv);
        try
        {
            var loaded = SpreadsheetDataLoader.Load(path);
            var person = Assert.Single(loaded.GetValueOrThrow().Individuals);
            Assert.Equal("Kế toán trưởng", person.Position);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string, Func<SubjectData>, string, string> BadDataBuiltInCode => new()
    {
        { "null id", () => Data(Person("A") with { Id = null! }), "TDR114", "individuals[]" },
        { "empty id", () => Data(Person("")), "TDR114", "individuals[]" },
        { "months 13", () => Data(Person("A") with { MonthsWorked = 13 }), "TDR116", "individuals[A].monthsWorked" },
        { "months -3", () => Data(Person("A") with { MonthsWorked = -3 }), "TDR116", "individuals[A].monthsWorked" },
        { "negative days", () => Data(Person("A") with { DaysAbsent = -1 }), "TDR116", "individuals[A].daysAbsent" },
        { "employee type", () => Data(Person("A") with { EmployeeType = "cong chuc" }), "TDR117", "individuals[A].employeeType" },
        { "rating off the scale", () => Data(Person("A") with { Rating = "HTT" }), "TDR104", "individuals[A].rating" },
        { "unknown unit", () => Data(Person("A") with { Unit = "KT" }), "TDR103", "individuals[A].unit" },
        { "duplicate id", () => Data(Person("A"), Person("A")), "TDR102", "individuals[A].id" },
        { "duplicate after trimming", () => Data(Person("A"), Person(" A")), "TDR102", "individuals[A].id" },
        { "null person", () => Data(Person("A"), null!), "TDR121", "individuals[1]" },
        { "year", () => Data(Person("A")) with { Year = 20240 }, "TDR119", "year" },
        { "history year", () => Data(Person("A") with { History = [new HistoryYear(1800, "HTTNV", [], SourceSpan.None)] }), "TDR119", "individuals[A].history" },
        {
            "unit cycle", () => new SubjectData
            {
                Year = 2024,
                Units = [new Unit { Id = "X", Parent = "Y" }, new Unit { Id = "Y", Parent = "X" }],
            }, "TDR106", "units[X]"
        },
    };

    [Theory]
    [MemberData(nameof(BadDataBuiltInCode))]
    public void Evaluate_BadDataBuiltInCode_ThrowsTheDocumentedExceptionNamingTheSubject(string what, Func<SubjectData> make, string code, string where)
    {
        var data = make();

        var ex = Assert.Throws<RuleSetValidationException>(() => Rules.Evaluate(data));

        var diagnostic = Assert.Single(ex.Diagnostics, d => d.Code.ToString() == code);
        Assert.True(diagnostic.Severity == Severity.Error, what);
        if (where.Length > 0)
        {
            Assert.StartsWith(where.TrimEnd(']'), diagnostic.Span.ToString(), StringComparison.Ordinal);
        }

        // Rendering never fails on a span built in code, in either language.
        Assert.Contains(code, diagnostic.Format(Language.Vi), StringComparison.Ordinal);
        Assert.Contains(code, diagnostic.Format(Language.En), StringComparison.Ordinal);
        Assert.Equal(ex.Diagnostics.AsEnumerable(), Rules.CheckData(data).Diagnostics.AsEnumerable());
    }

    [Fact]
    public void Evaluate_RatingOffTheScaleInCode_RendersWithoutThrowing()
    {
        var data = Data(Person("A") with { Rating = "HTT", Span = default });

        var ex = Assert.Throws<RuleSetValidationException>(() => Rules.Evaluate(data));

        Assert.Contains("HTTNV", Assert.Single(ex.Diagnostics).Format(Language.Vi), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_IdWithSurroundingSpaces_WarnsAndTrims()
    {
        var data = Data(Person(" A "));

        var result = Rules.Evaluate(data);

        Assert.Equal(Outcome.Recommended, result.GetOutcome("A", "a"));
        Assert.Contains(Rules.CheckData(data).Diagnostics, d => d.Code == DiagnosticCodes.DataIdSpaces && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Evaluate_NullCollectionsBuiltInCode_AreEmpty()
    {
        var data = new SubjectData
        {
            Year = 2024,
            Units = [new Unit { Id = "VP", Facts = null!, History = default }],
            Individuals = [Person("A") with { Initiatives = default, ResearchWorks = default, History = default, Facts = null! }],
        };

        var result = Rules.Evaluate(data);

        Assert.Equal(Outcome.Recommended, result.GetOutcome("A", "a"));
    }

    [Fact]
    public void Evaluate_DefaultCollectionsOfTheData_AreEmpty()
    {
        var data = new SubjectData { Year = 2024, Units = default, Individuals = default };

        Assert.Empty(Rules.Evaluate(data).Results());
    }

    [Fact]
    public void CheckData_FutureHistoryYear_IsAWarning()
    {
        var data = Data(Person("A") with { History = [new HistoryYear(2030, "HTTNV", [], SourceSpan.None)] });

        var warning = Assert.Single(Rules.CheckData(data).Diagnostics);

        Assert.Equal(DiagnosticCodes.DataFutureHistoryYear, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
    }

    [Theory]
    [InlineData("""{ "id": "A", "unit": "VP", "monthsWorked": 13 }""", "TDR116", 1, 44)]
    [InlineData("""{ "id": "A", "unit": "VP", "employeeType": "congchuc" }""", "TDR117", 1, 44)]
    [InlineData("""{ "id": "", "unit": "VP" }""", "TDR114", 1, 9)]
    public void LoadJson_ValueTheSchemaRefuses_IsReportedAtTheMember(string person, string code, int line, int column)
    {
        var text = """{ "year": 2024, "units": [ { "id": "VP" } ], "individuals": [""" + "\n" + person + "] }";

        var loaded = SubjectDataLoader.LoadText(text, "d.json");

        var error = Assert.Single(loaded.Diagnostics, d => d.Code.ToString() == code);
        Assert.Equal((line + 1, column), (error.Span.Line, error.Span.Column));
    }
}
