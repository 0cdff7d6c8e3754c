using ThiDua.Rules.Model;

namespace ThiDua.Rules.Validation;

/// <content>The codes of quantities (shares, counts, months, days, years, money) and of parameter overrides.</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR035</c> (error): {0} is a share, but {1} is written without a percent sign (it would mean {1} × 100%).</summary>
    public static readonly DiagnosticCode ShareWithoutPercent = new(35);

    /// <summary><c>TDR036</c> (error): '{0}' puts {1} and {2} together: {3}.</summary>
    public static readonly DiagnosticCode QuantityMismatch = new(36);

    /// <summary><c>TDR037</c> (error): parameter '{0}' is {1} in the base rule set ({2}), but the value {3} given here is {4}.</summary>
    public static readonly DiagnosticCode ParameterKindMismatch = new(37);

    /// <summary><c>TDR038</c> (error): the quota's max {0} is {1}: write a share such as "15%", or add "count": true when it is a number of places.</summary>
    public static readonly DiagnosticCode QuotaMaxNotShare = new(38);

    /// <summary><c>TDR039</c> (error): the quota counts places ("count": true), but its max {0} is a share: remove "count", or give a number of places.</summary>
    public static readonly DiagnosticCode QuotaCountIsShare = new(39);

    /// <summary><c>TDR040</c> (error): the override {0}: {1}.</summary>
    public static readonly DiagnosticCode OverrideInvalid = new(40);

    /// <summary><c>TDR041</c> (error): invalid 'kind' '{0}' (kinds: {1}).</summary>
    public static readonly DiagnosticCode UnknownQuantityKind = new(41);
}

/// <content>Templates of the quantity codes.</content>
internal static partial class DiagnosticCatalog
{
    private static DiagnosticTemplate[] QuantityEntries =>
    [
        new(DiagnosticCodes.ShareWithoutPercent, "ShareWithoutPercent", Severity.Error,
            "{0} là tỷ lệ phần trăm, nhưng {1} được viết không có dấu % (sẽ có nghĩa là {1} × 100%)",
            "{0} is a share, but {1} is written without a percent sign (it would mean {1} × 100%)"),
        new(DiagnosticCodes.QuantityMismatch, "QuantityMismatch", Severity.Error,
            "'{0}' đặt {1} cạnh {2}: {3}",
            "'{0}' puts {1} and {2} together: {3}"),
        new(DiagnosticCodes.ParameterKindMismatch, "ParameterKindMismatch", Severity.Error,
            "tham số '{0}' là {1} trong bộ quy tắc gốc ({2}), nhưng giá trị {3} ghi ở đây là {4}",
            "parameter '{0}' is {1} in the base rule set ({2}), but the value {3} given here is {4}"),
        new(DiagnosticCodes.QuotaMaxNotShare, "QuotaMaxNotShare", Severity.Error,
            "mức tối đa của chỉ tiêu {0} là {1}: hãy viết tỷ lệ như \"15%\", hoặc thêm \"count\": true nếu đó là số suất",
            "the quota's max {0} is {1}: write a share such as \"15%\", or add \"count\": true when it is a number of places"),
        new(DiagnosticCodes.QuotaCountIsShare, "QuotaCountIsShare", Severity.Error,
            "chỉ tiêu tính theo số suất (\"count\": true), nhưng mức tối đa {0} là tỷ lệ phần trăm: bỏ \"count\", hoặc ghi số suất",
            "the quota counts places (\"count\": true), but its max {0} is a share: remove \"count\", or give a number of places"),
        new(DiagnosticCodes.OverrideInvalid, "OverrideInvalid", Severity.Error,
            "giá trị thay thế {0}: {1}",
            "the override {0}: {1}"),
        new(DiagnosticCodes.UnknownQuantityKind, "UnknownQuantityKind", Severity.Error,
            "'kind' không hợp lệ '{0}' (các loại: {1})",
            "invalid 'kind' '{0}' (kinds: {1})"),
    ];

    /// <summary>The words for each kind, Vietnamese and English, as catalog terms.</summary>
    private static KeyValuePair<string, string>[] QuantityTerms =>
    [
        new("a plain number", "một số"),
        new("a share (%)", "tỷ lệ phần trăm (%)"),
        new("a count", "số lượng (người, đơn vị, lần)"),
        new("a number of months", "số tháng"),
        new("a number of days", "số ngày"),
        new("a number of years", "số năm"),
        new("an amount of money", "số tiền"),
        new("a share must be written with a percent sign, as in '12%'", "tỷ lệ phải viết kèm dấu %, ví dụ '12%'"),
        new("a share must be from 0 to 1 (0.12 is 12%), or written '12%'", "tỷ lệ phải từ 0 đến 1 (0.12 là 12%), hoặc viết '12%'"),
        new("write ID=VALUE, as in cstdcsMaxShareOfLdtt=12%", "viết dạng MÃ=GIÁ_TRỊ, ví dụ cstdcsMaxShareOfLdtt=12%"),
        new("not a value of this parameter's type", "không phải giá trị đúng kiểu của tham số"),
        new("a share and another kind of number cannot be compared or added", "không thể so sánh hoặc cộng tỷ lệ phần trăm với loại số khác"),
        new("these two kinds of number cannot be compared or added", "không thể so sánh hoặc cộng hai loại số này"),
    ];

    /// <summary>The catalog term of a kind (<c>a share (%)</c>), translated when the message is rendered.</summary>
    internal static string QuantityTerm(Quantity quantity) => Term(QuantityTerms[(int)quantity].Key);
}
