namespace ThiDua.Rules.Model;

/// <summary>
/// What a number measures. Parameters and facts declare it with <c>"kind"</c> (or a parameter infers it from a value
/// written <c>"12%"</c>); the type checker carries it through expressions, so that a share written <c>12</c> where
/// <c>12%</c> is meant, or a share compared with a count, is a validation error rather than a silent wrong answer.
/// </summary>
public enum Quantity
{
    /// <summary>A plain number, or one whose kind is not said (<c>"number"</c>); combines with any kind but a share.</summary>
    Number = 0,

    /// <summary>A share, written with a percent sign (<c>"15%"</c> is 0.15); printed as a percentage (<c>"share"</c>).</summary>
    Share = 1,

    /// <summary>A number of people, units, times or places (<c>"count"</c>).</summary>
    Count = 2,

    /// <summary>A number of months (<c>"months"</c>).</summary>
    Months = 3,

    /// <summary>A number of days (<c>"days"</c>).</summary>
    Days = 4,

    /// <summary>A number of years (<c>"years"</c>).</summary>
    Years = 5,

    /// <summary>An amount of money, in the unit the label gives (<c>"money"</c>).</summary>
    Money = 6,
}

/// <summary>The rule-file names of <see cref="Quantity"/> and the rule for combining two kinds.</summary>
internal static class Quantities
{
    /// <summary>The names written in <c>"kind"</c>, in the order of <see cref="Quantity"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["number", "share", "count", "months", "days", "years", "money"];

    /// <summary>The rule-file name of a kind (<c>share</c>, <c>count</c>…).</summary>
    /// <param name="quantity">The kind.</param>
    /// <returns>Its name.</returns>
    public static string Name(Quantity quantity) => Names[(int)quantity];

    /// <summary>Reads a kind's rule-file name.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="quantity">The kind, when the name is known.</param>
    /// <returns>True when the name is one of <see cref="Names"/>.</returns>
    public static bool TryParse(string? name, out Quantity quantity)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                quantity = (Quantity)i;
                return true;
            }
        }

        quantity = Quantity.Number;
        return false;
    }

    /// <summary>
    /// Whether a value of kind <paramref name="given"/> may stand where <paramref name="expected"/> is declared: the same
    /// kind, or a plain number where anything but a share is expected (a share is never written without its percent sign).
    /// </summary>
    /// <param name="expected">The declared kind.</param>
    /// <param name="given">The kind of the value written.</param>
    /// <returns>True when they agree.</returns>
    public static bool Fits(Quantity expected, Quantity given) =>
        Compatible(expected, given) && !(expected == Quantity.Share && given == Quantity.Number) && !(given == Quantity.Share && expected == Quantity.Number);

    /// <summary>
    /// Whether two kinds may be compared or added: the same kind, a plain number with anything, and a count with years
    /// (titles and ratings come once a year, so "03 lần" and "03 năm" are counted alike).
    /// </summary>
    /// <param name="left">One kind.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when they combine.</returns>
    public static bool Compatible(Quantity left, Quantity right) =>
        left == right || left == Quantity.Number || right == Quantity.Number
        || (left, right) is (Quantity.Count, Quantity.Years) or (Quantity.Years, Quantity.Count);
}
