using Newtonsoft.Json.Linq;

namespace ThiDua.Rules.Validation;

/// <content>
/// Phrases of input files: what a JSON value is or must be, why a file cannot be read, the limits a file passes, the
/// JSON mistakes that have no code of their own, and the values of rule files. Each is declared once with its Vietnamese
/// and English text; a reader passes the phrase, never an English sentence translated afterwards.
/// </content>
internal static partial class DiagnosticCatalog
{
    /// <summary>Phrases of JSON values, files, limits and rule-file values.</summary>
    private static (string Key, string Vi, string En)[] InputPhrases =>
    [
        // What a JSON value is or must be.
        ("json.object", "một đối tượng {{…}}", "an object"),
        ("json.array", "một mảng […]", "an array"),
        ("json.number", "một số", "a number"),
        ("json.string", "một chuỗi văn bản", "a string"),
        ("json.expression", "một chuỗi văn bản (biểu thức)", "a string (an expression)"),
        ("json.date", "một ngày dạng YYYY-MM-DD", "a date (YYYY-MM-DD)"),
        ("json.bool", "đúng/sai (true/false)", "true/false"),
        ("json.null", "null", "null"),
        ("json.text", "văn bản", "text"),
        ("json.scale-level", "một mức của thang '{0}'", "a level of scale '{0}'"),
        ("json.other", "một giá trị JSON khác ({0})", "another kind of JSON value ({0})"),
        ("json.data-document", "một đối tượng có year, units và individuals", "an object with year, units and individuals"),
        ("json.history-year", "một đối tượng có rating, awards và facts", "an object with rating, awards and facts"),
        ("json.award-record", "một mã danh hiệu hoặc {{\"id\", \"decidedOn\"}}", "an award id or {{\"id\", \"decidedOn\"}}"),
        ("json.fact-value", "đúng/sai, một số, một chuỗi văn bản hoặc một ngày", "true/false, a number, a string or a date"),
        ("json.document", "(tệp)", "(document)"),
        ("json.rule-file", "(tệp quy tắc)", "(rule file)"),
        ("args.number-or-percent", "một số hoặc một tỷ lệ phần trăm như \"10%\"", "a number or a percentage such as \"10%\""),
        ("args.whole-number", "một số nguyên", "a whole number"),
        ("number.whole-expected", "phải là số nguyên", "a whole number is expected"),
        ("number.too-large", "số quá lớn để là số nguyên", "the number is too large for a whole number"),

        // JSON mistakes without a code of their own (TDR001): Newtonsoft.Json's message is classified, never shown.
        ("json.bad-literal", "từ viết sai: trong JSON chỉ có các từ true, false và null (viết thường, không đặt trong dấu nháy); văn bản phải đặt trong dấu nháy kép", "a misspelt word: JSON's only words are true, false and null (lower case, without quotes); text goes in double quotes"),
        ("json.bad-comment", "chú thích viết sai: chú thích bắt đầu bằng // (đến hết dòng) hoặc nằm giữa /* và */", "a malformed comment: a comment starts with // (to the end of the line) or sits between /* and */"),
        ("json.unterminated-comment", "chú thích /* chưa được đóng bằng */", "a /* comment is not closed with */"),
        ("json.constructor", "JSON không có hàm tạo (new …): hãy ghi giá trị, ví dụ ngày dạng \"2024-05-20\"", "JSON has no constructors (new …): write the value, such as a date as \"2024-05-20\""),
        ("json.structure", "cấu trúc JSON sai tại đây: hãy kiểm tra dấu ngoặc, dấu phẩy và dấu hai chấm quanh vị trí này", "the JSON's structure is wrong here: check the brackets, commas and colons around this place"),

        // Why a file cannot be read (the path is the diagnostic's place).
        ("file.not-found", "không có tệp này", "no such file"),
        ("file.not-found-or-folder", "không có tệp hoặc thư mục này", "no such file or folder"),
        ("file.folder-not-found", "không có thư mục chứa tệp này", "the folder of this file does not exist"),
        ("file.access-denied", "không có quyền đọc hoặc ghi tệp này", "access to this file is denied"),
        ("file.is-folder", "đây là một thư mục, không phải một tệp", "this is a folder, not a file"),
        ("file.in-use", "tệp đang được chương trình khác sử dụng", "the file is in use by another program"),
        ("file.path-too-long", "đường dẫn quá dài", "the path is too long"),
        ("file.disk-full", "ổ đĩa đã đầy", "the disk is full"),
        ("file.pipe-closed", "chương trình nhận kết quả qua ống dẫn (|) đã dừng", "the program reading the output through a pipe (|) has stopped"),
        ("file.io-error", "hệ điều hành báo lỗi khi đọc hoặc ghi tệp này", "the operating system reported an error reading or writing this file"),
        ("file.no-rule-file", "thư mục không có tệp quy tắc .json nào", "the folder holds no .json rule file"),

        // CSV rows that cannot be read (TDR212).
        ("csv.stray-quote", "có dấu nháy kép bên trong một ô không bắt đầu bằng dấu nháy: hãy đặt cả ô trong dấu nháy kép và viết dấu nháy bên trong hai lần (\"\")", "a quote inside a field that does not start with one: enclose the whole field in quotes and double the quote (\"\")"),
        ("csv.text-after-quote", "có văn bản sau dấu nháy đóng của một ô", "text after the closing quote of a field"),
        ("csv.unterminated-quote", "một ô mở dấu nháy kép mà không đóng: phần còn lại của tệp đã bị đọc vào ô đó", "a quoted field that is never closed: the rest of the file was read into it"),
        ("csv.line-break-in-quotes", "có dấu xuống dòng bên trong một ô đặt trong dấu nháy", "a line break inside a quoted field"),
        ("csv.field-count", "một dòng có số ô khác các dòng khác", "a row with a different number of fields"),
        ("csv.malformed", "dòng này không đọc được theo định dạng CSV (dấu phân cách, dấu nháy)", "this row cannot be read as CSV (separators, quotes)"),

        // Limits.
        ("limit.subjects", "dữ liệu có hơn {0} đơn vị và cá nhân; hãy tách tệp hoặc nâng giới hạn (DataLimits.MaxSubjects, thidua --max-subjects)", "the data holds more than {0} units and individuals; split the file, or raise the limit (DataLimits.MaxSubjects, thidua --max-subjects)"),

        // Values of rule files.
        ("value.identifier", "'{0}' phải là một tên gồm chữ cái và chữ số không dấu, viết kiểu camelCase (ví dụ soNamCongTac), để dùng được trong biểu thức", "'{0}' must be a name of letters and digits (camelCase), usable in expressions"),
        ("value.not-one-of", "'{0}' không phải một trong các giá trị: {1}", "'{0}' is not one of {1}"),
        ("value.to-before-from", "ngày kết thúc 'to' đứng trước ngày bắt đầu 'from'", "'to' is before 'from'"),
        ("value.not-number-or-percent", "'{0}' không phải là số hay tỷ lệ phần trăm như \"70%\"", "'{0}' is not a number or a percentage such as \"70%\""),
        ("value.not-outcome", "'{0}' không phải là một kết quả xét ('recommended', 'eligible-over-quota', 'not-eligible', 'insufficient-data')", "'{0}' is not an outcome ('recommended', 'eligible-over-quota', 'not-eligible', 'insufficient-data')"),
        ("value.not-status", "'{0}' không phải 'pass', 'fail' hoặc 'unknown'", "'{0}' is not 'pass', 'fail' or 'unknown'"),
        ("value.not-council", "'{0}' không phải 'approved' hoặc 'not-approved'", "'{0}' is not 'approved' or 'not-approved'"),
        ("ruleset.extends-itself", "bộ quy tắc sẽ kế thừa chính nó (trực tiếp hoặc qua một vòng)", "the rule set would extend itself (directly or through a loop)"),
        // What a RulesEngine workflow rule uses that a criterion may not (TDR082, TDR084).
        // Why Dynamic LINQ cannot compile a workflow rule (TDR082): its message classified (ParseProblem), never shown.
        ("rulesengine.unknown-name", "'{0}' không phải tên nào đã biết (dữ liệu của đối tượng là input1, ví dụ input1.rating)", "'{0}' is not a known name (the subject's data is input1, such as input1.rating)"),
        ("rulesengine.unknown-member", "'{0}' không phải trường nào của đối tượng", "'{0}' is not a field of the subject"),
        ("rulesengine.operand-types", "phép '{0}' không dùng được giữa {1} và {2}", "the operator '{0}' cannot take {1} and {2}"),
        ("rulesengine.unknown-type", "một giá trị không rõ kiểu (có thể là một tên không có trong input1)", "a value of unknown type (perhaps a name that is not in input1)"),
        ("rulesengine.type-expected", "ở đây cần {0}", "{0} is expected here"),
        ("rulesengine.unterminated-string", "chuỗi văn bản mở dấu nháy mà không đóng", "a string is opened with a quote and never closed"),
        ("rulesengine.syntax", "biểu thức sai cú pháp tại vị trí này: kiểm tra dấu ngoặc, toán tử và vế còn thiếu", "the expression's syntax is wrong here: check the brackets, the operators and any missing operand"),
        ("rulesengine.variable", "biến '{0}'", "the variable '{0}'"),
        ("rulesengine.value-of-type", "một giá trị kiểu {0}", "a value of type {0}"),
        ("rulesengine.member", "thành viên {0}", "the member {0}"),
        ("rulesengine.conversion", "phép chuyển sang kiểu {0}", "a conversion to {0}"),
        ("rulesengine.method", "phương thức {0}", "the method {0}"),
        ("rulesengine.node", "một biểu thức loại {0}", "an expression of kind {0}"),
        ("rulesengine.no-expression", "quy tắc không có Expression (và không có Rules lồng bên trong)", "the rule has no Expression (and no nested Rules)"),
        ("ruleset.no-version-in-force", "không có phiên bản nào có hiệu lực vào ngày xét", "no version is in force on the date evaluated"),
    ];

    /// <summary>What a JSON value is, as a phrase ("an object", "a number").</summary>
    internal static string JsonKind(JTokenType type) => type switch
    {
        JTokenType.Object => Phrase("json.object"),
        JTokenType.Array => Phrase("json.array"),
        JTokenType.Integer or JTokenType.Float => Phrase("json.number"),
        JTokenType.String => Phrase("json.string"),
        JTokenType.Boolean => Phrase("json.bool"),
        JTokenType.Null or JTokenType.Undefined => Phrase("json.null"),
        _ => Phrase("json.other", type.ToString().ToLowerInvariant()),
    };

    /// <summary>What a value of <paramref name="kind"/> is, as a phrase ("a number", "a level of scale 'xepLoai'").</summary>
    internal static string ValueKindPhrase(Model.ValueKind kind, string? scale = null) => kind switch
    {
        Model.ValueKind.Bool => Phrase("json.bool"),
        Model.ValueKind.Number => Phrase("json.number"),
        Model.ValueKind.Date => Phrase("json.date"),
        Model.ValueKind.Scale => Phrase("json.scale-level", scale ?? "?"),
        _ => Phrase("json.text"),
    };

    /// <summary>
    /// Why a file could not be read or written, as a phrase: what the exception says (file not found, access denied, a
    /// folder, in use, …), never the operating system's English text. <paramref name="path"/> tells a folder from a file.
    /// </summary>
    internal static string FileProblem(Exception exception, string? path = null)
    {
        var isFolder = path is not null && Directory.Exists(path);
        return exception switch
        {
            _ when isFolder => Phrase("file.is-folder"),
            FileNotFoundException => Phrase("file.not-found"),
            DirectoryNotFoundException => Phrase("file.folder-not-found"),
            PathTooLongException => Phrase("file.path-too-long"),
            UnauthorizedAccessException => Phrase("file.access-denied"),
            IOException io => Phrase(IoProblem(io.HResult)),
            _ => Phrase("file.io-error"),
        };
    }

    /// <summary>
    /// The path an exception of the file system names, or null: <see cref="FileNotFoundException.FileName"/>, else the
    /// quoted path .NET puts in its message ("… '/home/a/b.json' …"). Only the path is taken, never the words around it.
    /// </summary>
    internal static string? PathOf(Exception exception)
    {
        if (exception is FileNotFoundException { FileName: { Length: > 0 } name })
        {
            return name;
        }

        var message = exception.Message;
        for (var start = message.IndexOf('\''); start >= 0 && start + 1 < message.Length; start = message.IndexOf('\'', start + 1))
        {
            var end = message.IndexOf('\'', start + 1);
            if (end < 0)
            {
                break;
            }

            var quoted = message[(start + 1)..end];
            if (Path.IsPathRooted(quoted))
            {
                return quoted;
            }

            start = end;
        }

        return null;
    }

    /// <summary>The phrase of an <see cref="IOException"/>'s code: a Win32 error on Windows, the errno elsewhere (what .NET puts in HResult).</summary>
    private static string IoProblem(int hresult)
    {
        if (OperatingSystem.IsWindows())
        {
            return (hresult & 0xFFFF) switch
            {
                32 or 33 => "file.in-use", // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
                39 or 112 => "file.disk-full", // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
                109 or 232 => "file.pipe-closed", // ERROR_BROKEN_PIPE, ERROR_NO_DATA
                _ => "file.io-error",
            };
        }

        var macOS = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();
        return hresult switch
        {
            11 when !macOS => "file.in-use", // EWOULDBLOCK: another process holds the file's lock
            35 when macOS => "file.in-use",
            21 => "file.is-folder", // EISDIR
            28 => "file.disk-full", // ENOSPC
            32 => "file.pipe-closed", // EPIPE
            _ => "file.io-error",
        };
    }
}
