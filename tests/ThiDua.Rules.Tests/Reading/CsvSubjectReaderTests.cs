using System.Text;
using NodaTime;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

public sealed class CsvSubjectReaderTests
{
    // What Excel writes as "CSV UTF-8" where the decimal separator is a comma (Vietnam): semicolons, a byte-order mark.
    private const string ExcelVietnam =
        "Mã cán bộ;Họ và tên;Đơn vị;Xếp loại;Ngày tuyển dụng;Số ngày nghỉ;Sáng kiến;conduct;Năm;Ngày tính;Xếp loại 2023;Danh hiệu 2023\r\n" +
        "NV001;Nguyễn Minh Duy;VP;HTXSNV;01/03/2008;2,5;\"tinh 22/06/2024: Số hóa; co-so 27/05/2022\";có;2024;31/12/2024;HTXSNV;LĐTT\r\n" +
        "NV002;\"Danh Thị Oanh\";QLDT;HTTNV;2010-07-01;0;;x;2024;31/12/2024;HTT;\r\n";

    [Fact]
    public void Read_SemicolonsAndByteOrderMark_ReadsLikeTheWorkbook()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ban-quan-ly.csv", ExcelVietnam, byteOrderMark: true);

        var result = SpreadsheetDataLoader.Load(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var data = result.GetValueOrThrow();
        Assert.Equal((2024, new LocalDate(2024, 12, 31)), (data.Year, data.AsOf!.Value));
        Assert.Equal(["VP", "QLDT"], data.Units.Select(u => u.Id)); // no units file: one unit per distinct value
        var duy = data.Individuals[0];
        Assert.Equal(("NV001", "Nguyễn Minh Duy", new LocalDate(2008, 3, 1), 2.5m), (duy.Id, duy.Name, duy.StartDate!.Value, duy.DaysAbsent!.Value));
        Assert.Equal(2, duy.Initiatives.Length);
        Assert.Equal(true, duy.Facts["conduct"]);
        Assert.Equal(["lao-dong-tien-tien"], duy.History.Single().Awards.Select(a => a.Id));
        var oanh = data.Individuals[1];
        Assert.Equal((new LocalDate(2010, 7, 1), "HTTNV"), (oanh.StartDate!.Value, oanh.History.Single().Rating));
        Assert.Empty(oanh.History.Single().Awards);
    }

    [Fact]
    public void Read_CommasWithoutByteOrderMark_ReadsTheSame()
    {
        const string commas =
            "Mã cán bộ,Họ và tên,Đơn vị,Xếp loại,Ngày tuyển dụng,Số ngày nghỉ,Sáng kiến,conduct,Năm,Ngày tính\n" +
            "NV001,Nguyễn Minh Duy,VP,HTXSNV,01/03/2008,2.5,\"tinh 22/06/2024: Số hóa; co-so 27/05/2022\",có,2024,31/12/2024\n" +
            "NV002,\"Danh Thị Oanh\",QLDT,HTTNV,2010-07-01,\"0,5\",,x,2024,31/12/2024\n";

        var data = SpreadsheetDataLoader.LoadCsvText(commas, "ban.csv").GetValueOrThrow();

        Assert.Equal((2.5m, 0.5m), (data.Individuals[0].DaysAbsent!.Value, data.Individuals[1].DaysAbsent!.Value));
        Assert.Equal(2, data.Individuals[0].Initiatives.Length);
        Assert.Equal(["NV001", "NV002"], data.Individuals.Select(i => i.Id));
    }

    [Fact]
    public void Read_ExcelSeparatorLine_IsHonouredAndNotCountedAsARow()
    {
        const string text = "sep=;\nMã;Ngày tuyển dụng;Năm\nNV1;32/01/2015;2024\n";

        var error = Assert.Single(SpreadsheetDataLoader.LoadCsvText(text, "ban.csv").Errors);

        Assert.Equal("ban.csv:B2 TDR201 'Ngày tuyển dụng' must be a date such as 15/03/2015, but is '32/01/2015'", error.ToString());
    }

    [Fact]
    public void Read_BadCell_IsNamedAsExcelShowsTheOpenedFile()
    {
        const string text = "Mã;Họ và tên;Đơn vị;Xếp loại;Số ngày nghỉ;Năm\nNV1;A;VP;HTTNV;2;2024\nNV2;B;VP;HTTNV;hai;2024\n";

        var error = Assert.Single(SpreadsheetDataLoader.LoadCsvText(text, "ban.csv").Errors);

        Assert.Equal("ban.csv:E3", error.Span.ToString());
        Assert.Equal("ban.csv:E3 TDR201 'Số ngày nghỉ' must be a number such as 12 or 12,5, but is 'hai'", error.ToString());
    }

    [Fact]
    public void Read_UnitsFileBesideTheData_GivesTheUnits()
    {
        using var folder = new TempFolder();
        folder.Write("ban.units.csv", "Mã đơn vị;Tên đơn vị;Đơn vị cấp trên;Loại\nBQL;Ban Quản lý;;Đơn vị\nVP;Văn phòng;BQL;Đơn vị\n");
        var path = folder.Write("ban.csv", "Mã;Đơn vị;Năm\nNV1;VP;2024\n");

        var data = SpreadsheetDataLoader.Load(path).GetValueOrThrow();

        Assert.Equal([("BQL", (string?)null), ("VP", "BQL")], data.Units.Select(u => (u.Id, u.Parent)));
    }

    [Fact]
    public void Read_YearThatDiffersBetweenRows_ReportsTheRow()
    {
        const string text = "Mã,Năm\nNV1,2024\nNV2,2023\n";

        Assert.Equal("ban.csv:B3 TDR207 'Năm' must be the same throughout the file: 2023 here, but 2024 at ban.csv:B2",
            Assert.Single(SpreadsheetDataLoader.LoadCsvText(text, "ban.csv").Errors).ToString());
    }

    [Fact]
    public void Read_NotUtf8_SaysHowToSaveAsUtf8()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("ban.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("M"), 0xE3, .. Encoding.ASCII.GetBytes(";Năm\nNV1;2024\n")]); // 'ã' in Windows-1258

        var error = Assert.Single(SpreadsheetDataLoader.Load(path).Errors);

        Assert.Equal(DiagnosticCodes.CsvNotUtf8, error.Code);
        Assert.Equal(path + " TDR211 the CSV file is not UTF-8 text: in Excel, save it as 'CSV UTF-8 (Comma delimited)'", error.ToString());
    }

    [Fact]
    public void Read_StrayQuote_ReportsTheLine()
    {
        const string text = "Mã;Họ và tên;Năm\nNV1;Nguyễn \"Văn\" A;2024\n";

        var error = Assert.Single(SpreadsheetDataLoader.LoadCsvText(text, "ban.csv").Errors);

        Assert.Equal(DiagnosticCodes.CsvMalformed, error.Code);
        Assert.StartsWith("ban.csv:2:1 TDR212 malformed CSV: a quote inside a field", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyLinesBetweenRows_KeepExcelRowNumbers()
    {
        const string text = "Mã;Số ngày nghỉ;Năm\n\nNV1;x;2024\n";

        Assert.Equal("ban.csv:B3", Assert.Single(SpreadsheetDataLoader.LoadCsvText(text, "ban.csv").Errors).Span.ToString());
    }
}
