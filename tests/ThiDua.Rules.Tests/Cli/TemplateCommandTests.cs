using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;

namespace ThiDua.Rules.Tests.Cli;

/// <summary><c>thidua template</c>: the blank workbook of a rule set, which a clerk fills and <c>check</c> reads without a warning.</summary>
public sealed class TemplateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string NationalRules => Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn");

    private string Template(string name = "mau.xlsx")
    {
        var path = _folder.PathOf(name);
        var (code, output, error) = CliHarness.Run("template", "--rules", NationalRules, "--out", path, "--as-of", "2024-12-31");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal("", error);
        Assert.Contains(path, output, StringComparison.Ordinal);
        return path;
    }

    [Fact]
    public void Template_SameRulesTwice_GivesTheSameBytes()
    {
        Assert.Equal(File.ReadAllBytes(Template("a.xlsx")), File.ReadAllBytes(Template("b.xlsx")));
    }

    [Fact]
    public void Template_HasEveryColumnTheNationalRulesRead_WithVietnameseHeadersAndDropDowns()
    {
        using var document = SpreadsheetDocument.Open(Template(), false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Cá nhân", "Đơn vị", "Thông tin", "Hướng dẫn"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));

        var people = Headers(workbook, "Cá nhân");
        Assert.Equal(["Mã cán bộ", "Họ và tên", "Chức vụ", "Đơn vị", "Xếp loại", "Loại cán bộ", "Ngày tuyển dụng"], people.Take(7));
        Assert.Contains("Tự lực, đoàn kết, tích cực thi đua", people); // the fact conduct, under the header the schema declares
        Assert.Contains("Hình thức kỷ luật", people);
        Assert.Equal(["Xếp loại 2023", "Danh hiệu 2023"], people.SkipWhile(h => h != "Xếp loại 2023").Take(2));
        Assert.Contains("Danh hiệu 2019", people);
        Assert.All(people, h => Assert.NotEqual(ColumnRole.Unknown, ColumnMap.Match(h, SheetKind.Individuals).Role));
        Assert.Contains("Phong trào thi đua thường xuyên, hiệu quả", Headers(workbook, "Đơn vị"));

        var sheet = Part(workbook, "Cá nhân");
        var lists = sheet.Worksheet.Descendants<DataValidation>().Where(v => v.Type! == DataValidationValues.List).Select(v => v.Formula1!.Text).ToList();
        Assert.Contains("\"HTXSNV,HTTNV,HTNV,KHTNV\"", lists);
        Assert.Contains("\"Công chức,Viên chức,Người lao động\"", lists);
        Assert.Contains("\"có,không\"", lists);
        Assert.Contains("\"Khiển trách,Cảnh cáo,Hạ bậc lương,Giáng chức,Cách chức,Buộc thôi việc\"", lists);
    }

    [Fact]
    public void Template_Filled_IsReadWithoutAWarningAndCheckedWithoutOne()
    {
        var path = Template();
        Fill(path, "Đơn vị", new Dictionary<string, object> { ["Mã đơn vị"] = "VP", ["Tên đơn vị"] = "Văn phòng", ["Xếp loại"] = "HTXSNV", ["Phong trào thi đua thường xuyên, hiệu quả"] = "có" });
        Fill(path, "Cá nhân",
            new Dictionary<string, object> { ["Mã cán bộ"] = "NV001", ["Họ và tên"] = "Nguyễn Văn An", ["Đơn vị"] = "VP", ["Xếp loại"] = "HTXSNV", ["Loại cán bộ"] = "Công chức",
                ["Ngày tuyển dụng"] = new LocalDate(2015, 3, 15), ["Số tháng công tác"] = 12m, ["Tự lực, đoàn kết, tích cực thi đua"] = "có",
                ["Xếp loại 2023"] = "HTXSNV", ["Danh hiệu 2023"] = "LĐTT; CSTĐCS" },
            new Dictionary<string, object> { ["Mã cán bộ"] = "NV002", ["Họ và tên"] = "Trần Thị Bình", ["Đơn vị"] = "VP", ["Xếp loại"] = "HTNV", ["Loại cán bộ"] = "Viên chức",
                ["Hình thức kỷ luật"] = "Khiển trách", ["Ngày kỷ luật"] = new LocalDate(2024, 4, 12) });

        var loaded = SpreadsheetDataLoader.Load(path);

        Assert.Empty(loaded.Diagnostics);
        var data = loaded.GetValueOrThrow();
        Assert.Equal((2024, new LocalDate(2024, 12, 31)), (data.Year, data.AsOf!.Value));
        Assert.Equal(("cong-chuc", new LocalDate(2015, 3, 15), true), (data.Individuals[0].EmployeeType, data.Individuals[0].StartDate!.Value, data.Individuals[0].Facts["conduct"]));
        Assert.Equal(["lao-dong-tien-tien", "chien-si-thi-dua-co-so"], data.Individuals[0].History.Single().Awards.Select(a => a.Id));
        Assert.Equal("khien-trach", data.Individuals[1].Discipline!.Level);

        var (code, _, error) = CliHarness.Run("check", "--rules", NationalRules, "--data", path, "--format", "json", "--out", _folder.PathOf("r.json"));
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal("", error);
    }

    [Fact]
    public void Template_WithoutYearOrAsOf_TakesTheRuleSetsYearNotTheCalendarsAndSaysSo()
    {
        var path = _folder.PathOf("mac-dinh.xlsx");
        var (code, output, error) = CliHarness.Run("template", "--rules", NationalRules, "--out", path);

        Assert.True(code == ExitCodes.Success, error);
        // The newest national version starts on 01/01/2024 and has no end: its first year, whatever today is.
        Assert.Equal(path + ": đã ghi mẫu bảng tính cho vn-tdkt, năm 2024, tính đến ngày 31/12/2024 (theo phiên bản 2024-01-01 → … của bộ quy tắc; chọn năm khác bằng --year hoặc --as-of)",
            output.TrimEnd());
        Assert.Equal(File.ReadAllBytes(Template()), File.ReadAllBytes(path));
    }

    [Fact]
    public void Template_Year_IsTheYearsLastDay()
    {
        var path = _folder.PathOf("2024.xlsx");
        var (code, output, error) = CliHarness.Run("template", "--rules", NationalRules, "--out", path, "--year", "2024", "--lang", "en");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(path + ": template for vn-tdkt written, year 2024, as of 31/12/2024 (from --year)", output.TrimEnd());
        var asOf = _folder.PathOf("31-12-2024.xlsx");
        Assert.Equal(ExitCodes.Success, CliHarness.Run("template", "--rules", NationalRules, "--out", asOf, "--as-of", "2024-12-31", "--lang", "en").ExitCode);
        Assert.Equal(File.ReadAllBytes(asOf), File.ReadAllBytes(path));
    }

    [Fact]
    public void Template_PlanThatEnds_TakesTheYearItEnds()
    {
        var path = _folder.PathOf("ke-hoach.xlsx");
        var plan = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "plans", "soc-trang-bqlkcn-thi-dua-2021-2025.json");
        var (code, output, error) = CliHarness.Run("template", "--rules", plan, "--out", path);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("năm 2025, tính đến ngày 31/12/2025 (theo phiên bản 2021-01-01 → 2025-12-31 của bộ quy tắc", output, StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(path, false);
        Assert.Contains("Xếp loại 2024", Headers(document.WorkbookPart!, "Cá nhân"));
    }

    public static TheoryData<string[], string, string> RefusedOptions => new()
    {
        { ["--out", "mau.csv"], "vi", "thidua: --out: mẫu là bảng tính Excel: đặt tên tệp có đuôi .xlsx, không phải '{0}'" },
        { ["--out", "mau.csv"], "en", "thidua: --out: the template is an Excel workbook: name it .xlsx, not '{0}'" },
        { ["--out", "mau.xlsx", "--year", "20x4"], "vi", "thidua: --year: '20x4' không phải là năm từ 1900 đến 2200" },
        { ["--out", "mau.xlsx", "--year", "1800"], "en", "thidua: --year: '1800' is not a year from 1900 to 2200" },
        { ["--out", "mau.xlsx", "--year", "2023", "--as-of", "2024-12-31"], "vi", "thidua: --year 2023 và --as-of 2024-12-31 khác năm: chỉ cần ghi một trong hai" },
        { ["--out", "mau.xlsx", "--as-of", "31-12-2024"], "vi", "thidua: --as-of: '31-12-2024' không phải là ngày: hãy ghi YYYY-MM-DD (hoặc dd/MM/yyyy)" },
        { ["--out", "mau.xlsx", "--as-of", "31-12-2024"], "en", "thidua: --as-of: '31-12-2024' is not a date: write YYYY-MM-DD (or dd/MM/yyyy)" },
    };

    [Theory]
    [MemberData(nameof(RefusedOptions))]
    public void Template_BadOptions_AreRefusedInTheUsersLanguageAndWriteNothing(string[] options, string language, string message)
    {
        var args = options.Select(o => o.EndsWith(".csv", StringComparison.Ordinal) || o.EndsWith(".xlsx", StringComparison.Ordinal) ? _folder.PathOf(o) : o).ToArray();
        var (code, output, error) = CliHarness.Run(["template", "--rules", NationalRules, "--lang", language, .. args]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, message, args[1]), error.TrimEnd());
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public void Template_English_HasEnglishHelpUnderTheSameVietnameseHeaders()
    {
        var path = _folder.PathOf("en.xlsx");
        var (code, _, error) = CliHarness.Run("template", "--rules", NationalRules, "--out", path, "--as-of", "2024-12-31", "--lang", "en");
        Assert.True(code == ExitCodes.Success, error);

        using var english = SpreadsheetDocument.Open(path, false);
        using var vietnamese = SpreadsheetDocument.Open(Template(), false);
        Assert.Equal(Headers(vietnamese.WorkbookPart!, "Cá nhân"), Headers(english.WorkbookPart!, "Cá nhân"));
        Assert.Equal(Headers(vietnamese.WorkbookPart!, "Đơn vị"), Headers(english.WorkbookPart!, "Đơn vị"));
        Assert.Equal(["HOW TO FILL IN THIS WORKBOOK", "Rule set", "How to use", "Checking"], Column(english.WorkbookPart!, "Hướng dẫn").Take(4));
        Assert.Equal(["HƯỚNG DẪN ĐIỀN BẢNG TÍNH", "Bộ quy tắc", "Cách dùng", "Kiểm tra"], Column(vietnamese.WorkbookPart!, "Hướng dẫn").Take(4));
        var prompts = Part(english.WorkbookPart!, "Cá nhân").Worksheet.Descendants<DataValidation>().Select(v => v.Error!.Value!).Distinct().ToList();
        Assert.Contains("Choose a value from the list.", prompts);
        Assert.DoesNotContain("Chọn một giá trị trong danh sách.", prompts);
    }

    private static List<string> Column(WorkbookPart workbook, string sheet)
    {
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        return [.. Part(workbook, sheet).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().FirstOrDefault())
            .Where(c => c?.DataType?.InnerText == "s").Select(c => strings[int.Parse(c!.CellValue!.Text, CultureInfo.InvariantCulture)])];
    }

    private static WorksheetPart Part(WorkbookPart workbook, string name) =>
        (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!);

    private static List<string> Headers(WorkbookPart workbook, string sheet)
    {
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        return [.. Part(workbook, sheet).Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)])];
    }

    /// <summary>Types rows under the template's headers, as a clerk would (text, numbers, dates as Excel dates).</summary>
    private static void Fill(string path, string sheet, params Dictionary<string, object>[] rows)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var workbook = document.WorkbookPart!;
        var headers = Headers(workbook, sheet);
        var data = Part(workbook, sheet).Worksheet.GetFirstChild<SheetData>()!;
        var number = 2u;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = number };
            foreach (var (header, value) in values.OrderBy(v => headers.IndexOf(v.Key)))
            {
                var column = headers.IndexOf(header);
                Assert.True(column >= 0, header);
                var reference = CellReference.Format(column, (int)number);
                row.Append(value switch
                {
                    string s => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
                    decimal d => new Cell { CellReference = reference, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) },
                    LocalDate date => new Cell { CellReference = reference, StyleIndex = SampleWorkbookWriter.DateStyle, CellValue = new CellValue(CellParser.ToSerial(date).ToString(CultureInfo.InvariantCulture)) },
                    _ => throw new ArgumentException(value.ToString()),
                });
            }

            data.Append(row);
            number++;
        }
    }
}
