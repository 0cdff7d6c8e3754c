using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Compilation;

/// <summary>
/// Checks a parameter value given for one evaluation (<see cref="Evaluation.EvaluationOptions.Parameters"/>,
/// <c>thidua check --set ID=VALUE</c>) the way a value in a rule file is checked: its type, and for a share its percent
/// sign, so that <c>--set cstdcsMaxShareOfLdtt=12</c> is refused instead of lifting the cap to 1200%.
/// </summary>
internal static class ParameterOverrides
{
    /// <summary>
    /// The value to use, or null (and a diagnostic naming the override) when it does not fit. Text is read as written
    /// on a command line: <c>12%</c>, <c>0.5</c>, <c>true</c>, <c>2024-06-30</c>, <c>null</c> (unset). A number given
    /// in C# for a share is a fraction (0.12 is 12%) and must be from 0 to 1; write "120%" for a share above one.
    /// </summary>
    public static StrongBox<object?>? Check(ParameterDefinition parameter, string name, object? value, DiagnosticBag diagnostics)
    {
        if (value is null || value is string { } unset && unset.Trim() == "null")
        {
            return new StrongBox<object?>(null);
        }

        var shown = name + "=" + Show(value);
        if (parameter.Type == ValueKind.Number && parameter.Kind == Quantity.Share)
        {
            switch (value)
            {
                case string text when !text.Trim().EndsWith('%'):
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.OverrideInvalid, SourceSpan.None, name + "=" + text.Trim() + "%", shown,
                        DiagnosticCatalog.Term("a share must be written with a percent sign, as in '12%'")));
                    return null;
                case decimal or int or long or double when System.Convert.ToDecimal(value, CultureInfo.InvariantCulture) is < 0 or > 1:
                    diagnostics.Add(DiagnosticCodes.OverrideInvalid, SourceSpan.None, shown, DiagnosticCatalog.Term("a share must be from 0 to 1 (0.12 is 12%), or written '12%'"));
                    return null;
            }
        }
        else if (parameter.Type == ValueKind.Number && value is string percent && percent.Trim().EndsWith('%') && parameter.Kind != Quantity.Number)
        {
            diagnostics.Add(DiagnosticCodes.ParameterKindMismatch, SourceSpan.None, name, DiagnosticCatalog.QuantityTerm(parameter.Kind), parameter.Span.ToString(),
                percent.Trim(), DiagnosticCatalog.QuantityTerm(Quantity.Share));
            return null;
        }

        var converted = ToValue(parameter.Type, value);
        if (converted is null)
        {
            diagnostics.Add(DiagnosticCodes.OverrideInvalid, SourceSpan.None, shown, DiagnosticCatalog.Term("not a value of this parameter's type"));
            return null;
        }

        return new StrongBox<object?>(converted);
    }

    private static string Show(object value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object? ToValue(ValueKind kind, object value) => (kind, value) switch
    {
        (ValueKind.Bool, bool b) => b,
        (ValueKind.Bool, string s) when s.Trim() is "true" or "false" => s.Trim() == "true",
        (ValueKind.Number, decimal d) => d,
        (ValueKind.Number, int i) => (decimal)i,
        (ValueKind.Number, long l) => (decimal)l,
        (ValueKind.Number, double d) when double.IsFinite(d) && Math.Abs(d) < 7.9e27 => (decimal)d,
        (ValueKind.Number, string s) when s.Trim().EndsWith('%')
            && decimal.TryParse(s.Trim()[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) => p / 100m,
        (ValueKind.Number, string s) when decimal.TryParse(s.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        (ValueKind.Text, string s) => s,
        (ValueKind.Date, LocalDate d) => d,
        (ValueKind.Date, string s) when IsoDate.TryParse(s.Trim(), out var d) => d,
        _ => null,
    };
}
