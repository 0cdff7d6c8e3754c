namespace ThiDua.Rules.Validation;

/// <content>The codes of the expression language's syntax and type errors: one code per kind of mistake, each placed at
/// the offending token, its arguments the token, name or types involved (never English prose).</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR086</c> (error): '{0}' is not expected here.</summary>
    public static readonly DiagnosticCode ExpressionUnexpectedToken = new(86);

    /// <summary><c>TDR087</c> (error): '{0}' is expected here, but '{1}' is written.</summary>
    public static readonly DiagnosticCode ExpressionMissingToken = new(87);

    /// <summary><c>TDR088</c> (error): the expression ends too early: {0} is missing.</summary>
    public static readonly DiagnosticCode ExpressionEndsTooEarly = new(88);

    /// <summary><c>TDR089</c> (error): unexpected character '{0}' (a suggestion gives the operator meant, as '==' for '=').</summary>
    public static readonly DiagnosticCode ExpressionUnexpectedCharacter = new(89);

    /// <summary><c>TDR090</c> (error): '{0}' is not a number: write digits with at most one decimal point, as in 12 or 0.7.</summary>
    public static readonly DiagnosticCode ExpressionInvalidNumber = new(90);

    /// <summary><c>TDR091</c> (error): '{0}' is written right after the number {1}: separate them with a space or an operator.</summary>
    public static readonly DiagnosticCode ExpressionLetterAfterNumber = new(91);

    /// <summary><c>TDR092</c> (error): the text that starts here is not closed: end it with {0}.</summary>
    public static readonly DiagnosticCode ExpressionUnclosedText = new(92);

    /// <summary><c>TDR093</c> (error): a field or function name is expected after '.'.</summary>
    public static readonly DiagnosticCode ExpressionNameAfterDot = new(93);

    /// <summary><c>TDR094</c> (error): '{0}' works on a list: write it after the list, as in members.{0}(m => …).</summary>
    public static readonly DiagnosticCode ExpressionListFunctionWithoutList = new(94);

    /// <summary><c>TDR095</c> (error): '{0}' does not take {1} argument(s) (it takes {2}).</summary>
    public static readonly DiagnosticCode ExpressionArgumentCount = new(95);

    /// <summary><c>TDR096</c> (error): date(…) takes one date in quotes, as in date('2024-06-30').</summary>
    public static readonly DiagnosticCode ExpressionDateNeedsText = new(96);

    /// <summary><c>TDR097</c> (error): argument {0} of '{1}' must be {2}, written in quotes, as in {3}.</summary>
    public static readonly DiagnosticCode ExpressionArgumentNotQuoted = new(97);

    /// <summary><c>TDR098</c> (error): '{0}' is not known here: this expression has no subject; use year, asOf or params.NAME.</summary>
    public static readonly DiagnosticCode ExpressionNoSubject = new(98);

    /// <summary><c>TDR099</c> (error): {1} has no fields: '.{0}' cannot be read from it.</summary>
    public static readonly DiagnosticCode ExpressionValueHasNoFields = new(99);

    /// <summary><c>TDR270</c> (error): {0} cannot be null.</summary>
    public static readonly DiagnosticCode ExpressionNullNotAllowed = new(270);

    /// <summary><c>TDR271</c> (error): {0} must be {1}, but is {2}.</summary>
    public static readonly DiagnosticCode ExpressionWrongType = new(271);

    /// <summary><c>TDR272</c> (error): '{0}' cannot compare {1}.</summary>
    public static readonly DiagnosticCode ExpressionCannotCompare = new(272);

    /// <summary><c>TDR273</c> (error): '{0}' orders numbers, dates and scale levels, not {1}.</summary>
    public static readonly DiagnosticCode ExpressionCannotOrder = new(273);

    /// <summary><c>TDR274</c> (error): only a single value can be compared with null, not {0}.</summary>
    public static readonly DiagnosticCode ExpressionNullComparison = new(274);

    /// <summary><c>TDR275</c> (error): '{0}' cannot put {1} together with {2}.</summary>
    public static readonly DiagnosticCode ExpressionCannotCombine = new(275);

    /// <summary><c>TDR276</c> (error): a level of scale '{0}' is written in quotes, as in '{1}'.</summary>
    public static readonly DiagnosticCode ExpressionScaleLevelNeedsQuotes = new(276);

    /// <summary><c>TDR277</c> (error): 'in' looks for a single value in a list of values, not {0}.</summary>
    public static readonly DiagnosticCode ExpressionInNeedsValue = new(277);

    /// <summary><c>TDR278</c> (error): {0} takes one lambda, as in {0}(m => …).</summary>
    public static readonly DiagnosticCode ExpressionAggregateNeedsLambda = new(278);

    /// <summary><c>TDR279</c> (error): parameter '{0}' is {1} here, but {2} in the base rule set.</summary>
    public static readonly DiagnosticCode ParameterTypeDiffersFromBase = new(279);
}

/// <content>Templates of the expression codes, and the phrases their arguments are made of (roles such as "the left side
/// of '&amp;&amp;'" and types such as "a list of individuals"), both languages side by side.</content>
internal static partial class DiagnosticCatalog
{
    /// <summary>A declared value type (of a parameter or a fact) as a diagnostic argument.</summary>
    internal static string ValueKindArgument(Model.ValueKind kind) => kind switch
    {
        Model.ValueKind.Bool => Phrase("type.bool"),
        Model.ValueKind.Number => Phrase("type.number"),
        Model.ValueKind.Text => Phrase("type.text"),
        Model.ValueKind.Date => Phrase("type.date"),
        _ => Phrase("type.level"),
    };

    private static DiagnosticTemplate[] ExpressionEntries =>
    [
        new(DiagnosticCodes.ExpressionUnexpectedToken, "ExpressionUnexpectedToken", Severity.Error,
            "'{0}' không được đặt ở đây",
            "'{0}' is not expected here"),
        new(DiagnosticCodes.ExpressionMissingToken, "ExpressionMissingToken", Severity.Error,
            "ở đây cần '{0}', nhưng lại là '{1}'",
            "'{0}' is expected here, but '{1}' is written"),
        new(DiagnosticCodes.ExpressionEndsTooEarly, "ExpressionEndsTooEarly", Severity.Error,
            "biểu thức kết thúc quá sớm: còn thiếu {0}",
            "the expression ends too early: {0} is missing"),
        new(DiagnosticCodes.ExpressionUnexpectedCharacter, "ExpressionUnexpectedCharacter", Severity.Error,
            "ký tự '{0}' không dùng được trong biểu thức",
            "unexpected character '{0}'"),
        new(DiagnosticCodes.ExpressionInvalidNumber, "ExpressionInvalidNumber", Severity.Error,
            "'{0}' không phải là số: viết chữ số với nhiều nhất một dấu chấm thập phân, ví dụ 12 hoặc 0.7",
            "'{0}' is not a number: write digits with at most one decimal point, as in 12 or 0.7"),
        new(DiagnosticCodes.ExpressionLetterAfterNumber, "ExpressionLetterAfterNumber", Severity.Error,
            "'{0}' được viết liền sau số {1}: hãy tách chúng bằng khoảng trắng hoặc một phép toán",
            "'{0}' is written right after the number {1}: separate them with a space or an operator"),
        new(DiagnosticCodes.ExpressionUnclosedText, "ExpressionUnclosedText", Severity.Error,
            "chuỗi văn bản bắt đầu tại đây chưa được đóng: hãy kết thúc bằng dấu {0}",
            "the text that starts here is not closed: end it with {0}"),
        new(DiagnosticCodes.ExpressionNameAfterDot, "ExpressionNameAfterDot", Severity.Error,
            "sau dấu '.' phải là tên một trường hoặc một hàm",
            "a field or function name is expected after '.'"),
        new(DiagnosticCodes.ExpressionListFunctionWithoutList, "ExpressionListFunctionWithoutList", Severity.Error,
            "'{0}' dùng cho một danh sách: hãy viết sau danh sách đó, ví dụ members.{0}(m => …)",
            "'{0}' works on a list: write it after the list, as in members.{0}(m => …)"),
        new(DiagnosticCodes.ExpressionArgumentCount, "ExpressionArgumentCount", Severity.Error,
            "'{0}' không nhận {1} đối số (số đối số của hàm: {2})",
            "'{0}' does not take {1} argument(s) (it takes {2})"),
        new(DiagnosticCodes.ExpressionDateNeedsText, "ExpressionDateNeedsText", Severity.Error,
            "date(…) nhận đúng một ngày viết trong dấu nháy, ví dụ date('2024-06-30')",
            "date(…) takes one date in quotes, as in date('2024-06-30')"),
        new(DiagnosticCodes.ExpressionArgumentNotQuoted, "ExpressionArgumentNotQuoted", Severity.Error,
            "đối số thứ {0} của '{1}' phải là {2}, viết trong dấu nháy, ví dụ {3}",
            "argument {0} of '{1}' must be {2}, written in quotes, as in {3}"),
        new(DiagnosticCodes.ExpressionNoSubject, "ExpressionNoSubject", Severity.Error,
            "'{0}' không xác định ở đây: biểu thức này không gắn với đối tượng nào; hãy dùng year, asOf hoặc params.TÊN",
            "'{0}' is not known here: this expression has no subject; use year, asOf or params.NAME"),
        new(DiagnosticCodes.ExpressionValueHasNoFields, "ExpressionValueHasNoFields", Severity.Error,
            "{1} không có trường nào: không đọc được '.{0}'",
            "{1} has no fields: '.{0}' cannot be read from it"),
        new(DiagnosticCodes.ExpressionNullNotAllowed, "ExpressionNullNotAllowed", Severity.Error,
            "{0} không được là null",
            "{0} cannot be null"),
        new(DiagnosticCodes.ExpressionWrongType, "ExpressionWrongType", Severity.Error,
            "{0} phải là {1}, nhưng là {2}",
            "{0} must be {1}, but is {2}"),
        new(DiagnosticCodes.ExpressionCannotCompare, "ExpressionCannotCompare", Severity.Error,
            "'{0}' không so sánh được {1}",
            "'{0}' cannot compare {1}"),
        new(DiagnosticCodes.ExpressionCannotOrder, "ExpressionCannotOrder", Severity.Error,
            "'{0}' chỉ so sánh thứ tự số, ngày và mức của thang, không so sánh {1}",
            "'{0}' orders numbers, dates and scale levels, not {1}"),
        new(DiagnosticCodes.ExpressionNullComparison, "ExpressionNullComparison", Severity.Error,
            "chỉ một giá trị đơn mới so sánh được với null, không phải {0}",
            "only a single value can be compared with null, not {0}"),
        new(DiagnosticCodes.ExpressionCannotCombine, "ExpressionCannotCombine", Severity.Error,
            "'{0}' không kết hợp được {1} với {2}",
            "'{0}' cannot put {1} together with {2}"),
        new(DiagnosticCodes.ExpressionScaleLevelNeedsQuotes, "ExpressionScaleLevelNeedsQuotes", Severity.Error,
            "mức của thang '{0}' phải viết trong dấu nháy, ví dụ '{1}'",
            "a level of scale '{0}' is written in quotes, as in '{1}'"),
        new(DiagnosticCodes.ExpressionInNeedsValue, "ExpressionInNeedsValue", Severity.Error,
            "'in' tìm một giá trị đơn trong danh sách các giá trị, không tìm {0}",
            "'in' looks for a single value in a list of values, not {0}"),
        new(DiagnosticCodes.ExpressionAggregateNeedsLambda, "ExpressionAggregateNeedsLambda", Severity.Error,
            "{0} nhận đúng một lambda, ví dụ {0}(m => …)",
            "{0} takes one lambda, as in {0}(m => …)"),
        new(DiagnosticCodes.ParameterTypeDiffersFromBase, "ParameterTypeDiffersFromBase", Severity.Error,
            "tham số '{0}' ở đây là {1}, nhưng trong bộ quy tắc cơ sở là {2}",
            "parameter '{0}' is {1} here, but {2} in the base rule set"),
    ];

    /// <summary>Phrases the expression codes are built from: what a value is (its role in the expression) and what it holds
    /// (its type), Vietnamese and English.</summary>
    private static (string Key, string Vi, string En)[] ExpressionPhrases =>
    [
        // Roles: which value of the expression is wrong.
        ("role.left", "vế trái của '{0}'", "the left side of '{0}'"),
        ("role.right", "vế phải của '{0}'", "the right side of '{0}'"),
        ("role.operand", "toán hạng của '{0}'", "the operand of '{0}'"),
        ("role.condition", "điều kiện của {0}", "the condition of {0}"),
        ("role.value", "giá trị của {0}", "the value of {0}"),
        ("role.argument", "đối số thứ {0} của {1}", "argument {0} of {1}"),
        ("role.year-of", "năm của {0}", "the year of {0}"),
        ("role.years-of", "số năm của {0}", "the number of years of {0}"),
        ("role.branch", "một nhánh của '? :'", "a branch of '? :'"),
        ("role.in-value", "giá trị trước 'in'", "the value before 'in'"),
        ("role.quota-max", "mức tối đa 'max' của chỉ tiêu số lượng", "the quota's max"),
        ("role.quota-of", "cơ số 'of' của chỉ tiêu số lượng", "the quota's 'of'"),
        ("role.vote-share", "tỷ lệ phiếu (share) của hội đồng", "the council vote's share"),
        ("role.bonus-multiple", "hệ số (multiple) của tiền thưởng", "the bonus's multiple"),
        ("role.bonus-base-salary", "mức lương cơ sở (baseSalary) của tiền thưởng", "the bonus's base salary"),
        ("role.rank-key", "một khóa xếp hạng", "a rank key"),
        ("role.scoring-item", "một mục chấm điểm", "a scoring item"),
        ("expected.rank-key", "một số, ngày, văn bản hoặc mức của thang", "a number, date, text or scale level"),

        // Limits (TDR011).
        ("complexity.length", "biểu thức có {0} ký tự; giới hạn là {1}", "the expression has {0} characters; the limit is {1}"),
        ("complexity.depth", "biểu thức lồng quá {0} cấp", "the expression is nested more than {0} levels deep"),
        ("complexity.aggregates", "các phép tổng hợp như count(m => …) lồng nhau quá {0} cấp; hãy tách tiêu chí, hoặc khai báo một dữ kiện được tính trước",
            "aggregates such as count(m => …) are nested more than {0} deep; split the criterion or declare a fact computed beforehand"),

        // What is missing where the expression ends.
        ("missing.value", "một giá trị", "a value"),

        // What an argument in quotes names, and what a function takes.
        ("quoted.award", "mã một danh hiệu", "an award id"),
        ("quoted.level", "một mức của thang '{0}'", "a level of scale '{0}'"),
        ("quoted.scoring", "mã một bảng chấm điểm", "a scoring table id"),
        ("quoted.fact", "tên một dữ kiện", "a fact's name"),
        ("subject.none", "(ở đây không có đối tượng)", "(none here)"),
        ("functions.none-on", "không có hàm nào trên {0}", "none on {0}"),

        // Types: what a value holds.
        ("type.bool", "đúng/sai", "true/false"),
        ("type.number", "một số", "a number"),
        ("type.ratio", "một tỷ lệ", "a ratio"),
        ("type.text", "văn bản", "text"),
        ("type.date", "một ngày", "a date"),
        ("type.scale", "một mức của thang '{0}'", "a level of scale '{0}'"),
        ("type.level", "một mức của thang", "a scale level"),
        ("type.null", "null", "null"),
        ("type.individual", "một cá nhân", "an individual"),
        ("type.unit", "một đơn vị", "a unit"),
        ("type.initiative", "một sáng kiến", "an initiative"),
        ("type.list-individual", "danh sách cá nhân", "a list of individuals"),
        ("type.list-unit", "danh sách đơn vị", "a list of units"),
        ("type.list-initiative", "danh sách sáng kiến", "a list of initiatives"),
    ];
}
