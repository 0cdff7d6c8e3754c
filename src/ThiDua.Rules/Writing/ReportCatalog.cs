using System.Collections.Frozen;
using System.Globalization;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Writing;

/// <summary>
/// Every word the reports print, in one catalog, Vietnamese and English, by key: the HTML report, the XLSX workbook,
/// the CSV headers and outcome words, the console table, the council's documents and the output of <c>thidua test</c>,
/// <c>explain</c>, <c>diff</c> and <c>record</c>, <c>thidua template</c> with the workbook it writes, and the words of
/// explanations (values, statuses, outcomes, the quota's reasons). Diagnostics have their own catalog (<see cref="DiagnosticCatalog"/>).
/// Every stage may use it: it belongs to the kernel, whatever its folder.
/// </summary>
/// <remarks>
/// Templates take <c>{0}</c>, <c>{1}</c>… and are formatted with the invariant culture (numbers and dates are formatted
/// by the caller, in the report's culture). An unknown key is a programming error: <see cref="KeyNotFoundException"/>,
/// caught by the tests that write every report in both languages. Immutable and thread-safe.
/// </remarks>
internal static partial class ReportCatalog
{
    private static readonly FrozenDictionary<string, (string Vi, string En)> Words = Build();

    /// <summary>Every key, for the catalog tests.</summary>
    public static IEnumerable<string> Keys => Words.Keys;

    /// <summary>The word or template with key <paramref name="key"/> in <paramref name="language"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such key.</exception>
    public static string Get(string key, Language language)
    {
        var entry = Words[key];
        return language == Language.En ? entry.En : entry.Vi;
    }

    /// <summary>The template with key <paramref name="key"/> in <paramref name="language"/>, with its arguments.</summary>
    /// <exception cref="KeyNotFoundException">No such key.</exception>
    public static string Format(string key, Language language, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

    /// <summary>Whether the catalog has <paramref name="key"/>.</summary>
    public static bool Contains(string key) => Words.ContainsKey(key);

    /// <summary>Both texts of a key.</summary>
    internal static (string Vi, string En) Entry(string key) => Words[key];

    private static FrozenDictionary<string, (string Vi, string En)> Build()
    {
        var words = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (key, vi, en) in CommonWords().Concat(ReportWords()).Concat(ConsoleWords()).Concat(DocumentWords()).Concat(TemplateWords()).Concat(CommandLineWords()).Concat(DescribeWords()).Concat(ExplanationWords()).Concat(HelpWords()))
        {
            // A key declared twice is a programming error that the type initialiser reports at once.
            words.Add(key, (vi, en));
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The HTML report, the XLSX workbook and the CSV file.</summary>
    private static (string Key, string Vi, string En)[] ReportWords() =>
    [
        ("report.a-collective-awards", "A. Khen thưởng tập thể", "A. Collective awards"),
        ("report.about", "Thông tin", "About"),
        ("report.achievement", "Mức thực hiện", "Achievement"),
        ("report.actual", "Thực tế", "Actual"),
        ("report.as-of", "Tính đến ngày", "As of"),
        ("report.award", "Danh hiệu, hình thức khen thưởng", "Award"),
        ("report.award-short", "Danh hiệu", "Award"),
        ("report.b-individual-awards", "B. Khen thưởng cá nhân", "B. Individual awards"),
        ("report.badge-recommended", "đề nghị", "recommended"),
        ("report.based-on", "Kế thừa", "Based on"),
        ("report.basis", "Căn cứ", "Basis"),
        ("report.basis-prefix", "Căn cứ: ", "Basis: "),
        ("report.by-award", "Theo danh hiệu", "By award"),
        ("report.cluster", "Cụm, khối", "Cluster"),
        ("report.collective", "Tên tập thể", "Collective"),
        ("report.council", "Hội đồng Thi đua – Khen thưởng", "Emulation and Commendation Council"),
        ("report.data-of", "Số liệu năm ", "Data of "),
        ("report.detail", "Chi tiết", "Detail"),
        ("report.due", "Hạn: ", "Due: "),
        ("report.due-title", "Hạn", "Due"),
        ("report.footer-as-of", "tính đến ", "as of "),
        ("report.footer-based-on", ", kế thừa ", ", based on "),
        ("report.footer-data-as-of", " tính đến ngày ", " as of "),
        ("report.footer-data-of", ", dữ liệu năm ", ", data of "),
        ("report.footer-disclaimer", "Kết quả đối chiếu tiêu chuẩn là tài liệu giúp Hội đồng Thi đua – Khen thưởng xem xét; danh sách đề nghị chính thức do Hội đồng quyết định.", "The check supports the council's deliberation; the council decides the official list."),
        ("report.footer-written-by", "Báo cáo do ThiDua.Rules lập từ bộ quy tắc ", "Written by ThiDua.Rules from rule set "),
        ("report.for", "Đối tượng", "For"),
        ("report.html-title", "Báo cáo xét thi đua, khen thưởng năm {0}", "Emulation and commendation review report, {0}"),
        ("report.id", "Mã", "Id"),
        ("report.id-version", "Mã, phiên bản", "Id, version"),
        ("report.insufficient-data", "Chưa đủ dữ liệu", "Insufficient data"),
        ("report.item", "Mục", "Item"),
        ("report.lead-insufficient", "Các trường hợp không có tiêu chuẩn nào bị trượt nhưng còn tiêu chuẩn chưa xác định được vì thiếu dữ liệu. Bổ sung các giá trị dưới đây rồi chạy lại.", "Cases where no criterion fails but some cannot be decided for missing data. Supply the values below and run again."),
        ("report.lead-not-eligible", "Mỗi trường hợp kèm các tiêu chuẩn không đạt (✗) hoặc chưa xác định được (?) và căn cứ pháp lý của từng tiêu chuẩn.", "Each case lists the criteria that failed (✗) or could not be decided (?), with the legal basis of each."),
        ("report.listed", "Phạm vi", "Listed"),
        ("report.listed-all", "mọi cặp đối tượng – danh hiệu", "every (subject, award) pair"),
        ("report.listed-decided", "các trường hợp đã xét (không liệt kê trường hợp chỉ vì chưa đạt danh hiệu tiền đề)", "decided pairs (not those failing only a prerequisite award)"),
        ("report.listed-decided-short", "các trường hợp đã xét (không gồm trường hợp chỉ thiếu danh hiệu tiền đề)", "decided pairs (not those failing only a prerequisite award)"),
        ("report.masthead-as-of", ", tính đến ngày ", ", as of "),
        ("report.max", "tối đa ", "max "),
        ("report.missing", "Thiếu dữ liệu: ", "Missing: "),
        ("report.missing-values", "Dữ liệu còn thiếu", "Missing values"),
        ("report.name", "Họ và tên", "Name"),
        ("report.name-or-title", "Họ tên / Tên", "Name"),
        ("report.no-case-is-ineligible", "Không có trường hợp nào không đủ điều kiện.", "No case is ineligible."),
        ("report.no-case-lacks-data", "Không có trường hợp nào thiếu dữ liệu.", "No case lacks data."),
        ("report.no-targets", "Bộ quy tắc không đặt chỉ tiêu kế hoạch nào.", "The rule set sets no plan targets."),
        ("report.no-unit", "(không thuộc đơn vị nào)", "(no unit)"),
        ("report.nobody-is-recommended", "Không có trường hợp nào được đề nghị.", "Nobody is recommended."),
        ("report.nominations", "Danh sách đề nghị khen thưởng", "Nominations"),
        ("report.none-recommended", "Không có trường hợp đủ tiêu chuẩn đề nghị.", "No one qualifies for a recommendation."),
        ("report.not-eligible", "Không đủ điều kiện", "Not eligible"),
        ("report.note-prerequisite", "Số không đủ điều kiện không tính các trường hợp chỉ vì chưa đạt danh hiệu tiền đề (ví dụ chưa đạt Lao động tiên tiến).", "Not-eligible counts leave out pairs that fail only because a prerequisite award was not reached."),
        ("report.note-unit-columns", "Số trong ngoặc là số thứ tự danh hiệu ở bảng 1. Cá nhân tính cho đơn vị công tác; tập thể tính cho chính đơn vị đó.", "Column numbers refer to table 1. Individuals count for their unit; a collective counts for itself."),
        ("report.notes-on-the-data", "Ghi chú về dữ liệu", "Notes on the data"),
        ("report.number", "STT", "No."),
        ("report.achievement-caption", "đạt {0} mức yêu cầu", "{0} of the requirement"),
        ("report.targets-lead", "Đạt {0}, không đạt {1}, chưa đủ dữ liệu {2} trên tổng số {3} chỉ tiêu (tính theo từng đơn vị).", "{0} reached, {1} missed, {2} undecided, of {3} (per unit)."),
        ("report.over-quota", "Vượt chỉ tiêu", "Over quota"),
        ("report.over-quota-line", "Đủ tiêu chuẩn nhưng ngoài số lượng tối đa (không đề nghị):", "Eligible but over the quota (not recommended):"),
        ("report.page", "Trang ", "Page "),
        ("report.places", "Số suất", "Places"),
        ("report.plan-targets", "Chỉ tiêu kế hoạch", "Plan targets"),
        ("report.points", "Điểm", "Score"),
        ("report.proposed-instead", "Đề nghị hình thức cao hơn", "Proposed instead"),
        ("report.rank", "Hạng", "Rank"),
        ("report.rank-places", "Xếp hạng / số suất", "Rank / places"),
        ("report.reached", "đạt", "reached"),
        ("report.reason", "Lý do", "Reason"),
        ("report.reasons", "Lý do", "Reasons"),
        ("report.reasons-and-basis", "Lý do không đạt và căn cứ", "Reasons and basis"),
        ("report.recommendations-by-unit", "Số đề nghị theo đơn vị", "Recommendations by unit"),
        ("report.recommended", "Đề nghị", "Recommended"),
        ("report.required", "yêu cầu ", "required "),
        ("report.required-title", "Yêu cầu", "Required"),
        ("report.rule-set", "Bộ quy tắc", "Rule set"),
        ("report.score", "Tổng điểm", "Score"),
        ("report.scores", "Điểm thi đua", "Scores"),
        ("report.scoring-table", "Bảng điểm", "Scoring table"),
        ("report.sheet-recommended", "Đề nghị khen thưởng", "Recommended"),
        ("report.sheet-scores", "Điểm", "Scores"),
        ("report.status", "Kết quả", "Status"),
        ("report.subject", "Đối tượng", "Subject"),
        ("report.subtitle", "Kết quả đối chiếu tiêu chuẩn danh hiệu thi đua, hình thức khen thưởng", "Results of checking the criteria of emulation titles and commendation forms"),
        ("report.sum", "Cộng", "Total"),
        ("report.summary", "Tổng hợp kết quả", "Summary"),
        ("report.superseded", "Đã có hình thức cao hơn", "Superseded"),
        ("report.superseded-line", "Đủ tiêu chuẩn nhưng được đề nghị hình thức cao hơn (một thành tích, một hình thức): ", "Eligible but proposed for a higher form (one achievement, one form): "),
        ("report.target", "Chỉ tiêu", "Target"),
        ("report.targets", "Chỉ tiêu", "Targets"),
        ("report.targets-reached", "chỉ tiêu đạt", "targets reached"),
        ("report.the-data-has-no-units", "Dữ liệu không có đơn vị.", "The data has no units."),
        ("report.title-name", "Tên", "Name"),
        ("report.total", "Tổng", "Total"),
        ("report.undecided-criteria", "Tiêu chí chưa xác định được", "Undecided criteria"),
        ("report.undecided-criteria-short", "Tiêu chí chưa xác định", "Undecided criteria"),
        ("report.unit", "Đơn vị", "Unit"),
        ("report.value", "Giá trị", "Value"),
        ("report.version", "phiên bản", "version"),
        ("report.version-prefix", "phiên bản ", "version "),
        ("report.version-title", "Phiên bản", "Version"),
        ("report.written-by", "Lập bởi", "Written by"),
        ("report.year", "Năm xét", "Year"),
    ];
}
