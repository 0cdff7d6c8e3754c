namespace ThiDua.Rules.Validation;

/// <content>The codes of the expression language's dates and days (<c>date ± days</c>, <c>daysBetween</c>).</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR045</c> (error): '{0}' adds two dates: subtract them for the days between, or add a number of days to one.</summary>
    public static readonly DiagnosticCode DatesAdded = new(45);

    /// <summary><c>TDR046</c> (error): '{0}' subtracts a date from a number: a date comes first, as in date - 30.</summary>
    public static readonly DiagnosticCode DateSubtractedFromNumber = new(46);

    /// <summary><c>TDR047</c> (error): '{0}' adds {1} to a date: only days can be added to or subtracted from a date (a month or a year has no fixed length; compare months with monthsBetween).</summary>
    public static readonly DiagnosticCode DateNeedsDays = new(47);
}

/// <content>Templates of the language codes.</content>
internal static partial class DiagnosticCatalog
{
    private static DiagnosticTemplate[] LanguageEntries =>
    [
        new(DiagnosticCodes.DatesAdded, "DatesAdded", Severity.Error,
            "'{0}' cộng hai ngày với nhau: trừ hai ngày để có số ngày giữa chúng, hoặc cộng một số ngày vào một ngày",
            "'{0}' adds two dates: subtract them for the days between, or add a number of days to one"),
        new(DiagnosticCodes.DateSubtractedFromNumber, "DateSubtractedFromNumber", Severity.Error,
            "'{0}' lấy một số trừ đi một ngày: ngày phải đứng trước, ví dụ ngày - 30",
            "'{0}' subtracts a date from a number: a date comes first, as in date - 30"),
        new(DiagnosticCodes.DateNeedsDays, "DateNeedsDays", Severity.Error,
            "'{0}' cộng {1} vào một ngày: chỉ cộng, trừ được số ngày (tháng, năm không có số ngày cố định; so sánh số tháng bằng monthsBetween)",
            "'{0}' adds {1} to a date: only days can be added to or subtracted from a date (a month or a year has no fixed length; compare months with monthsBetween)"),
    ];
}
