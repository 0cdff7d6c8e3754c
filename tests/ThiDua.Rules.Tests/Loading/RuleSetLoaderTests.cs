using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

public sealed class RuleSetLoaderTests
{
    private const string Header = """
        {
          "id": "r",
          "name": "Bộ quy tắc",
          "effective": { "from": "2024-01-01" },
          "awards": [

        """;

    private const string Footer = """

          ]
        }
        """;

    /// <summary>An award written on lines 6 and 7 of a small rule file (after <see cref="Header"/>).</summary>
    private static string WithAward(string firstLine, string secondLine = """      "criteria": [ { "id": "c", "expr": "true", "basis": "b" } ] }""") =>
        Header + firstLine + "\n" + secondLine + Footer;

    private static Diagnostic SingleError(LoadResult<RuleLibrary> loaded)
    {
        Assert.False(loaded.Succeeded);
        return Assert.Single(loaded.Errors);
    }

    [Fact]
    public void LoadText_TruncatedJson_ReportsTheUnexpectedEndWhereTheTextEnds()
    {
        var json = "{\n  \"id\": \"r\",\n  \"name\": ";

        var error = SingleError(RuleSetLoader.LoadText(json, "truncated.json"));

        Assert.Equal(DiagnosticCodes.JsonUnexpectedEnd, error.Code);
        Assert.Equal(new SourceSpan("truncated.json", 3, 10), error.Span with { JsonPath = "" });
        Assert.StartsWith("truncated.json:3:10 TDR128 the file ends too early", error.Format(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_UnclosedString_ReportsTheUnterminatedStringWithLineAndColumn()
    {
        var json = "{\n  \"id\": \"r\",\n  \"name\": \"Bộ quy tắc\n}";

        var error = SingleError(RuleSetLoader.LoadText(json, "unclosed.json"));

        Assert.Equal(DiagnosticCodes.JsonUnterminatedString, error.Code);
        Assert.Equal("unclosed.json", error.Span.File);
        Assert.True(error.Span.Line >= 3, error.Format());
        Assert.True(error.Span.Column >= 1, error.Format());
    }

    [Fact]
    public void LoadText_TextAfterTheDocument_ReportsTextAfterTheDocument()
    {
        var json = TestRules.RuleFile(TestRules.Award("a", "true")) + "\n{ }";

        var error = SingleError(RuleSetLoader.LoadText(json, "two-documents.json"));

        Assert.Equal(DiagnosticCodes.JsonTextAfterDocument, error.Code);
        Assert.Equal((json.Split('\n').Length, 1), (error.Span.Line, error.Span.Column));
        Assert.Contains("text after the end of the JSON document", error.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_MisspeltAwardMember_ReportsUnknownMemberWithSuggestion()
    {
        var json = WithAward(
            """    { "id": "a", "name": "A", "subject": "individual", "basis": "b",""",
            """      "critera": [ { "id": "c", "expr": "true", "basis": "b" } ] }""");

        var loaded = RuleSetLoader.LoadText(json, "critera.json");

        var unknown = Assert.Single(loaded.Errors, d => d.Code == DiagnosticCodes.UnknownMember);
        Assert.Equal("criteria", unknown.Suggestion);
        Assert.Equal(7, unknown.Span.Line);
        Assert.Equal(7, unknown.Span.Column);
        Assert.Equal("awards[0].critera", unknown.Span.JsonPath);
        Assert.Equal("unknown member 'critera' in award; did you mean 'criteria'?", unknown.Message(Language.En));
        Assert.Equal("trường không xác định 'critera' trong danh hiệu/hình thức khen thưởng; có phải ý bạn là 'criteria'?", unknown.Message(Language.Vi));

        // The required member is then missing too; both are reported in one pass.
        var missing = Assert.Single(loaded.Errors, d => d.Code == DiagnosticCodes.MissingMember);
        Assert.Equal(new SourceSpan("critera.json", 6, 5), missing.Span with { JsonPath = "" });
    }

    [Fact]
    public void LoadText_AwardWithoutBasis_ReportsMissingMemberAtTheAward()
    {
        var json = WithAward("""    { "id": "a", "name": "A", "subject": "individual",""");

        var error = SingleError(RuleSetLoader.LoadText(json, "no-basis.json"));

        Assert.Equal(DiagnosticCodes.MissingMember, error.Code);
        Assert.Equal("no-basis.json:6:5 TDR003 missing required member 'basis' in award", error.Format(Language.En));
    }

    [Fact]
    public void LoadText_NameIsANumber_ReportsWrongJsonType()
    {
        var json = WithAward("""    { "id": "a", "name": 5, "subject": "individual", "basis": "b",""");

        var error = SingleError(RuleSetLoader.LoadText(json, "wrong-type.json"));

        Assert.Equal(DiagnosticCodes.WrongJsonType, error.Code);
        Assert.Equal("wrong-type.json:6:26 TDR004 'name' must be a string, but is a number", error.Format(Language.En));
    }

    [Fact]
    public void LoadText_CriteriaIsAnObject_ReportsWrongJsonType()
    {
        var json = WithAward(
            """    { "id": "a", "name": "A", "subject": "individual", "basis": "b",""",
            """      "criteria": { "id": "c", "expr": "true", "basis": "b" } }""");

        var error = SingleError(RuleSetLoader.LoadText(json, "criteria-object.json"));

        Assert.Equal(DiagnosticCodes.WrongJsonType, error.Code);
        Assert.Equal("'criteria' must be an array, but is an object", error.Message(Language.En));
    }

    [Fact]
    public void LoadText_February30_ReportsInvalidDateAtTheValue()
    {
        var json = """
            {
              "id": "r",
              "name": "Bộ quy tắc",
              "effective": { "from": "2024-02-30" }
            }
            """;

        var error = SingleError(RuleSetLoader.LoadText(json, "bad-date.json"));

        Assert.Equal(DiagnosticCodes.InvalidDate, error.Code);
        Assert.Equal("bad-date.json:4:26 TDR005 invalid date '2024-02-30': use YYYY-MM-DD", error.Format(Language.En));
    }

    [Fact]
    public void LoadText_EffectiveToBeforeFrom_ReportsInvalidEffectivePeriod()
    {
        var json = """{ "id": "r", "name": "n", "effective": { "from": "2024-01-01", "to": "2023-12-31" } }""";

        var error = SingleError(RuleSetLoader.LoadText(json, "period.json"));

        Assert.Equal(DiagnosticCodes.InvalidEffectivePeriod, error.Code);
    }

    [Theory]
    [InlineData("Lao_Dong")]
    [InlineData("lao-động")]
    [InlineData("LaoDong")]
    [InlineData("lao--dong")]
    [InlineData("-lao-dong")]
    public void LoadText_AwardIdNotKebabCase_ReportsInvalidIdAtTheValue(string id)
    {
        var json = WithAward($$"""    { "id": "{{id}}", "name": "A", "subject": "individual", "basis": "b",""");

        var error = SingleError(RuleSetLoader.LoadText(json, "bad-id.json"));

        Assert.Equal(DiagnosticCodes.InvalidId, error.Code);
        Assert.Equal(new SourceSpan("bad-id.json", 6, 13), error.Span with { JsonPath = "" });
        Assert.Equal(id, error.Arguments[0]);
    }

    [Fact]
    public void LoadText_ValidRuleFile_HasNoDiagnosticsAndOneVersion()
    {
        var loaded = RuleSetLoader.LoadText(TestRules.RuleFile(TestRules.Award("lao-dong-tien-tien", "rating >= 'HTTNV'")), "valid.json");

        Assert.True(loaded.Succeeded);
        Assert.Empty(loaded.Diagnostics);
        var ruleSet = Assert.Single(loaded.GetValueOrThrow().Versions);
        Assert.Equal("test-rules", ruleSet.Id);
        Assert.Equal("2024-01-01", ruleSet.Version);
        Assert.Equal("lao-dong-tien-tien", Assert.Single(ruleSet.Awards).Id);
    }

    [Fact]
    public void Select_FolderWithTwoVersions_PicksTheVersionInForceOnTheAsOfDate()
    {
        using var folder = new TempFolder();
        folder.Write("vn/vn-2018.json", TestData.VersionedRuleFile("vn", "2018-01-01", "2023-12-31", TestRules.Award("ldtt", "rating >= 'HTNV'")));
        folder.Write("vn/vn-2024.json", TestData.VersionedRuleFile("vn", "2024-01-01", null, TestRules.Award("ldtt", "rating >= 'HTTNV'")));

        var library = RuleSetLoader.Load(folder.PathOf("vn")).GetValueOrThrow();

        Assert.Equal("vn", Assert.Single(library.Ids));
        Assert.Equal(2, library.Versions.Length);
        Assert.Equal("2018-01-01", library.Select(new LocalDate(2023, 12, 31)).GetValueOrThrow().Version);
        Assert.Equal("2024-01-01", library.Select(new LocalDate(2024, 1, 1)).GetValueOrThrow().Version);
        Assert.Equal("rating >= 'HTTNV'", library.Select(new LocalDate(2030, 6, 30)).GetValueOrThrow().Awards.Single().Criteria.Single().Expr!.Text);
    }

    [Fact]
    public void Select_DateBeforeEveryVersion_ReportsNoVersionInForce()
    {
        using var folder = new TempFolder();
        folder.Write("vn/vn-2018.json", TestData.VersionedRuleFile("vn", "2018-01-01", "2023-12-31", TestRules.Award("ldtt", "true")));
        folder.Write("vn/vn-2024.json", TestData.VersionedRuleFile("vn", "2024-01-01", null, TestRules.Award("ldtt", "true")));
        var library = RuleSetLoader.Load(folder.PathOf("vn")).GetValueOrThrow();

        var selected = library.Select(new LocalDate(2017, 12, 31));

        Assert.False(selected.Succeeded);
        var error = Assert.Single(selected.Errors);
        Assert.Equal(DiagnosticCodes.NoVersionInForce, error.Code);
        Assert.Equal(
            "no version of rule set 'vn' is in force on 2017-12-31 (versions: 2018-01-01 → 2023-12-31, 2024-01-01 → …)",
            error.Message(Language.En));
    }

    [Fact]
    public void Select_OverlappingVersions_ReportsOverlappingVersions()
    {
        using var folder = new TempFolder();
        folder.Write("vn/a.json", TestData.VersionedRuleFile("vn", "2018-01-01", "2024-06-30", TestRules.Award("ldtt", "true")));
        folder.Write("vn/b.json", TestData.VersionedRuleFile("vn", "2024-01-01", null, TestRules.Award("ldtt", "true")));
        var library = RuleSetLoader.Load(folder.PathOf("vn")).GetValueOrThrow();

        var inOverlap = library.Select(new LocalDate(2024, 3, 1));
        var afterOverlap = library.Select(new LocalDate(2024, 7, 1));

        Assert.Equal(DiagnosticCodes.OverlappingVersions, Assert.Single(inOverlap.Errors).Code);
        Assert.Equal("2024-01-01", afterOverlap.GetValueOrThrow().Version);
    }

    [Fact]
    public void Validate_LibraryWithOverlappingVersions_ReportsOverlapAtTheLaterFile()
    {
        using var folder = new TempFolder();
        var first = folder.Write("vn/a.json", TestData.VersionedRuleFile("vn", "2018-01-01", "2024-06-30", TestRules.Award("ldtt", "true")));
        var second = folder.Write("vn/b.json", TestData.VersionedRuleFile("vn", "2024-01-01", null, TestRules.Award("ldtt", "true")));
        var library = RuleSetLoader.Load(folder.PathOf("vn")).GetValueOrThrow();

        var report = RuleSetValidator.Validate(library);

        var error = Assert.Single(report.Errors);
        Assert.Equal(DiagnosticCodes.OverlappingVersions, error.Code);
        Assert.Equal(second, error.Span.File);
        Assert.Equal($"two versions of rule set 'vn' have overlapping effective periods (see {first}:1:1)", error.Message(Language.En));
    }

    [Fact]
    public void Select_Extends_MergesBaseAwardsAndOverridesParameterValue()
    {
        using var folder = new TempFolder();
        folder.Write("base/vn-2024.json", TestData.VersionedRuleFile("vn", "2024-01-01", null,
            TestRules.Award("ldtt", "rating >= 'HTTNV'") + "," + TestRules.Award("cstd", "rating >= 'HTXSNV'", extra: """ "quota": { "max": "params.cap" } """)));
        var plan = folder.Write("plan/tinh-2024.json", """
            {
              "id": "ke-hoach-tinh",
              "name": "Kế hoạch của tỉnh",
              "effective": { "from": "2024-01-01", "to": "2024-12-31" },
              "extends": "../base",
              "parameters": [ { "id": "cap", "value": "10%" } ],
              "awards": [
                { "id": "cstd", "name": "CSTĐ theo kế hoạch", "subject": "individual", "basis": "KH 12, mục 3",
                  "criteria": [ { "id": "c", "expr": "rating >= 'HTXSNV' && conduct", "basis": "KH 12" } ],
                  "quota": { "max": "params.cap" } },
                { "id": "giay-khen", "name": "Giấy khen", "subject": "individual", "basis": "Điều 75",
                  "criteria": [ { "id": "c", "expr": "has('ldtt')", "basis": "Điều 75" } ] }
              ]
            }
            """);

        var library = RuleSetLoader.Load(plan).GetValueOrThrow();
        var merged = library.Select(new LocalDate(2024, 12, 31)).GetValueOrThrow();

        Assert.Equal("ke-hoach-tinh", merged.Id);
        Assert.Equal(new RuleSetReference("vn", "2024-01-01"), merged.Base);
        Assert.Equal(["ldtt", "cstd", "giay-khen"], merged.Awards.Select(a => a.Id));
        Assert.Equal("CSTĐ theo kế hoạch", merged.Awards[1].Name);
        var cap = Assert.Single(merged.Parameters, p => p.Id == "cap");
        Assert.Equal(0.1m, cap.Value);
        Assert.Equal(ValueKind.Number, cap.Type);
        Assert.Null(Assert.Single(merged.Parameters, p => p.Id == "noCap").Value);
        Assert.Contains(merged.Scales, s => s.Id == "rating");
        Assert.True(RuleSetCompiler.Compile(merged).Succeeded);
    }

    [Fact]
    public void Load_ExtendsMissingBase_ReportsExtendsProblemAtTheExtendsMember()
    {
        using var folder = new TempFolder();
        var plan = folder.Write("plan/tinh-2024.json", """
            {
              "id": "ke-hoach-tinh",
              "name": "Kế hoạch của tỉnh",
              "effective": { "from": "2024-01-01" },
              "extends": "../khong-co"
            }
            """);

        var loaded = RuleSetLoader.Load(plan);

        var error = SingleError(loaded);
        Assert.Equal(DiagnosticCodes.ExtendsProblem, error.Code);
        Assert.Equal(new SourceSpan(plan, 5, 14), error.Span with { JsonPath = "" }); // at the 'extends' value
        Assert.StartsWith("cannot use base rule set '../khong-co': ", error.Message(Language.En), StringComparison.Ordinal);
        Assert.Contains("TDR023", error.Message(Language.En), StringComparison.Ordinal);
        // The base's own error is said in the message's language: no English inside the Vietnamese.
        Assert.StartsWith("không dùng được bộ quy tắc cơ sở '../khong-co': ", error.Message(Language.Vi), StringComparison.Ordinal);
        Assert.Contains("TDR023", error.Message(Language.Vi), StringComparison.Ordinal);
        Assert.DoesNotMatch(ThiDua.Rules.Tests.Validation.VietnameseMessagesTests.EnglishWord(), error.Message(Language.Vi));
    }

    [Fact]
    public void Load_ExtendsItself_ReportsExtendsProblem()
    {
        using var folder = new TempFolder();
        var plan = folder.Write("plan/tinh.json", """{ "id": "p", "name": "n", "effective": { "from": "2024-01-01" }, "extends": "tinh.json" }""");

        var error = SingleError(RuleSetLoader.Load(plan));

        Assert.Equal(DiagnosticCodes.ExtendsProblem, error.Code);
    }

    [Fact]
    public void Load_MissingFile_ReportsFileNotReadable()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("khong-co.json");

        var error = SingleError(RuleSetLoader.Load(path));

        Assert.Equal(DiagnosticCodes.FileNotReadable, error.Code);
        Assert.Equal($"{path} TDR023 cannot read file: no such file or folder", error.Format(Language.En));
    }

    [Fact]
    public void Load_EmptyFolder_ReportsFileNotReadable()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.PathOf("empty"));

        var error = SingleError(RuleSetLoader.Load(folder.PathOf("empty")));

        Assert.Equal(DiagnosticCodes.FileNotReadable, error.Code);
    }

    [Fact]
    public void Load_FileWithUtf8ByteOrderMark_Loads()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bom.json", TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'")), byteOrderMark: true);
        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);

        var loaded = RuleSetLoader.Load(path);

        Assert.Empty(loaded.Diagnostics);
        Assert.Equal("Bộ quy tắc kiểm thử", loaded.GetValueOrThrow().Versions.Single().Name);
    }

    [Fact]
    public void Load_TruncatedFile_ReportsTheUnexpectedEndWithThePath()
    {
        using var folder = new TempFolder();
        var path = folder.Write("truncated.json", "{\n  \"id\": \"r\",\n  \"awards\": [\n");

        var error = SingleError(RuleSetLoader.Load(path));

        Assert.Equal(DiagnosticCodes.JsonUnexpectedEnd, error.Code);
        Assert.Equal(path, error.Span.File);
        Assert.True(error.Span.Line >= 3, error.Format());
    }

    [Fact]
    public void Load_FolderSkipsSchemaAndSamples()
    {
        using var folder = new TempFolder();
        folder.Write("rules/vn.json", TestData.VersionedRuleFile("vn", "2024-01-01", null, TestRules.Award("ldtt", "true")));
        folder.Write("rules/schema/ruleset.schema.json", """{ "$schema": "http://json-schema.org/draft-07/schema#" }""");
        folder.Write("rules/samples/data.json", """{ "year": 2024, "individuals": [] }""");

        var loaded = RuleSetLoader.Load(folder.PathOf("rules"));

        Assert.Empty(loaded.Diagnostics);
        Assert.Single(loaded.GetValueOrThrow().Versions);
    }
}
