using System.Globalization;

namespace ThiDua.Rules.Validation;

/// <summary>
/// A stable diagnostic code such as <c>TDR012</c>. Tools and tests match on the code, never on the message text.
/// </summary>
/// <param name="Number">The number after the <c>TDR</c> prefix.</param>
public readonly record struct DiagnosticCode(int Number)
{
    /// <summary>Formats the code as <c>TDR###</c>.</summary>
    public override string ToString() => "TDR" + Number.ToString("000", CultureInfo.InvariantCulture);
}
