using System.Collections.Frozen;

namespace ThiDua.Rules.Validation;

/// <content>The codes of workbooks as clerks keep them: merged cells, skipped rows, guesses, the evaluated year, units by name.</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR220</c> (error): the sheet has more than {0} merged cell ranges.</summary>
    public static readonly DiagnosticCode SheetTooManyMergedRanges = new(220);

    /// <summary><c>TDR221</c> (info): rows that are not {0} are not read: totals {1}; signature block {2}; group headings {3}; blank {4}.</summary>
    public static readonly DiagnosticCode SheetRowsSkipped = new(221);

    /// <summary><c>TDR222</c> (warning): the sheet '{0}' is not read: it has no header row of individuals (a column 'Mã cán bộ') or of units (a column 'Mã đơn vị' or 'Tên đơn vị').</summary>
    public static readonly DiagnosticCode SheetNotRead = new(222);

    /// <summary><c>TDR223</c> (warning): '{0}': {1} is read as {2}, a guess: write {2} if that is right.</summary>
    public static readonly DiagnosticCode SheetCellGuess = new(223);

    /// <summary><c>TDR224</c> (error): '{0}': {1} is ambiguous: write {2}.</summary>
    public static readonly DiagnosticCode SheetAmbiguousCell = new(224);

    /// <summary><c>TDR225</c> (info): the evaluated year {0} is taken from {1} '{2}'.</summary>
    public static readonly DiagnosticCode SheetYearSource = new(225);

    /// <summary><c>TDR226</c> (info): '{0}' holds unit names, not codes: each is matched to a unit by its name (ignoring case and spacing).</summary>
    public static readonly DiagnosticCode SheetUnitsMatchedByName = new(226);

    /// <summary><c>TDR227</c> (error): {0} is the rating of the evaluated year {1} and says {2}, but {3} says {4}: keep one of the two columns.</summary>
    public static readonly DiagnosticCode SheetRatingConflict = new(227);

    /// <summary><c>TDR228</c> (info): the units sheet '{0}' has no unit code column: each unit is identified by its name.</summary>
    public static readonly DiagnosticCode SheetUnitsWithoutCodes = new(228);

    /// <summary><c>TDR229</c> (info): the sheet '{0}' has no unit column: each person's unit is the group heading above them ({1}).</summary>
    public static readonly DiagnosticCode SheetUnitsFromHeadings = new(229);

    /// <summary><c>TDR240</c> (warning): the sheet '{0}' has no id column: each person is identified by name and unit, as '{1}'; add a column 'Mã cán bộ' to keep ids the same from year to year.</summary>
    public static readonly DiagnosticCode SheetIdsFromNames = new(240);

    /// <summary><c>TDR241</c> (error): '{0}' is a second person named so in the same unit ({1} is the first), and the sheet has no id column: add a column 'Mã cán bộ' to tell them apart.</summary>
    public static readonly DiagnosticCode SheetDuplicateNameWithoutIds = new(241);
}

/// <content>The templates of the codes above, and the terms their arguments use.</content>
internal static partial class DiagnosticCatalog
{
    // A property, not a field: see LimitEntries.
    private static DiagnosticTemplate[] WorkbookEntries =>
    [
        new(DiagnosticCodes.SheetTooManyMergedRanges, "SheetTooManyMergedRanges", Severity.Error, "trang tính có hơn {0} vùng ô gộp", "the sheet has more than {0} merged cell ranges"),
        new(DiagnosticCodes.SheetRowsSkipped, "SheetRowsSkipped", Severity.Info,
            "các dòng không phải {0} nên không được đọc: dòng tổng cộng {1}; khối chữ ký {2}; dòng tiêu đề nhóm {3}; dòng trống {4}",
            "rows that are not {0} are not read: totals {1}; signature block {2}; group headings {3}; blank {4}"),
        new(DiagnosticCodes.SheetNotRead, "SheetNotRead", Severity.Warning,
            "trang '{0}' không được đọc: không có dòng tiêu đề của danh sách cá nhân (cột 'Mã cán bộ') hay đơn vị (cột 'Mã đơn vị' hoặc 'Tên đơn vị')",
            "the sheet '{0}' is not read: it has no header row of individuals (a column 'Mã cán bộ') or of units (a column 'Mã đơn vị' or 'Tên đơn vị')"),
        new(DiagnosticCodes.SheetCellGuess, "SheetCellGuess", Severity.Warning, "ô '{0}': {1} được hiểu là {2} (đoán): nếu đúng, hãy ghi {2}", "'{0}': {1} is read as {2}, a guess: write {2} if that is right"),
        new(DiagnosticCodes.SheetAmbiguousCell, "SheetAmbiguousCell", Severity.Error, "ô '{0}': {1} không rõ nghĩa: hãy ghi {2}", "'{0}': {1} is ambiguous: write {2}"),
        new(DiagnosticCodes.SheetYearSource, "SheetYearSource", Severity.Info, "năm đánh giá {0} được lấy từ {1} '{2}'", "the evaluated year {0} is taken from {1} '{2}'"),
        new(DiagnosticCodes.SheetUnitsMatchedByName, "SheetUnitsMatchedByName", Severity.Info,
            "cột '{0}' ghi tên đơn vị, không phải mã: mỗi tên được khớp với đơn vị cùng tên (không phân biệt hoa thường, khoảng trắng)",
            "'{0}' holds unit names, not codes: each is matched to a unit by its name (ignoring case and spacing)"),
        new(DiagnosticCodes.SheetRatingConflict, "SheetRatingConflict", Severity.Error,
            "ô {0} là xếp loại của năm đánh giá {1} và ghi {2}, nhưng ô {3} ghi {4}: chỉ giữ một trong hai cột",
            "{0} is the rating of the evaluated year {1} and says {2}, but {3} says {4}: keep one of the two columns"),
        new(DiagnosticCodes.SheetUnitsWithoutCodes, "SheetUnitsWithoutCodes", Severity.Info,
            "trang đơn vị '{0}' không có cột mã đơn vị: mỗi đơn vị được nhận theo tên",
            "the units sheet '{0}' has no unit code column: each unit is identified by its name"),
        new(DiagnosticCodes.SheetUnitsFromHeadings, "SheetUnitsFromHeadings", Severity.Info,
            "trang '{0}' không có cột đơn vị: đơn vị của mỗi người là dòng tiêu đề nhóm phía trên ({1})",
            "the sheet '{0}' has no unit column: each person's unit is the group heading above them ({1})"),
        new(DiagnosticCodes.SheetIdsFromNames, "SheetIdsFromNames", Severity.Warning,
            "trang '{0}' không có cột mã cán bộ: mỗi người được nhận theo họ tên và đơn vị, ví dụ '{1}'; hãy thêm cột 'Mã cán bộ' để mã không đổi từ năm này sang năm khác",
            "the sheet '{0}' has no id column: each person is identified by name and unit, as '{1}'; add a column 'Mã cán bộ' to keep ids the same from year to year"),
        new(DiagnosticCodes.SheetDuplicateNameWithoutIds, "SheetDuplicateNameWithoutIds", Severity.Error,
            "'{0}' là người thứ hai cùng họ tên trong cùng đơn vị (người thứ nhất ở {1}), mà trang không có cột mã: hãy thêm cột 'Mã cán bộ' để phân biệt",
            "'{0}' is a second person of that name in the same unit ({1} is the first), and the sheet has no id column: add a column 'Mã cán bộ' to tell them apart"),
    ];

    /// <summary>The Vietnamese of the terms the workbook readers pass as arguments (what to write instead, where a year came from).</summary>
    private static readonly FrozenDictionary<string, string> WorkbookTerms = new Dictionary<string, string>
    {
        ["individuals"] = "cá nhân", ["units"] = "đơn vị", ["none"] = "không có",
        ["the title"] = "tiêu đề", ["the sheet name"] = "tên trang", ["the as-of date (--as-of)"] = "ngày tính (--as-of)",
        ["the full date, such as 01/03/2014"] = "ngày đầy đủ, ví dụ 01/03/2014",
        ["a rating: HTXSNV, HTTNV, HTNV or KHTNV (or 'Chưa đánh giá' for none)"] = "một mức xếp loại: HTXSNV, HTTNV, HTNV hoặc KHTNV (hoặc 'Chưa đánh giá' nếu chưa có)",
        ["one value per cell"] = "mỗi ô một giá trị",
        ["the person's full name (not empty)"] = "họ và tên của người (không để trống)",
        ["the package has no [Content_Types].xml part"] = "gói thiếu phần [Content_Types].xml",
        ["the file is not a zip package, or it is damaged"] = "tệp không phải gói zip, hoặc đã hỏng",
        ["a part of the workbook is not well-formed XML"] = "một phần của bảng tính không phải XML hợp lệ",
        ["the package is not an Office Open XML workbook, or it is damaged"] = "gói không phải bảng tính Office Open XML, hoặc đã hỏng",
        ["the workbook has no sheets"] = "bảng tính không có trang nào",
        ["a relationship of the package points at a part that is not in it"] = "một liên kết trong gói trỏ tới phần không có trong gói",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
