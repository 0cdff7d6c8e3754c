using System.Collections.Frozen;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Explanation;

/// <summary>
/// The words of explanations and comparisons (explain, diff, quota reasons), in Vietnamese and English, in one place.
/// Templates use <c>{0}</c>, <c>{1}</c>…; a test checks that every entry has both languages.
/// </summary>
internal static class ExplanationWords
{
    private static readonly FrozenDictionary<string, (string Vi, string En)> Entries = new Dictionary<string, (string Vi, string En)>
    {
        ["diff.header"] = ("So sánh: {0} → {1}; năm {2}", "Comparing: {0} → {1}; year {2}"),
        ["diff.parameters"] = ("Tham số thay đổi:", "Changed parameters:"),
        ["diff.parameter"] = ("  {0}: {1} → {2}", "  {0}: {1} → {2}"),
        ["diff.parameterBasis"] = ("    căn cứ: {0} → {1}", "    basis: {0} → {1}"),
        ["parameter.setHere"] = ("đặt cho lần chạy này (--set)", "set for this run (--set)"),
        ["parameter.noBasis"] = ("không ghi căn cứ", "no basis given"),
        ["parameter.from"] = ("áp dụng từ {0}; {1}", "in force from {0}; {1}"),
        ["explain.parameters"] = ("Tham số áp dụng (theo ngày {0}):", "Parameters in force (on {0}):"),
        ["explain.parameter"] = ("  params.{0} = {1} — {2}", "  params.{0} = {1} — {2}"),
        ["diff.unset"] = ("không đặt", "not set"),
        ["diff.undeclared"] = ("không có", "absent"),
        ["diff.units"] = ("Theo đơn vị — {0} ({1}): số đủ tiêu chuẩn, số suất, số được đề nghị (trước → sau)", "By unit — {0} ({1}): candidates, places, proposals (before → after)"),
        ["diff.unitRow"] = ("  {0}: đủ tiêu chuẩn {1} → {2}; số suất {3} → {4}; đề nghị {5} → {6}", "  {0}: candidates {1} → {2}; places {3} → {4}; proposed {5} → {6}"),
        ["diff.noPlaces"] = ("—", "—"),
        ["diff.targets"] = ("Chỉ tiêu kế hoạch thay đổi:", "Plan targets that change:"),
        ["diff.targetRow"] = ("  {0} — {1} ({2}): {3} → {4}", "  {0} — {1} ({2}): {3} → {4}"),
        ["quota.cut"] = ("Trong chỉ tiêu: {0}{1}; xếp hạng", "Within the quota: {0}{1}; rank"),
        ["quota.computation"] = ("tối đa {0} × {1} = {2} → {3} suất ({4})", "at most {0} × {1} = {2} → {3} place(s) ({4})"),
        ["quota.places"] = ("tối đa {0} → {1} suất", "at most {0} → {1} place(s)"),
        ["quota.floor"] = ("làm tròn xuống", "rounded down"),
        ["quota.ceiling"] = ("làm tròn lên", "rounded up"),
        ["quota.nearest"] = ("làm tròn", "rounded to the nearest"),
        ["quota.keys"] = ("; thứ tự xét theo {0}", "; ranked by {0}"),
        ["quota.desc"] = ("(cao trước)", "(highest first)"),
        ["quota.asc"] = ("(thấp trước)", "(lowest first)"),
        ["caploss.note"] = (" (năm nay đủ tiêu chuẩn «{0}» nhưng vượt chỉ tiêu: chỉ vì giới hạn số lượng của năm nay)", " (this year «{0}» was met but fell outside its quota: lost only to this year's cap)"),
        ["quota.holders"] = ("Các suất thuộc: {0}", "The places are held by: {0}"),
        ["quota.unset"] = ("không đặt", "not set"),
        ["quota.override"] = ("giá trị {0} đặt cho lần chạy này (--set)", "{0} set for this run (--set)"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The keys, for the completeness test.</summary>
    internal static IEnumerable<string> Keys => Entries.Keys;

    /// <summary>The template of <paramref name="key"/> in <paramref name="language"/>, filled with <paramref name="arguments"/>.</summary>
    public static string Get(string key, Language language, params object?[] arguments)
    {
        var (vi, en) = Entries[key];
        var template = language == Language.En ? en : vi;
        return arguments.Length == 0 ? template : string.Format(System.Globalization.CultureInfo.InvariantCulture, template, arguments);
    }
}
