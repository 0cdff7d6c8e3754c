using System.Runtime.CompilerServices;
using NodaTime;
using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Intake;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// Small static helpers called by compiled criteria (and by the tests' reference interpreter, so both agree by construction
/// on these primitives). Every helper treats null as "unknown" and returns null when the answer is unknown.
/// </summary>
/// <remarks>
/// The helpers are not inlined into compiled criteria (the three-valued conversions excepted): compiling a rule set is
/// mostly the JIT optimising the award kernels, and inlined decimal and date arithmetic made every kernel larger to
/// optimise for no measurable gain in evaluation.
/// </remarks>
internal static class Runtime
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int? Compare(decimal? a, decimal? b) => a.HasValue && b.HasValue ? a.Value.CompareTo(b.Value) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int? Compare(Fraction? a, decimal? b) => a.HasValue && b.HasValue ? a.Value.CompareTo(b.Value) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int? Compare(decimal? a, Fraction? b) => a.HasValue && b.HasValue ? -b.Value.CompareTo(a.Value) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int? Compare(Fraction? a, Fraction? b) => a.HasValue && b.HasValue ? a.Value.CompareTo(b.Value) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int? Compare(int? a, int? b) => a.HasValue && b.HasValue ? a.Value.CompareTo(b.Value) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int? Compare(LocalDate? a, LocalDate? b) => a.HasValue && b.HasValue ? a.Value.CompareTo(b.Value) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int? Compare(bool? a, bool? b) => a.HasValue && b.HasValue ? a.Value.CompareTo(b.Value) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int? Compare(string? a, string? b) => a is not null && b is not null ? string.CompareOrdinal(a, b) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool? Test(int? comparison, BinaryOperator op) => comparison is not { } c
        ? null
        : op switch
        {
            BinaryOperator.Equal => c == 0,
            BinaryOperator.NotEqual => c != 0,
            BinaryOperator.Less => c < 0,
            BinaryOperator.LessOrEqual => c <= 0,
            BinaryOperator.Greater => c > 0,
            _ => c >= 0,
        };

    // Sums and products of values below these bounds cannot overflow a decimal (about 7.9e28), so the common case needs
    // no exception handler and stays inlinable; the rare large case goes through the checked slow path.
    private const decimal SafeFactor = 1e14m;

    // Decimal bits as .NET lays them out: the flags (sign and scale) and the high 32 bits of the mantissa in the first
    // eight bytes, the low 64 bits in the next eight. RuntimeTests pins this against decimal.GetBits.

    /// <summary>
    /// Whether the 96-bit mantissa fits in 64 bits: then |d| &lt; 2^64, and a sum or difference of two such values cannot
    /// overflow (a cheaper test than comparing decimals, which the fast path of every addition would pay).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Small(decimal d) =>
        System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.CompilerServices.Unsafe.As<decimal, uint>(ref d), 1) == 0;

    /// <summary>Whether <paramref name="d"/> is 0 as written "0": zero mantissa, scale 0, positive (all 128 bits clear).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsPlainZero(decimal d)
    {
        ref var halves = ref System.Runtime.CompilerServices.Unsafe.As<decimal, ulong>(ref d);
        return halves == 0 && System.Runtime.CompilerServices.Unsafe.Add(ref halves, 1) == 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? Add(decimal? a, decimal? b)
    {
        if (!a.HasValue || !b.HasValue)
        {
            return null;
        }

        var x = a.GetValueOrDefault();
        var y = b.GetValueOrDefault();
        if (IsPlainZero(y))
        {
            // x + 0 is x, to the bit, whatever the scale and sign of x (a test pins it): the common "(fact ?? 0)" term.
            return x;
        }

        return Small(x) && Small(y) ? x + y : Checked(x, y, 0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? Subtract(decimal? a, decimal? b)
    {
        if (!a.HasValue || !b.HasValue)
        {
            return null;
        }

        var x = a.GetValueOrDefault();
        var y = b.GetValueOrDefault();
        return Small(x) && Small(y) ? x - y : Checked(x, y, 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? Multiply(decimal? a, decimal? b)
    {
        if (!a.HasValue || !b.HasValue)
        {
            return null;
        }

        var x = a.GetValueOrDefault();
        var y = b.GetValueOrDefault();
        return x is > -SafeFactor and < SafeFactor && y is > -SafeFactor and < SafeFactor ? x * y : Checked(x, y, 2);
    }

    /// <summary>Division; division by zero is unknown (there is nothing to judge), never an exception.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? Divide(decimal? a, decimal? b)
    {
        if (!a.HasValue || !b.HasValue || b.GetValueOrDefault() == 0)
        {
            return null;
        }

        return Checked(a.GetValueOrDefault(), b.GetValueOrDefault(), 3);
    }

    /// <summary>Arithmetic whose result may overflow: an overflow is unknown, not an exception.</summary>
    private static decimal? Checked(decimal x, decimal y, int operation)
    {
        try
        {
            return operation switch
            {
                0 => x + y,
                1 => x - y,
                2 => x * y,
                _ => x / y,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? Negate(decimal? a) => a.HasValue ? -a.Value : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool? Not(bool? a) => a.HasValue ? !a.Value : null;

    /// <summary>The order of two known numbers (negative, zero, positive), for compiled comparisons.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Order(decimal a, decimal b) => decimal.Compare(a, b);

    /// <summary>The order of two known dates, for compiled comparisons.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Order(LocalDate a, LocalDate b) => a.CompareTo(b);

    /// <summary>Whether two known dates are the same (dates in different calendars are different, not an error).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Same(LocalDate a, LocalDate b) => a == b;

    // ----- three-valued logic as integers -----
    // Compiled criteria carry a truth value as an int: 0 false, 1 unknown, 2 true (the values of CriterionStatus). Then
    // Kleene "and" is the minimum, "or" the maximum and "not" is 2 - x, with no Nullable<bool> to branch on: smaller
    // kernels, which the JIT compiles faster and which run faster.

    /// <summary>False, unknown and true as compiled criteria carry them.</summary>
    public const int False = 0, Unknown = 1, True = 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Tri(bool? value) => value.HasValue ? (value.GetValueOrDefault() ? True : False) : Unknown;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? FromTri(int value) => value == Unknown ? null : value == True;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? ToNumber(Fraction? f) => f.HasValue ? f.Value.ToDecimal() : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? Count(int count) => count;

    /// <summary>
    /// <c>date + days</c> (and <c>date - days</c> with <paramref name="days"/> negated): the date that many calendar days
    /// later. A fraction of a day is dropped (toward zero); unknown when either side is, or when the date would fall
    /// outside the calendar (NodaTime's years −9998 to 9999), never an exception.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static LocalDate? AddDays(LocalDate? date, decimal? days)
    {
        if (!date.HasValue || !days.HasValue)
        {
            return null;
        }

        if (Math.Abs(days.Value) > CalendarDays)
        {
            return null;
        }

        // Past the calendar's span there is no such date: checked on the day numbers, so PlusDays never throws.
        var sinceFirst = (decimal)Period.DaysBetween(LocalDate.MinIsoValue, date.Value);
        var target = sinceFirst + decimal.Truncate(days.Value);
        return target < 0 || target > CalendarDays ? null : date.Value.PlusDays((int)(target - sinceFirst));
    }

    /// <summary><c>date - days</c>: <see cref="AddDays"/> with the days negated.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static LocalDate? SubtractDays(LocalDate? date, decimal? days) => AddDays(date, days.HasValue ? -days.Value : null);

    /// <summary><c>daysBetween(from, to)</c> and <c>to - from</c>: the calendar days from one date to the other, negative
    /// when <paramref name="to"/> is earlier; unknown when either is.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? DaysBetween(LocalDate? from, LocalDate? to) =>
        from.HasValue && to.HasValue ? Period.DaysBetween(from.Value, to.Value) : null;

    /// <summary><c>left - right</c> for two dates: <see cref="DaysBetween"/>(right, left), its operands in written order.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? SubtractDates(LocalDate? left, LocalDate? right) => DaysBetween(right, left);

    // The days from the calendar's first day to its last.
    private static readonly decimal CalendarDays = Period.DaysBetween(LocalDate.MinIsoValue, LocalDate.MaxIsoValue);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? DateYear(LocalDate? d) => d.HasValue ? d.Value.Year : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? DateMonth(LocalDate? d) => d.HasValue ? d.Value.Month : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? DateDay(LocalDate? d) => d.HasValue ? d.Value.Day : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string? SubjectKindName(Model.SubjectKind kind) => Population.KindName(kind);

    // ----- subject functions -----

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool? Has(EvalFrame frame, int award, int subject)
    {
        var outcomes = frame.Outcomes[award];
        if (outcomes is null || subject < 0)
        {
            return null;
        }

        return (Outcome)outcomes[subject] switch
        {
            Outcome.Recommended => true,
            Outcome.InsufficientData => null,
            _ => false,
        };
    }

    private static HistoryRow[] History(EvalFrame frame, bool individual, int subject) =>
        individual ? frame.Population.Individuals.History[subject] : frame.Population.Units.History[subject];

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool? Had(EvalFrame frame, bool individual, int award, int subject)
    {
        foreach (var row in History(frame, individual, subject))
        {
            if (row.Year < frame.Population.Year && row.Has(award))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool? HadInYear(EvalFrame frame, bool individual, int award, int subject, decimal? year)
    {
        if (!year.HasValue)
        {
            return null;
        }

        if (year.Value == frame.Population.Year)
        {
            return Has(frame, award, subject);
        }

        foreach (var row in History(frame, individual, subject))
        {
            if (row.Year == year.Value)
            {
                return row.Has(award);
            }
        }

        return false;
    }

    /// <summary>Consecutive years with the award ending with the evaluated year (this year's outcome included).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? Streak(EvalFrame frame, bool individual, int award, int subject)
    {
        var now = Has(frame, award, subject);
        if (now is null)
        {
            return null;
        }

        if (now == false)
        {
            return 0;
        }

        return 1 + PastStreak(History(frame, individual, subject), frame.Population.Year - 1, award, -1);
    }

    /// <summary>
    /// Consecutive past years, walking back from <paramref name="fromYear"/>, that hold the award (when
    /// <paramref name="award"/> ≥ 0) or a rating of at least <paramref name="level"/>. No delegate, so no allocation.
    /// </summary>
    private static int PastStreak(HistoryRow[] history, int fromYear, int award, int level)
    {
        // History rows are sorted by year ascending.
        var count = 0;
        var expected = fromYear;
        for (var i = history.Length - 1; i >= 0; i--)
        {
            var row = history[i];
            if (row.Year > expected)
            {
                continue;
            }

            var holds = award >= 0 ? row.Has(award) : row.Rating >= level;
            if (row.Year < expected || !holds)
            {
                break;
            }

            count++;
            expected--;
        }

        return count;
    }

    /// <summary>Consecutive years rated at least <paramref name="level"/>, ending with the evaluated year.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? RatingStreak(EvalFrame frame, bool individual, int level, int subject)
    {
        var rating = individual ? frame.Population.Individuals.Rating[subject] : frame.Population.Units.Rating[subject];
        if (rating is null)
        {
            return null;
        }

        if (rating.Value < level)
        {
            return 0;
        }

        return 1 + PastStreak(History(frame, individual, subject), frame.Population.Year - 1, -1, level);
    }

    /// <summary>The number of years among the last <paramref name="years"/> (this year included) with the award.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? AwardCount(EvalFrame frame, bool individual, int award, int subject, decimal? years)
    {
        if (!years.HasValue)
        {
            return null;
        }

        var now = Has(frame, award, subject);
        if (now is null)
        {
            return null;
        }

        var count = now == true && years.Value >= 1 ? 1 : 0;
        var first = frame.Population.Year - years.Value + 1;
        foreach (var row in History(frame, individual, subject))
        {
            if (row.Year >= first && row.Year < frame.Population.Year && row.Has(award))
            {
                count++;
            }
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? YearsSince(EvalFrame frame, bool individual, int award, int subject)
    {
        var history = History(frame, individual, subject);
        for (var i = history.Length - 1; i >= 0; i--)
        {
            if (history[i].Year < frame.Population.Year && history[i].Has(award))
            {
                return frame.Population.Year - history[i].Year;
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool? DisciplinedAtLeast(EvalFrame frame, int level, int subject)
    {
        var actual = frame.Population.Individuals.DisciplineLevel[subject];
        return actual switch
        {
            Population.NoDiscipline => false,
            Population.DisciplineUnknown => null,
            _ => actual >= level,
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? Score(EvalFrame frame, int table, int subject) => frame.Scores[table]?[subject];

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? ClusterRank(EvalFrame frame, int table, int subject) =>
        frame.ClusterRanks[table] is { } ranks && ranks[subject] > 0 ? ranks[subject] : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? InvokePlugin(Extensibility.IExpressionFunction function, object?[] arguments) => function.Invoke(arguments);
}
