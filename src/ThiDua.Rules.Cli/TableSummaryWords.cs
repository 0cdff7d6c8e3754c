namespace ThiDua.Rules.Cli;

/// <summary>The words of the console table's summary of a large result, in Vietnamese and English (one entry each).</summary>
internal static class TableSummaryWords
{
    private static readonly Dictionary<string, (string Vi, string En)> Words = new(StringComparer.Ordinal)
    {
        ["summary"] = ("Tóm tắt: {0} cá nhân, {1} đơn vị — nhiều hơn {2} đối tượng nên bảng chỉ tóm tắt; dùng --format json, csv, xlsx hoặc html để có danh sách đầy đủ.",
            "Summary: {0} individuals, {1} units — more than {2} subjects, so the table is summarised; use --format json, csv, xlsx or html for the full list."),
        ["by award"] = ("Số lượng theo danh hiệu", "Counts per award"),
        ["by unit"] = ("Số lượng theo đơn vị (cá nhân)", "Counts per unit (individuals)"),
        ["first units"] = ("{0} đơn vị đầu tiên theo mã, trong tổng số {1}.", "The first {0} units by id, of {1}."),
        ["first pairs"] = ("Dưới đây là {0} dòng đầu tiên của danh sách (đã đánh giá {1} cặp đối tượng – danh hiệu).", "Below are the first {0} rows of the list ({1} subject–award pairs evaluated)."),
        ["first rows"] = ("{0} dòng đầu tiên của danh sách, trong tổng số {1}.", "The first {0} rows of the list, of {1}."),
        ["award"] = ("Danh hiệu", "Award"),
        ["unit"] = ("Đơn vị", "Unit"),
        ["people"] = ("Số cá nhân", "People"),
        ["proposed"] = ("Được đề nghị", "Recommended"),
        ["short of data"] = ("Chưa đủ dữ liệu", "Insufficient data"),
        ["no unit"] = ("(không có đơn vị)", "(no unit)"),
    };

    /// <summary>The word or sentence <paramref name="key"/> in <paramref name="language"/>, with its arguments.</summary>
    public static string Get(string key, Language language, params object[] arguments)
    {
        var (vi, en) = Words[key];
        return string.Format(language == Language.En ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo("vi-VN"),
            language == Language.En ? en : vi, arguments);
    }
}
