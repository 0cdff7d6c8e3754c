namespace ThiDua.Rules.Writing;

internal static partial class ReportCatalog
{
    /// <summary>
    /// <c>thidua template</c>: the command's own lines, and the words of the workbook it writes (the help of each column,
    /// the prompts and error texts of its drop-down lists, the information and instructions sheets). The sheet names and
    /// the column headers are not here: they are the reader's vocabulary (<c>Cá nhân</c>, <c>Mã cán bộ</c>), the same in
    /// both languages, so that a template filled in either is read alike.
    /// </summary>
    private static (string Key, string Vi, string En)[] TemplateWords() =>
    [
        ("template.out-not-xlsx", "--out: mẫu là bảng tính Excel: đặt tên tệp có đuôi .xlsx, không phải '{0}'", "--out: the template is an Excel workbook: name it .xlsx, not '{0}'"),
        ("template.bad-as-of", "--as-of: '{0}' không phải là ngày: hãy ghi YYYY-MM-DD (hoặc dd/MM/yyyy)", "--as-of: '{0}' is not a date: write YYYY-MM-DD (or dd/MM/yyyy)"),
        ("template.bad-year", "--year: '{0}' không phải là năm từ {1} đến {2}", "--year: '{0}' is not a year from {1} to {2}"),
        ("template.year-conflict", "--year {0} và --as-of {1} khác năm: chỉ cần ghi một trong hai", "--year {0} and --as-of {1} are different years: give one of the two"),
        ("template.written", "{0}: đã ghi mẫu bảng tính cho {1}, năm {2}, tính đến ngày {3} ({4})", "{0}: template for {1} written, year {2}, as of {3} ({4})"),
        ("template.from-as-of", "theo --as-of", "from --as-of"),
        ("template.from-year", "theo --year", "from --year"),
        ("template.from-rules", "theo phiên bản {0} của bộ quy tắc; chọn năm khác bằng --year hoặc --as-of", "from the rule set's version {0}; choose another year with --year or --as-of"),

        ("template.help-id-individual", "Mã của người, bắt buộc, không trùng (ví dụ NV001)", "The person's code: required, unique (such as NV001)"),
        ("template.help-id-unit", "Mã của đơn vị, bắt buộc, không trùng (ví dụ VP); cột 'Đơn vị' của trang Cá nhân ghi mã này",
            "The unit's code: required, unique (such as VP); the column 'Đơn vị' of the sheet Cá nhân holds this code"),
        ("template.help-unit", "Mã đơn vị (chọn trong danh sách: các mã ở trang Đơn vị)", "The unit's code (chosen from the list: the codes of the sheet Đơn vị)"),
        ("template.help-parent", "Mã của đơn vị cấp trên; để trống nếu là đơn vị gốc", "The code of the unit above; blank for a unit at the top"),
        ("template.help-rating", "Xếp loại chất lượng năm {0}: {1}; để trống nếu chưa đánh giá", "The quality rating of {0}: {1}; blank if not rated yet"),
        ("template.help-employee-type", "Công chức, Viên chức hoặc Người lao động", "Công chức (civil servant), Viên chức (public employee) or Người lao động (worker)"),
        ("template.help-kind", "Đơn vị hoặc Doanh nghiệp; để trống là Đơn vị", "Đơn vị (unit) or Doanh nghiệp (enterprise); blank is Đơn vị"),
        ("template.help-pending-review", "có nếu đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra; để trống là không",
            "có (yes) if under disciplinary review, investigation, inspection or audit; blank is no"),
        ("template.help-works", "Mỗi công trình một mục, cách nhau bằng dấu ';': cấp, ngày công nhận: tên (ví dụ 'co-so 15/10/2024: Số hóa hồ sơ'); cấp: co-so, tinh, toan-quoc",
            "One item per work, separated by ';': scope, date recognised: name (such as 'co-so 15/10/2024: Số hóa hồ sơ'); scopes: co-so, tinh, toan-quoc"),
        ("template.help-date", "Ngày dạng dd/MM/yyyy (ví dụ 15/03/2015)", "A date dd/MM/yyyy (such as 15/03/2015)"),
        ("template.help-number", "Số từ {0} đến {1}", "A number from {0} to {1}"),
        ("template.help-yes-no", "có hoặc không", "có (yes) or không (no)"),
        ("template.help-text", "Văn bản", "Text"),
        ("template.help-discipline", "Hình thức kỷ luật trong năm (chọn trong danh sách); để trống nếu không bị kỷ luật", "The discipline of the year (chosen from the list); blank if none"),
        ("template.help-discipline-date", "Ngày quyết định kỷ luật, dd/MM/yyyy", "The date of the discipline decision, dd/MM/yyyy"),
        ("template.help-discipline-end", "Ngày hết thời hạn kỷ luật, dd/MM/yyyy", "The date the discipline ends, dd/MM/yyyy"),
        ("template.help-fact-yes-no", "{0}: có hoặc không; để trống là chưa có dữ liệu", "{0}: có (yes) or không (no); blank is no data yet"),
        ("template.help-fact-number", "{0}: một số", "{0}: a number"),
        ("template.help-fact-date", "{0}: ngày dd/MM/yyyy", "{0}: a date dd/MM/yyyy"),
        ("template.help-fact-scale", "{0}: {1}", "{0}: {1}"),
        ("template.help-history-rating", "Xếp loại chất lượng năm {0}: {1}", "The quality rating of {0}: {1}"),
        ("template.help-history-awards", "Các danh hiệu, hình thức khen thưởng năm {0}, cách nhau bằng dấu ';' (ví dụ 'LĐTT; CSTĐCS' hoặc 'lao-dong-tien-tien; bang-khen-cap-tinh (20/05/{0})')",
            "The titles and awards of {0}, separated by ';' (such as 'LĐTT; CSTĐCS' or 'lao-dong-tien-tien; bang-khen-cap-tinh (20/05/{0})')"),

        ("template.invalid-value", "Giá trị không hợp lệ", "Invalid value"),
        ("template.choose-from-list", "Chọn một giá trị trong danh sách.", "Choose a value from the list."),
        ("template.enter-number", "Nhập một số từ {0} đến {1}.", "Enter a number from {0} to {1}."),
        ("template.invalid-date", "Ngày không hợp lệ", "Invalid date"),
        ("template.enter-date", "Nhập ngày dạng dd/MM/yyyy, ví dụ 15/03/2015.", "Enter a date dd/MM/yyyy, such as 15/03/2015."),

        ("template.agency", "Cơ quan", "Agency"),
        ("template.rule-set", "Bộ quy tắc", "Rule set"),
        ("template.instructions-title", "HƯỚNG DẪN ĐIỀN BẢNG TÍNH", "HOW TO FILL IN THIS WORKBOOK"),
        ("template.how-to-use", "Cách dùng", "How to use"),
        ("template.how-to-use-text",
            "Mỗi người một dòng ở trang 'Cá nhân', mỗi đơn vị một dòng ở trang 'Đơn vị'; năm đánh giá {0} và ngày tính ở trang 'Thông tin'. Không đổi tên tiêu đề cột; có thể xóa cột không dùng. Ô để trống là chưa có dữ liệu (không phải 'không'): tiêu chuẩn cần giá trị đó sẽ là 'chưa đủ dữ liệu'.",
            "One row per person on the sheet 'Cá nhân', one row per unit on the sheet 'Đơn vị'; the evaluated year {0} and the as-of date on the sheet 'Thông tin'. Do not rename the column headers; columns not used may be deleted. A blank cell is missing data (not 'no'): a criterion that needs it is then 'insufficient data'."),
        ("template.checking", "Kiểm tra", "Checking"),
        ("template.check-command", "thidua check --rules <thư mục quy tắc> --data <tệp này>.xlsx", "thidua check --rules <rules folder> --data <this file>.xlsx"),
        ("template.sheet-individuals", "TRANG 'CÁ NHÂN'", "SHEET 'CÁ NHÂN'"),
        ("template.sheet-units", "TRANG 'ĐƠN VỊ'", "SHEET 'ĐƠN VỊ'"),
    ];
}
