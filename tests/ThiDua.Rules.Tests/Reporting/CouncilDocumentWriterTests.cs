using System.Diagnostics;
using System.IO.Compression;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Reporting.Writing.Council;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.Council;
using Xunit;

namespace ThiDua.Rules.Tests.Reporting;

/// <summary>
/// The council's Word documents (design §8), opened in a real word processor: LibreOffice (Debian package
/// libreoffice-writer) converts each to PDF and pdftotext (poppler-utils) reads it back, so the test sees what a
/// council member sees. <c>.ci/run</c> installs both when missing.
/// </summary>
public sealed class CouncilDocumentWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly Lazy<(EvaluationResult Result, CouncilDocumentInfo Info)> Session = new(() =>
    {
        var rules = SampleCouncilSessionTests.National(new NodaTime.LocalDate(2024, 12, 31));
        var votes = new[]
        {
            new CouncilVote("NV001", "chien-si-thi-dua-cap-tinh", 15, 14, new SourceSpan("phieu.csv", 2, 1)),
            new CouncilVote("NV002", "chien-si-thi-dua-cap-tinh", 15, 12, new SourceSpan("phieu.csv", 3, 1)),
        };
        var data = SampleCouncilSessionTests.Sample;
        var result = rules.Evaluate(data, EvaluationOptions.Default with { Votes = [.. votes] });
        var info = new CouncilDocumentInfo
        {
            AgencyName = data.Units.Single(u => u.Parent is null).Name,
            // The sample gives each person's position (chức vụ); NV001 is Chánh Văn phòng.
            Positions = data.Individuals.Where(i => i.Position is not null).ToDictionary(i => i.Id, i => i.Position!, StringComparer.Ordinal),
            UnitNames = data.Units.Where(u => u.Name is not null).ToDictionary(u => u.Id, u => u.Name!, StringComparer.Ordinal),
        };
        return (result, info);
    });

    private static byte[] Bytes(string name, Language language = Language.Vi)
    {
        using var stream = new MemoryStream();
        CouncilDocumentWriter.Write(name, Session.Value.Result, Session.Value.Info with { Language = language }, stream);
        return stream.ToArray();
    }

    /// <summary>Converts a .docx to PDF with LibreOffice headless and returns the PDF's text.</summary>
    private string TextInLibreOffice(string name, Language language = Language.Vi)
    {
        var docx = Path.Combine(_folder.Root, (language == Language.En ? "en-" : "") + name);
        File.WriteAllBytes(docx, Bytes(name, language));
        var profile = new Uri(Path.Combine(_folder.Root, "lo-profile")).AbsoluteUri;
        Execute(Tool("soffice", "libreoffice-writer"), $"-env:UserInstallation={profile} --headless --norestore --convert-to pdf --outdir \"{_folder.Root}\" \"{docx}\"");
        var pdf = Path.ChangeExtension(docx, ".pdf");
        Assert.True(File.Exists(pdf), "LibreOffice did not convert " + name);
        return Execute(Tool("pdftotext", "poppler-utils"), $"\"{pdf}\" -");
    }

    private static string Tool(string name, string package)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (File.Exists(Path.Combine(folder, name)))
            {
                return Path.Combine(folder, name);
            }
        }

        throw new InvalidOperationException($"{name} is not installed, and the council's documents must be opened in a real word processor: run `apt-get install -y {package}` (.ci/run installs it when missing).");
    }

    private static string Execute(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), file + " did not finish");
        Assert.True(process.ExitCode == 0, file + ": " + error.Result);
        return output.Result;
    }

    /// <summary>
    /// The text without any white space: a word processor breaks lines inside table cells and spreads justified lines,
    /// and pdftotext puts spaces where the layout has gaps; the order of the characters is what a reader sees.
    /// </summary>
    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void Shows(string expected, string flatText) => Assert.Contains(Flat(expected), flatText, StringComparison.Ordinal);

    [Fact]
    public void ProposalList_InLibreOffice_ShowsTheFormalitiesProposedPeoplePositionsUnitsAndVotes()
    {
        var text = Flat(TextInLibreOffice("danh-sach-de-nghi.docx"));

        Shows("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Shows("Độc lập - Tự do - Hạnh phúc", text);
        Shows("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024", text);
        var proposed = Session.Value.Result.Results(ResultInclusion.All).Where(r => r.IsProposed && r.SubjectKind == SubjectKind.Individual).ToList();
        Assert.All(proposed.Select(r => r.SubjectName!).Distinct().Take(15), name => Shows(name, text));
        Shows("Chánh Văn phòng", text);
        Shows("14/15 phiếu (93,3%)", text);
        Shows("TM. HỘI ĐỒNG", text);
        // NV002 was not approved (12 of 15 < 90%): not in the list of CSTĐ cấp tỉnh.
        Assert.DoesNotContain("12/15phiếu", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Minutes_InLibreOffice_ShowEachVoteWithItsResult()
    {
        var text = Flat(TextInLibreOffice("bien-ban-hop.docx"));

        Shows("BIÊN BẢN", text);
        Shows("tổng số thành viên Hội đồng: 15", text);
        Shows("14/15", text);
        Shows("12/15", text);
        Shows("Không đạt", text);
        Shows("Chánh Văn phòng", text);
    }

    [Fact]
    public void Submission_InLibreOffice_CountsTheProposalsPerForm()
    {
        var text = Flat(TextInLibreOffice("to-trinh.docx"));
        var proposed = Session.Value.Result.Results(ResultInclusion.All).Where(r => r.IsProposed).ToList();

        Shows("TỜ TRÌNH", text);
        Shows("Về việc đề nghị khen thưởng năm 2024", text);
        Shows($"{proposed.Count(r => r.SubjectKind != SubjectKind.Individual)} tập thể và {proposed.Count(r => r.SubjectKind == SubjectKind.Individual)} cá nhân", text);
        Shows("Luật Thi đua, khen thưởng", text);
    }

    [Fact]
    public void ProposalListAndMinutes_InEnglish_OpenInLibreOffice_WithTheCatalogsEnglishWords()
    {
        var list = Flat(TextInLibreOffice("danh-sach-de-nghi.docx", Language.En));
        var minutes = Flat(TextInLibreOffice("bien-ban-hop.docx", Language.En));
        var cstd = Session.Value.Result.RuleSet.Awards.Single(a => a.Id == "chien-si-thi-dua-cap-tinh");

        Shows("SOCIALIST REPUBLIC OF VIETNAM", list);
        Shows("LIST OF PROPOSED COMMENDATIONS, 2024", list);
        Shows(cstd.NameEn!, list);
        Shows("Chánh Văn phòng", list); // the data's own words stay as written
        Shows("14/15 votes (93.3%)", list);
        Shows("ON BEHALF OF THE COUNCIL", list);
        Shows("MINUTES", minutes);
        Shows("council members in all: 15", minutes);
        Shows("Not approved", minutes);
        // No Vietnamese words of the catalog: the formulas and headings are all English.
        Assert.DoesNotContain(Flat("DANH SÁCH"), list, StringComparison.Ordinal);
        Assert.DoesNotContain(Flat("phiếu"), list, StringComparison.Ordinal);
        Assert.DoesNotContain(Flat("Không đạt"), minutes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("danh-sach-de-nghi.docx")]
    [InlineData("to-trinh.docx")]
    [InlineData("bien-ban-hop.docx")]
    public void Write_SameResultTwice_GivesIdenticalBytes_AndAValidPackage(string name)
    {
        var first = Bytes(name);

        Assert.Equal(first, Bytes(name));
        Assert.Equal(Bytes(name, Language.En), Bytes(name, Language.En));
        Assert.NotEqual(first, Bytes(name, Language.En));
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.Contains(zip.Entries, e => e.FullName == "word/document.xml");
    }
}
