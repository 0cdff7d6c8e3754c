namespace ThiDua.Rules.Validation;

/// <content>The codes of rule-file test data: shared fixtures, tables of subjects and groups of individuals.</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR170</c> (error): test '{0}' uses the fixture '{1}', which this file does not declare (fixtures: {2}).</summary>
    public static readonly DiagnosticCode TestFixtureUnknown = new(170);

    /// <summary><c>TDR171</c> (error): the column '{0}' is written twice in the table (or under a column that is not an object).</summary>
    public static readonly DiagnosticCode TestTableColumnTwice = new(171);

    /// <summary><c>TDR172</c> (error): this row has {0} values, but the table has {1} columns ({2}).</summary>
    public static readonly DiagnosticCode TestTableRowLength = new(172);

    /// <summary><c>TDR173</c> (error): the group's ratings add up to {0}, but its count is {1}.</summary>
    public static readonly DiagnosticCode TestGroupCountMismatch = new(173);

    /// <summary><c>TDR174</c> (error): a group cannot give both '{0}' and '{1}': {2}.</summary>
    public static readonly DiagnosticCode TestGroupConflict = new(174);

    /// <summary><c>TDR175</c> (error): a group holds at most {0} individuals; this one asks for {1}.</summary>
    public static readonly DiagnosticCode TestGroupTooLarge = new(175);
}

/// <content>Templates of the test-data codes.</content>
internal static partial class DiagnosticCatalog
{
    private static DiagnosticTemplate[] TestDataEntries =>
    [
        new(DiagnosticCodes.TestFixtureUnknown, "TestFixtureUnknown", Severity.Error,
            "ca kiểm thử '{0}' dùng bộ dữ liệu chung '{1}', nhưng tệp này không khai báo bộ đó (các bộ có trong tệp: {2})",
            "test '{0}' uses the fixture '{1}', which this file does not declare (fixtures: {2})"),
        new(DiagnosticCodes.TestTableColumnTwice, "TestTableColumnTwice", Severity.Error,
            "cột '{0}' được ghi hai lần trong bảng (hoặc nằm dưới một cột không phải đối tượng)",
            "the column '{0}' is written twice in the table (or under a column that is not an object)"),
        new(DiagnosticCodes.TestTableRowLength, "TestTableRowLength", Severity.Error,
            "dòng này có {0} giá trị, nhưng bảng có {1} cột ({2})",
            "this row has {0} values, but the table has {1} columns ({2})"),
        new(DiagnosticCodes.TestGroupCountMismatch, "TestGroupCountMismatch", Severity.Error,
            "tổng số người theo từng xếp loại của nhóm là {0}, nhưng 'count' của nhóm là {1}",
            "the group's ratings add up to {0}, but its count is {1}"),
        new(DiagnosticCodes.TestGroupConflict, "TestGroupConflict", Severity.Error,
            "nhóm không được ghi cả '{0}' và '{1}': {2}",
            "a group cannot give both '{0}' and '{1}': {2}"),
        new(DiagnosticCodes.TestGroupTooLarge, "TestGroupTooLarge", Severity.Error,
            "một nhóm có tối đa {0} cá nhân; nhóm này cần {1}",
            "a group holds at most {0} individuals; this one asks for {1}"),
    ];

    /// <summary>The object kinds and reasons of test data, as catalog terms.</summary>
    private static KeyValuePair<string, string>[] TestDataTerms =>
    [
        new("test fixture", "bộ dữ liệu thử dùng chung (fixture)"),
        new("subject table", "bảng dữ liệu thử (columns, rows)"),
        new("group of individuals", "nhóm cá nhân"),
        new("each person's rating comes from ratings", "xếp loại của từng người lấy từ ratings"),
        new("no fixture is declared", "chưa khai báo bộ nào"),
    ];
}
