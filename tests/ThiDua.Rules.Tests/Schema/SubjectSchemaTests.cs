using System.Collections.Immutable;
using FsCheck;
using Outcome = ThiDua.Rules.Evaluation.Outcome;
using FsCheck.Fluent;
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

    [Fact]
    public void CheckData_FromASpreadsheet_NamesTheCellOfTheField()
    {
        // Binding finds these (the rule set's scale, the units that exist); each is shown at its own cell, not the id's.
        var csv = "Mã cán bộ,Họ và tên,Đơn vị,Xếp loại,Năm\nA,Nguyễn Văn A,VP,XYZ,2024\nB,Trần Thị B,KT,HTTNV,2024\n";
        var path = Path.Combine(Path.GetTempPath(), "thidua-cells-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, csv);
        try
        {
            var data = SpreadsheetDataLoader.Load(path).GetValueOrThrow() with { Units = [new Unit { Id = "VP" }] };

            var errors = Rules.CheckData(data).Errors.ToList();

            Assert.Equal(path + ":D2", Assert.Single(errors, e => e.Code == DiagnosticCodes.DataValueNotOnScale).Span.ToString());
            Assert.Equal(path + ":C3", Assert.Single(errors, e => e.Code == DiagnosticCodes.DataUnknownUnit).Span.ToString());
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

/// <summary>Data built in code, with nulls and odd values anywhere: binding answers with diagnostics, never another exception.</summary>
public sealed class SubjectDataBuiltInCodeProperties
{
    private static readonly Compilation.CompiledRuleSet Rules = TestRules.Compile(TestRules.RuleFile(
        TestRules.Award("a", "rating >= 'HTTNV' && monthsWorked >= 6 && initiatives.count(i => i.scope >= 'co-so') >= 0 && had('a', year - 1) == false")));

    private static Gen<T?> OrNull<T>(Gen<T> gen)
        where T : class => Gen.Frequency((12, Gen.Select(gen, x => (T?)x)), (1, Gen.Constant<T?>(null)));

    private static Gen<Individual> Person() =>
        from id in OrNull(Gen.Elements("A", "B", "C", "D", "E", " A", "", "A "))
        from unit in OrNull(Gen.Elements("VP", "VP", "VP", "KT", " VP"))
        from rating in OrNull(Gen.Elements("HTTNV", "HTXSNV", "HTNV", "HTTNV", "HTT", "htxsnv", ""))
        from months in Gen.Elements<decimal?>(null, 0, 12, 12, 6.5m, 12, 13, -1, decimal.MaxValue)
        from type in OrNull(Gen.Elements("cong-chuc", "vien-chuc", "cong-chuc", "cong chuc"))
        from initiatives in Gen.Elements(default(ImmutableArray<Initiative>), [], [null!], [new Initiative(null, null, null, default)], [new Initiative("x", "tinh", null, SourceSpan.None)])
        from history in Gen.Elements(default(ImmutableArray<HistoryYear>), [], [null!],
            [new HistoryYear(2023, "HTTNV", default, default)], [new HistoryYear(2023, null, [null!, new AwardRecord(null!, null, default), new AwardRecord("a", null, default)], default)],
            [new HistoryYear(1, "x", [], default)], [new HistoryYear(3000, "HTTNV", [], default)])
        from facts in Gen.Elements<ImmutableDictionary<string, object?>>(null!, ImmutableDictionary<string, object?>.Empty,
            ImmutableDictionary<string, object?>.Empty.Add("conduct", 3.5).Add("x", new object()))
        from discipline in Gen.Elements<Discipline?>(null, new Discipline(null!, null, null, default), new Discipline("canh-cao", new LocalDate(2024, 1, 1), null, default))
        select new Individual
        {
            Id = id!, Unit = unit, Rating = rating, MonthsWorked = months, EmployeeType = type, Initiatives = initiatives,
            ResearchWorks = initiatives, History = history, Facts = facts, Discipline = discipline, Span = default,
        };

    private static Gen<SubjectData> Data() =>
        from year in Gen.Elements(2024, 2024, 2024, 2024, 2024, 2024, 0, 99999)
        from units in Gen.Elements<ImmutableArray<Unit>>([new Unit { Id = "VP" }], [new Unit { Id = "VP" }], [new Unit { Id = "VP" }], default, [], [null!],
            [new Unit { Id = "VP", Parent = "VP" }], [new Unit { Id = null!, Facts = null!, History = default }, new Unit { Id = "VP" }], [new Unit { Id = "VP", Rating = "?" }])
        from count in Gen.Choose(0, 4)
        from people in Gen.ArrayOf(OrNull(Person()), count)
        select new SubjectData { Year = year, Units = units, Individuals = [.. people.Select(p => p!)], Span = default };

    [Fact]
    public void Evaluate_AnyDataBuiltInCode_ThrowsOnlyTheDocumentedException()
    {
        var (evaluated, refused) = (0, 0);
        foreach (var data in Gen.Sample(Data(), 2000, new Rnd(3UL, 7UL), 8))
        {
            try
            {
                Rules.Evaluate(data);
                evaluated++;
            }
            catch (RuleSetValidationException ex)
            {
                refused++;
                Assert.Contains(ex.Diagnostics, d => d.Severity == Severity.Error);
                Assert.All(ex.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Format(Language.Vi)) || string.IsNullOrEmpty(d.Format(Language.En))));
            }

            Assert.Equal(Rules.TryBind(data).Succeeded, Rules.CheckData(data).Succeeded);
        }

        // Both ways are taken: the generator is no test if every document is refused, or none is.
        Assert.InRange(evaluated, 20, 1980);
        Assert.InRange(refused, 20, 1980);
    }
}
