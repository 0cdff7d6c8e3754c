using NodaTime;
using ThiDua.Rules.Extensibility;

namespace ThiDua.Rules.Functions;

/// <summary><c>abs(x)</c>: absolute value.</summary>
internal sealed class AbsFunction : ExpressionFunction<decimal, decimal>
{
    public override string Name => "abs";

    public override string Description => "absolute value";

    protected override decimal Compute(decimal argument) => Math.Abs(argument);
}

/// <summary><c>round(x)</c>: nearest whole number, halves away from zero.</summary>
internal sealed class RoundFunction : ExpressionFunction<decimal, decimal>
{
    public override string Name => "round";

    public override string Description => "nearest whole number (halves away from zero)";

    protected override decimal Compute(decimal argument) => Math.Round(argument, MidpointRounding.AwayFromZero);
}

/// <summary><c>round(x, digits)</c>.</summary>
internal sealed class RoundDigitsFunction : ExpressionFunction<decimal, decimal, decimal>
{
    public override string Name => "round";

    public override string Description => "rounded to the given number of decimals (halves away from zero)";

    protected override decimal Compute(decimal first, decimal second) =>
        Math.Round(first, (int)Math.Clamp(decimal.Truncate(second), 0m, 28m), MidpointRounding.AwayFromZero);
}

/// <summary><c>floor(x)</c>.</summary>
internal sealed class FloorFunction : ExpressionFunction<decimal, decimal>
{
    public override string Name => "floor";

    public override string Description => "largest whole number not above x";

    protected override decimal Compute(decimal argument) => Math.Floor(argument);
}

/// <summary><c>ceiling(x)</c>.</summary>
internal sealed class CeilingFunction : ExpressionFunction<decimal, decimal>
{
    public override string Name => "ceiling";

    public override string Description => "smallest whole number not below x";

    protected override decimal Compute(decimal argument) => Math.Ceiling(argument);
}

/// <summary><c>min(a, b)</c>.</summary>
internal sealed class MinFunction : ExpressionFunction<decimal, decimal, decimal>
{
    public override string Name => "min";

    public override string Description => "the smaller of two numbers";

    protected override decimal Compute(decimal first, decimal second) => Math.Min(first, second);
}

/// <summary><c>max(a, b)</c>.</summary>
internal sealed class MaxFunction : ExpressionFunction<decimal, decimal, decimal>
{
    public override string Name => "max";

    public override string Description => "the larger of two numbers";

    protected override decimal Compute(decimal first, decimal second) => Math.Max(first, second);
}

/// <summary><c>monthsBetween(from, to)</c>: whole months from one date to another (negative when reversed).</summary>
internal sealed class MonthsBetweenFunction : ExpressionFunction<LocalDate, LocalDate, decimal>
{
    public override string Name => "monthsBetween";

    public override string Description => "whole months from the first date to the second";

    protected override decimal Compute(LocalDate first, LocalDate second) => Period.Between(first, second, PeriodUnits.Months).Months;
}

/// <summary><c>date(year, month, day)</c>: a date from numbers, such as <c>date(year, 6, 15)</c>; unknown when there is no such day.</summary>
internal sealed class DateOfFunction : IExpressionFunction
{
    public string Name => "date";

    public string Description => "the date of a year, month and day";

    public IReadOnlyList<ArgumentKind> Parameters { get; } = [ArgumentKind.Number, ArgumentKind.Number, ArgumentKind.Number];

    public ArgumentKind ReturnKind => ArgumentKind.Date;

    public object? Invoke(ReadOnlySpan<object?> arguments)
    {
        if (arguments[0] is not decimal year || arguments[1] is not decimal month || arguments[2] is not decimal day
            || year != decimal.Truncate(year) || month != decimal.Truncate(month) || day != decimal.Truncate(day)
            || year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth((int)year, (int)month))
        {
            return null;
        }

        return new LocalDate((int)year, (int)month, (int)day);
    }
}
