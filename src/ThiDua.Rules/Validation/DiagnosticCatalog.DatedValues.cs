namespace ThiDua.Rules.Validation;

/// <content>The codes of parameters' dated values (a value from an effective date, with its basis).</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR042</c> (error): the dated values of {0} must be written in order of their dates: {1} comes after {2}.</summary>
    public static readonly DiagnosticCode DatedValuesOutOfOrder = new(42);

    /// <summary><c>TDR043</c> (error): {0} has two values from {1} (the other at {2}): keep one.</summary>
    public static readonly DiagnosticCode DatedValueTwice = new(43);

    /// <summary><c>TDR044</c> (warning): {0} has no value from {1} (the rule set's start) until {2}: decisions in between find it unset.</summary>
    public static readonly DiagnosticCode DatedValueGap = new(44);
}

/// <content>Templates of the dated-value codes.</content>
internal static partial class DiagnosticCatalog
{
    private static DiagnosticTemplate[] DatedValueEntries =>
    [
        new(DiagnosticCodes.DatedValuesOutOfOrder, "DatedValuesOutOfOrder", Severity.Error,
            "các giá trị theo ngày của {0} phải ghi theo thứ tự ngày: {1} đứng sau {2}",
            "the dated values of {0} must be written in order of their dates: {1} comes after {2}"),
        new(DiagnosticCodes.DatedValueTwice, "DatedValueTwice", Severity.Error,
            "{0} có hai giá trị cùng áp dụng từ {1} (giá trị kia ở {2}): chỉ giữ một",
            "{0} has two values from {1} (the other at {2}): keep one"),
        new(DiagnosticCodes.DatedValueGap, "DatedValueGap", Severity.Warning,
            "{0} không có giá trị từ {1} (ngày bộ quy tắc bắt đầu hiệu lực) đến trước {2}: quyết định trong khoảng đó coi như tham số chưa đặt",
            "{0} has no value from {1} (the rule set's start) until {2}: decisions in between find it unset"),
    ];

    /// <summary>The object kind of a dated value, as a catalog term.</summary>
    private static KeyValuePair<string, string>[] DatedValueTerms =>
    [
        new("dated value", "giá trị theo ngày của tham số"),
    ];
}
