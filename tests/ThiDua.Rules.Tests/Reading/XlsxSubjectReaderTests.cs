using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

public sealed class XlsxSubjectReaderTests
{
    private static readonly object?[] IndividualHeader =
    [
        "STT", "Mã cán bộ", "Họ và tên", "Đơn vị", "Ngày tuyển dụng", "Xếp loại", "Loại cán bộ", "Số ngày nghỉ", "Số tháng công tác",
        "Đang xem xét kỷ luật", "Hình thức kỷ luật", "Ngày kỷ luật", "Ngày hết hạn kỷ luật", "Sáng kiến", "Đề tài",
        "conduct", "partyRating", "Xếp loại 2023", "Danh hiệu 2023",
    ];

    private static TestWorkbook Clerk(bool sharedStrings = false, bool omitReferences = false, params object?[][] individuals) =>
        new TestWorkbook { SharedStrings = sharedStrings, OmitReferences = omitReferences }
            .Sheet("Thông tin", ["Năm", 2024], ["Ngày tính", new XlDate(new LocalDate(2024, 12, 31))])
            .Sheet("Đơn vị",
                ["Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên", "Loại", "Cụm thi đua", "Xếp loại", "movement", "Xếp loại 2023", "Danh hiệu 2023"],
                ["BQL", "Ban Quản lý", null, "Đơn vị", null, "HTXSNV", "có", null, null],
                ["VP", "Văn phòng", "BQL", "Đơn vị", "khoi-co-quan", "Hoàn thành tốt nhiệm vụ", "x", "HTXSNV", "TTLĐTT"],
                ["DN1", "Công ty A", "BQL", "Doanh nghiệp", null, null, "không", null, null])
            .Sheet("Cá nhân", [IndividualHeader, .. individuals]);

    private static readonly object?[] Duy =
    [
        1, "NV001", "Nguyễn Minh Duy", "VP", new XlDate(new LocalDate(2008, 3, 1)), "HTXSNV", "Công chức", 2, null,
        null, null, null, null, "tinh 22/06/2024: Số hóa quy trình; co-so 27/05/2022", null,
        "có", "HTXSNV", "HTXSNV", "LĐTT; CSTĐCS, bang-khen-cap-tinh (20/05/2023)",
    ];

    private static readonly object?[] Oanh =
    [
        2, "NV002", "Danh Thị Oanh", "VP", "01/07/2010", "HTTNV", "vien-chuc", "1,5", 11,
        "x", "Khiển trách", "12/04/2024", new XlDate(new LocalDate(2025, 4, 11)), null, "Cấp tỉnh 15/10/2024: Đề tài: Giải pháp KCN",
        "không", null, "HTT", null,
    ];

    [Fact]
    public void Read_ClerkWorkbookWithVietnameseHeaders_ReadsEveryField()
    {
        var data = Clerk(individuals: [Duy, Oanh]).Load().GetValueOrThrow();

        Assert.Equal(2024, data.Year);
        Assert.Equal(new LocalDate(2024, 12, 31), data.AsOf);
        Assert.Equal(["BQL", "VP", "DN1"], data.Units.Select(u => u.Id));
        var vp = data.Units[1];
        Assert.Equal(("Văn phòng", "BQL", SubjectKind.Unit, "khoi-co-quan", "HTTNV"), (vp.Name, vp.Parent, vp.Kind, vp.Cluster, vp.Rating));
        Assert.Equal(true, vp.Facts["movement"]);
        Assert.Equal((2023, "HTXSNV", "tap-the-lao-dong-tien-tien", "ban.xlsx:Đơn vị!H3"),
            (vp.History.Single().Year, vp.History[0].Rating, vp.History[0].Awards.Single().Id, vp.History[0].Span.ToString()));
        Assert.Equal(SubjectKind.Enterprise, data.Units[2].Kind);

        var duy = data.Individuals[0];
        Assert.Equal(("NV001", "Nguyễn Minh Duy", "VP", "HTXSNV", "cong-chuc"), (duy.Id, duy.Name, duy.Unit, duy.Rating, duy.EmployeeType));
        Assert.Equal(new LocalDate(2008, 3, 1), duy.StartDate);
        Assert.Equal(2m, duy.DaysAbsent);
        Assert.Null(duy.MonthsWorked);
        Assert.Null(duy.PendingReview);
        Assert.Null(duy.Discipline);
        Assert.Equal([("Số hóa quy trình", "tinh", new LocalDate(2024, 6, 22)), (null, "co-so", new LocalDate(2022, 5, 27))],
            duy.Initiatives.Select(i => (i.Name, i.Scope, i.RecognizedOn!.Value)));
        Assert.Empty(duy.ResearchWorks);
        Assert.Equal(true, duy.Facts["conduct"]);
        Assert.Equal("HTXSNV", duy.Facts["partyRating"]);
        Assert.Equal([("lao-dong-tien-tien", (LocalDate?)null), ("chien-si-thi-dua-co-so", null), ("bang-khen-cap-tinh", new LocalDate(2023, 5, 20))],
            duy.History.Single().Awards.Select(a => (a.Id, a.DecidedOn)));

        var oanh = data.Individuals[1];
        Assert.Equal((new LocalDate(2010, 7, 1), "HTTNV", "vien-chuc", 1.5m, 11m, true), (oanh.StartDate!.Value, oanh.Rating, oanh.EmployeeType, oanh.DaysAbsent!.Value, oanh.MonthsWorked!.Value, oanh.PendingReview!.Value));
        Assert.Equal(("khien-trach", new LocalDate(2024, 4, 12), new LocalDate(2025, 4, 11)), (oanh.Discipline!.Level, oanh.Discipline.Date!.Value, oanh.Discipline.EndDate!.Value));
        Assert.Equal(("Đề tài: Giải pháp KCN", "tinh", new LocalDate(2024, 10, 15)), (oanh.ResearchWorks.Single().Name, oanh.ResearchWorks.Single().Scope, oanh.ResearchWorks.Single().RecognizedOn!.Value));
        Assert.Equal(false, oanh.Facts["conduct"]);
        Assert.False(oanh.Facts.ContainsKey("partyRating")); // a blank cell is unknown, not false
        Assert.Equal((2023, "HTTNV", 0), (oanh.History.Single().Year, oanh.History[0].Rating, oanh.History[0].Awards.Length));
    }

    [Fact]
    public void Read_SharedStringsAndCellsWithoutReferences_GiveTheSameData()
    {
        static string Dump(SubjectData d) => Newtonsoft.Json.JsonConvert.SerializeObject(
            d.Individuals.Select(i => new { i.Id, i.Name, i.Rating, i.StartDate, i.DaysAbsent, Facts = i.Facts.OrderBy(f => f.Key, StringComparer.Ordinal), i.Initiatives.Length }));

        var inline = Clerk(individuals: [Duy, Oanh]).Load().GetValueOrThrow();
        var shared = Clerk(sharedStrings: true, individuals: [Duy, Oanh]).Load().GetValueOrThrow();
        var noReferences = Clerk(omitReferences: true, individuals: [Duy, Oanh]).Load().GetValueOrThrow();

        Assert.Equal(Dump(inline), Dump(shared));
        Assert.Equal(Dump(inline), Dump(noReferences));
        Assert.Equal(inline.Individuals[1].Span, noReferences.Individuals[1].Span);
    }

    [Fact]
    public void Read_ImpossibleDate_ReportsTheCellAndWhatWasExpected()
    {
        object?[] bad = [.. Oanh];
        bad[4] = "31/02/2015";

        var result = Clerk(individuals: [Duy, Duy, Duy, bad]).Load("ban.xlsx");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ban.xlsx:Cá nhân!E5", error.Span.ToString());
        Assert.Equal("ban.xlsx:Cá nhân!E5 TDR201 'Ngày tuyển dụng' must be a date such as 15/03/2015, but is '31/02/2015'", error.ToString());
        Assert.Equal("ban.xlsx:Cá nhân!E5 TDR201 ô 'Ngày tuyển dụng' phải là ngày dạng dd/MM/yyyy, ví dụ 15/03/2015, nhưng là '31/02/2015'", error.Format(Language.Vi));
    }

    [Fact]
    public void Read_SeveralBadCells_ReportsEachAtItsCellInReadingOrder()
    {
        object?[] bad = [.. Oanh];
        bad[7] = "mười";              // H: Số ngày nghỉ
        bad[8] = -2;                  // I: Số tháng công tác
        bad[9] = "có lẽ";             // J: Đang xem xét kỷ luật
        bad[10] = null;               // K: Hình thức kỷ luật, but L has a date
        bad[13] = "tinh 31/02/2024: Số hóa hồ sơ"; // N: Sáng kiến recognised on a day that does not exist
        bad[15] = new XlError("#N/A"); // P: conduct
        bad[18] = "LĐTT (30/02/2023)"; // S: Danh hiệu 2023

        var errors = Clerk(individuals: [bad]).Load().Errors.Select(e => e.ToString()).ToList();

        Assert.Equal(
        [
            "ban.xlsx:Cá nhân!H2 TDR201 'Số ngày nghỉ' must be a number such as 12 or 12,5, but is 'mười'",
            "ban.xlsx:Cá nhân!I2 TDR201 'Số tháng công tác' must be a number, not negative, but is '-2'",
            "ban.xlsx:Cá nhân!J2 TDR201 'Đang xem xét kỷ luật' must be yes or no (có/không, x, đúng/sai), but is 'có lẽ'",
            "ban.xlsx:Cá nhân!K2 TDR201 'Hình thức kỷ luật' must be a discipline level, since a discipline date is given, but is empty",
            "ban.xlsx:Cá nhân!N2 TDR201 'Sáng kiến' must be a list such as 'co-so 15/10/2024: name; tinh 01/03/2024', but is 'tinh 31/02/2024: Số hóa hồ sơ'",
            "ban.xlsx:Cá nhân!P2 TDR201 'conduct' must be a value, but is '#N/A'",
            "ban.xlsx:Cá nhân!S2 TDR201 'Danh hiệu 2023' must be award ids such as 'lao-dong-tien-tien; bang-khen-cap-tinh (20/05/2023)', but is 'LĐTT (30/02/2023)'",
        ], errors);
    }

    [Fact]
    public void Read_UnitKindNotUnitOrEnterprise_ReportsTheCell()
    {
        var workbook = new TestWorkbook().Sheet("Đơn vị", ["Mã đơn vị", "Loại"], ["VP", "Phòng"]).Sheet("Thông tin", ["Năm", 2024]);

        var error = Assert.Single(workbook.Load().Errors);

        Assert.Equal("ban.xlsx:Đơn vị!B2 TDR201 'Loại' must be 'Đơn vị' (unit) or 'Doanh nghiệp' (enterprise), but is 'Phòng'", error.ToString());
    }

    [Fact]
    public void Read_MisspeltHeader_WarnsWithDidYouMeanAndStillLoads()
    {
        var workbook = new TestWorkbook()
            .Sheet("Thông tin", ["Năm", 2024])
            .Sheet("Cá nhân", ["Mã cán bộ", "Họ và tê", "Số điện thoại"], ["NV1", "Nguyễn Văn A", "0299 3822 000"]);

        var result = workbook.Load();

        Assert.True(result.Succeeded);
        Assert.Equal(
        [
            "ban.xlsx:Cá nhân!B1 TDR202 warning: unknown column 'Họ và tê' is ignored; did you mean 'Họ và tên'?",
            "ban.xlsx:Cá nhân!C1 TDR202 warning: unknown column 'Số điện thoại' is ignored",
        ], result.Diagnostics.Select(d => d.ToString()));
        Assert.Null(result.GetValueOrThrow().Individuals.Single().Name);
    }

    [Fact]
    public void Read_FactOneTypoFromAField_WarnsThatItIsReadAsAFact()
    {
        var workbook = new TestWorkbook().Sheet("Cá nhân", ["id", "monthWorked", "year"], ["NV1", 12, 2024]);

        var result = workbook.Load();

        Assert.Equal("ban.xlsx:Cá nhân!B1 TDR203 warning: column 'monthWorked' is not a built-in field and is read as the fact 'monthWorked'; did you mean 'monthsWorked'?",
            Assert.Single(result.Diagnostics).ToString());
        Assert.Equal(12m, result.GetValueOrThrow().Individuals.Single().Facts["monthWorked"]);
    }

    [Fact]
    public void Read_NoIdNorNameColumn_ReportsTheHeaderRow()
    {
        // (With a 'Họ và tên' column, people are identified by name and unit: ClerkWorkbookTests.)
        var workbook = new TestWorkbook()
            .Sheet("Thông tin", ["Năm", 2024])
            .Sheet("Cá nhân", ["Đơn vị", "Xếp loại"], ["VP", "HTTNV"]);

        var error = Assert.Single(workbook.Load().Errors);

        Assert.Equal("ban.xlsx:Cá nhân!A1 TDR204 missing required column 'Mã cán bộ' (accepted headers: Mã cán bộ, Mã, Mã CB, Mã CBCCVC, Mã nhân viên, Mã số, Mã định danh, id)", error.ToString());
    }

    [Fact]
    public void Read_RowWithoutId_ReportsTheIdCell()
    {
        var workbook = new TestWorkbook().Sheet("Thông tin", ["Năm", 2024]).Sheet("Cá nhân", ["Mã", "Họ và tên"], ["NV1", "A"], [null, "B"]);

        Assert.Equal("ban.xlsx:Cá nhân!A3 TDR201 'Mã' must be an id (not empty), but is empty", Assert.Single(workbook.Load().Errors).ToString());
    }

    [Fact]
    public void Read_TitleRowsAboveTheHeader_FindsTheHeaderAndKeepsRowNumbers()
    {
        var workbook = new TestWorkbook()
            .Sheet("Thông tin", ["Năm", 2024])
            .Sheet("Cá nhân",
                ["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"],
                [],
                ["Mã cán bộ", "Họ và tên", "Ngày tuyển dụng"],
                ["NV1", "Nguyễn Văn A", "15/13/2015"]);

        var result = workbook.Load();

        Assert.Equal("ban.xlsx:Cá nhân!C4", Assert.Single(result.Errors).Span.ToString());
    }

    [Fact]
    public void Read_NoUnitsSheet_CreatesOneUnitPerDistinctUnitValue()
    {
        var workbook = new TestWorkbook()
            .Sheet("Thông tin", ["Năm", 2024])
            .Sheet("Cá nhân", ["Mã", "Đơn vị"], ["NV1", "VP"], ["NV2", "QLDT"], ["NV3", "VP"]);

        var data = workbook.Load().GetValueOrThrow();

        Assert.Equal(["VP", "QLDT"], data.Units.Select(u => u.Id));
        Assert.Equal("ban.xlsx:Cá nhân!B2", data.Units[0].Span.ToString());
    }

    [Fact]
    public void Read_SheetsWithOtherNames_AreRecognisedByTheirHeaders()
    {
        var workbook = new TestWorkbook()
            .Sheet("Sheet1", ["Mã đơn vị", "Đơn vị cấp trên"], ["BQL", null], ["VP", "BQL"])
            .Sheet("DS 2024", ["Mã cán bộ", "Đơn vị", "Năm"], ["NV1", "VP", 2024]);

        var data = workbook.Load().GetValueOrThrow();

        Assert.Equal(["BQL", "VP"], data.Units.Select(u => u.Id));
        Assert.Equal("VP", data.Individuals.Single().Unit);
    }

    [Fact]
    public void Read_NoSheetOfSubjects_SaysWhichSheetsThereAre()
    {
        var workbook = new TestWorkbook().Sheet("Tổng hợp", ["Ghi chú"]).Sheet("Biểu đồ", ["x"]);

        Assert.Equal("ban.xlsx TDR206 no sheet of individuals or units: name a sheet 'Cá nhân' (individuals) or 'Đơn vị' (units) (sheets found: 'Tổng hợp', 'Biểu đồ')",
            Assert.Single(workbook.Load().Errors).ToString());
    }

    [Fact]
    public void Read_Date1904Workbook_ReadsDatesInThatSystem()
    {
        var workbook = new TestWorkbook { Date1904 = true }
            .Sheet("Thông tin", ["Năm", 2024], ["Ngày tính", new XlDate(new LocalDate(2024, 12, 31))])
            .Sheet("Cá nhân", ["Mã", "Ngày tuyển dụng"], ["NV1", new XlDate(new LocalDate(2015, 3, 15))]);

        var data = workbook.Load().GetValueOrThrow();

        Assert.Equal(new LocalDate(2024, 12, 31), data.AsOf);
        Assert.Equal(new LocalDate(2015, 3, 15), data.Individuals.Single().StartDate);
    }

    [Fact]
    public void Read_NoYearAnywhere_TakesTheYearOfTheAsOfDate()
    {
        var workbook = new TestWorkbook().Sheet("Thông tin", ["Ngày tính", "31/12/2023"]).Sheet("Cá nhân", ["Mã"], ["NV1"]);

        Assert.Equal(2023, workbook.Load().GetValueOrThrow().Year);
    }

    [Fact]
    public void Read_NeitherYearNorAsOf_SaysHowToGiveThem()
    {
        var workbook = new TestWorkbook().Sheet("Cá nhân", ["Mã"], ["NV1"]);

        var error = Assert.Single(workbook.Load().Errors);

        Assert.Equal(DiagnosticCodes.SheetMissingYear, error.Code);
        Assert.Equal("ban.xlsx", error.Span.ToString());
    }

    [Fact]
    public void Read_YearColumnThatDisagreesWithTheInfoSheet_ReportsTheCell()
    {
        var workbook = new TestWorkbook().Sheet("Thông tin", ["Năm", 2024]).Sheet("Cá nhân", ["Mã", "Năm"], ["NV1", 2024], ["NV2", 2023]);

        Assert.Equal("ban.xlsx:Cá nhân!B3 TDR207 'Năm' must be the same throughout the file: 2023 here, but 2024 at ban.xlsx:Thông tin!B1",
            Assert.Single(workbook.Load().Errors).ToString());
    }

    [Fact]
    public void Read_TwoColumnsForOneField_ReportsTheSecond()
    {
        var workbook = new TestWorkbook().Sheet("Thông tin", ["Năm", 2024]).Sheet("Cá nhân", ["Mã", "Họ và tên", "Họ tên"], ["NV1", "A", "B"]);

        Assert.Equal("ban.xlsx:Cá nhân!C1 TDR205 column 'Họ tên' means the same as column 'Họ và tên' (both are 'name')",
            Assert.Single(workbook.Load().Errors).ToString());
    }

    [Fact]
    public void Read_NumberAndBooleanCellsInTextColumns_AreReadAsText()
    {
        var workbook = new TestWorkbook().Sheet("Thông tin", ["Năm", "2024"]).Sheet("Cá nhân", ["Mã", "Đơn vị", "pendingReview"], [12345, 7, true]);

        var person = workbook.Load().GetValueOrThrow().Individuals.Single();

        Assert.Equal(("12345", "7", true), (person.Id, person.Unit, person.PendingReview!.Value));
    }

    [Fact]
    public void Load_BytesThatAreNoWorkbook_ReportTheFileWithoutThrowing()
    {
        using var stream = new MemoryStream("Mã;Họ và tên\nNV1;A\n"u8.ToArray());

        var result = SpreadsheetDataLoader.LoadXlsx(stream, "ban.xlsx");

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.SpreadsheetInvalid, error.Code);
        Assert.StartsWith("ban.xlsx TDR209 not a valid .xlsx workbook: ", error.ToString(), StringComparison.Ordinal);
    }
}
