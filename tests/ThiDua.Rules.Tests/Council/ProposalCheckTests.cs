using System.Text;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Reporting.Writing;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Council;

/// <summary>
/// The unit's own proposals (<c>proposals</c>, column <c>Đề nghị</c>) compared with what the rules allow: proposed but
/// not allowed, allowed but not proposed, in every output.
/// </summary>
public sealed class ProposalCheckTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("ldtt", "rating >= 'HTTNV'", extra: "\"nameEn\": \"Advanced worker\"") + "," +
        """
        { "id": "cstd", "name": "Chiến sĩ thi đua cơ sở", "subject": "individual", "basis": "Điều 23", "requires": [ "ldtt" ],
          "criteria": [ { "id": "c", "expr": "rating != 'KHTNV'", "basis": "Điều 23 khoản 2" } ] }
        """);

    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "V", "name": "Văn phòng" } ],
          "individuals": [
            { "id": "A", "name": "Nguyễn Văn A", "unit": "V", "rating": "HTXSNV", "position": "Chánh Văn phòng", "proposals": [ "ldtt" ] },
            { "id": "B", "name": "Trần Thị B", "unit": "V", "rating": "HTNV", "proposals": [ "  chiến sĩ   THI ĐUA cơ sở " ] },
            { "id": "C", "name": "Lê Văn C", "unit": "V", "rating": "HTXSNV" },
            { "id": "D", "name": "Phạm Văn D", "unit": "V", "rating": "HTTNV", "proposals": [] },
            { "id": "E", "name": "Vũ Thị E", "unit": "V", "rating": "HTNV" }
          ] }
        """;

    private static EvaluationResult Evaluate() => TestRules.Evaluate(Rules, Data);

    private static Dictionary<(string, string), AwardResult> Pairs(EvaluationResult result, ResultInclusion include = ResultInclusion.Decided) =>
        result.Results(include).ToDictionary(r => (r.Subject, r.Award));

    [Fact]
    public void Evaluate_ComparesTheUnitsProposalsWithTheRules()
    {
        var pairs = Pairs(Evaluate(), ResultInclusion.All);

        // A: proposed for LĐTT and allowed; allowed CSTĐCS as well, which the unit does not propose.
        Assert.Equal((true, (ProposalCheck?)null), (pairs[("A", "ldtt")].UnitProposed, pairs[("A", "ldtt")].ProposalCheck));
        Assert.Equal((false, ProposalCheck.EligibleNotProposed), (pairs[("A", "cstd")].UnitProposed, pairs[("A", "cstd")].ProposalCheck));
        // B: the name matches without case or extra spaces; the rules do not allow it.
        Assert.Equal((true, ProposalCheck.ProposedNotEligible), (pairs[("B", "cstd")].UnitProposed, pairs[("B", "cstd")].ProposalCheck));
        Assert.Equal((false, (ProposalCheck?)null), (pairs[("B", "ldtt")].UnitProposed, pairs[("B", "ldtt")].ProposalCheck));
        // C: the data says nothing, so nothing is compared; D proposes nothing although LĐTT is allowed.
        Assert.Equal((null, null), (pairs[("C", "ldtt")].UnitProposed, pairs[("C", "ldtt")].ProposalCheck));
        Assert.Equal(ProposalCheck.EligibleNotProposed, pairs[("D", "ldtt")].ProposalCheck);
    }

    [Fact]
    public void Results_Decided_ListsAProposedPairThatFailsOnlyOnAPrerequisite()
    {
        var decided = Pairs(Evaluate());

        // B's CSTĐCS fails only because LĐTT was not reached: hidden by default, except that the unit proposes it.
        Assert.True(decided.ContainsKey(("B", "cstd")));
        Assert.False(decided.ContainsKey(("E", "cstd")));
    }

    [Fact]
    public void JsonWriter_WritesUnitProposedAndTheComparison()
    {
        using var text = new StringWriter();
        JsonResultWriter.Write(Evaluate(), text);
        var json = Newtonsoft.Json.Linq.JObject.Parse(text.ToString());
        var rows = json["results"]!.ToDictionary(r => ((string)r["subject"]!, (string)r["award"]!));

        Assert.Equal("proposed-not-eligible", (string?)rows[("B", "cstd")]["proposalCheck"]);
        Assert.Equal("eligible-not-proposed", (string?)rows[("A", "cstd")]["proposalCheck"]);
        Assert.True((bool)rows[("A", "ldtt")]["unitProposed"]!);
        Assert.Null(rows[("A", "ldtt")]["proposalCheck"]);
        Assert.Null(rows[("C", "ldtt")]["unitProposed"]);
        Assert.Equal("Chánh Văn phòng", (string?)rows[("A", "ldtt")]["position"]);
    }

    [Fact]
    public void CsvWriter_WritesTheComparison_InEachLanguage()
    {
        using var vi = new StringWriter();
        using var en = new StringWriter();
        CsvResultWriter.Write(Evaluate(), vi);
        CsvResultWriter.Write(Evaluate(), en, language: Language.En);

        Assert.Contains("đơn vị đề nghị nhưng không đủ điều kiện đề nghị", vi.ToString(), StringComparison.Ordinal);
        Assert.Contains(",eligible-not-proposed\r\n", en.ToString(), StringComparison.Ordinal);
        Assert.Contains(",proposed-not-eligible\r\n", en.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlAndXlsx_ShowTheComparison()
    {
        using var html = new StringWriter();
        HtmlReportWriter.Write(Evaluate(), html);
        using var xlsx = new MemoryStream();
        XlsxResultWriter.Write(Evaluate(), xlsx);

        Assert.Contains(ReportCatalog.Get("report.proposal-check", Language.Vi), html.ToString(), StringComparison.Ordinal);
        Assert.Contains("Chánh Văn phòng", html.ToString(), StringComparison.Ordinal);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx.ToArray()));
        using var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        Assert.Contains("Đối chiếu đề nghị", workbook.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReport_WithoutProposalsInTheData_HasNoComparisonSection()
    {
        using var html = new StringWriter();
        var withoutProposals = System.Text.RegularExpressions.Regex.Replace(Data, @", ""proposals"": \[[^\]]*\]", "");
        Assert.DoesNotContain("proposals", withoutProposals, StringComparison.Ordinal);
        HtmlReportWriter.Write(TestRules.Evaluate(Rules, withoutProposals), html);

        Assert.DoesNotContain(ReportCatalog.Get("report.proposal-check", Language.Vi), html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Spreadsheet_ProposalsColumn_ReadsIdsAndNames_BlankProposesNothing()
    {
        var path = _folder.Write("ds.csv", "Mã,Họ và tên,Xếp loại,Đề nghị,Năm\r\nA,Nguyễn Văn A,HTXSNV,\"ldtt; Chiến sĩ thi đua cơ sở\",2024\r\nD,Phạm Văn D,HTTNV,,2024\r\n");

        var loaded = SpreadsheetDataLoader.Load(path);

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics.Select(d => d.Format(Language.En))));
        var people = loaded.GetValueOrThrow().Individuals.ToDictionary(i => i.Id);
        Assert.Equal(["ldtt", "Chiến sĩ thi đua cơ sở".Normalize(NormalizationForm.FormC)], people["A"].Proposals!.Value.Select(p => p.Normalize(NormalizationForm.FormC)));
        Assert.Empty(people["D"].Proposals!.Value);
    }
}
