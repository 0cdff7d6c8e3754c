using System.Globalization;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// An exact ratio of two whole numbers, such as 15/22 members reaching a title. Comparisons are exact: 7/10 is
/// exactly 70%, with no floating-point edge error.
/// </summary>
/// <param name="Numerator">The count that satisfied the condition.</param>
/// <param name="Denominator">The count considered; always positive.</param>
public readonly record struct Fraction(long Numerator, long Denominator)
{
    /// <summary>The value as a decimal (rounded to 28 digits; use <see cref="CompareTo(decimal)"/> for exact comparison).</summary>
    public decimal ToDecimal() => (decimal)Numerator / Denominator;

    /// <summary>Compares exactly with a decimal: <c>Numerator</c> against <c>value × Denominator</c>.</summary>
    public int CompareTo(decimal value) => ((decimal)Numerator).CompareTo(value * Denominator);

    /// <summary>Compares two fractions exactly by cross-multiplication.</summary>
    public int CompareTo(Fraction other) =>
        ((decimal)Numerator * other.Denominator).CompareTo((decimal)other.Numerator * Denominator);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
