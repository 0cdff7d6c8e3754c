using Newtonsoft.Json.Linq;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.Builders;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private const string MisspeltExpr = "rating >= 'HTTNV' && monthWorked >= 10";

    private static readonly string ValidRules = TestRules.RuleFile(
        TestRules.Award("ldtt", "rating >= 'HTTNV'") + "," +
        TestRules.Award("tap-the", "members.ratio(m => m.has('ldtt')) >= 70%", "unit"));

    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "U", "name": "Phòng Tổng hợp" } ],
          "individuals": [
            { "id": "A", "name": "Nguyễn Văn A", "unit": "U", "rating": "HTXSNV" },
            { "id": "B", "name": "Trần Thị B", "unit": "U", "rating": "HTNV" } ] }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string LastLine(string text) => text.TrimEnd('\n').Split('\n')[^1];

    [Fact]
    public void Validate_MisspeltFieldInEnglish_PrintsPositionCodeAndSuggestionAndExitsOne()
    {
        var json = TestRules.RuleFile(TestRules.Award("ldtt", MisspeltExpr));
        var path = _folder.Write("rules.json", json);
        var (line, start) = TestData.ExpressionStart(json, MisspeltExpr);

        var (code, output, _) = Run("validate", path, "--lang", "en");

        Assert.Equal(ExitCodes.RulesFailed, code);
        Assert.Contains($"{path}:{line}:{start + 21} TDR012 unknown field 'monthWorked' on an individual; did you mean 'monthsWorked'?\n", output, StringComparison.Ordinal);
        Assert.Equal("1 rule file(s): 1 error(s), 0 warning(s)", LastLine(output));
    }

    [Fact]
    public void Validate_MisspeltFieldByDefault_PrintsTheSuggestionInVietnamese()
    {
        var json = TestRules.RuleFile(TestRules.Award("ldtt", MisspeltExpr));
        var path = _folder.Write("rules.json", json);
        var (line, start) = TestData.ExpressionStart(json, MisspeltExpr);

        var (code, output, _) = Run("validate", path);

        Assert.Equal(ExitCodes.RulesFailed, code);
        var diagnostic = Assert.Single(output.Split('\n'), l => l.Contains("TDR012", StringComparison.Ordinal));
        Assert.StartsWith($"{path}:{line}:{start + 21} TDR012 trường không xác định 'monthWorked'", diagnostic, StringComparison.Ordinal);
        Assert.EndsWith("; có phải ý bạn là 'monthsWorked'?", diagnostic, StringComparison.Ordinal);
        Assert.Equal("1 tệp quy tắc: 1 lỗi, 0 cảnh báo", LastLine(output));
    }

    [Fact]
    public void Validate_ValidRules_ExitsZero()
    {
        var path = _folder.Write("rules.json", ValidRules);

        var (code, output, error) = Run("validate", path, "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("1 rule file(s): 0 error(s), 0 warning(s)\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public void Validate_FolderWithOverlappingVersions_ExitsOne()
    {
        _folder.Write("vn/a.json", TestData.VersionedRuleFile("vn", "2018-01-01", "2024-06-30", TestRules.Award("ldtt", "true")));
        _folder.Write("vn/b.json", TestData.VersionedRuleFile("vn", "2024-01-01", null, TestRules.Award("ldtt", "true")));

        var (code, output, _) = Run("validate", _folder.PathOf("vn"), "--lang", "en");

        Assert.Equal(ExitCodes.RulesFailed, code);
        Assert.Contains(" TDR026 ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingPath_ExitsTwoAndNamesThePath()
    {
        var path = _folder.PathOf("khong-co.json");

        var (code, _, error) = Run("validate", path, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"{path} TDR023 ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_JsonToFile_WritesTheCanonicalJsonAndExitsZero()
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("data.json", Data);
        var outFile = _folder.PathOf("out/result.json");
        Directory.CreateDirectory(_folder.PathOf("out"));

        var (code, output, error) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--include", "all", "--out", outFile);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Empty(output);
        var json = JObject.Parse(File.ReadAllText(outFile));
        Assert.Equal("test-rules", (string?)json["ruleSet"]!["id"]);
        Assert.Equal("2024-01-01", (string?)json["ruleSet"]!["version"]);
        var results = (JArray)json["results"]!;
        Assert.Equal(3, results.Count);
        Assert.Equal("recommended", (string?)results.Single(r => (string?)r["subject"] == "A")["outcome"]);
        Assert.Equal("not-eligible", (string?)results.Single(r => (string?)r["subject"] == "B")["outcome"]);
        Assert.Equal(["result.json"], Directory.EnumerateFileSystemEntries(_folder.PathOf("out")).Select(f => Path.GetFileName(f)));
    }

    [Fact]
    public void Check_TableToStandardOutput_ListsTheSubjects()
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("data.json", Data);

        var (code, output, _) = Run("check", "--rules", rules, "--data", data, "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Nguyễn Văn A", output, StringComparison.Ordinal);
        Assert.Contains("recommended", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RatingNotOnTheScale_ExitsTwoWithPositionAndLeavesNothingAtOut()
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var badData = Data.Replace("\"rating\": \"HTNV\"", "\"rating\": \"HTXSN\"", StringComparison.Ordinal);
        var data = _folder.Write("data.json", badData);
        var outFile = _folder.PathOf("result.json");
        var (line, column) = TestData.PositionOf(badData, "\"HTXSN\""); // the value itself, not the record

        var (code, output, error) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--out", outFile, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{data}:{line}:{column} TDR104 'HTXSN' is not a level of scale 'rating'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(outFile));
        Assert.Equal(["data.json", "rules.json"], _folder.Files());
    }

    [Fact]
    public void Check_MalformedDataFile_ExitsTwoWithPositionAndNoStackTrace()
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("data.json", "{ \"year\": 2024,\n  \"individuals\": [ { \"id\": \"A\" }\n");
        var outFile = _folder.PathOf("result.json");

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--out", outFile);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"{data}:", error, StringComparison.Ordinal);
        Assert.Contains(" TDR128 ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(["data.json", "rules.json"], _folder.Files());
    }

    [Fact]
    public void Check_InvalidRules_ExitsOne()
    {
        var rules = _folder.Write("rules.json", TestRules.RuleFile(TestRules.Award("ldtt", MisspeltExpr)));
        var data = _folder.Write("data.json", Data);
        var outFile = _folder.PathOf("result.json");

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--out", outFile, "--lang", "en");

        Assert.Equal(ExitCodes.RulesFailed, code);
        Assert.Contains($"{rules}:", error, StringComparison.Ordinal);
        Assert.Contains(" TDR012 ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public void Check_NoVersionInForceOnTheAsOfDate_ExitsTwo()
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("data.json", Data);

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--as-of", "2023-12-31", "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(" TDR027 no version of rule set 'test-rules' is in force on 2023-12-31", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AsOfNotADate_ExitsTwo()
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("data.json", Data);

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--as-of", "31-12-2024");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-subjects", "2", "TDR032")]
    [InlineData("--max-file-size", "100B", "TDR141")]
    [InlineData("--max-subjects", "0", "--max-subjects")]
    [InlineData("--max-file-size", "nhiều", "--max-file-size")]
    public void Check_DataOverALimitOrABadLimit_ExitsTwoAndSaysWhich(string option, string value, string expected)
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("data.json", Data);

        var (code, output, error) = Run("check", "--rules", rules, "--data", data, option, value);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("reasons", true)]
    [InlineData("outcomes", false)]
    public void Check_JsonDetail_WritesCompactResults(string detail, bool hasCriteria)
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("data.json", Data);

        var (code, output, _) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--include", "all", "--detail", detail);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Single(output.TrimEnd('\n').Split('\n'));
        var json = Newtonsoft.Json.Linq.JObject.Parse(output);
        var results = (Newtonsoft.Json.Linq.JArray)json["results"]!;
        Assert.Equal(3, results.Count); // two people for ldtt, one unit for tap-the
        // Reasons: the criteria of a pair not recommended (B's rating is short); each award's criteria named once.
        Assert.Equal(hasCriteria, results.Where(r => (string?)r["outcome"] != "recommended").All(r => r["criteria"] is not null));
        Assert.Contains(results, r => (string?)r["outcome"] != "recommended");
        Assert.All(results.Where(r => (string?)r["outcome"] == "recommended"), r => Assert.Null(r["criteria"]));
        Assert.Equal(hasCriteria, json["awards"]!.All(a => a["criteria"] is not null));
    }

    [Fact]
    public void Check_TableAboveTheSummarySize_SummarisesPerAwardAndUnitThenTheFirstRows()
    {
        // One person more than the summary size, in two units; every other person short of the rating.
        var people = Enumerable.Range(0, TableReport.SummaryAbove + 1).Select(i =>
            $$"""{ "id": "P{{i:00000}}", "unit": "{{(i % 2 == 0 ? "U" : "V")}}", "rating": "{{(i % 2 == 0 ? "HTXSNV" : "HTNV")}}" }""");
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("big.json", $$"""
            { "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "U" }, { "id": "V" } ], "individuals": [ {{string.Join(",", people)}} ] }
            """);

        var (code, output, _) = Run("check", "--rules", rules, "--data", data, "--format", "table", "--include", "all");

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.Split('\n');
        Assert.Contains("Tóm tắt: 2001 cá nhân, 2 đơn vị — nhiều hơn 2000 đối tượng nên bảng chỉ tóm tắt; dùng --format json, csv, xlsx hoặc html để có danh sách đầy đủ.", lines);
        Assert.Contains("Số lượng theo danh hiệu", lines);
        Assert.Contains("Số lượng theo đơn vị (cá nhân)", lines);
        // The counts: 1,001 people recommended and 1,000 not for ldtt; per unit, its people and its recommended pairs.
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["ldtt", "1001", "0", "0", "1000"]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["U", "1001", "1001", "0"]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["V", "1000", "0", "0"]);
        // Then only the first rows of the list.
        Assert.Equal(TableReport.FirstRows, lines.Count(l => l.TrimStart().StartsWith('P')));
        Assert.DoesNotContain(lines, l => l.Contains("P00200", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DetailWithATableFormat_ExitsTwo()
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("data.json", Data);

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--detail", "reasons");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--detail", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DataWithinRaisedLimits_Succeeds()
    {
        var rules = _folder.Write("rules.json", ValidRules);
        var data = _folder.Write("data.json", Data);

        var (code, _, _) = Run("check", "--rules", rules, "--data", data, "--max-subjects", "3", "--max-file-size", "1KB");

        Assert.Equal(ExitCodes.Success, code);
    }

    [Theory]
    [InlineData("validate", "rules.json", "--bogus")]
    [InlineData("check", "--rules", "rules.json", "--data", "data.json", "--format", "pdf")]
    [InlineData("check", "--rules", "rules.json")]
    [InlineData("frobnicate")]
    public void Run_BadCommandLine_ExitsTwoWithUsageHint(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("thidua --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_OnePassingAndOneFailingTest_EndsWithTheCountsAndExitsOne()
    {
        var tests = """
            "tests": [
              { "id": "dat", "name": "HTTNV đạt LĐTT", "year": 2024,
                "individuals": [ { "id": "A", "rating": "HTTNV" } ],
                "expect": [ { "subject": "A", "award": "ldtt", "outcome": "recommended" } ] },
              { "id": "sai", "name": "Kỳ vọng sai", "year": 2024,
                "individuals": [ { "id": "B", "rating": "HTNV" } ],
                "expect": [ { "subject": "B", "award": "ldtt", "outcome": "recommended" } ] }
            ]
            """;
        var path = _folder.Write("rules.json", TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'"), tests));

        var (code, output, _) = Run("test", path);

        Assert.Equal(ExitCodes.RulesFailed, code);
        Assert.Equal("1 đạt, 1 không đạt", LastLine(output));
        Assert.Contains("LỖI ", output, StringComparison.Ordinal);
        Assert.Contains(" sai — Kỳ vọng sai", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" dat — ", output, StringComparison.Ordinal);
        // The reason is Vietnamese too: the outcome words from the report catalog, the names the file uses beside them.
        Assert.Contains(": B / ldtt: cần đề nghị ('recommended'), kết quả là không đủ điều kiện ('not-eligible') (không đạt: c)\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("expected", output, StringComparison.Ordinal);

        var (_, english, _) = Run("test", path, "--lang", "en");
        Assert.Contains(": B / ldtt: expected recommended ('recommended'), got not eligible ('not-eligible') (failed: c)\n", english, StringComparison.Ordinal);
        Assert.Equal("1 passed, 1 failed", LastLine(english));
    }

    [Fact]
    public void Test_AllTestsPass_ExitsZero()
    {
        var tests = """
            "tests": [ { "id": "dat", "year": 2024, "individuals": [ { "id": "A", "rating": "HTTNV" } ],
                         "expect": [ { "subject": "A", "award": "ldtt", "outcome": "recommended" } ] } ]
            """;
        var path = _folder.Write("rules.json", TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'"), tests));

        var (code, output, _) = Run("test", path);
        var (_, english, _) = Run("test", path, "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("1 đạt, 0 không đạt\n", output);
        Assert.Equal("1 passed, 0 failed\n", english);
    }
}
