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
    public void Documents_OutIsAFile_ExitsTwo()
    {
        var file = _folder.Write("ho-so", "");

        var (code, _, error) = Run("documents", "--rules", NationalRules, "--data", SampleCouncilSessionTests.SamplePath, "--out", file);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }
}
