using System.Text.RegularExpressions;

namespace ThiDua.Rules.Validation;

/// <summary>
/// The Vietnamese of the English phrases that the readers, the parser and the type checker put inside generic
/// diagnostics ("a number", "the left side of '&amp;&amp;'", Newtonsoft.Json's own messages), with the values they carry
/// kept as they are. Part of the catalog: a phrase that is not listed here is never shown in a Vietnamese message (a
/// generic sentence is shown instead, and a test renders every diagnostic of the corpus to keep it so).
/// </summary>
internal static class DiagnosticPhrases
{
    private static readonly (Regex English, string Vietnamese)[] Table = Build(
    [
        // What a JSON value is or must be.
        (@"an object", "một đối tượng {…}"),
        (@"an array", "một mảng […]"),
        (@"a number", "một số"),
        (@"a string", "một chuỗi văn bản"),
        (@"a string \(an expression\)", "một chuỗi văn bản (biểu thức)"),
        (@"a date \(YYYY-MM-DD\)", "một ngày dạng YYYY-MM-DD"),
        (@"null", "null"),
        (@"text", "văn bản"),
        (@"true/false", "đúng/sai (true/false)"),
        (@"a level of scale '(?<v>.*)'", "một mức của thang '${v}'"),
        (@"an object with year, units and individuals", "một đối tượng có year, units và individuals"),
        (@"an object with rating and awards", "một đối tượng có rating và awards"),
        (@"an award id or \{""id"", ""decidedOn""\}", "một mã danh hiệu hoặc {\"id\", \"decidedOn\"}"),
        (@"true/false, a number, a string or a date", "đúng/sai, một số, một chuỗi văn bản hoặc một ngày"),
        (@"\((?<v>document|rule file)\)", "(tệp)"),
        (@"a whole number is expected", "phải là số nguyên"),
        (@"the number is too large for a whole number", "số quá lớn để là số nguyên"),
        (@"must not be negative", "không được âm"),

        // Files and limits.
        (@"no such file", "không có tệp này"),
        (@"no such file or folder", "không có tệp hoặc thư mục này"),
        (@"is a folder; name the plug-in's \.dll", "là một thư mục; hãy chỉ định tệp .dll của plug-in"),
        (@"the folder holds no \.json rule file", "thư mục không có tệp quy tắc .json nào"),
        (@"the rule set would extend itself \(directly or through a loop\)", "bộ quy tắc sẽ kế thừa chính nó (trực tiếp hoặc qua một vòng)"),
        (@"the rule file has (?<a>[\d,.]+) bytes; the limit is (?<b>[\d,.]+)", "tệp quy tắc có ${a} byte; giới hạn là ${b}"),
        (@"the data file has (?<a>[\d,.]+) bytes; the limit is (?<b>[\d,.]+) \(DataLimits\.MaxFileBytes, thidua --max-file-size\)",
            "tệp dữ liệu có ${a} byte; giới hạn là ${b} (DataLimits.MaxFileBytes, thidua --max-file-size)"),
        (@"the votes file is larger than (?<a>[\d,.]+) bytes", "tệp phiếu bầu lớn hơn ${a} byte"),
        (@"the data holds more than (?<a>[\d,.]+) units and individuals; split the file, or raise the limit \(DataLimits\.MaxSubjects, thidua --max-subjects\)",
            "dữ liệu có hơn ${a} đơn vị và cá nhân; hãy tách tệp hoặc nâng giới hạn (DataLimits.MaxSubjects, thidua --max-subjects)"),

        // Newtonsoft.Json's messages, with the advice the reader adds.
        (@"Error parsing (?<a>\w+) value.*", "giá trị ${a} không hợp lệ"),
        (@"Unexpected (token|state).*", "cấu trúc JSON không hợp lệ tại đây"),

        // Values of rule files.
        (@"'to' is before 'from'", "'to' đứng trước 'from'"),
        (@"'(?<a>.*)' is not a number or a percentage such as ""70%""", "'${a}' không phải là số hay tỷ lệ phần trăm như \"70%\""),
        (@"'(?<a>.*)' is not an outcome", "'${a}' không phải là một kết quả xét (recommended, eligible-over-quota, not-eligible, insufficient-data)"),
        (@"'(?<a>.*)' is not pass, fail or unknown", "'${a}' không phải pass, fail hoặc unknown"),
        (@"'(?<a>.*)' is not approved or not-approved", "'${a}' không phải approved hoặc not-approved"),
    ]);

    private static (Regex, string)[] Build((string Pattern, string Vietnamese)[] entries) =>
        [.. entries.Select(e => (new Regex("^(?:" + e.Pattern + ")$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(200)), e.Vietnamese))];

    /// <summary>The Vietnamese of an English phrase, its values kept, or null when the phrase is not in the catalog.</summary>
    public static string? ToVietnamese(string english)
    {
        if (english.Length > 2000)
        {
            return null;
        }

        foreach (var (pattern, vietnamese) in Table)
        {
            var match = pattern.Match(english);
            if (match.Success)
            {
                return match.Result(vietnamese);
            }
        }

        return null;
    }
}
