namespace ThiDua.Rules.Writing;

internal static partial class ReportCatalog
{
    /// <summary>The console: the table of <c>check</c>, and the output of <c>explain</c>, <c>diff</c>, <c>test</c> and <c>record</c>.</summary>
    private static (string Key, string Vi, string En)[] ConsoleWords() =>
    [
        ("table.extends", " (kế thừa {0} {1})", " (extends {0} {1})"),
        ("table.year-as-of", "Năm {0}, tính đến {1}", "Year {0}, as of {1}"),
        ("table.id", "Mã", "Subject"),
        ("table.name", "Họ tên / Tên", "Name"),
        ("table.position", "Chức vụ", "Position"),
        ("table.unit", "Đơn vị", "Unit"),
        ("table.outcome", "Kết quả", "Outcome"),
        ("table.reasons", "Lý do", "Reasons"),
        ("table.near-miss", "{0} (suýt đạt)", "{0} (near miss)"),
        ("table.targets", "Chỉ tiêu kế hoạch", "Plan targets"),
        ("table.target", "Chỉ tiêu", "Target"),
        ("table.status", "Kết quả", "Status"),
        ("table.detail", "Chi tiết", "Detail"),
        // A result above TableReport.SummaryAbove subjects: counts per award and per unit, then the first rows.
        ("table.summary", "Tóm tắt: {0} cá nhân, {1} đơn vị — nhiều hơn {2} đối tượng nên bảng chỉ tóm tắt; dùng --format json, csv, xlsx hoặc html để có danh sách đầy đủ.",
            "Summary: {0} individuals, {1} units — more than {2} subjects, so the table is summarised; use --format json, csv, xlsx or html for the full list."),
        ("table.by-award", "Số lượng theo danh hiệu", "Counts per award"),
        ("table.by-unit", "Số lượng theo đơn vị (cá nhân)", "Counts per unit (individuals)"),
        ("table.first-units", "{0} đơn vị đầu tiên theo mã, trong tổng số {1}.", "The first {0} units by id, of {1}."),
        ("table.first-pairs", "Dưới đây là {0} dòng đầu tiên của danh sách (đã đánh giá {1} cặp đối tượng – danh hiệu).", "Below are the first {0} rows of the list ({1} subject–award pairs evaluated)."),
        ("table.first-rows", "{0} dòng đầu tiên của danh sách, trong tổng số {1}.", "The first {0} rows of the list, of {1}."),
        ("table.people", "Số cá nhân", "People"),
        ("table.proposed", "Được đề nghị", "Recommended"),
        ("table.hidden", "{0} trường hợp không đủ điều kiện không in (thêm --include all để in)", "{0} not-eligible pairs not listed (add --include all to list them)"),

        ("explain.header", "{0} — {1} {2}; năm {3}, tính đến {4}", "{0} — {1} {2}; year {3}, as of {4}"),
        ("explain.rank", " (hạng {0}/{1} suất)", " (rank {0}/{1} places)"),
        ("explain.basis", "Căn cứ: {0}", "Basis: {0}"),
        ("explain.no-subject", "không có đối tượng '{0}' trong dữ liệu", "no subject '{0}' in the data"),
        ("explain.no-award", "không có danh hiệu '{0}' áp dụng cho '{1}'", "no award '{0}' applies to '{1}'"),
        ("explain.did-you-mean", "; có phải là '{0}'?", "; did you mean '{0}'?"),

        ("diff.only-first", "  chỉ có ở bên thứ nhất: {0}", "  only in the first: {0}"),
        ("diff.only-second", "  chỉ có ở bên thứ hai: {0}", "  only in the second: {0}"),
        ("diff.award-changes", "{0} ({1}): {2} thay đổi", "{0} ({1}): {2} change(s)"),
        ("diff.absent", "(không có)", "(absent)"),
        ("diff.total", "Tổng: {0} thay đổi", "Total: {0} change(s)"),

        ("test.fail", "LỖI {0} {1}", "FAIL {0} {1}"),
        ("test.summary", "{0} đạt, {1} không đạt", "{0} passed, {1} failed"),
        ("test.does-not-compile", "bộ quy tắc không biên dịch được (xem các thông báo ở trên)", "the rule set does not compile (see the diagnostics)"),
        ("test.invalid-data", "dữ liệu thử không hợp lệ: {0}", "invalid test data: {0}"),
        ("test.invalid-vote", "phiếu bầu thử không hợp lệ: {0}", "invalid test ballot: {0}"),
        ("test.no-result", "{0}: {1} / {2}: không có kết quả xét cho cặp này", "{0}: {1} / {2}: no such result"),
        ("test.wrong-outcome", "{0}: {1} / {2}: cần {3}, kết quả là {4}", "{0}: {1} / {2}: expected {3}, got {4}"),
        ("test.reasons-failed", "không đạt: {0}", "failed: {0}"),
        ("test.reasons-undecided", "chưa xác định: {0}", "undecided: {0}"),
        ("test.reason-absent", "{0}: {1} / {2}: tiêu chí '{3}' phải giải thích kết quả nhưng danh hiệu không có tiêu chí này", "{0}: {1} / {2}: expected criterion '{3}' to explain the outcome, but it is absent"),
        ("test.reason-passed", "{0}: {1} / {2}: tiêu chí '{3}' phải giải thích kết quả nhưng tiêu chí này đạt", "{0}: {1} / {2}: expected criterion '{3}' to explain the outcome, but it passed"),
        ("test.wrong-council", "{0}: {1} / {2}: cần hội đồng {3}, kết quả là {4}", "{0}: {1} / {2}: expected the council's decision {3}, got {4}"),
        ("test.no-vote", "không có phiếu bầu", "no vote"),
        ("test.target-not-evaluated", "{0}: chỉ tiêu {1} của {2}: không được đánh giá (chỉ tiêu có áp dụng cho đơn vị này không?)", "{0}: target {1} on {2}: not evaluated (does the target apply to this unit?)"),
        ("test.wrong-target", "{0}: chỉ tiêu {1} của {2}: cần {3}, kết quả là {4}", "{0}: target {1} on {2}: expected {3}, got {4}"),
        ("test.target-pass", "đạt", "reached"),
        ("test.target-fail", "không đạt", "missed"),
        ("test.target-unknown", "chưa đủ dữ liệu", "undecided"),
        ("test.named", "{0} ('{1}')", "{0} ('{1}')"),

        ("record.recorded", "{0}: đã ghi năm {1}: {2} đối tượng, {3} danh hiệu, hình thức (quyết định {4})", "{0}: year {1} recorded: {2} subjects, {3} awards (decision {4})"),
        ("record.replaced", "{0}: đã ghi đè năm {1}: {2} đối tượng, {3} danh hiệu, hình thức (quyết định {4})", "{0}: year {1} replaced: {2} subjects, {3} awards (decision {4})"),
    ];
}
