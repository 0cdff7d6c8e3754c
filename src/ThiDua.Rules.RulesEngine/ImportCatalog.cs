using System.Collections.Frozen;
using System.Globalization;

namespace ThiDua.Rules.RulesEngine;

/// <summary>
/// The words of the RulesEngine companion, declared once with their Vietnamese and English text (as the core's
/// catalogs are): why a workflow file cannot be read, the importer's notes, and the Vietnamese texts the importer writes
/// into a rule file (names and the missing legal basis). Nothing is built from English and Vietnamese pieces elsewhere.
/// </summary>
internal static class ImportCatalog
{
    private static readonly (string Key, string Vi, string En)[] Entries =
    [
        // Why a workflow file cannot be read.
        ("file.not-workflow-object", "mỗi quy trình phải là một đối tượng JSON có WorkflowName và Rules", "a workflow must be a JSON object with WorkflowName and Rules"),
        ("file.workflow-members", "quy trình phải có WorkflowName (văn bản) và Rules (mảng)", "a workflow must have WorkflowName (text) and Rules (an array)"),
        ("file.rule-object", "mỗi quy tắc phải là một đối tượng JSON có RuleName (văn bản)", "a rule must be a JSON object with RuleName (text)"),
        ("file.expression-text", "Expression phải là văn bản", "Expression must be text"),

        // The importer's notes.
        ("note.global-params", "không dịch GlobalParams và WorkflowsToInject", "GlobalParams and WorkflowsToInject are not translated"),
        ("note.local-params", "không dịch LocalParams", "LocalParams are not translated"),
        ("note.no-expression", "quy tắc không có Expression", "the rule has no Expression"),
        ("note.bad-character", "không dịch được ký tự này", "this character cannot be translated"),
        ("note.after-member", "không dịch được '{0}' sau input1.{1} (gọi phương thức hoặc truy cập thành viên)", "'{0}' after input1.{1} (a method call or member access) cannot be translated"),
        ("note.fact-declared", "input1.{0} được khai báo là dữ kiện kiểu {1}: kiểm tra kiểu và thêm nhãn tiếng Việt", "input1.{0} is declared as a fact of type {1}: check its type and add a Vietnamese label"),
        ("note.untranslatable", "không dịch được '{0}' (chỉ dịch được các thành viên của input1, hằng và phép toán)", "'{0}' cannot be translated (only input1's members, literals and operators can)"),

        // What the importer writes into the rule file (rule files are written in Vietnamese).
        ("rule.source", "quy trình RulesEngine '{0}' ({1})", "RulesEngine workflow '{0}' ({1})"),
        ("rule.criterion-basis", "Chưa có căn cứ pháp lý: quy tắc '{0}' của {1} — bổ sung điều, khoản, điểm trước khi sử dụng", "No legal basis yet: rule '{0}' of {1} — add the article, clause and point before use"),
        ("rule.workflow-name", "Mọi quy tắc của quy trình '{0}' đều đạt (các quy tắc không dịch được)", "Every rule of workflow '{0}' passes (the rules that could not be translated)"),
        ("rule.workflow-basis", "Chưa có căn cứ pháp lý: {0} — bổ sung điều, khoản, điểm trước khi sử dụng", "No legal basis yet: {0} — add the article, clause and point before use"),
        ("rule.award-basis", "Chưa có căn cứ pháp lý: nhập từ {0} — bổ sung điều, khoản trước khi sử dụng", "No legal basis yet: imported from {0} — add the article and clause before use"),
        ("rule.file-name", "Nhập từ quy trình RulesEngine {0}", "Imported from RulesEngine workflow {0}"),
    ];

    private static readonly FrozenDictionary<string, (string Vi, string En)> ByKey = Entries.ToFrozenDictionary(e => e.Key, e => (e.Vi, e.En), StringComparer.Ordinal);

    /// <summary>Every entry, for the catalog tests.</summary>
    internal static IReadOnlyList<(string Key, string Vi, string En)> All => Entries;

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, with its arguments.</summary>
    /// <exception cref="KeyNotFoundException">No such key.</exception>
    internal static string Format(string key, Language language, params object?[] arguments)
    {
        var (vi, en) = ByKey[key];
        return string.Format(CultureInfo.InvariantCulture, language == Language.En ? en : vi, arguments);
    }

    /// <summary>Both texts of <paramref name="key"/>, with its arguments, as the public results carry them (English, Vietnamese).</summary>
    internal static (string En, string Vi) Pair(string key, params object?[] arguments) =>
        (Format(key, Language.En, arguments), Format(key, Language.Vi, arguments));
}
