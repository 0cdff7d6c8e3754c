using NodaTime;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

/// <summary>
/// Workbooks laid out the way Vietnamese clerks keep them (issue 14): title rows, a two-level merged header with a row
/// of column numbers, units merged down over their people, totals and signature rows, clerk spellings, two people
/// sheets, a units sheet without codes, the evaluated year only in a title.
/// </summary>
public sealed class ClerkWorkbookTests
{
    private static TestWorkbook ClerkList() => new TestWorkbook()
        .Sheet("DS đề nghị 2024",
            ["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"],
            ["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"],
            [],
            ["STT", "Mã cán bộ", "Họ và tên", "Chức vụ", "Đơn vị", "Ngày tuyển dụng", "Kết quả đánh giá, xếp loại chất lượng", null, null, "Danh hiệu 2023", "Tự lực, đoàn kết, tích cực thi đua", "Sáng kiến"],
            [null, null, null, null, null, null, "Năm 2022", "Năm 2023", "Năm 2024"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)"],
            [1, "NV001", "Nguyễn Văn An", "Trưởng phòng", "Văn phòng Ban", "03/2014", "HTXS", "Hoàn thành tốt NV", "Hoàn thành xuất sắc nhiệm vụ",
                "Lao động tiên tiến, Chiến sĩ thi đua cơ sở (QĐ số 15/QĐ-BQL ngày 20/01/2024)", "x", "Số hóa hồ sơ"],
            [2, "NV002", "Trần Thị Bình", "Chuyên viên", null, "1/7/2010", "HTT", "HTT", "Chưa đánh giá", "LĐTT", "có"],
            [3, "NV003", "Lê Văn Cường", null, "Phòng Kế hoạch", "15/01/2020", "Tốt", "HTT", "HTTNV", null, "có", "Quy trình một cửa (cấp cơ sở, 10/10/2024)"],
            ["Tổng cộng", null, null, null, null, null, null, null, null, "3 người"],
            [],
            [null, null, null, null, null, null, null, null, ", ngày 15 tháng 01 năm 2025"],
            [null, "NGƯỜI LẬP BIỂU", null, null, null, null, null, null, "THỦ TRƯỞNG ĐƠN VỊ"],
            [null, "Nguyễn Thị Lập", null, null, null, null, null, null, "Phạm Văn Trưởng"])
        .Merge("DS đề nghị 2024", "A1:D1", "A2:L2", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:I4", "J4:J5", "K4:K5", "L4:L5", "E7:E8", "A10:C10")
        .Sheet("Tập thể",
            ["DANH SÁCH TẬP THỂ"],
            ["STT", "Tên đơn vị", "Xếp loại", "Phong trào thi đua thường xuyên, hiệu quả"],
            [1, "Văn phòng Ban", "HTXSNV", "có"],
            [2, "Phòng Kế hoạch", "Hoàn thành tốt nhiệm vụ", "có"])
        .Sheet("Người lao động",
            ["Mã cán bộ", "Họ và tên", "Đơn vị", "Xếp loại năm 2024", "Loại cán bộ"],
            ["LD01", "Hoàng Văn Dũng", "phòng  kế hoạch", "HTT", "NLĐ"])
        .Sheet("Tổng hợp", ["Biểu đồ tỷ lệ LĐTT"]);

    [Fact]
    public void Read_ClerkList_ReadsEveryPersonAndUnitWithTheirValues()
    {
        var data = ClerkList().Load().GetValueOrThrow();

        Assert.Equal(2024, data.Year);
        Assert.Null(data.AsOf);
        Assert.Equal([("Văn phòng Ban", "Văn phòng Ban", "HTXSNV"), ("Phòng Kế hoạch", "Phòng Kế hoạch", "HTTNV")], data.Units.Select(u => (u.Id, u.Name!, u.Rating!)));
        Assert.All(data.Units, u => Assert.Equal(true, u.Facts["movement"]));
        Assert.Equal(["NV001", "NV002", "NV003", "LD01"], data.Individuals.Select(p => p.Id));

        var an = data.Individuals[0];
        Assert.Equal(("Nguyễn Văn An", "Trưởng phòng", "Văn phòng Ban", "HTXSNV"), (an.Name, an.Position, an.Unit, an.Rating));
        Assert.Equal(new LocalDate(2014, 3, 1), an.StartDate);
        Assert.Equal([(2022, "HTXSNV"), (2023, "HTTNV")], an.History.Select(h => (h.Year, h.Rating!)));
        Assert.Equal([("lao-dong-tien-tien", (LocalDate?)null), ("chien-si-thi-dua-co-so", new LocalDate(2024, 1, 20))],
            an.History[1].Awards.Select(a => (a.Id, a.DecidedOn)));
        Assert.Equal(true, an.Facts["conduct"]);
        Assert.Equal(("Số hóa hồ sơ", (string?)null, (LocalDate?)null), (an.Initiatives.Single().Name, an.Initiatives[0].Scope, an.Initiatives[0].RecognizedOn));

        var binh = data.Individuals[1];
        Assert.Equal("Văn phòng Ban", binh.Unit); // the unit cell merged down over her row
        Assert.Null(binh.Rating); // 'Chưa đánh giá': no rating, so criteria that need it stay unknown
        Assert.Equal(new LocalDate(2010, 7, 1), binh.StartDate);
        Assert.Equal(["lao-dong-tien-tien"], binh.History.Single(h => h.Year == 2023).Awards.Select(a => a.Id));

        var cuong = data.Individuals[2];
        Assert.Equal(("Phòng Kế hoạch", "HTTNV", "HTTNV"), (cuong.Unit, cuong.Rating, cuong.History.Single(h => h.Year == 2022).Rating));
        Assert.Equal(("Quy trình một cửa", "co-so", new LocalDate(2024, 10, 10)), (cuong.Initiatives.Single().Name!, cuong.Initiatives[0].Scope!, cuong.Initiatives[0].RecognizedOn!.Value));

        var dung = data.Individuals[3];
        Assert.Equal(("Phòng Kế hoạch", "HTTNV", "nguoi-lao-dong"), (dung.Unit, dung.Rating, dung.EmployeeType));
        Assert.Empty(dung.History); // 'Xếp loại năm 2024' is the rating of the evaluated year, not a past year's
    }

    [Fact]
    public void Read_ClerkList_SaysWhatItGuessedSkippedAndMatched()
    {
        var diagnostics = ClerkList().Load().Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Equal(
        [
            "ban.xlsx:Tổng hợp!A1 TDR222 warning: the sheet 'Tổng hợp' is not read: it has no header row of individuals (a column 'Mã cán bộ') or of units (a column 'Mã đơn vị' or 'Tên đơn vị')",
            "ban.xlsx:DS đề nghị 2024!A2 TDR225 the evaluated year 2024 is taken from the title 'DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024'",
            "ban.xlsx:Tập thể!B2 TDR228 the units sheet 'Tập thể' has no unit code column: each unit is identified by its name",
            "ban.xlsx:Người lao động!C2 TDR226 'Đơn vị' holds unit names, not codes: each is matched to a unit by its name (ignoring case and spacing)",
            "ban.xlsx:DS đề nghị 2024!F7 TDR223 warning: 'Ngày tuyển dụng': '03/2014' is read as 01/03/2014, a guess: write 01/03/2014 if that is right",
            "ban.xlsx:DS đề nghị 2024!G9 TDR223 warning: 'Kết quả đánh giá, xếp loại chất lượng Năm 2022': 'Tốt' is read as 'HTTNV', a guess: write 'HTTNV' if that is right",
            "ban.xlsx:DS đề nghị 2024!A10 TDR221 rows that are not individuals are not read: totals 10; signature block 12–14; group headings —; blank —",
        ], diagnostics);
    }

    [Fact]
    public void Read_ClerkList_SpeaksVietnamese()
    {
        var guess = ClerkList().Load().Diagnostics.First(d => d.Code == DiagnosticCodes.SheetCellGuess);

        Assert.Equal("ô 'Ngày tuyển dụng': '03/2014' được hiểu là 01/03/2014 (đoán): nếu đúng, hãy ghi 01/03/2014", guess.Message(Language.Vi));
    }

    [Fact]
    public void Documentation_ShowsWhatTheToolSaysOfTheClerkListInVietnamese()
    {
        var lines = ClerkList().Load("ds-2024.xlsx").Diagnostics.Select(d => d.Format(Language.Vi)).ToList();

        Assert.Equal(7, lines.Count);
        Assert.DoesNotContain(lines, line => !Documentation.Contains(line, StringComparison.Ordinal));
    }

    private static string Documentation => File.ReadAllText(Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "docs", "spreadsheets.md"));

    /// <summary>Runs <c>thidua check</c> on <paramref name="workbook"/> with the national rules, every pair included;
    /// the run must succeed. Returns what it wrote to standard error and the individuals evaluated.</summary>
    private static (string Error, Newtonsoft.Json.Linq.JToken Results, List<string> Individuals) Check(TestWorkbook workbook, string fileName)
    {
        using var folder = new Builders.TempFolder();
        var path = workbook.Save(folder.PathOf(fileName));
        var output = folder.PathOf("r.json");

        var (code, _, error) = Builders.CliHarness.Run("check", "--rules", Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "rules", "vn"),
            "--data", path, "--format", "json", "--include", "all", "--out", output);

        Assert.True(code == ThiDua.Rules.Cli.ExitCodes.Success, error);
        var results = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(output))["results"]!;
        return (error, results, [.. results.Where(r => (string)r["subjectKind"]! == "individual").Select(r => (string)r["subject"]!).Distinct().Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public void Check_ClerkList_EvaluatesEveryPersonAndSaysWhatItGuessedInVietnamese()
    {
        var (error, results, individuals) = Check(ClerkList(), "ds-2024.xlsx");

        Assert.Contains("TDR221 các dòng không phải cá nhân nên không được đọc: dòng tổng cộng 10; khối chữ ký 12–14", error, StringComparison.Ordinal);
        Assert.Equal(["LD01", "NV001", "NV002", "NV003"], individuals);
        Assert.Equal("insufficient-data", (string)results.Single(r => (string)r["subject"]! == "NV002" && (string)r["award"]! == "lao-dong-tien-tien")["outcome"]!);
    }

    private static TestWorkbook People(string sheet, params object?[][] rows) =>
        new TestWorkbook().Sheet(sheet, [["Mã cán bộ", "Họ và tên", "Đơn vị", "Xếp loại"], .. rows]);

    [Fact]
    public void Read_YearOnlyInTheSheetName_IsTakenFromItAndSaid()
    {
        var loaded = People("DS 2023", ["NV1", "A", "VP", "HTTNV"]).Load();

        Assert.Equal(2023, loaded.GetValueOrThrow().Year);
        Assert.Equal("ban.xlsx:DS 2023!A1 TDR225 the evaluated year 2023 is taken from the sheet name 'DS 2023'", Assert.Single(loaded.Diagnostics).ToString());
    }

    [Fact]
    public void Read_YearNowhereButAsOf_IsTheAsOfYearAndSaid()
    {
        var loaded = People("Danh sách", ["NV1", "A", "VP", "HTTNV"]).Load(asOf: new LocalDate(2024, 12, 31));

        Assert.Equal(2024, loaded.GetValueOrThrow().Year);
        Assert.Equal("ban.xlsx TDR225 the evaluated year 2024 is taken from the as-of date (--as-of) '31/12/2024'", Assert.Single(loaded.Diagnostics).ToString());
    }

    [Fact]
    public void Read_YearCellBeatsTitleAndSheetName()
    {
        var loaded = new TestWorkbook()
            .Sheet("DS 2022", ["DANH SÁCH NĂM 2023"], ["Mã cán bộ", "Họ và tên", "Đơn vị", "Năm"], ["NV1", "A", "VP", 2024])
            .Load(asOf: new LocalDate(2025, 12, 31));

        Assert.Equal(2024, loaded.GetValueOrThrow().Year);
        Assert.Empty(loaded.Diagnostics);
    }

    [Fact]
    public void Read_RatingOfTheEvaluatedYearDisagreesWithTheRatingColumn_IsAnErrorAtBothCells()
    {
        var loaded = new TestWorkbook()
            .Sheet("Cá nhân", ["Mã cán bộ", "Đơn vị", "Xếp loại", "Xếp loại năm 2024", "Năm"], ["NV1", "VP", "HTTNV", "HTXSNV", 2024])
            .Load();

        var error = Assert.Single(loaded.Errors);
        Assert.Equal("ban.xlsx:Cá nhân!D2 TDR227 Cá nhân!D2 is the rating of the evaluated year 2024 and says HTXSNV, but Cá nhân!C2 says HTTNV: keep one of the two columns", error.ToString());
    }

    public static TheoryData<object, string> AmbiguousCells => new()
    {
        { "Khá", "'Xếp loại': 'Khá' is ambiguous: write a rating: HTXSNV, HTTNV, HTNV or KHTNV (or 'Chưa đánh giá' for none)" },
        { "HTT/HTXS", "'Xếp loại': 'HTT/HTXS' is ambiguous: write a rating: HTXSNV, HTTNV, HTNV or KHTNV (or 'Chưa đánh giá' for none)" },
    };

    [Theory]
    [MemberData(nameof(AmbiguousCells))]
    public void Read_AmbiguousRating_IsAnErrorAtTheCellSayingWhatToWrite(object cell, string message)
    {
        var loaded = People("Cá nhân 2024", ["NV1", "A", "VP", cell]).Load();

        var error = Assert.Single(loaded.Errors);
        Assert.Equal((DiagnosticCodes.SheetAmbiguousCell, "ban.xlsx:Cá nhân 2024!D2", message), (error.Code, error.Span.ToString(), error.Message(Language.En)));
    }

    [Theory]
    [InlineData("2014")]
    [InlineData(2014)]
    public void Read_YearAloneInADateColumn_IsAnErrorAskingForTheFullDate(object cell)
    {
        var loaded = new TestWorkbook().Sheet("Cá nhân", ["Mã cán bộ", "Ngày tuyển dụng", "Năm"], ["NV1", cell, 2024]).Load();

        var error = Assert.Single(loaded.Errors);
        Assert.Equal("ban.xlsx:Cá nhân!B2 TDR224 'Ngày tuyển dụng': '2014' is ambiguous: write the full date, such as 01/03/2014", error.ToString());
    }

    [Fact]
    public void Read_RowWithoutIdThatIsNoTotalsNorSignature_IsStillAnErrorAtItsIdCell()
    {
        var loaded = People("Cá nhân 2024", ["NV1", "A", "VP", "HTTNV"], [null, "Giám đốc B", "VP", "HTTNV"]).Load();

        Assert.Equal("ban.xlsx:Cá nhân 2024!A3 TDR201 'Mã cán bộ' must be an id (not empty), but is empty", Assert.Single(loaded.Errors).ToString());
    }

    [Fact]
    public void Read_PersonWhosePositionIsASignatureWord_IsAPerson()
    {
        var data = new TestWorkbook()
            .Sheet("Cá nhân 2024", ["Mã cán bộ", "Chức vụ", "Đơn vị"], ["NV1", "Giám đốc", "VP"], ["NV2", "Chủ tịch Hội đồng", "VP"])
            .Load().GetValueOrThrow();

        Assert.Equal(["Giám đốc", "Chủ tịch Hội đồng"], data.Individuals.Select(p => p.Position!));
    }

    [Fact]
    public void Read_GroupHeadingMergedAcrossTheRow_IsSkippedAndListed()
    {
        var loaded = new TestWorkbook()
            .Sheet("Cá nhân 2024", ["Mã cán bộ", "Họ và tên", "Đơn vị"], ["I. KHỐI CƠ QUAN"], ["NV1", "A", "VP"], [], ["NV2", "B", "VP"])
            .Merge("Cá nhân 2024", "A2:C2")
            .Load();

        Assert.Equal(["NV1", "NV2"], loaded.GetValueOrThrow().Individuals.Select(p => p.Id));
        Assert.Equal("ban.xlsx:Cá nhân 2024!A2 TDR221 rows that are not individuals are not read: totals —; signature block —; group headings 2; blank 4",
            loaded.Diagnostics.Single(d => d.Code == DiagnosticCodes.SheetRowsSkipped).ToString());
    }

    [Fact]
    public void Read_TwoLevelHeaderWithYearAboveRatingAndAwards_ReadsTheHistory()
    {
        var data = new TestWorkbook()
            .Sheet("Cá nhân",
                ["Mã cán bộ", "Năm 2023", null, "Năm"],
                [null, "Xếp loại", "Danh hiệu", null],
                ["NV1", "HTXSNV", "LĐTT; CSTĐCS", 2024])
            .Merge("Cá nhân", "A1:A2", "B1:C1", "D1:D2")
            .Load().GetValueOrThrow();

        var history = data.Individuals.Single().History.Single();
        Assert.Equal((2023, "HTXSNV"), (history.Year, history.Rating));
        Assert.Equal(["lao-dong-tien-tien", "chien-si-thi-dua-co-so"], history.Awards.Select(a => a.Id));
    }

    [Fact]
    public void Read_UnitsWithCodesNamedByTheirNamesInThePeopleSheet_AreMatchedByName()
    {
        var loaded = new TestWorkbook()
            .Sheet("Đơn vị", ["Mã đơn vị", "Tên đơn vị"], ["VP", "Văn phòng Ban"], ["KH", "Phòng Kế hoạch"])
            .Sheet("Cá nhân", ["Mã cán bộ", "Đơn vị", "Năm"], ["NV1", "VĂN PHÒNG  BAN", 2024], ["NV2", "KH", 2024])
            .Load();

        Assert.Equal(["VP", "KH"], loaded.GetValueOrThrow().Individuals.Select(p => p.Unit!));
        var note = Assert.Single(loaded.Diagnostics);
        Assert.Equal((DiagnosticCodes.SheetUnitsMatchedByName, "ban.xlsx:Cá nhân!B2"), (note.Code, note.Span.ToString()));
    }

    [Fact]
    public void Read_DecisionTextAfterAnAward_KeepsTheAwardAndItsDate()
    {
        var data = new TestWorkbook()
            .Sheet("Cá nhân", ["Mã cán bộ", "Danh hiệu 2023", "Năm"],
                ["NV1", "Bằng khen cấp tỉnh - QĐ số 2/QĐ-UBND ngày 05/02/2024; LĐTT (QĐ số 15/QĐ-BQL)", 2024])
            .Load().GetValueOrThrow();

        Assert.Equal([("bang-khen-cap-tinh", (LocalDate?)new LocalDate(2024, 2, 5)), ("lao-dong-tien-tien", null)],
            data.Individuals.Single().History.Single().Awards.Select(a => (a.Id, a.DecidedOn)));
    }

    /// <summary>A list as many clerks keep it: no code column (people numbered by STT), no unit column, the people grouped
    /// under a heading per unit (merged across the row, or numbered I, II with the name in the name column).</summary>
    internal static TestWorkbook ListWithoutCodes() => new TestWorkbook()
        .Sheet("DS khen thưởng",
            ["DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN LAO ĐỘNG TIÊN TIẾN NĂM 2024"],
            ["STT", "Họ và tên", "Chức vụ", "Xếp loại", "Loại cán bộ"],
            ["Phòng Tổ chức – Hành chính"],
            [1, "Nguyễn Văn An", "Trưởng phòng", "HTXSNV", "Công chức"],
            [2, "Trần Thị Bình", "Chuyên viên", "HTTNV", "Công chức"],
            ["II", "Phòng Kế hoạch"],
            [1, "Nguyễn Văn An", "Chuyên viên", "HTTNV", "Viên chức"],
            ["III. Văn phòng Ban"],
            [1, "Lê Thị Cúc", "Văn thư", "HTNV", "Người lao động"],
            ["Cộng", null, "4 người"])
        .Merge("DS khen thưởng", "A1:E1", "A3:E3");

    [Fact]
    public void Read_ListWithoutCodesOrUnitColumn_IdentifiesPeopleByNameAndUnitFromTheirGroupHeading()
    {
        var data = ListWithoutCodes().Load().GetValueOrThrow();

        Assert.Equal(
        [
            ("Nguyễn Văn An (Phòng Tổ chức – Hành chính)", "Nguyễn Văn An", "Phòng Tổ chức – Hành chính", "HTXSNV"),
            ("Trần Thị Bình (Phòng Tổ chức – Hành chính)", "Trần Thị Bình", "Phòng Tổ chức – Hành chính", "HTTNV"),
            ("Nguyễn Văn An (Phòng Kế hoạch)", "Nguyễn Văn An", "Phòng Kế hoạch", "HTTNV"),
            ("Lê Thị Cúc (Văn phòng Ban)", "Lê Thị Cúc", "Văn phòng Ban", "HTNV"),
        ], data.Individuals.Select(p => (p.Id, p.Name!, p.Unit!, p.Rating!)));
        Assert.Equal(["Phòng Tổ chức – Hành chính", "Phòng Kế hoạch", "Văn phòng Ban"], data.Units.Select(u => u.Id));
        Assert.Equal("ban.xlsx:DS khen thưởng!A3", data.Units[0].Span.ToString()); // a unit made from a heading is named at the heading
        Assert.Equal("ban.xlsx:DS khen thưởng!B4", data.Individuals[0].Span.ToString()); // a person at the name's cell
    }

    [Fact]
    public void Read_ListWithoutCodesOrUnitColumn_SaysHowIdsAndUnitsWereMade()
    {
        var diagnostics = ListWithoutCodes().Load().Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Equal(
        [
            "ban.xlsx:DS khen thưởng!A1 TDR225 the evaluated year 2024 is taken from the title 'DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN LAO ĐỘNG TIÊN TIẾN NĂM 2024'",
            "ban.xlsx:DS khen thưởng!B2 TDR240 warning: the sheet 'DS khen thưởng' has no id column: each person is identified by name and unit, as 'Nguyễn Văn An (Phòng Tổ chức – Hành chính)'; add a column 'Mã cán bộ' to keep ids the same from year to year",
            "ban.xlsx:DS khen thưởng!A3 TDR221 rows that are not individuals are not read: totals 10; signature block —; group headings 3, 6, 8; blank —",
            "ban.xlsx:DS khen thưởng!A3 TDR229 the sheet 'DS khen thưởng' has no unit column: each person's unit is the group heading above them ('Phòng Tổ chức – Hành chính', 'Phòng Kế hoạch', 'Văn phòng Ban')",
        ], diagnostics);
    }

    [Fact]
    public void Documentation_ShowsWhatTheToolSaysOfTheListWithoutCodesInVietnamese()
    {
        var lines = ListWithoutCodes().Load("ds-khong-ma.xlsx").Diagnostics.Select(d => d.Format(Language.Vi)).ToList();

        Assert.Equal(4, lines.Count);
        Assert.DoesNotContain(lines, line => !Documentation.Contains(line, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TwoPeopleOfOneNameInOneUnitWithoutCodes_IsAnErrorAtTheSecondNamingTheFirst()
    {
        var loaded = new TestWorkbook()
            .Sheet("Cá nhân",
                ["STT", "Họ và tên", "Xếp loại", "Năm"],
                ["I", "Văn phòng"],
                [1, "Nguyễn Văn An", "HTXSNV", 2024],
                [2, "Nguyễn văn an", "HTTNV", 2024],
                ["II", "Phòng Kế hoạch"],
                [1, "Nguyễn Văn An", "HTTNV", 2024],
                [2, null, "HTTNV", 2024])
            .Load();

        Assert.Equal(
        [
            "ban.xlsx:Cá nhân!B4 TDR241 'Nguyễn văn an (Văn phòng)' is a second person of that name in the same unit (Cá nhân!B3 is the first), and the sheet has no id column: add a column 'Mã cán bộ' to tell them apart",
            "ban.xlsx:Cá nhân!B7 TDR201 'Họ và tên' must be the person's full name (not empty), but is empty",
        ], loaded.Errors.Select(e => e.ToString()));
        Assert.Equal("'Nguyễn văn an (Văn phòng)' là người thứ hai cùng họ tên trong cùng đơn vị (người thứ nhất ở Cá nhân!B3), mà trang không có cột mã: hãy thêm cột 'Mã cán bộ' để phân biệt",
            loaded.Errors.First().Message(Language.Vi));
    }

    [Fact]
    public void Read_CsvWithNumberedHeadingsAndNoUnitColumn_TakesTheUnitsFromTheHeadings()
    {
        var loaded = ThiDua.Rules.Reporting.Reading.SpreadsheetDataLoader.LoadCsvText(
            "STT,Mã cán bộ,Họ và tên,Xếp loại,Năm\nI,,Văn phòng,,\n1,NV1,A,HTTNV,2024\n2,NV2,B,HTXSNV,2024\nII. Phòng Kế hoạch,,,,\n1,NV3,C,HTNV,2024\n", "ban.csv");

        Assert.Equal([("NV1", "Văn phòng"), ("NV2", "Văn phòng"), ("NV3", "Phòng Kế hoạch")], loaded.GetValueOrThrow().Individuals.Select(p => (p.Id, p.Unit!)));
        Assert.Equal(["TDR221", "TDR229"], loaded.Diagnostics.Select(d => d.Code.ToString()));
    }

    [Fact]
    public void Read_GroupHeadingsAboveAUnitColumn_LeaveEachPersonsUnit()
    {
        var data = new TestWorkbook()
            .Sheet("Cá nhân", ["STT", "Mã cán bộ", "Họ và tên", "Đơn vị", "Năm"], ["I", null, "KHỐI CƠ QUAN"], [1, "NV1", "A", "VP", 2024], ["II. KHỐI DOANH NGHIỆP"], [1, "NV2", "B", "DN1", 2024])
            .Load().GetValueOrThrow();

        Assert.Equal([("NV1", "VP"), ("NV2", "DN1")], data.Individuals.Select(p => (p.Id, p.Unit!)));
    }

    [Fact]
    public void Read_PersonWithOnlyANumberAndAName_IsNotAHeading()
    {
        // A Roman numeral or a letter numbers a heading; an Arabic one numbers a person, whose missing id is reported.
        var loaded = People("Cá nhân 2024", ["NV1", "A", "VP", "HTTNV"]).Sheet("Cá nhân", ["STT", "Mã cán bộ", "Họ và tên"], [1, null, "Nguyễn Văn B"]).Load();

        Assert.Equal("ban.xlsx:Cá nhân!B2 TDR201 'Mã cán bộ' must be an id (not empty), but is empty", Assert.Single(loaded.Errors).ToString());
    }

    [Fact]
    public void Check_ListWithoutCodes_EvaluatesEachPersonUnderTheMadeId()
    {
        var (error, _, individuals) = Check(ListWithoutCodes(), "ds-khong-ma.xlsx");

        Assert.Contains("TDR240 cảnh báo: trang 'DS khen thưởng' không có cột mã cán bộ", error, StringComparison.Ordinal);
        Assert.Equal(
            ["Lê Thị Cúc (Văn phòng Ban)", "Nguyễn Văn An (Phòng Kế hoạch)", "Nguyễn Văn An (Phòng Tổ chức – Hành chính)", "Trần Thị Bình (Phòng Tổ chức – Hành chính)"],
            individuals);
    }
}
