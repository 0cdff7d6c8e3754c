using System.Runtime.CompilerServices;
using ThiDua.Rules.Intake;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// Two subject functions that the law's time windows need and the other built-ins cannot express:
/// <c>ratingCount('HTXSNV', n)</c> (how many of the last n years, this year included, were rated at least a level:
/// "trong thời gian đó có 01 năm hoàn thành xuất sắc nhiệm vụ") and <c>disciplinedInYear('khien-trach')</c> (a
/// discipline at that level or worse decided in the evaluated year: "bị xử lý kỷ luật trong năm đánh giá",
/// Nghị định 90/2020 as amended by Nghị định 48/2023), with <c>hadWithin('award', n)</c> and
/// <c>sinceLast('award', n)</c> for the cycles counted from a previous award, "never" included. The type checker binds
/// the names; compiled criteria and the reference interpreter of the tests call these methods.
/// </summary>
internal static class SubjectHistoryFunctions
{
    /// <summary>The years among the last <paramref name="years"/> (this year included) rated at least
    /// <paramref name="level"/>. Unknown when <paramref name="years"/> is unknown, or when this year's rating is unknown
    /// and the window includes this year. A past year absent from the history, or without a rating, does not count
    /// (as in <c>awardCount</c>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? RatingCount(EvalFrame frame, bool individual, int level, int subject, decimal? years)
    {
        if (!years.HasValue)
        {
            return null;
        }

        if (years.Value < 1)
        {
            return 0;
        }

        var population = frame.Population;
        var rating = individual ? population.Individuals.Rating[subject] : population.Units.Rating[subject];
        if (rating is null)
        {
            return null;
        }

        var count = rating.Value >= level ? 1 : 0;
        var first = population.Year - years.Value + 1;
        foreach (var row in individual ? population.Individuals.History[subject] : population.Units.History[subject])
        {
            if (row.Year >= first && row.Year < population.Year && row.Rating >= level)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether the award was received in one of the <paramref name="years"/> years before the evaluated one
    /// (<c>hadWithin('bang-khen-cap-tinh', 4)</c>: in the last four years), so that "at least five years since the last
    /// one, or never" is <c>!hadWithin(…, 4)</c> without a placeholder number for "never". Unknown when
    /// <paramref name="years"/> is unknown.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool? HadWithin(EvalFrame frame, bool individual, int award, int subject, decimal? years)
    {
        if (!years.HasValue)
        {
            return null;
        }

        var population = frame.Population;
        foreach (var row in individual ? population.Individuals.History[subject] : population.Units.History[subject])
        {
            if (row.Year < population.Year && row.Year >= population.Year - years.Value && row.Has(award))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The window of at most <paramref name="years"/> years that starts after the last time the award was
    /// received: the years since it when it is fewer, else <paramref name="years"/> (also when it was never received).
    /// <c>awardCount('chien-si-thi-dua-co-so', sinceLast('bang-khen-cap-tinh', ratingStreak('HTTNV')))</c> counts the
    /// titles of an unbroken run since the last diploma. Unknown when <paramref name="years"/> is unknown.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal? SinceLast(EvalFrame frame, bool individual, int award, int subject, decimal? years)
    {
        if (!years.HasValue)
        {
            return null;
        }

        return Runtime.YearsSince(frame, individual, award, subject) is { } since && since < years.Value ? since : years.Value;
    }

    /// <summary>Whether the individual has a discipline at <paramref name="level"/> or worse whose decision date falls in
    /// the evaluated year. Unknown when a discipline is recorded without a decision date.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool? DisciplinedInYear(EvalFrame frame, int level, int subject)
    {
        var decided = frame.Population.Individuals.DisciplineDecidedLevel[subject];
        return decided switch
        {
            Population.NoDiscipline => false,
            Population.DisciplineUnknown => null,
            _ => decided >= level,
        };
    }

    /// <summary>
    /// <c>factIn('fact', year)</c>: the fact's value recorded in the subject's history for <paramref name="year"/>, or this
    /// year's value for the evaluated year; unknown (default) when the year is unknown, has no record, or the record
    /// does not give the fact. <typeparamref name="T"/> is the fact's type as compiled code holds it (<c>decimal?</c>,
    /// <c>bool?</c>, <c>string</c>, <c>LocalDate?</c>, a level's <c>int?</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static T FactIn<T>(EvalFrame frame, bool individual, int slot, int subject, decimal? year) =>
        FactValueIn(frame, individual, slot, subject, year) is { } value ? (T)value : default!;

    /// <summary><see cref="FactIn{T}"/>, noting the value in <paramref name="trace"/> when it is missing for a known year:
    /// <c>NV1.history.2023.facts.tthcOnTime</c> (a past year, where the data would give it) or <c>NV1.tthcOnTime</c> (this year).</summary>
    public static T FactInTraced<T>(EvalFrame frame, bool individual, int slot, int subject, decimal? year, MissingTrace trace, string fact)
    {
        var value = FactValueIn(frame, individual, slot, subject, year);
        if (value is null && year is { } known)
        {
            trace.Note(individual, subject, known == frame.Population.Year ? fact : MissingFactName(known, fact));
        }

        return value is null ? default! : (T)value;
    }

    /// <summary>How a past year's missing fact is named in an explanation: its place in the data.</summary>
    public static string MissingFactName(decimal year, string fact) =>
        "history." + year.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".facts." + fact;

    /// <summary>The boxed value of <see cref="FactIn{T}"/>, null when unknown.</summary>
    public static object? FactValueIn(EvalFrame frame, bool individual, int slot, int subject, decimal? year)
    {
        if (year is not { } y)
        {
            return null;
        }

        var population = frame.Population;
        if (y == population.Year)
        {
            var column = (individual ? population.Individuals.Facts : population.Units.Facts)[slot];
            return subject < column.Length ? column.GetValue(subject) : null;
        }

        var history = individual ? population.Individuals.History : population.Units.History;
        if (subject >= history.Length)
        {
            return null;
        }

        foreach (var row in history[subject])
        {
            if (row.Year == y)
            {
                return row.Facts is { } facts && slot < facts.Length ? facts[slot] : null;
            }
        }

        return null;
    }
}
