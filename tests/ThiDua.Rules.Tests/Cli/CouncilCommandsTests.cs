using Newtonsoft.Json.Linq;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.Council;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

/// <summary>The council-session commands and options of design §8 on the bundled sample: --votes, documents, record, --history.</summary>
public sealed class CouncilCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string NationalRules => Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn");

    [Fact]
    public void Check_WithVotes_CouncilFieldFollowsTheThreshold()
    {
        // 90% of all 15 members: 14 yes approve, 13 do not (rules/vn: tyLePhieuCstd).
        var votes = _folder.Write("phieu.csv", "Mã,Danh hiệu,Số thành viên,Số phiếu đồng ý\nNV001,chien-si-thi-dua-cap-tinh,15,14\nNV002,chien-si-thi-dua-cap-tinh,15,13\n");
        var output = _folder.PathOf("ket-qua.json");

        var (code, _, error) = Run("check", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--votes", votes, "--format", "json", "--out", output);

        Assert.True(code == ExitCodes.Success, error);
        var results = JObject.Parse(File.ReadAllText(output))["results"]!.Where(r => (string?)r["award"] == "chien-si-thi-dua-cap-tinh").ToDictionary(r => (string)r["subject"]!);
        Assert.Equal("approved", (string?)results["NV001"]["council"]);
        Assert.Equal("not-approved", (string?)results["NV002"]["council"]);
        Assert.Equal(13, (int)results["NV002"]["vote"]!["yes"]!);
        Assert.Null(results["NV017"]["council"]);
    }

    [Fact]
    public void Explain_WithVotes_ShowsTheCouncilsDecision()
    {
        var votes = _folder.Write("phieu.csv", "Mã,Danh hiệu,Số thành viên,Số phiếu đồng ý\nNV001,chien-si-thi-dua-cap-tinh,15,13\n");

        var (code, output, error) = Run("explain", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--votes", votes,
            "--subject", "NV001", "--award", "chien-si-thi-dua-cap-tinh");
        var (_, without, _) = Run("explain", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--subject", "NV001", "--award", "chien-si-thi-dua-cap-tinh");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("hội đồng: không thông qua (13/15)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hội đồng:", without, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainAndDiff_WithABadBallot_ExitTwoAtItsRow()
    {
        var votes = _folder.Write("phieu.csv", "subject,award,members,yes\nNV001,chien-si-thi-dua-cap-tinh,15,16\n");

        var (explain, _, explainError) = Run("explain", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--votes", votes, "--subject", "NV001", "--lang", "en");
        var (diff, _, diffError) = Run("diff", "--rules", NationalRules, "--against", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--votes", votes, "--lang", "en");

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (explain, diff));
        Assert.Contains(votes + ":A2 TDR151", explainError, StringComparison.Ordinal);
        Assert.Contains(votes + ":A2 TDR151", diffError, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainAndDiff_WithHistory_ReadTheArchive()
    {
        var archive = _folder.PathOf("thi-dua.db");
        var (recorded, _, recordError) = Run("record", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--decision", "1/QĐ", "--decided-on", "2025-01-15", "--archive", archive);
        Assert.True(recorded == ExitCodes.Success, recordError);
        var next = _folder.Write("2025.json", File.ReadAllText(SampleCouncilSessionTests.SamplePath).Replace("\"year\": 2024", "\"year\": 2025", StringComparison.Ordinal)
            .Replace("\"asOf\": \"2024-12-31\"", "\"asOf\": \"2025-12-31\"", StringComparison.Ordinal));

        var (explain, output, error) = Run("explain", "--rules", NationalRules, "--data", next, "--history", archive, "--subject", "NV001");
        var (missing, _, missingError) = Run("diff", "--rules", NationalRules, "--against", NationalRules, "--data", next, "--history", _folder.PathOf("khong-co.db"), "--lang", "en");

        Assert.True(explain == ExitCodes.Success, error);
        Assert.Contains("NV001", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, missing);
        Assert.Contains("TDR158", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Sample_TotalsTheBonusesPerForm()
    {
        var output = _folder.PathOf("bao-cao.html");

        var (code, table, error) = Run("check", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--as-of", "2024-12-31");
        var (htmlCode, _, htmlError) = Run("check", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--format", "html", "--out", output);

        Assert.True(code == ExitCodes.Success, error);
        Assert.True(htmlCode == ExitCodes.Success, htmlError);
        // LĐTT carries 0,3 × the base salary (Nghị định 98/2023 Điều 54); the national pack's base salary is 2.340.000 đồng.
        var rules = SampleCouncilSessionTests.National(new NodaTime.LocalDate(2024, 12, 31));
        var proposed = rules.Evaluate(SampleCouncilSessionTests.Sample).Results().Count(r => r.Award == "lao-dong-tien-tien" && r.IsProposed);
        Assert.True(proposed > 0);
        var line = table.Split('\n').Single(l => l.StartsWith("Lao động tiên tiến — Tiền thưởng:", StringComparison.Ordinal));
        Assert.Contains($"{proposed} trường hợp × 0,3 = ", line, StringComparison.Ordinal);
        Assert.EndsWith(" đồng", line, StringComparison.Ordinal);
        Assert.Contains("Tiền thưởng theo hình thức", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_VoteWithMoreYesThanMembersAndVoteOnPairNotRecommended_ExitTwoAtTheirRowsAndWriteNothing()
    {
        var votes = _folder.Write("phieu.csv", "subject,award,members,yes\nNV001,chien-si-thi-dua-cap-tinh,15,16\nNV003,chien-si-thi-dua-cap-tinh,15,15\n");
        var output = _folder.PathOf("ket-qua.json");

        var (code, _, error) = Run("check", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--votes", votes, "--format", "json", "--out", output, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(votes + ":A2 TDR151 more 'yes' votes (16) than council members (15)", error, StringComparison.Ordinal);
        Assert.Contains(votes + ":A3 TDR150", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Documents_OnTheSample_WritesTheThreeFilesWithPositionsAndVotes()
    {
        var votes = _folder.Write("phieu.csv", "Mã,Danh hiệu,Số thành viên,Số phiếu đồng ý\nNV001,chien-si-thi-dua-cap-tinh,15,14\n");
        var folder = _folder.PathOf("ho-so");

        var (code, output, error) = Run("documents", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--votes", votes, "--out", folder);

        Assert.True(code == ExitCodes.Success, error);
        foreach (var name in new[] { "danh-sach-de-nghi.docx", "to-trinh.docx", "bien-ban-hop.docx" })
        {
            Assert.Contains(Path.Combine(folder, name), output, StringComparison.Ordinal);
        }

        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(folder, "danh-sach-de-nghi.docx"), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Nguyễn Minh Duy", text, StringComparison.Ordinal);
        Assert.Contains("Chánh Văn phòng", text, StringComparison.Ordinal);
        Assert.Contains("14/15 phiếu", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_LangEn_WritesTheDocumentsInEnglish()
    {
        var votes = _folder.Write("phieu.csv", "Mã,Danh hiệu,Số thành viên,Số phiếu đồng ý\nNV001,chien-si-thi-dua-cap-tinh,15,14\n");
        var folder = _folder.PathOf("ho-so-en");

        var (code, _, error) = Run("documents", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--votes", votes, "--out", folder, "--lang", "en");

        Assert.True(code == ExitCodes.Success, error);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(folder, "danh-sach-de-nghi.docx"), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("LIST OF PROPOSED COMMENDATIONS, 2024", text, StringComparison.Ordinal);
        Assert.Contains("14/15 votes (93.3%)", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Minh Duy", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DANH SÁCH", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_OutIsAFile_ExitsTwo()
    {
        var file = _folder.Write("ho-so", "");

        var (code, _, error) = Run("documents", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--out", file);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }
}
