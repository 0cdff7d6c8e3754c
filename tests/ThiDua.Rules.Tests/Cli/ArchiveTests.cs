using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.Council;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

/// <summary><c>thidua record</c> and <c>check --history</c> (design §8) on the bundled sample.</summary>
public sealed class ArchiveTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static string NationalRules => Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn");

    private static string Record(string data, string archive, string decision = "125/QĐ-BQL") =>
        Assert.IsType<string>(RunOk("record", "--rules", NationalRules, "--data", data, "--decision", decision, "--decided-on", "2025-01-15", "--archive", archive));

    private static string RunOk(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == ExitCodes.Success, error);
        return output;
    }

    private static long Count(string archive, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = archive, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void Record_SameYearTwice_ReplacesThatYearsEntries()
    {
        var archive = _folder.PathOf("thi-dua.db");

        var first = Record(SampleCouncilSessionTests.SamplePath, archive);
        var awards = Count(archive, "SELECT COUNT(*) FROM awards WHERE year = 2024");
        var second = Record(SampleCouncilSessionTests.SamplePath, archive, "126/QĐ-BQL");

        Assert.Contains("2024", first, StringComparison.Ordinal);
        Assert.Contains("ghi đè", second, StringComparison.Ordinal);
        Assert.Equal(awards, Count(archive, "SELECT COUNT(*) FROM awards WHERE year = 2024"));
        Assert.Equal(0, Count(archive, "SELECT COUNT(*) FROM awards WHERE decision = '125/QĐ-BQL'"));
        Assert.Equal(120, Count(archive, "SELECT COUNT(*) FROM ratings WHERE year = 2024 AND kind = 'individual'"));
    }

    [Fact]
    public void Record_KeepsOnlyProposedPairs_OneFormOfEachGroupPerPerson()
    {
        var archive = _folder.PathOf("thi-dua.db");

        Record(SampleCouncilSessionTests.SamplePath, archive);

        var result = SampleCouncilSessionTests.National(new NodaTime.LocalDate(2024, 12, 31)).Evaluate(SampleCouncilSessionTests.Sample);
        Assert.Equal(result.Results(ResultInclusion.All).Count(r => r.IsProposed), Count(archive, "SELECT COUNT(*) FROM awards"));
        Assert.Equal(0, Count(archive, """
            SELECT COUNT(*) FROM (SELECT subject FROM awards WHERE award IN ('giay-khen', 'bang-khen-cap-tinh', 'bang-khen-thu-tuong', 'huan-chuong-lao-dong-hang-ba')
            GROUP BY subject HAVING COUNT(*) > 1)
            """));
    }

    [Fact]
    public void CheckWithHistory_NextYear_GivesWhatTypingTheDecisionsGives()
    {
        // 2024 recorded; 2025 is the same people with the same year's values, without the 2024 history typed.
        var archive = _folder.PathOf("thi-dua.db");
        Record(SampleCouncilSessionTests.SamplePath, archive);
        var sample = JObject.Parse(File.ReadAllText(SampleCouncilSessionTests.SamplePath));
        sample["year"] = 2025;
        sample["asOf"] = "2025-12-31";
        var untyped = _folder.Write("ban-quan-ly-2025.json", sample.ToString());

        // The same 2025 data with the 2024 decisions typed into each subject's history, as a clerk would.
        var result2024 = SampleCouncilSessionTests.National(new NodaTime.LocalDate(2024, 12, 31)).Evaluate(SampleCouncilSessionTests.Sample);
        var proposed = result2024.Results(ResultInclusion.All).Where(r => r.IsProposed).ToLookup(r => r.Subject, r => r.Award);
        var typed = (JObject)sample.DeepClone();
        foreach (var subject in ((JArray)typed["individuals"]!).Concat((JArray)typed["units"]!).Cast<JObject>())
        {
            var id = (string)subject["id"]!;
            var history = (JObject?)subject["history"] ?? [];
            history["2024"] = new JObject
            {
                ["rating"] = subject["rating"]?.DeepClone(),
                ["awards"] = new JArray(proposed[id].Select(a => new JObject { ["id"] = a, ["decidedOn"] = "2025-01-15" })),
            };
            subject["history"] = history;
        }

        var typedPath = _folder.Write("ban-quan-ly-2025-typed.json", typed.ToString());

        var fromArchive = RunOk("check", "--rules", NationalRules, "--data", untyped, "--history", archive, "--format", "json");
        var fromTyping = RunOk("check", "--rules", NationalRules, "--data", typedPath, "--format", "json");

        Assert.Equal(fromTyping, fromArchive);
        // And the 2024 decisions matter: without them 2025 differs.
        Assert.NotEqual(fromTyping, RunOk("check", "--rules", NationalRules, "--data", untyped, "--format", "json"));
    }

    [Fact]
    public void CheckWithHistory_DataDisagreesWithArchive_DataWinsWithAWarning()
    {
        var archive = _folder.PathOf("thi-dua.db");
        Record(SampleCouncilSessionTests.SamplePath, archive);
        var sample = JObject.Parse(File.ReadAllText(SampleCouncilSessionTests.SamplePath));
        sample["year"] = 2025;
        sample["asOf"] = "2025-12-31";
        var first = (JObject)((JArray)sample["individuals"]!)[0];
        ((JObject)first["history"]!)["2024"] = new JObject { ["rating"] = "HTNV", ["awards"] = new JArray() };
        var data = _folder.Write("ban-quan-ly-2025.json", sample.ToString());

        var (code, _, error) = Run("check", "--rules", NationalRules, "--data", data, "--history", archive, "--format", "json", "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("TDR157 warning: the history of 'NV001' for 2024 in the data file (HTNV; -) differs from the archive", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rac.db", "this is not a database, just text that a clerk renamed")]
    [InlineData("khac.db", null)]
    public void CheckWithHistory_CorruptOrForeignFile_IsAClearError(string name, string? content)
    {
        var path = _folder.PathOf(name);
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }
        else
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE khach_hang(id INTEGER)";
            command.ExecuteNonQuery();
        }

        var (code, output, error) = Run("check", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--history", path);
        var (recordCode, _, recordError) = Run("record", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath,
            "--decision", "1/QĐ", "--decided-on", "2025-01-15", "--archive", path);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.Contains(path + " TDR158", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, recordCode);
        Assert.Contains("TDR158", recordError, StringComparison.Ordinal);
        if (content is not null)
        {
            Assert.Equal(content, File.ReadAllText(path));
        }
    }

    [Theory]
    [InlineData("rows", "more entries than the data limits allow")]
    [InlineData("text", "a text longer than the data limit allows")]
    public void CheckWithHistory_ArchiveBeyondTheDataLimits_IsRefusedBeforeItsRowsAreRead(string excess, string reason)
    {
        // A real archive of the sample, then either many ratings rows (above --max-subjects 1 × 100 years) or one
        // subject id longer than the text limit (1,048,576 characters).
        var archive = _folder.PathOf("luu-tru.db");
        Record(SampleCouncilSessionTests.SamplePath, archive);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = archive, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = excess == "rows"
                ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO ratings(subject, year, kind, rating) SELECT 'X' || i, 1900 + i, 'individual', NULL FROM n"
                : "INSERT INTO ratings(subject, year, kind, rating) VALUES (printf('%.*c', 1100000, 'x'), 2020, 'individual', NULL)";
            command.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(archive);
        var limits = excess == "rows" ? new[] { "--max-subjects", "1" } : [];
        var (code, output, error) = Run(["check", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--history", archive, "--lang", "en", .. limits]);
        var (viCode, _, viError) = Run(["check", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--history", archive, .. limits]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.Contains(archive + " TDR158", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, viCode);
        Assert.Contains("TDR158", viError, StringComparison.Ordinal);
        Assert.DoesNotContain(reason, viError, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(archive));
    }
}
