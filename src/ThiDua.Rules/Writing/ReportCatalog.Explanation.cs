namespace ThiDua.Rules.Writing;

/// <content>The words of explanations and comparisons: the renderer's values, statuses and outcomes, the criteria the
/// explanations name themselves (a prerequisite award, the quota), the quota's reasons, and explain's and diff's lines.</content>
internal static partial class ReportCatalog
{
    private static (string Key, string Vi, string En)[] ExplanationWords() =>
    [
        // Values, statuses and outcomes (ExplanationRenderer).
        ("explain.never", "chưa có", "never"),
        ("explain.no-data", "(không có dữ liệu)", "(no data)"),
        ("explain.yes", "có", "yes"),
        ("explain.no", "không", "no"),
        ("explain.required", "{0} — yêu cầu {1}", "{0} — required {1}"),
        ("explain.missing", "; thiếu dữ liệu: {0}", "; missing: {0}"),
        ("explain.gap-share", "cần thêm {0} trên {1}", "{0} more of {1} needed"),
        ("explain.gap-exceed", "cần vượt {0}", "must exceed {0}"),
        ("explain.gap-short", "còn thiếu {0}", "short by {0}"),
        ("explain.status-pass", "đạt", "pass"),
        ("explain.status-fail", "không đạt", "fail"),
        ("explain.status-unknown", "chưa đủ dữ liệu", "unknown"),
        ("explain.outcome-recommended", "đề nghị", "recommended"),
        ("explain.outcome-over-quota", "đủ tiêu chuẩn nhưng vượt chỉ tiêu", "eligible, over quota"),
        ("explain.outcome-insufficient-data", "chưa đủ dữ liệu", "insufficient data"),
        ("explain.outcome-not-eligible", "không đủ tiêu chuẩn", "not eligible"),

        // The criteria an explanation names itself (ExplanationBuilder).
        ("explain.prerequisite", "Đạt danh hiệu «{0}» trong năm", "Reached «{0}» this year"),
        ("explain.quota", "Trong chỉ tiêu (số lượng tối đa được đề nghị)", "Within the quota"),
        ("explain.quota-doubt", "Trong chỉ tiêu: {0}{1}", "Within the quota: {0}{1}"),
        ("explain.quota-doubt-places", "số suất {0}", "{0} places"),
        ("explain.quota-doubt-no-places", "chưa xác định được số suất", "the number of places cannot be decided"),
        ("explain.quota-doubt-order", "; thứ tự so với {0} phụ thuộc dữ liệu còn thiếu (có thể vượt hoặc bị vượt)", "; the order against {0} depends on missing values (either may displace the other)"),

        // Parameters in force (explain, diff).
        ("parameter.set-here", "đặt cho lần chạy này (--set)", "set for this run (--set)"),
        ("parameter.no-basis", "không ghi căn cứ", "no basis given"),
        ("parameter.from", "áp dụng từ {0}; {1}", "in force from {0}; {1}"),
        ("explain.parameters", "Tham số áp dụng (theo ngày {0}):", "Parameters in force (on {0}):"),
        ("explain.parameter", "  params.{0} = {1} — {2}", "  params.{0} = {1} — {2}"),

        // diff.
        ("diff.header", "So sánh: {0} → {1}; năm {2}", "Comparing: {0} → {1}; year {2}"),
        ("diff.parameters", "Tham số thay đổi:", "Changed parameters:"),
        ("diff.parameter", "  {0}: {1} → {2}", "  {0}: {1} → {2}"),
        ("diff.parameter-basis", "    căn cứ: {0} → {1}", "    basis: {0} → {1}"),
        ("diff.unset", "không đặt", "not set"),
        ("diff.undeclared", "không có", "absent"),
        ("diff.units", "Theo đơn vị — {0} ({1}): số đủ tiêu chuẩn, số suất, số được đề nghị (trước → sau)", "By unit — {0} ({1}): candidates, places, proposals (before → after)"),
        ("diff.unit-row", "  {0}: đủ tiêu chuẩn {1} → {2}; số suất {3} → {4}; đề nghị {5} → {6}", "  {0}: candidates {1} → {2}; places {3} → {4}; proposed {5} → {6}"),
        ("diff.no-places", "—", "—"),
        ("diff.targets", "Chỉ tiêu kế hoạch thay đổi:", "Plan targets that change:"),
        ("diff.target-row", "  {0} — {1} ({2}): {3} → {4}", "  {0} — {1} ({2}): {3} → {4}"),

        // The quota's reasons (QuotaReasons, CapLoss).
        ("quota.cut", "Trong chỉ tiêu: {0}{1}; xếp hạng", "Within the quota: {0}{1}; rank"),
        ("quota.computation", "tối đa {0} × {1} = {2} → {3} suất ({4})", "at most {0} × {1} = {2} → {3} place(s) ({4})"),
        ("quota.places", "tối đa {0} → {1} suất", "at most {0} → {1} place(s)"),
        ("quota.floor", "làm tròn xuống", "rounded down"),
        ("quota.ceiling", "làm tròn lên", "rounded up"),
        ("quota.nearest", "làm tròn", "rounded to the nearest"),
        ("quota.keys", "; thứ tự xét theo {0}", "; ranked by {0}"),
        ("quota.desc", "(cao trước)", "(highest first)"),
        ("quota.asc", "(thấp trước)", "(lowest first)"),
        ("quota.cap-loss", " (năm nay đủ tiêu chuẩn «{0}» nhưng vượt chỉ tiêu: chỉ vì giới hạn số lượng của năm nay)", " (this year «{0}» was met but fell outside its quota: lost only to this year's cap)"),
        ("quota.holders", "Các suất thuộc: {0}", "The places are held by: {0}"),
        ("quota.unset", "không đặt", "not set"),
        ("quota.override", "giá trị {0} đặt cho lần chạy này (--set)", "{0} set for this run (--set)"),
    ];
}
