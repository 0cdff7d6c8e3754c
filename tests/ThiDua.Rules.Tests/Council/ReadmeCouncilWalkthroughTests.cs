using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Council;

/// <summary>
/// The README's walkthrough for a council secretary ("Phiên họp Hội đồng Thi đua – Khen thưởng"), run as written: its
/// commands are read from the README, its ballot table becomes the votes file, and what it says each step gives is
/// checked against what the commands print and write. Only the 2025 workbook, which the README asks the agency to bring,
/// is made here: the sample's people in 2025 without the 2024 history.
/// </summary>
public sealed partial class ReadmeCouncilWalkthroughTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [GeneratedRegex(@"```bash\n(?<command>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"\\\n\s*")]
    private static partial Regex LineContinuation();

    [GeneratedRegex(@"^[\w-]+\.(html|csv|db)$")]
    private static partial Regex LocalFile();

    private static string Section
    {
        get
        {
            var readme = File.ReadAllText(Path.Combine(ShippedRulesTests.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var start = readme.IndexOf("## Phiên họp Hội đồng Thi đua – Khen thưởng", StringComparison.Ordinal);
            Assert.True(start >= 0, "the README has no council walkthrough");
            var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
            return readme[start..end];
        }
    }

    /// <summary>The walkthrough's commands, one line each (continuations joined), without the leading <c>thidua</c>.</summary>
    private static List<string[]> Commands() =>
        [.. BashBlock().Matches(Section).Select(m => LineContinuation().Replace(m.Groups["command"].Value, " ").Trim())
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(words => { Assert.Equal("thidua", words[0]); return words[1..]; })];

    /// <summary>The README's ballot table (step 2) as the CSV file a secretary types.</summary>
    private static string BallotCsv()
    {
        var rows = Section.Split('\n').Where(l => l.TrimStart().StartsWith('|') && !l.Contains("---", StringComparison.Ordinal))
            .Select(l => string.Join(",", l.Trim().Trim('|').Split('|').Select(c => c.Trim()))).ToList();
        Assert.Equal("Mã,Danh hiệu,Số thành viên,Số phiếu đồng ý", rows[0]);
        return string.Join("\n", rows) + "\n";
    }

    /// <summary>A command's arguments with the repository's files found from the repository root and every other file in the test's folder.</summary>
    private string[] Resolve(string[] words, string data2025) => [.. words.Select(w =>
        w.StartsWith("rules/", StringComparison.Ordinal) ? Path.Combine(ShippedRulesTests.RepositoryRoot, w)
        : w == "ban-quan-ly-2025.xlsx" ? data2025
        : LocalFile().IsMatch(w) || w == "ho-so-2024" ? _folder.PathOf(w)
        : w)];

    private static string Ok(CliRun run)
    {
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return run.Output;
    }

    [Fact]
    public void Walkthrough_AsWritten_GivesWhatItSays()
    {
        var commands = Commands();
        Assert.Equal(["check", "documents", "record", "check"], commands.Select(c => c[0]));
        _folder.Write("phieu-bau.csv", BallotCsv());
        var sample = JObject.Parse(File.ReadAllText(SampleCouncilSessionTests.SamplePath));
        sample["year"] = 2025;
        sample["asOf"] = "2025-12-31";
        var data2025 = _folder.Write("ban-quan-ly-2025.json", sample.ToString());

        // 1. The report: proposals by form with position and unit, near misses, bonuses per form; lower forms superseded.
        var check = Resolve(commands[0], data2025);
        Ok(Run(check));
        var html = File.ReadAllText(_folder.PathOf("bao-cao.html"));
        Assert.Contains("Chánh Văn phòng", html, StringComparison.Ordinal);
        Assert.Contains("Suýt đạt", html, StringComparison.Ordinal);
        Assert.Contains("Tiền thưởng theo hình thức", html, StringComparison.Ordinal);
        Assert.Contains("2.340.000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"khong-du-dieu-kien\"", html, StringComparison.Ordinal); // the "not eligible" list only with --include all
        Assert.Contains("<title>Báo cáo xét thi đua, khen thưởng năm 2024</title>", html, StringComparison.Ordinal);

        // 2. The ballot: NV001 14 of 15 members for CSTĐ cấp tỉnh is approved (≥ 90% of all members).
        var json = JObject.Parse(Ok(Run([.. check.Where(w => w != "--format" && w != "html" && w != "--out" && !w.EndsWith(".html", StringComparison.Ordinal)),
            "--votes", _folder.PathOf("phieu-bau.csv"), "--format", "json"])));
        var voted = Assert.Single((JArray)json["results"]!, r => r["council"] is not null);
        Assert.Equal(("NV001", "chien-si-thi-dua-cap-tinh", "approved"), ((string?)voted["subject"], (string?)voted["award"], (string?)voted["council"]));

        // 3. The three documents, written with the ballot.
        var written = Ok(Run(Resolve(commands[1], data2025)));
        foreach (var name in new[] { "danh-sach-de-nghi.docx", "to-trinh.docx", "bien-ban-hop.docx" })
        {
            Assert.Contains(name, written, StringComparison.Ordinal);
            using var zip = ZipFile.OpenRead(Path.Combine(_folder.PathOf("ho-so-2024"), name));
            Assert.NotNull(zip.GetEntry("word/document.xml"));
        }

        // 4. The archive: recorded in Vietnamese, with the decision's number.
        var recorded = Ok(Run(Resolve(commands[2], data2025)));
        Assert.Contains("đã ghi năm 2024", recorded, StringComparison.Ordinal);
        Assert.Contains("125/QĐ-BQL", recorded, StringComparison.Ordinal);

        // 5. Next year from the archive: the 2024 decisions count (NV001's CSTĐ cấp tỉnh of 2024 is in its history).
        var nextYear = Resolve(commands[3], data2025);
        var fromArchive = JObject.Parse(Ok(Run([.. nextYear, "--format", "json", "--include", "all"])));
        var withoutArchive = JObject.Parse(Ok(Run([.. nextYear.Where((w, i) => w != "--history" && (i == 0 || nextYear[i - 1] != "--history")), "--format", "json", "--include", "all"])));
        Assert.NotEqual(withoutArchive.ToString(), fromArchive.ToString());
    }
}
