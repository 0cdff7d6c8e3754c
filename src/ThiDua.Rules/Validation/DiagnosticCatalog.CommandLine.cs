using System.Collections.Frozen;

namespace ThiDua.Rules.Validation;

/// <content>The codes of the command line's usage errors and of plug-ins that cannot be loaded (TDR065, TDR260–TDR264, TDR266–TDR269).</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR065</c> (error): the plug-in '{0}' cannot be loaded: {1}.</summary>
    public static readonly DiagnosticCode PluginNotLoaded = new(65);

    /// <summary><c>TDR260</c> (error): the class '{1}' of plug-in '{0}' cannot be created: {2}.</summary>
    public static readonly DiagnosticCode PluginTypeNotCreated = new(260);

    /// <summary><c>TDR261</c> (error): {0}: '{1}' is not {2}.</summary>
    public static readonly DiagnosticCode UsageInvalidValue = new(261);

    /// <summary><c>TDR262</c> (error): {0} applies only with {1}.</summary>
    public static readonly DiagnosticCode UsageOptionNeedsAnother = new(262);

    /// <summary><c>TDR263</c> (error): --format xlsx writes a binary workbook: give --out FILE.xlsx.</summary>
    public static readonly DiagnosticCode UsageXlsxNeedsOut = new(263);

    /// <summary><c>TDR264</c> (error): {0}: the folder '{1}' does not exist; create it or choose another path.</summary>
    public static readonly DiagnosticCode UsageFolderMissing = new(264);

    /// <summary><c>TDR266</c> (error): unknown command, option or argument '{0}'.</summary>
    public static readonly DiagnosticCode UsageUnknownToken = new(266);

    /// <summary><c>TDR267</c> (error): {0} {1} is required.</summary>
    public static readonly DiagnosticCode UsageRequired = new(267);

    /// <summary><c>TDR268</c> (error): {0}: '{1}' is not allowed; choose one of: {2}.</summary>
    public static readonly DiagnosticCode UsageValueNotAllowed = new(268);

    /// <summary><c>TDR269</c> (error): the command line is not valid at {0}: {1}.</summary>
    public static readonly DiagnosticCode UsageInvalid = new(269);
}

/// <content>The templates of the codes above, and the Vietnamese of the terms they take.</content>
internal static partial class DiagnosticCatalog
{
    // A property, not a field: see LimitEntries.
    private static DiagnosticTemplate[] CommandLineEntries =>
    [
        new(DiagnosticCodes.PluginNotLoaded, "PluginNotLoaded", Severity.Error, "không nạp được plug-in '{0}': {1}", "the plug-in '{0}' cannot be loaded: {1}"),
        new(DiagnosticCodes.PluginTypeNotCreated, "PluginTypeNotCreated", Severity.Error, "không tạo được lớp '{1}' của plug-in '{0}': {2}", "the class '{1}' of plug-in '{0}' cannot be created: {2}"),
        new(DiagnosticCodes.UsageInvalidValue, "UsageInvalidValue", Severity.Error, "{0}: '{1}' không phải {2}", "{0}: '{1}' is not {2}"),
        new(DiagnosticCodes.UsageOptionNeedsAnother, "UsageOptionNeedsAnother", Severity.Error, "{0} chỉ dùng được cùng với {1}", "{0} applies only with {1}"),
        new(DiagnosticCodes.UsageXlsxNeedsOut, "UsageXlsxNeedsOut", Severity.Error, "--format xlsx ghi ra một bảng tính nhị phân: hãy cho --out TỆP.xlsx", "--format xlsx writes a binary workbook: give --out FILE.xlsx"),
        new(DiagnosticCodes.UsageFolderMissing, "UsageFolderMissing", Severity.Error, "{0}: thư mục '{1}' không tồn tại; hãy tạo thư mục đó hoặc chọn đường dẫn khác", "{0}: the folder '{1}' does not exist; create it or choose another path"),
        new(DiagnosticCodes.UsageUnknownToken, "UsageUnknownToken", Severity.Error, "không có lệnh, tùy chọn hay đối số nào là '{0}'", "unknown command, option or argument '{0}'"),
        new(DiagnosticCodes.UsageRequired, "UsageRequired", Severity.Error, "thiếu {0} {1}, là thông tin bắt buộc", "{0} {1} is required"),
        new(DiagnosticCodes.UsageValueNotAllowed, "UsageValueNotAllowed", Severity.Error, "{0}: không nhận giá trị '{1}'; hãy chọn một trong: {2}", "{0}: '{1}' is not allowed; choose one of: {2}"),
        new(DiagnosticCodes.UsageInvalid, "UsageInvalid", Severity.Error, "dòng lệnh không hợp lệ tại {0}: {1}", "the command line is not valid at {0}: {1}"),
    ];

    /// <summary>The Vietnamese of the terms the codes above take (<see cref="Term"/>).</summary>
    private static readonly FrozenDictionary<string, string> CommandLineTerms = new Dictionary<string, string>
    {
        ["is a folder; name the plug-in's .dll"] = "đây là một thư mục; hãy chỉ định tệp .dll của plug-in",
        ["not an ordinary file (a device, FIFO or socket)"] = "không phải tệp thông thường (là thiết bị, FIFO hoặc socket)",
        ["not a .NET assembly"] = "không phải assembly .NET",
        ["an assembly it needs is missing or cannot be loaded (run with --verbose for details)"] = "thiếu một assembly mà plug-in cần, hoặc không nạp được assembly đó (chạy với --verbose để xem chi tiết)",
        ["it holds no public class that implements IExpressionFunction or ICriterionType"] = "plug-in không có lớp public nào cài đặt IExpressionFunction hoặc ICriterionType",
        ["it has no public parameterless constructor"] = "lớp không có hàm khởi tạo public không tham số",
        ["its constructor failed (run with --verbose for details)"] = "hàm khởi tạo của lớp bị lỗi (chạy với --verbose để xem chi tiết)",
        ["a size: write a number of bytes, or one with KB, MB or GB (for example 500MB)"] = "một kích thước: hãy viết số byte, hoặc số kèm KB, MB hay GB (ví dụ 500MB)",
        ["a positive whole number"] = "một số nguyên dương",
        ["a date: write YYYY-MM-DD (or dd/MM/yyyy)"] = "một ngày: hãy viết YYYY-MM-DD (hoặc dd/MM/yyyy)",
        ["the option"] = "tùy chọn",
        ["the argument"] = "đối số",
        ["the command"] = "lệnh",
        ["a value is missing"] = "thiếu giá trị",
        ["one value only"] = "chỉ được một giá trị",
        ["a command is needed (run 'thidua --help')"] = "cần chỉ định một lệnh (chạy 'thidua --help')",
        ["this value cannot be read"] = "không đọc được giá trị này",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
