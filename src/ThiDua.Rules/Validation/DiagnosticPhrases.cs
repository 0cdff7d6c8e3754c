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

        // The expression language.
        (@"the expression has (?<a>\d+) characters; the limit is (?<b>\d+)", "biểu thức có ${a} ký tự; giới hạn là ${b}"),
        (@"the expression is nested more than (?<a>\d+) levels deep", "biểu thức lồng quá ${a} cấp"),
        (@"a field or function name is expected after '\.'", "sau dấu '.' phải là tên trường hoặc tên hàm"),
        (@"a lambda 'x => …' can only be a function argument, as in members\.count\(m => …\)", "biểu thức lambda 'x => …' chỉ dùng làm đối số của hàm, như members.count(m => …)"),
        (@"the expression ends too early", "biểu thức kết thúc quá sớm"),
        (@"the condition of (?<a>.+)", "điều kiện của ${a}"),
        (@"the value of (?<a>.+)", "giá trị của ${a}"),
        (@"the left side of (?<a>.+)", "vế trái của ${a}"),
        (@"the right side of (?<a>.+)", "vế phải của ${a}"),
        (@"the operand of (?<a>.+)", "toán hạng của ${a}"),
        (@"the year of had", "năm của had"),
        (@"the number of years of awardCount", "số năm của awardCount"),
        (@"the number of years of ratingCount", "số năm của ratingCount"),
        (@"the value before 'in'", "giá trị trước 'in'"),
        (@"a branch of '\? :'", "một nhánh của '? :'"),
        (@"a branch of '\? :' cannot be null", "một nhánh của '? :' không được là null"),
        (@"the left side of '\?\?' cannot be null", "vế trái của '??' không được là null"),
        (@"the condition of '\? :'", "điều kiện của '? :'"),
        (@"an award id in quotes, as in has\('lao-dong-tien-tien'\)", "một mã danh hiệu trong dấu nháy, như has('lao-dong-tien-tien')"),
        (@"a level of scale '(?<a>.*)' in quotes", "một mức của thang '${a}' trong dấu nháy"),
        (@"a scoring table id in quotes", "một mã bảng chấm điểm trong dấu nháy"),
        (@"a level of scale '(?<a>.*)' must be written in quotes, as in '(?<b>.*)'", "mức của thang '${a}' phải viết trong dấu nháy, như '${b}'"),
        (@"the value given for parameter '(?<a>.*)' is not (?<b>\w+)", "giá trị của tham số '${a}' không phải kiểu ${b}"),
        (@"parameter '(?<a>.*)' is (?<b>\w+) in the base rule set", "tham số '${a}' có kiểu ${b} trong bộ quy tắc cơ sở"),
        (@"'(?<a>.*)' is called on a list, as in members\.(?<b>\w+)\(m => …\)", "'${a}' được gọi trên một danh sách, như members.${b}(m => …)"),
        (@"'(?<a>.*)' does not take (?<b>\d+) argument\(s\)", "'${a}' không nhận ${b} đối số"),
        (@"(?<a>.+) cannot be null", "${a} không được là null"),
        (@"(?<a>.+) must be (?<b>.+), but is (?<c>.+)", "${a} phải là ${b}, nhưng là ${c}"),
        (@"(?<a>\w+) takes one lambda, as in (?<b>.+)", "${a} nhận đúng một lambda, như ${b}"),
        (@"'(?<a>.*)' takes (?<b>.+) argument\(s\)", "'${a}' nhận ${b} đối số"),
        (@"argument (?<a>\d+) of (?<b>\w+) must be (?<c>.+)", "đối số thứ ${a} của ${b} phải là ${c}"),
        (@"'(?<a>.*)' cannot compare (?<b>.+)", "'${a}' không so sánh được ${b}"),
        (@"'(?<a>.*)' orders numbers, dates and scale levels, not (?<b>.+)", "'${a}' chỉ so sánh thứ tự số, ngày và mức của thang, không so sánh ${b}"),
        (@"cannot combine (?<a>.+) with (?<b>.+)", "không kết hợp được ${a} với ${b}"),
        (@"unexpected '(?<a>.*)' after a number", "ký tự '${a}' không mong đợi sau một số"),
        (@"unexpected character '(?<a>.*)'; use '==' to compare", "ký tự '${a}' không mong đợi; dùng '==' để so sánh bằng"),
        (@"unexpected character '(?<a>.*)'(?<b>.*)", "ký tự không mong đợi '${a}'${b}"),
        (@"unexpected '(?<a>.*)'", "'${a}' không mong đợi ở đây"),
        (@"expected (?<a>.+), found (?<b>.+)", "cần ${a}, nhưng gặp ${b}"),
        (@"'(?<a>.*)' is not a number", "'${a}' không phải là số"),
        (@"the text literal is not closed", "chuỗi văn bản chưa được đóng dấu nháy"),
        (@"'to' is before 'from'", "'to' đứng trước 'from'"),
        (@"'(?<a>.*)' is not a number or a percentage such as ""70%""", "'${a}' không phải là số hay tỷ lệ phần trăm như \"70%\""),
        (@"'(?<a>.*)' is not an outcome", "'${a}' không phải là một kết quả xét (recommended, eligible-over-quota, not-eligible, insufficient-data)"),
        (@"'(?<a>.*)' is not pass, fail or unknown", "'${a}' không phải pass, fail hoặc unknown"),
        (@"'(?<a>.*)' is not approved or not-approved", "'${a}' không phải approved hoặc not-approved"),
        (@"(?<a>[\d.,]+%) is outside 0%–100% \(write ""count"": true for a number of subjects\)", "${a} nằm ngoài 0%–100% (ghi \"count\": true khi là số lượng đối tượng)"),
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
