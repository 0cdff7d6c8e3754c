using System.Text;
using NodaTime;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

public sealed class SubjectDataLoaderTests
{
    /// <summary>The canonical data of design §3, plus a second person with a discipline and dated awards.</summary>
    private const string Canonical = """
        {
          "year": 2024,
          "asOf": "2024-12-31",
          "units": [
            { "id": "BQL", "name": "Ban Quản lý các KCN", "kind": "unit", "rating": "HTXSNV" },
            { "id": "VP", "name": "Văn phòng Ban", "parent": "BQL", "cluster": "khoi-co-quan",
              "kind": "unit", "rating": "HTXSNV",
              "facts": { "movement": true, "solidarity": true,
                         "tthcTotal": 120, "tthcOnTime": 120 },
              "history": { "2023": { "rating": "HTXSNV", "awards": ["tap-the-lao-dong-tien-tien"] } } },
            { "id": "DN1", "name": "Công ty A", "kind": "enterprise", "cluster": "khoi-dntn" }
          ],
          "individuals": [
            { "id": "NV001", "name": "Nguyễn Văn A", "unit": "VP", "rating": "HTXSNV",
              "startDate": "2015-03-01", "monthsWorked": 12, "daysAbsent": 0,
              "discipline": null,
              "initiatives": [ { "name": "Số hoá hồ sơ", "scope": "co-so", "recognizedOn": "2024-10-01" } ],
              "facts": { "conduct": true, "partyMember": true },
              "history": { "2022": { "rating": "HTXSNV", "awards": ["lao-dong-tien-tien", "chien-si-thi-dua-co-so"] },
                           "2023": { "rating": "HTXSNV", "awards": ["lao-dong-tien-tien", "chien-si-thi-dua-co-so"] } } },
            { "id": "NV002", "name": "Trần Thị B", "unit": "VP", "employeeType": "vien-chuc", "pendingReview": true,
              "discipline": { "level": "khien-trach", "date": "2024-03-01", "endDate": "2025-02-28" },
              "researchWorks": [ { "name": "Đề tài", "scope": "tinh" } ],
              "history": { "2018": { "awards": [ { "id": "bang-khen-cap-tinh", "decidedOn": "2018-05-01" }, "giay-khen" ] } } }
          ]
        }
        """;

    private static SubjectData Load(string json) => SubjectDataLoader.LoadText(json, "data.json").GetValueOrThrow();

    private static Diagnostic SingleError(string json)
    {
        var loaded = SubjectDataLoader.LoadText(json, "data.json");
        Assert.False(loaded.Succeeded);
        return Assert.Single(loaded.Errors);
    }

    [Fact]
    public void LoadText_CanonicalData_ReadsYearAsOfAndUnits()
    {
        var data = Load(Canonical);

        Assert.Equal(2024, data.Year);
        Assert.Equal(new LocalDate(2024, 12, 31), data.AsOf);
        Assert.Equal(["BQL", "VP", "DN1"], data.Units.Select(u => u.Id));

        var root = data.Units[0];
        Assert.Equal("Ban Quản lý các KCN", root.Name);
        Assert.Null(root.Parent);
        Assert.Equal(SubjectKind.Unit, root.Kind);
        Assert.Empty(root.Facts);
        Assert.Empty(root.History);

        var office = data.Units[1];
        Assert.Equal("BQL", office.Parent);
        Assert.Equal("khoi-co-quan", office.Cluster);
        Assert.Equal("HTXSNV", office.Rating);
        Assert.Equal(true, office.Facts["movement"]);
        Assert.Equal(120m, office.Facts["tthcOnTime"]);
        var year = Assert.Single(office.History);
        Assert.Equal(2023, year.Year);
        Assert.Equal("HTXSNV", year.Rating);
        Assert.Equal(new AwardRecord("tap-the-lao-dong-tien-tien", null, year.Awards[0].Span), Assert.Single(year.Awards));

        Assert.Equal(SubjectKind.Enterprise, data.Units[2].Kind);
        Assert.Null(data.Units[2].Rating);
    }

    [Fact]
    public void LoadText_CanonicalData_ReadsEveryIndividualField()
    {
        var person = Load(Canonical).Individuals[0];

        Assert.Equal("NV001", person.Id);
        Assert.Equal("Nguyễn Văn A", person.Name);
        Assert.Equal("VP", person.Unit);
        Assert.Equal("HTXSNV", person.Rating);
        Assert.Equal(new LocalDate(2015, 3, 1), person.StartDate);
        Assert.Equal(12m, person.MonthsWorked);
        Assert.Equal(0m, person.DaysAbsent);
        Assert.Null(person.Discipline);
        Assert.Null(person.PendingReview);
        Assert.Null(person.EmployeeType);
        var initiative = Assert.Single(person.Initiatives);
        Assert.Equal("Số hoá hồ sơ", initiative.Name);
        Assert.Equal("co-so", initiative.Scope);
        Assert.Equal(new LocalDate(2024, 10, 1), initiative.RecognizedOn);
        Assert.Empty(person.ResearchWorks);
        Assert.Equal(2, person.Facts.Count);
        Assert.Equal(true, person.Facts["conduct"]);
        Assert.Equal(true, person.Facts["partyMember"]);
        Assert.Equal([2022, 2023], person.History.Select(h => h.Year));
        Assert.All(person.History, h => Assert.Equal(["lao-dong-tien-tien", "chien-si-thi-dua-co-so"], h.Awards.Select(a => a.Id)));
        Assert.All(person.History, h => Assert.All(h.Awards, a => Assert.Null(a.DecidedOn)));
    }

    [Fact]
    public void LoadText_HistoryWithBareIdsAndDatedAwards_ReadsBoth()
    {
        var person = Load(Canonical).Individuals[1];

        var year = Assert.Single(person.History);
        Assert.Equal(2018, year.Year);
        Assert.Null(year.Rating);
        Assert.Equal(["bang-khen-cap-tinh", "giay-khen"], year.Awards.Select(a => a.Id));
        Assert.Equal(new LocalDate(2018, 5, 1), year.Awards[0].DecidedOn);
        Assert.Null(year.Awards[1].DecidedOn);
    }

    [Fact]
    public void LoadText_DisciplineAndReviewAndResearch_AreRead()
    {
        var person = Load(Canonical).Individuals[1];

        Assert.NotNull(person.Discipline);
        Assert.Equal("khien-trach", person.Discipline.Level);
        Assert.Equal(new LocalDate(2024, 3, 1), person.Discipline.Date);
        Assert.Equal(new LocalDate(2025, 2, 28), person.Discipline.EndDate);
        Assert.True(person.Discipline.InForceDuring(2024));
        Assert.True(person.PendingReview);
        Assert.Equal("vien-chuc", person.EmployeeType);
        var work = Assert.Single(person.ResearchWorks);
        Assert.Equal("tinh", work.Scope);
        Assert.Null(work.RecognizedOn);
        Assert.Null(person.MonthsWorked);
        Assert.Empty(person.Initiatives);
    }

    [Fact]
    public void LoadText_Individual_KeepsItsPosition()
    {
        var person = Load(Canonical).Individuals[1];

        Assert.Equal(TestData.PositionOf(Canonical, "{ \"id\": \"NV002\""), (person.Span.Line, person.Span.Column));
        Assert.Equal("data.json", person.Span.File);
    }

    [Fact]
    public void LoadText_MisspeltIndividualMember_ReportsDataUnknownMemberWithSuggestion()
    {
        var error = SingleError("""{ "year": 2024, "individuals": [ { "id": "A", "monthWorked": 12 } ] }""");

        Assert.Equal(DiagnosticCodes.DataUnknownMember, error.Code);
        Assert.Equal("monthsWorked", error.Suggestion);
        Assert.Equal("unknown member 'monthWorked' in individual; did you mean 'monthsWorked'?", error.Message(Language.En));
    }

    [Fact]
    public void LoadText_NegativeMonthsWorked_ReportsDataOutOfRange()
    {
        var json = """
            { "year": 2024,
              "individuals": [ { "id": "A", "monthsWorked": -1 } ] }
            """;

        var error = SingleError(json);

        Assert.Equal(DiagnosticCodes.DataOutOfRange, error.Code);
        Assert.Equal("'monthsWorked' of individual 'A' must be from 0 to 12, but is -1", error.Message(Language.En));
        Assert.Equal("'monthsWorked' của cá nhân 'A' phải từ 0 đến 12, nhưng là -1", error.Message(Language.Vi));
        Assert.Equal(2, error.Span.Line);
    }

    [Fact]
    public void LoadText_FractionalYear_ReportsDataInvalidNumber()
    {
        var error = SingleError("""{ "year": 2024.5 }""");

        Assert.Equal(DiagnosticCodes.DataInvalidNumber, error.Code);
    }

    [Theory]
    [InlineData("""{ "year": 2024, "individuals": [ { "id": "A", "monthsWorked": "12" } ] }""", "'monthsWorked' must be a number, but is a string")]
    [InlineData("""{ "year": 2024, "individuals": [ { "id": "A", "pendingReview": "yes" } ] }""", "'pendingReview' must be true/false, but is a string")]
    [InlineData("""{ "year": 2024, "individuals": [ { "id": 7 } ] }""", "'id' must be a string, but is a number")]
    [InlineData("""{ "year": 2024, "units": { "id": "U" } }""", "'units' must be an array, but is an object")]
    [InlineData("""{ "year": "2024" }""", "'year' must be a number, but is a string")]
    public void LoadText_WrongJsonType_ReportsDataWrongType(string json, string message)
    {
        var error = SingleError(json);

        Assert.Equal(DiagnosticCodes.DataWrongType, error.Code);
        Assert.Equal(message, error.Message(Language.En));
    }

    [Fact]
    public void LoadText_UnknownUnitKind_ReportsDataNotInVocabularyWithSuggestion()
    {
        var error = SingleError("""{ "year": 2024, "units": [ { "id": "U", "kind": "enterprize" } ] }""");

        Assert.Equal(DiagnosticCodes.DataNotInVocabulary, error.Code);
        Assert.Equal("enterprise", error.Suggestion);
    }

    [Fact]
    public void LoadText_InvalidDate_ReportsDataInvalidDate()
    {
        var json = """{ "year": 2024, "individuals": [ { "id": "A", "startDate": "2024-02-30" } ] }""";

        var error = SingleError(json);

        Assert.Equal(DiagnosticCodes.DataInvalidDate, error.Code);
        var (line, column) = TestData.PositionOf(json, "\"2024-02-30\"");
        Assert.Equal($"data.json:{line}:{column} TDR105 invalid date '2024-02-30': use YYYY-MM-DD", error.Format(Language.En));
    }

    [Fact]
    public void LoadText_MissingYear_ReportsDataMissingMember()
    {
        var error = SingleError("""{ "individuals": [] }""");

        Assert.Equal(DiagnosticCodes.DataMissingMember, error.Code);
        Assert.Equal("missing required member 'year' in data", error.Message(Language.En));
    }

    [Fact]
    public void LoadText_EmptyText_ReportsAnEmptyFile()
    {
        var error = SingleError("");

        Assert.Equal(DiagnosticCodes.JsonEmptyFile, error.Code);
    }

    [Fact]
    public void Load_EmptyFile_ReportsAnEmptyFileAtTheStart()
    {
        using var folder = new TempFolder();
        var path = folder.Write("empty.json", "");

        var loaded = SubjectDataLoader.Load(path);

        var error = Assert.Single(loaded.Errors);
        Assert.Equal(DiagnosticCodes.JsonEmptyFile, error.Code);
        Assert.Equal($"{path}:1:1 TDR122 the file is empty: it must hold one JSON object", error.Format(Language.En));
    }

    [Fact]
    public void Load_MissingFile_ReportsFileNotReadable()
    {
        using var folder = new TempFolder();

        var error = Assert.Single(SubjectDataLoader.Load(folder.PathOf("khong-co.json")).Errors);

        Assert.Equal(DiagnosticCodes.FileNotReadable, error.Code);
    }

    [Fact]
    public void Load_FileLargerThanTheLimit_ReportsDataFileTooLarge()
    {
        using var folder = new TempFolder();
        var path = folder.Write("data.json", Canonical);

        var error = Assert.Single(SubjectDataLoader.Load(path, DataLimits.Default with { MaxFileBytes = 100 }).Errors);

        Assert.Equal(DiagnosticCodes.DataFileTooLarge, error.Code);
    }

    [Fact]
    public void Load_FileWithByteOrderMark_Loads()
    {
        using var folder = new TempFolder();
        var path = folder.Write("data.json", Canonical, byteOrderMark: true);

        Assert.Equal(2, SubjectDataLoader.Load(path).GetValueOrThrow().Individuals.Length);
    }

    [Fact]
    public void LoadText_DecomposedVietnamese_IsNormalisedToComposedForm()
    {
        var name = "Nguyễn Thị Hồng Nhung".Normalize(NormalizationForm.FormD);
        var unitName = "Phòng Kế hoạch – Đầu tư".Normalize(NormalizationForm.FormD);
        var initiative = "Sáng kiến số hoá".Normalize(NormalizationForm.FormD);
        var note = "Đạt".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Nguyễn Thị Hồng Nhung", name);
        var json = $$"""
            { "year": 2024,
              "units": [ { "id": "U", "name": "{{unitName}}" } ],
              "individuals": [ { "id": "A", "name": "{{name}}", "unit": "U",
                                 "initiatives": [ { "name": "{{initiative}}", "scope": "co-so" } ],
                                 "facts": { "note": "{{note}}" } } ] }
            """;

        var data = Load(json);

        Assert.Equal("Nguyễn Thị Hồng Nhung", data.Individuals[0].Name);
        Assert.True(data.Individuals[0].Name!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Phòng Kế hoạch – Đầu tư", data.Units[0].Name);
        Assert.Equal("Sáng kiến số hoá", data.Individuals[0].Initiatives[0].Name);
        Assert.Equal("Đạt", data.Individuals[0].Facts["note"]);
    }

    [Fact]
    public void CheckData_IndividualInUnknownUnit_ReportsDataUnknownUnitWithSuggestion()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var json = """
            { "year": 2024, "units": [ { "id": "VP" } ],
              "individuals": [ { "id": "A", "unit": "VPP" } ] }
            """;

        var report = rules.CheckData(TestRules.Data(json));

        var error = Assert.Single(report.Errors);
        Assert.Equal(DiagnosticCodes.DataUnknownUnit, error.Code);
        var (line, column) = TestData.PositionOf(json, "{ \"id\": \"A\"");
        Assert.Equal($"data.json:{line}:{column} TDR103 unit does not exist: 'VPP'; did you mean 'VP'?", error.Format(Language.En));
    }

    [Theory]
    [InlineData(-12024)]
    [InlineData(1899)]
    [InlineData(2201)]
    [InlineData(99999)]
    public void LoadText_YearOutOfRange_IsAnErrorAtTheYear(int year)
    {
        var json = $$"""{ "year": {{year}}, "units": [ { "id": "VP" } ], "individuals": [ { "id": "A", "unit": "VP", "startDate": "2020-01-01" } ] }""";

        var loaded = SubjectDataLoader.LoadText(json, "data.json");

        var error = Assert.Single(loaded.Errors);
        Assert.Equal(DiagnosticCodes.DataYearOutOfRange, error.Code);
        Assert.Equal((1, 11), (error.Span.Line, error.Span.Column));
        Assert.False(loaded.Succeeded);
    }

    [Fact]
    public void CheckData_DataBuiltInCodeWithAYearOutOfRange_ReportsItWithoutThrowing()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""{ "year": 2024, "units": [ { "id": "VP" } ], "individuals": [ { "id": "A", "unit": "VP", "startDate": "2020-01-01" } ] }""")
            with { Year = -12024, AsOf = null };

        var report = rules.CheckData(data);

        Assert.Contains(report.Errors, e => e.Code == DiagnosticCodes.DataYearOutOfRange && e.Format(Language.En).Contains("year", StringComparison.Ordinal));
        Assert.Throws<RuleSetValidationException>(() => rules.Evaluate(data));
    }

    [Fact]
    public void CheckData_UnknownParent_ReportsDataUnknownUnit()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""{ "year": 2024, "units": [ { "id": "VP", "parent": "BQL" } ] }""");

        Assert.Equal(DiagnosticCodes.DataUnknownUnit, Assert.Single(rules.CheckData(data).Errors).Code);
    }

    [Fact]
    public void CheckData_DuplicateIndividualId_ReportsDataDuplicateIdAtTheSecond()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""
            { "year": 2024, "individuals": [
              { "id": "A" },
              { "id": "A" } ] }
            """);

        var error = Assert.Single(rules.CheckData(data).Errors);

        Assert.Equal(DiagnosticCodes.DataDuplicateId, error.Code);
        Assert.Equal("data.json:3:3 TDR102 duplicate subject id 'A' (first at data.json:2:3)", error.Format(Language.En));
    }

    [Fact]
    public void CheckData_DuplicateUnitId_ReportsDataDuplicateId()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""{ "year": 2024, "units": [ { "id": "U" }, { "id": "U" } ] }""");

        Assert.Equal(DiagnosticCodes.DataDuplicateId, Assert.Single(rules.CheckData(data).Errors).Code);
    }

    [Fact]
    public void CheckData_RatingNotOnTheScale_ReportsDataValueNotOnScaleWithSuggestion()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""{ "year": 2024, "individuals": [ { "id": "A", "rating": "HTXSN" } ] }""");

        var error = Assert.Single(rules.CheckData(data).Errors);

        Assert.Equal(DiagnosticCodes.DataValueNotOnScale, error.Code);
        Assert.Equal("HTXSNV", error.Suggestion);
        Assert.Equal("'HTXSN' is not a level of scale 'rating' (levels: KHTNV, HTNV, HTTNV, HTXSNV); did you mean 'HTXSNV'?", error.Message(Language.En));
    }

    [Fact]
    public void CheckData_HistoryRatingNotOnTheScale_ReportsDataValueNotOnScale()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""{ "year": 2024, "units": [ { "id": "U", "history": { "2023": { "rating": "Tốt" } } } ] }""");

        Assert.Equal(DiagnosticCodes.DataValueNotOnScale, Assert.Single(rules.CheckData(data).Errors).Code);
    }

    [Fact]
    public void CheckData_ParentLoop_ReportsDataParentCycle()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""
            { "year": 2024, "units": [
              { "id": "A", "parent": "B" },
              { "id": "B", "parent": "A" },
              { "id": "C", "parent": "A" } ] }
            """);

        var errors = rules.CheckData(data).Errors.ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.DataParentCycle, e.Code));
        Assert.Contains(errors, e => e.Span.Line == 2 && e.Message(Language.En) == "the unit tree loops: A → B → A");
    }

    [Fact]
    public void CheckData_FactOfTheWrongType_ReportsDataWrongType()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""{ "year": 2024, "individuals": [ { "id": "A", "facts": { "conduct": "có" } } ] }""");

        var error = Assert.Single(rules.CheckData(data).Errors);

        Assert.Equal(DiagnosticCodes.DataWrongType, error.Code);
        Assert.Equal("'facts.conduct' must be true/false, but is 'có'", error.Message(Language.En));
    }

    [Fact]
    public void CheckData_UndeclaredFactAndUnknownHistoryAward_AreWarningsOnly()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
        var data = TestRules.Data("""{ "year": 2024, "individuals": [ { "id": "A", "facts": { "partyMember": true }, "history": { "2023": { "awards": ["b"] } } } ] }""");

        var report = rules.CheckData(data);

        Assert.True(report.Succeeded);
        Assert.Equal([DiagnosticCodes.DataUndeclaredFact, DiagnosticCodes.DataUnknownAward], report.Diagnostics.Select(d => d.Code).OrderBy(c => c.Number));
        Assert.All(report.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void CheckData_CanonicalData_HasNoErrors()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(
            TestRules.Award("lao-dong-tien-tien", "rating >= 'HTTNV'") + "," + TestRules.Award("chien-si-thi-dua-co-so", "true")));

        var report = rules.CheckData(Load(Canonical));

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
    }
}
