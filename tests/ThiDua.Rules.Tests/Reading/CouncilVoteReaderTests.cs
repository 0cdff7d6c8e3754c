using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

/// <summary><c>--votes</c> files: CSV, XLSX and JSON, English or Vietnamese headers, errors at the cell.</summary>
public sealed class CouncilVoteReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-votes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Load_CsvWithVietnameseHeadersInAnyOrder_ReadsEachVote()
    {
        var path = Write("phieu.csv", "Số phiếu đồng ý;Mã;Số thành viên;Danh hiệu\n14;NV001;15;chien-si-thi-dua-cap-tinh\n\n9;NV002;15;chien-si-thi-dua-cap-tinh\n");

        var votes = CouncilVoteReader.Load(path).GetValueOrThrow();

        Assert.Equal(2, votes.Count);
        Assert.Equal(("NV001", "chien-si-thi-dua-cap-tinh", 15, 14), (votes[0].Subject, votes[0].Award, votes[0].Members, votes[0].Yes));
        Assert.Equal(4, votes[1].Span.Line);
    }

    [Fact]
    public void Load_CsvMissingColumn_NamesItWithTheAcceptedHeaders()
    {
        var path = Write("phieu.csv", "subject,award,members\nNV001,x,15\n");

        var loaded = CouncilVoteReader.Load(path);

        var d = Assert.Single(loaded.Errors);
        Assert.Equal(DiagnosticCodes.SheetMissingColumn, d.Code);
        Assert.Contains("Số phiếu đồng ý", d.Format(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CsvCountNotAWholeNumber_IsAnErrorAtTheCell()
    {
        var path = Write("phieu.csv", "subject,award,members,yes\nNV001,x,15,mười\n");

        var d = Assert.Single(CouncilVoteReader.Load(path).Errors);

        Assert.Equal(DiagnosticCodes.SheetInvalidCell, d.Code);
        Assert.Equal("D2", d.Span.Cell);
    }

    [Fact]
    public void Load_Json_ReadsTheVotesArrayWithLines()
    {
        var path = Write("phieu.json", "{ \"votes\": [\n  { \"subject\": \"NV001\", \"award\": \"a\", \"members\": 15, \"yes\": 14 },\n  { \"subject\": \"NV002\", \"award\": \"a\", \"members\": 15, \"yes\": -1 } ] }");

        var loaded = CouncilVoteReader.Load(path);

        var d = Assert.Single(loaded.Errors);
        Assert.Equal(DiagnosticCodes.DataWrongType, d.Code);
        Assert.Equal(3, d.Span.Line);
    }

    [Fact]
    public void Load_Xlsx_ReadsTheFirstSheet()
    {
        var path = Path.Combine(_folder, "phieu.xlsx");
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, "Mã", "Danh hiệu", "Số thành viên", "Số phiếu đồng ý"));
            data.Append(Row(2, "NV001", "chien-si-thi-dua-cap-tinh", 15, 14));
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Phiếu bầu" }));
        }

        var vote = Assert.Single(CouncilVoteReader.Load(path).GetValueOrThrow());

        Assert.Equal(("NV001", 15, 14), (vote.Subject, vote.Members, vote.Yes));
        Assert.Equal("Phiếu bầu!A2", vote.Span.Cell);
    }

    [Fact]
    public void Load_MissingFile_IsAnErrorNotAnException()
    {
        var loaded = CouncilVoteReader.Load(Path.Combine(_folder, "khong-co.csv"));

        Assert.Equal(DiagnosticCodes.FileNotReadable, Assert.Single(loaded.Errors).Code);
    }

    private static Row Row(uint number, params object[] values)
    {
        var row = new Row { RowIndex = number };
        foreach (var value in values)
        {
            row.Append(value is int n
                ? new Cell { CellValue = new CellValue(n), DataType = CellValues.Number }
                : new Cell { InlineString = new InlineString(new Text((string)value)), DataType = CellValues.InlineString });
        }

        return row;
    }
}
