namespace ThiDua.Rules.Writing;

internal static partial class ReportCatalog
{
    /// <summary>The command line's own lines that are not diagnostics: usage hints, summaries of <c>validate</c> and <c>import-rulesengine</c>, internal errors.</summary>
    private static (string Key, string Vi, string En)[] CommandLineWords() =>
    [
        ("cli.help-hint", "Chạy 'thidua --help' (hoặc 'thidua LỆNH --help') để xem cách dùng.", "Run 'thidua --help' (or 'thidua COMMAND --help') for usage."),
        ("cli.internal-error", "lỗi nội bộ: {0}", "internal error: {0}"),
        ("cli.internal-error-hint", "Hãy chạy lại với --verbose để xem chi tiết, và báo lỗi kèm dữ liệu đầu vào gây ra lỗi.", "Run again with --verbose for details, and report it with the input that caused it."),
        ("cli.file-failed", "không đọc hoặc ghi được tệp: {0}", "a file cannot be read or written: {0}"),
        ("cli.file-failed-at", "không đọc hoặc ghi được tệp '{0}': {1}", "the file '{0}' cannot be read or written: {1}"),
        ("cli.output-failed", "không ghi được kết quả: {0}", "could not write the output: {0}"),
        ("cli.timing", "thidua: {0}: {1} giây", "thidua: {0}: {1} s"),
        ("cli.timing-read", "đã đọc và kiểm tra quy tắc và dữ liệu ({0} cá nhân, {1} đơn vị)", "rules and data read and checked ({0} individuals, {1} units)"),
        ("cli.timing-evaluated", "đã xét", "evaluated"),
        ("cli.timing-written", "đã ghi kết quả", "written"),
        ("cli.progress", "{0} đối tượng", "{0} subjects"),
        ("cli.validate-summary", "{0} tệp quy tắc: {1} lỗi, {2} cảnh báo", "{0} rule file(s): {1} error(s), {2} warning(s)"),
        ("cli.import-unusable", "không dùng được tệp quy trình (workflow) RulesEngine '{0}': {1}", "cannot use RulesEngine workflow file '{0}': {1}"),
        ("cli.import-not-translated", "không dịch được: {0}: {1}", "not translated: {0}: {1}"),
        ("cli.import-note", "lưu ý: {0}: {1}", "note: {0}: {1}"),
        ("cli.import-replaces", "{0}: lưu ý: danh hiệu '{1}' trùng mã với danh hiệu của bộ quy tắc cơ sở nên thay thế danh hiệu đó; đổi mã nếu muốn thêm danh hiệu riêng", "{0}: note: award '{1}' has the id of an award of the base rule set and replaces it; rename it to add a local award instead"),
        ("cli.import-written", "{0}: đã ghi; {1} biểu thức không dịch được (các danh hiệu đó chạy thêm chính quy trình); bổ sung căn cứ pháp lý cho mọi danh hiệu và tiêu chí", "{0}: written; {1} expression(s) not translated (those awards also run the workflow); add the legal basis of every award and criterion"),
    ];
}
