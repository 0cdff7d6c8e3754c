namespace ThiDua.Rules.Validation;

/// <content>The codes of the language: dates and days (<c>date ± days</c>, <c>daysBetween</c>) and a plan's change of a
/// base award (<c>extends</c> on an award).</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR045</c> (error): '{0}' adds two dates: subtract them for the days between, or add a number of days to one.</summary>
    public static readonly DiagnosticCode DatesAdded = new(45);

    /// <summary><c>TDR046</c> (error): '{0}' subtracts a date from a number: a date comes first, as in date - 30.</summary>
    public static readonly DiagnosticCode DateSubtractedFromNumber = new(46);

    /// <summary><c>TDR047</c> (error): '{0}' adds {1} to a date: only days can be added to or subtracted from a date (a month or a year has no fixed length; compare months with monthsBetween).</summary>
    public static readonly DiagnosticCode DateNeedsDays = new(47);

    /// <summary><c>TDR048</c> (error): award '{0}' extends '{1}', but the base rule set {2} has no such award.</summary>
    public static readonly DiagnosticCode ExtendedAwardMissing = new(48);

    /// <summary><c>TDR049</c> (error): award '{0}' has '{1}', which only a rule set that extends another can use (it changes the base's award): add "extends" to the rule set, or remove '{1}'.</summary>
    public static readonly DiagnosticCode AwardChangeWithoutBase = new(49);

    /// <summary><c>TDR050</c> (error): award '{0}' replaces the base's award for {1}, but the base's award changes within that time ({2}): write "extends": "{0}" with only what the plan changes, or give the award an "effective" period inside one of them.</summary>
    public static readonly DiagnosticCode AwardCopySpansBaseVersions = new(50);

    /// <summary><c>TDR051</c> (error): criterion '{0}' uses '{1}', which is not one of the rule set's common criteria (commonCriteria: {2}).</summary>
    public static readonly DiagnosticCode UnknownCommonCriterion = new(51);

    /// <summary><c>TDR052</c> (error): criterion '{0}' uses the common criterion '{1}' and also has '{2}': it takes its expr or type from the common one; remove '{2}'.</summary>
    public static readonly DiagnosticCode CommonCriterionConflict = new(52);
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
        new(DiagnosticCodes.ExtendedAwardMissing, "ExtendedAwardMissing", Severity.Error,
            "danh hiệu '{0}' kế thừa (extends) '{1}', nhưng bộ quy tắc cơ sở {2} không có danh hiệu này",
            "award '{0}' extends '{1}', but the base rule set {2} has no such award"),
        new(DiagnosticCodes.AwardChangeWithoutBase, "AwardChangeWithoutBase", Severity.Error,
            "danh hiệu '{0}' có '{1}', chỉ dùng được trong bộ quy tắc kế thừa bộ khác (để sửa danh hiệu của bộ cơ sở): thêm \"extends\" cho bộ quy tắc, hoặc bỏ '{1}'",
            "award '{0}' has '{1}', which only a rule set that extends another can use (it changes the base's award): add \"extends\" to the rule set, or remove '{1}'"),
        new(DiagnosticCodes.AwardCopySpansBaseVersions, "AwardCopySpansBaseVersions", Severity.Error,
            "danh hiệu '{0}' thay thế danh hiệu cùng mã của bộ cơ sở trong {1}, nhưng danh hiệu đó của bộ cơ sở thay đổi trong khoảng thời gian này ({2}): viết \"extends\": \"{0}\" chỉ với phần kế hoạch thay đổi, hoặc ghi \"effective\" cho danh hiệu nằm trong một trong các khoảng đó",
            "award '{0}' replaces the base's award for {1}, but the base's award changes within that time ({2}): write \"extends\": \"{0}\" with only what the plan changes, or give the award an \"effective\" period inside one of them"),
        new(DiagnosticCodes.UnknownCommonCriterion, "UnknownCommonCriterion", Severity.Error,
            "tiêu chuẩn '{0}' dùng '{1}', nhưng đó không phải tiêu chuẩn dùng chung của bộ quy tắc (commonCriteria: {2})",
            "criterion '{0}' uses '{1}', which is not one of the rule set's common criteria (commonCriteria: {2})"),
        new(DiagnosticCodes.CommonCriterionConflict, "CommonCriterionConflict", Severity.Error,
            "tiêu chuẩn '{0}' dùng tiêu chuẩn chung '{1}' nhưng lại có '{2}': biểu thức hoặc loại lấy từ tiêu chuẩn chung; hãy bỏ '{2}'",
            "criterion '{0}' uses the common criterion '{1}' and also has '{2}': it takes its expr or type from the common one; remove '{2}'"),
    ];
}
