using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Reporting.Writing;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reporting;

public sealed class XlsxResultWriterTests
{
    private static readonly string[] VietnameseSheets =
        ["Đề nghị khen thưởng", "Đã có hình thức cao hơn", "Vượt chỉ tiêu", "Chưa đủ dữ liệu", "Suýt đạt", "Chỉ tiêu", "Thông tin"];

    private static byte[] Write(EvaluationResult result, Language language = Language.Vi, ResultInclusion include = ResultInclusion.Decided)
    {
        using var stream = new MemoryStream();
        XlsxResultWriter.Write(result, stream, include, language);
        return stream.ToArray();
    }

    [Fact]
    public void Write_Fixture_HasTheVietnameseSheetsInOrder()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate()));

        Assert.Equal(VietnameseSheets, book.SheetNames);
    }

    [Fact]
    public void Write_English_NamesTheSheetsInEnglish()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate(), Language.En));

        Assert.Equal(["Recommended", "Superseded", "Over quota", "Insufficient data", "Near misses", "Targets", "About"], book.SheetNames);
        Assert.Equal(["No.", "Award", "Unit", "Id", "Name", "Position", "Subject", "Rank", "Places", "Basis"], book.Rows("Recommended")[0]);
    }

    [Fact]
    public void Write_EverySheet_HasABoldFrozenFilteredHeaderAndSetColumnWidths()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate()));

        foreach (var name in book.SheetNames)
        {
            var worksheet = book.Worksheet(name);
            var header = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().First();
            Assert.All(header.Elements<Cell>(), cell => Assert.True(book.IsBold(cell), $"{name}!{cell.CellReference} is not bold"));

            var pane = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1D, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);

            var columns = worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
            Assert.Equal(header.Elements<Cell>().Count(), columns.Count);
            Assert.All(columns, column => Assert.True(column.CustomWidth!.Value && column.Width!.Value >= 8D));
        }

        Assert.NotNull(book.Worksheet("Suýt đạt").GetFirstChild<AutoFilter>());
    }

    [Fact]
    public void Write_Fixture_RecommendedSheetHasTheHeaderAndTheQuotaWinner()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate()));
        var rows = book.Rows("Đề nghị khen thưởng");

        Assert.Equal(["STT", "Danh hiệu", "Đơn vị", "Mã", "Họ tên / Tên", "Chức vụ", "Đối tượng", "Hạng", "Số suất", "Căn cứ"], rows[0]);
        var a01 = rows.Single(r => r[3] == "A01" && r[1] == "Chiến sĩ thi đua cơ sở");
        Assert.Equal(["Phòng Tổng hợp", "A01", "Nguyễn Văn An", "", "cá nhân", "1", "1", "Điều 23"], a01[2..]);
        // Only recommended pairs: 8 LĐTT and 1 CSTĐCS, numbered 1…9.
        Assert.Equal(Enumerable.Range(1, 9).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public void Write_Fixture_OverQuotaSheetListsByRankWithTheReason()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate()));
        var rows = book.Rows("Vượt chỉ tiêu");

        Assert.Equal(["A03", "A02"], rows.Skip(1).Select(r => r[3]));
        Assert.Equal("Trong chỉ tiêu: tối đa params.cap = 15% × 10 = 1,5 → 1 suất (làm tròn xuống); thứ tự xét theo bonusPoints (cao trước); xếp hạng: 2 — yêu cầu ≤ 1 (không đạt)", rows[1][9]);
    }

    [Fact]
    public void Write_Fixture_NotEligibleSheetGivesEachReasonAndItsBasis()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate(), include: ResultInclusion.All));
        var rows = book.Rows("Không đủ điều kiện");

        Assert.Equal(["STT", "Danh hiệu", "Đơn vị", "Mã", "Họ tên / Tên", "Chức vụ", "Đối tượng", "Lý do", "Căn cứ"], rows[0]);
        var b02 = rows.Single(r => r[3] == "B02" && r[1] == "Chiến sĩ thi đua cơ sở");
        Assert.Equal("<script>alert('x')</script>", b02[4]);
        Assert.Equal("Đạt danh hiệu «Lao động tiên tiến» trong năm (không đạt)\nHoàn thành xuất sắc nhiệm vụ: HTNV — yêu cầu ≥ HTXSNV (không đạt)", b02[7]);
        Assert.Equal("Điều 24\nĐiều 23 khoản 1", b02[8]);
    }

    [Fact]
    public void Write_Fixture_InsufficientDataSheetNamesTheMissingValues()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate()));

        var a09 = book.Rows("Chưa đủ dữ liệu").Single(r => r[3] == "A09" && r[1] == "Lao động tiên tiến");
        Assert.Equal("A09.rating", a09[8]);
        Assert.Equal("Điều 24 khoản 1", a09[9]);
    }

    [Fact]
    public void Write_Fixture_TargetsSheetHasStatusActualRequiredAndBasis()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate()));
        var rows = book.Rows("Chỉ tiêu");

        Assert.Equal(["STT", "Đơn vị", "Chỉ tiêu", "Kết quả", "Thực tế", "Yêu cầu", "Chi tiết", "Căn cứ", "Hạn"], rows[0]);
        var v = rows.Single(r => r[1] == "Phòng \"Kế hoạch\", Đầu tư");
        Assert.Equal(["Mỗi phòng có ít nhất 5 người", "Không đạt", "2", "≥ 5"], v[2..6]);
        Assert.Equal("Kế hoạch 31, mục II.2", v[7]);
        Assert.Equal("45657", v[8]); // 2024-12-31 as an Excel date
        Assert.Equal("Chưa đủ dữ liệu", rows.Single(r => r[2] == "Trên 80% đạt Lao động tiên tiến")[3]);
    }

    [Fact]
    public void Write_Fixture_InfoSheetNamesTheRuleSetAndTheAsOfDate()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate()));
        var info = book.Rows("Thông tin").Skip(1).ToDictionary(r => r[0], r => r[1]);

        Assert.Equal("bao-cao-kiem-thu", info["Bộ quy tắc"]);
        Assert.Equal("2024-01-01", info["Phiên bản"]);
        Assert.Equal("Bộ quy tắc kiểm thử báo cáo", info["Tên"]);
        Assert.Equal("2024", info["Năm xét"]);
        Assert.Equal("45657", info["Tính đến ngày"]);
        Assert.False(info.ContainsKey("Kế thừa"));
    }

    [Fact]
    public void Write_PlanExtendingTheNationalPack_NamesItsBase()
    {
        using var book = new Book(Write(ReportFixtures.EvaluateSample("rules/plans/soc-trang-bqlkcn-thi-dua-2021-2025.json")));

        var info = book.Rows("Thông tin").Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("vn-tdkt 2024-01-01", info["Kế thừa"]);
        Assert.True(book.Rows("Chỉ tiêu").Count > 1);
    }

    [Fact]
    public void Write_RuleSetWithScoring_AddsTheScoresSheet()
    {
        using var book = new Book(Write(ReportFixtures.EvaluateSample("rules/plans/hung-yen-bqlkcn-khoi-dntn-2024.json", "rules/samples/khoi-doanh-nghiep-2024.json")));

        Assert.Equal("Điểm", book.SheetNames[^2]);
        var rows = book.Rows("Điểm");
        Assert.Equal(["Bảng điểm", "Cụm, khối", "Hạng", "Mã", "Tên", "Điểm"], rows[0][..6]);
        Assert.True(rows.Count > 1);
    }

    [Fact]
    public void Write_Fixture_PassesTheOpenXmlSchemaValidator()
    {
        using var book = new Book(Write(ReportFixtures.Evaluate()));

        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(book.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Write_SameResultTwice_GivesIdenticalBytes()
    {
        var result = ReportFixtures.Evaluate();

        var first = Write(result);
        var second = Write(result);

        Assert.Equal(first, second);
        Assert.Equal(first, Write(ReportFixtures.Evaluate()));
    }

    [Fact]
    public void Write_Fixture_StampsEveryZipEntryWithTheAsOfDateAndWritesNoDocumentProperties()
    {
        using var zip = new ZipArchive(new MemoryStream(Write(ReportFixtures.Evaluate())), ZipArchiveMode.Read);

        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2024, 12, 31), e.LastWriteTime.DateTime));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("docProps/", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_NoSubjects_WritesTheHeaderRowsOnly()
    {
        using var book = new Book(Write(ReportFixtures.EvaluateEmpty()));

        Assert.Equal(VietnameseSheets, book.SheetNames);
        Assert.All(VietnameseSheets[..^1], name => Assert.Single(book.Rows(name)));
    }

    [Fact]
    public void Write_NonWritableStream_Throws()
    {
        using var readOnly = new MemoryStream([], writable: false);

        Assert.Throws<ArgumentException>(() => XlsxResultWriter.Write(ReportFixtures.Evaluate(), readOnly));
    }

    /// <summary>A written workbook opened back with the OpenXml SDK, read as text per cell.</summary>
    internal sealed class Book : IDisposable
    {
        private readonly MemoryStream _stream;

        public Book(byte[] bytes)
        {
            _stream = new MemoryStream(bytes, writable: false);
            Document = SpreadsheetDocument.Open(_stream, isEditable: false);
        }

        public SpreadsheetDocument Document { get; }

        private WorkbookPart WorkbookPart => Document.WorkbookPart!;

        public List<string> SheetNames => WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

        public Worksheet Worksheet(string name)
        {
            var sheet = WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
            return ((WorksheetPart)WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
        }

        /// <summary>Every row as the text of its cells: inline strings as written, numbers in invariant form.</summary>
        public List<string[]> Rows(string name) =>
            Worksheet(name).GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.InlineString
                    ? cell.InlineString!.Text!.Text
                    : cell.CellValue?.Text ?? "").ToArray())
                .ToList();

        public bool IsBold(Cell cell)
        {
            var stylesheet = WorkbookPart.WorkbookStylesPart!.Stylesheet;
            var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
            var font = stylesheet.Fonts!.Elements<Font>().ElementAt((int)(format.FontId?.Value ?? 0));
            return font.GetFirstChild<Bold>() is not null;
        }

        public void Dispose()
        {
            Document.Dispose();
            _stream.Dispose();
        }
    }
}
