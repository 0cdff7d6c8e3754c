namespace ThiDua.Rules.Validation;

/// <content>The codes of hostile and odd inputs: what is not an ordinary file, what passes a limit, what would take too long.</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR060</c> (error): '{0}' is not an ordinary file (a device, FIFO or socket) and is not read.</summary>
    public static readonly DiagnosticCode RuleFileNotRegular = new(60);

    /// <summary><c>TDR061</c> (error): the base rule set '{0}' must be a .json file or a folder of .json files.</summary>
    public static readonly DiagnosticCode ExtendsNotJson = new(61);

    /// <summary><c>TDR062</c> (error): the base rule set '{0}' lies outside the folder rule files may extend from ({1}).</summary>
    public static readonly DiagnosticCode ExtendsOutsideRoot = new(62);

    /// <summary><c>TDR063</c> (error): the rule file is larger than the limit of {0} bytes.</summary>
    public static readonly DiagnosticCode RuleFileTooLarge = new(63);

    /// <summary><c>TDR064</c> (error): the base rule set '{0}' cannot be used: it is not a valid rule file ({1} error(s)); run 'thidua validate' on it.</summary>
    public static readonly DiagnosticCode ExtendsInvalid = new(64);

    /// <summary><c>TDR066</c> (error): plug-in '{0}' failed ({1}): {2}.</summary>
    public static readonly DiagnosticCode PluginFailed = new(66);

    /// <summary><c>TDR067</c> (error): the output '{0}' is the same file as the input '{1}', which would be lost: choose another output file.</summary>
    public static readonly DiagnosticCode OutputSameAsInput = new(67);

    /// <summary><c>TDR068</c> (error): the output '{0}' exists and is not an ordinary file (a folder, device, FIFO or socket): choose a file name.</summary>
    public static readonly DiagnosticCode OutputNotRegular = new(68);

    /// <summary><c>TDR069</c> (error): {0} needs a value, but the value given is empty.</summary>
    public static readonly DiagnosticCode EmptyArgument = new(69);

    /// <summary><c>TDR140</c> (error): '{0}' is not an ordinary file (a folder, device, FIFO or socket) and is not read.</summary>
    public static readonly DiagnosticCode DataFileNotRegular = new(140);

    /// <summary><c>TDR141</c> (error): the data file is larger than the limit of {0} bytes (DataLimits.MaxFileBytes, thidua --max-file-size).</summary>
    public static readonly DiagnosticCode DataFileTooLarge = new(141);

    /// <summary><c>TDR142</c> (error): a member name longer than {0} characters.</summary>
    public static readonly DiagnosticCode DataNameTooLong = new(142);

    /// <summary><c>TDR143</c> (error): a text value longer than {0} characters (DataLimits.MaxTextLength).</summary>
    public static readonly DiagnosticCode DataTextTooLong = new(143);

    /// <summary><c>TDR144</c> (error): '{0}' would visit about {1} list elements for this data (nested aggregates multiply); the limit is {2} (DataLimits.MaxCriterionWork, thidua --max-criterion-work).</summary>
    public static readonly DiagnosticCode CriterionWorkTooLarge = new(144);

    /// <summary><c>TDR213</c> (error): the workbook part '{0}' unpacks to more than {1} bytes (more than 100 times its packed size, or more than 4 GiB): it is refused.</summary>
    public static readonly DiagnosticCode SheetPartTooLarge = new(213);

    /// <summary><c>TDR214</c> (error): the row has more than {0} cells.</summary>
    public static readonly DiagnosticCode SheetRowTooWide = new(214);

    /// <summary><c>TDR215</c> (error): the sheet has more than {0} rows.</summary>
    public static readonly DiagnosticCode SheetTooManyRows = new(215);

    /// <summary><c>TDR216</c> (error): the workbook holds more than {0} shared texts.</summary>
    public static readonly DiagnosticCode SheetTooManySharedStrings = new(216);

    /// <summary><c>TDR217</c> (error): the cell holds more than {0} characters.</summary>
    public static readonly DiagnosticCode SheetCellTooLong = new(217);

    /// <summary><c>TDR218</c> (error): a part of the workbook has a name longer than {0} characters.</summary>
    public static readonly DiagnosticCode SheetPartNameTooLong = new(218);

    /// <summary><c>TDR219</c> (error): the number {0} in '{1}' is out of range (numbers must lie between -79228162514264337593543950335 and 79228162514264337593543950335).</summary>
    public static readonly DiagnosticCode SheetNumberOutOfRange = new(219);
}

/// <content>The templates of the codes above.</content>
internal static partial class DiagnosticCatalog
{
    // A property, not a field: the main part's array spreads it in, and static fields of partial classes in several files
    // have no defined initialisation order.
    private static DiagnosticTemplate[] LimitEntries =>
    [
        new(DiagnosticCodes.RuleFileNotRegular, "RuleFileNotRegular", Severity.Error, "'{0}' không phải tệp thông thường (là thiết bị, FIFO hoặc socket) nên không được đọc", "'{0}' is not an ordinary file (a device, FIFO or socket) and is not read"),
        new(DiagnosticCodes.ExtendsNotJson, "ExtendsNotJson", Severity.Error, "bộ quy tắc cơ sở '{0}' phải là tệp .json hoặc thư mục chứa các tệp .json", "the base rule set '{0}' must be a .json file or a folder of .json files"),
        new(DiagnosticCodes.ExtendsOutsideRoot, "ExtendsOutsideRoot", Severity.Error, "bộ quy tắc cơ sở '{0}' nằm ngoài thư mục được phép kế thừa ({1})", "the base rule set '{0}' lies outside the folder rule files may extend from ({1})"),
        new(DiagnosticCodes.RuleFileTooLarge, "RuleFileTooLarge", Severity.Error, "tệp quy tắc lớn hơn giới hạn {0} byte", "the rule file is larger than the limit of {0} bytes"),
        new(DiagnosticCodes.ExtendsInvalid, "ExtendsInvalid", Severity.Error, "không dùng được bộ quy tắc cơ sở '{0}': đây không phải tệp quy tắc hợp lệ ({1} lỗi); hãy chạy 'thidua validate' với tệp đó", "the base rule set '{0}' cannot be used: it is not a valid rule file ({1} error(s)); run 'thidua validate' on it"),
        new(DiagnosticCodes.PluginFailed, "PluginFailed", Severity.Error, "plug-in '{0}' bị lỗi ({1}): {2}", "plug-in '{0}' failed ({1}): {2}"),
        new(DiagnosticCodes.OutputSameAsInput, "OutputSameAsInput", Severity.Error, "tệp kết quả '{0}' chính là tệp đầu vào '{1}', tệp này sẽ bị mất: hãy chọn tệp kết quả khác", "the output '{0}' is the same file as the input '{1}', which would be lost: choose another output file"),
        new(DiagnosticCodes.OutputNotRegular, "OutputNotRegular", Severity.Error, "tệp kết quả '{0}' đã có và không phải tệp thông thường (là thư mục, thiết bị, FIFO hoặc socket): hãy chọn một tên tệp", "the output '{0}' exists and is not an ordinary file (a folder, device, FIFO or socket): choose a file name"),
        new(DiagnosticCodes.EmptyArgument, "EmptyArgument", Severity.Error, "{0} cần một giá trị, nhưng giá trị đưa vào để trống", "{0} needs a value, but the value given is empty"),
        new(DiagnosticCodes.DataFileNotRegular, "DataFileNotRegular", Severity.Error, "'{0}' không phải tệp thông thường (là thư mục, thiết bị, FIFO hoặc socket) nên không được đọc", "'{0}' is not an ordinary file (a folder, device, FIFO or socket) and is not read"),
        new(DiagnosticCodes.DataFileTooLarge, "DataFileTooLarge", Severity.Error, "tệp dữ liệu lớn hơn giới hạn {0} byte (DataLimits.MaxFileBytes, thidua --max-file-size)", "the data file is larger than the limit of {0} bytes (DataLimits.MaxFileBytes, thidua --max-file-size)"),
        new(DiagnosticCodes.DataNameTooLong, "DataNameTooLong", Severity.Error, "tên trường dài hơn {0} ký tự", "a member name longer than {0} characters"),
        new(DiagnosticCodes.DataTextTooLong, "DataTextTooLong", Severity.Error, "giá trị văn bản dài hơn {0} ký tự (DataLimits.MaxTextLength)", "a text value longer than {0} characters (DataLimits.MaxTextLength)"),
        new(DiagnosticCodes.CriterionWorkTooLarge, "CriterionWorkTooLarge", Severity.Error, "'{0}' sẽ phải duyệt khoảng {1} phần tử danh sách với dữ liệu này (các phép gộp lồng nhau nhân lên); giới hạn là {2} (DataLimits.MaxCriterionWork, thidua --max-criterion-work): hãy bớt lồng, dùng một dữ kiện tính trước, hoặc nâng giới hạn", "'{0}' would visit about {1} list elements for this data (nested aggregates multiply); the limit is {2} (DataLimits.MaxCriterionWork, thidua --max-criterion-work): nest less, use a fact computed beforehand, or raise the limit"),
        new(DiagnosticCodes.SheetPartTooLarge, "SheetPartTooLarge", Severity.Error, "phần '{0}' của bảng tính khi giải nén lớn hơn {1} byte (hơn 100 lần kích thước nén, hoặc hơn 4 GiB) nên bị từ chối", "the workbook part '{0}' unpacks to more than {1} bytes (more than 100 times its packed size, or more than 4 GiB): it is refused"),
        new(DiagnosticCodes.SheetRowTooWide, "SheetRowTooWide", Severity.Error, "dòng có hơn {0} ô", "the row has more than {0} cells"),
        new(DiagnosticCodes.SheetTooManyRows, "SheetTooManyRows", Severity.Error, "trang tính có hơn {0} dòng", "the sheet has more than {0} rows"),
        new(DiagnosticCodes.SheetTooManySharedStrings, "SheetTooManySharedStrings", Severity.Error, "bảng tính chứa hơn {0} chuỗi dùng chung", "the workbook holds more than {0} shared texts"),
        new(DiagnosticCodes.SheetCellTooLong, "SheetCellTooLong", Severity.Error, "ô chứa hơn {0} ký tự", "the cell holds more than {0} characters"),
        new(DiagnosticCodes.SheetPartNameTooLong, "SheetPartNameTooLong", Severity.Error, "một phần của bảng tính có tên dài hơn {0} ký tự", "a part of the workbook has a name longer than {0} characters"),
        new(DiagnosticCodes.SheetNumberOutOfRange, "SheetNumberOutOfRange", Severity.Error, "số {0} ở '{1}' nằm ngoài phạm vi (số phải nằm trong khoảng -79228162514264337593543950335 đến 79228162514264337593543950335)", "the number {0} in '{1}' is out of range (numbers must lie between -79228162514264337593543950335 and 79228162514264337593543950335)"),
    ];
}
