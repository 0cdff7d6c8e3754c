namespace ThiDua.Rules.Loading;

/// <summary>
/// Limits on a data file, so that a wrong or hostile file is refused with a clear message (TDR032, naming where the
/// limit was passed) instead of exhausting memory. The defaults suit a whole province.
/// </summary>
/// <remarks>Immutable; set with <c>with</c>: <c>DataLimits.Default with { MaxSubjects = 50_000 }</c>. The JSON nesting
/// depth (64) and the expression length and depth of rule files (4,000 characters, 48 levels) are fixed: no valid file
/// comes near them.</remarks>
public sealed record DataLimits
{
    /// <summary>The defaults: 2 GiB, 10,000,000 subjects, texts of 1,048,576 characters, 1,000,000,000 list elements per expression.</summary>
    public static DataLimits Default { get; } = new();

    /// <summary>The largest data file accepted, in bytes (default 2 GiB).</summary>
    public long MaxFileBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The most units and individuals (together) accepted in one data file (default 10,000,000).</summary>
    public long MaxSubjects { get; init; } = 10_000_000;

    /// <summary>
    /// The longest text value accepted in a JSON data file, in characters (default 1,048,576): refused at its opening
    /// quote while reading (TDR143), before it is held in memory. Member names are limited to 1,000 characters (TDR142).
    /// </summary>
    public int MaxTextLength { get; init; } = 1 << 20;

    /// <summary>
    /// The most list elements one expression (a criterion, plan target or scoring item) may visit over the whole data
    /// (default 1,000,000,000, a few seconds of work). Nested aggregates multiply: <c>allMembers.count(a =>
    /// allMembers.count(b => allMembers.any(c => …)))</c> visits n³ elements for a unit of n people. The worst case is
    /// estimated from the bound data before anything is evaluated, and an expression above the limit is refused
    /// (TDR144, at the criterion, with the estimate) rather than run for hours.
    /// </summary>
    public long MaxCriterionWork { get; init; } = 1_000_000_000;
}
