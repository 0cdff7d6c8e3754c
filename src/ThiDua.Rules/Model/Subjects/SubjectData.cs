using System.Collections.Immutable;
using NodaTime;

namespace ThiDua.Rules.Model.Subjects;

/// <summary>
/// The data of one evaluation: the year, the as-of date, the units and the individuals (design §3). Immutable.
/// HR systems can build it directly from their own entities; no JSON is required.
/// </summary>
/// <example>
/// <code>
/// var data = new SubjectData
/// {
///     Year = 2024,
///     Units = [new Unit { Id = "VP", Name = "Văn phòng", Rating = "HTXSNV" }],
///     Individuals = staff.Select(s => new Individual { Id = s.Code, Name = s.FullName, Unit = "VP", Rating = s.Rating }).ToImmutableArray(),
/// };
/// </code>
/// </example>
/// <remarks>
/// <para>Nothing is checked when it is built: values are checked against a rule set when it is evaluated
/// (<see cref="Compilation.CompiledRuleSet.CheckData"/> lists every problem without evaluating). Unknown values are null,
/// never a default: a criterion that needs a null value is <c>unknown</c>, not failed.</para>
/// <para><b>Thread safety:</b> immutable, with its units and individuals; one instance may be evaluated by several rule
/// sets at once.</para>
/// </remarks>
public sealed record SubjectData
{
    /// <summary>The earliest evaluated (or history) year data may name: the subject schema's.</summary>
    internal const int MinYear = Schema.SubjectSchema.MinYear;

    /// <summary>The latest evaluated (or history) year data may name: the subject schema's.</summary>
    internal const int MaxYear = Schema.SubjectSchema.MaxYear;

    /// <summary>31 December of <paramref name="year"/>, the default decision date; a year out of range (which binding
    /// reports as an error) is brought into range so that the date exists.</summary>
    internal static NodaTime.LocalDate EndOfYear(int year) => new(Math.Clamp(year, MinYear, MaxYear), 12, 31);

    /// <summary>The evaluated year.</summary>
    public required int Year { get; init; }

    /// <summary>The as-of date of the data (the default for choosing the rule-set version).</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Units and enterprises.</summary>
    public ImmutableArray<Unit> Units { get; init; } = [];

    /// <summary>Individuals.</summary>
    public ImmutableArray<Individual> Individuals { get; init; } = [];

    /// <summary>Where the data came from (the file), or <see cref="SourceSpan.None"/>.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>A unit or an enterprise. Immutable.</summary>
public sealed record Unit
{
    /// <summary>Id, unique among units.</summary>
    public required string Id { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>The parent unit's id, or null for a root.</summary>
    public string? Parent { get; init; }

    /// <summary>Unit or enterprise.</summary>
    public SubjectKind Kind { get; init; } = SubjectKind.Unit;

    /// <summary>The emulation cluster (cụm, khối thi đua).</summary>
    public string? Cluster { get; init; }

    /// <summary>The collective's rating (a level of the <c>rating</c> scale), or null when unknown.</summary>
    public string? Rating { get; init; }

    /// <summary>Further named values: <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/> or <see cref="LocalDate"/>.</summary>
    public ImmutableDictionary<string, object?> Facts { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>Past years.</summary>
    public ImmutableArray<HistoryYear> History { get; init; } = [];

    /// <summary>The awards the unit itself proposes for this collective (ids or names; the spreadsheet column
    /// <c>Đề nghị</c>), compared with what the rules allow; null when the data does not say.</summary>
    public ImmutableArray<string>? Proposals { get; init; }

    /// <summary>Where the unit was declared.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>A person. Immutable; unknown values are null.</summary>
public sealed record Individual
{
    /// <summary>Id, unique among individuals.</summary>
    public required string Id { get; init; }

    /// <summary>Full name.</summary>
    public string? Name { get; init; }

    /// <summary>The id of the unit the person belongs to, or null.</summary>
    public string? Unit { get; init; }

    /// <summary>The position (chức vụ, chức danh), as written; printed in lists and documents.</summary>
    public string? Position { get; init; }

    /// <summary>The rating of the evaluated year, or null when unknown.</summary>
    public string? Rating { get; init; }

    /// <summary><c>cong-chuc</c>, <c>vien-chuc</c> or <c>nguoi-lao-dong</c>.</summary>
    public string? EmployeeType { get; init; }

    /// <summary>Start of continuous service at this agency.</summary>
    public LocalDate? StartDate { get; init; }

    /// <summary>Months worked in the evaluated year; derived from <see cref="StartDate"/> when null.</summary>
    public decimal? MonthsWorked { get; init; }

    /// <summary>Days absent in the evaluated year.</summary>
    public decimal? DaysAbsent { get; init; }

    /// <summary>A discipline, or null for none.</summary>
    public Discipline? Discipline { get; init; }

    /// <summary>Under disciplinary review, investigation or inspection; null means no.</summary>
    public bool? PendingReview { get; init; }

    /// <summary>Recognised initiatives.</summary>
    public ImmutableArray<Initiative> Initiatives { get; init; } = [];

    /// <summary>Accepted research works.</summary>
    public ImmutableArray<Initiative> ResearchWorks { get; init; } = [];

    /// <summary>Further named values: <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/> or <see cref="LocalDate"/>.</summary>
    public ImmutableDictionary<string, object?> Facts { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>Past years.</summary>
    public ImmutableArray<HistoryYear> History { get; init; } = [];

    /// <summary>The awards the person's unit proposes for the person (ids or names; the spreadsheet column
    /// <c>Đề nghị</c>), compared with what the rules allow; null when the data does not say.</summary>
    public ImmutableArray<string>? Proposals { get; init; }

    /// <summary>Where the individual was declared.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>A disciplinary measure with its term. Immutable.</summary>
/// <param name="Level">A level of the <c>discipline</c> scale, for example <c>canh-cao</c>.</param>
/// <param name="Date">The decision date.</param>
/// <param name="EndDate">The end of the term.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record Discipline(string Level, LocalDate? Date, LocalDate? EndDate, SourceSpan Span)
{
    /// <summary>
    /// Whether the discipline counts for <paramref name="year"/>: decided in that year, or its term overlaps it.
    /// Unknown (null) when neither date is given.
    /// </summary>
    /// <param name="year">The evaluated year.</param>
    /// <returns>True, false, or null when unknown.</returns>
    public bool? InForceDuring(int year)
    {
        if (Date is null && EndDate is null)
        {
            return null;
        }

        var start = Date ?? EndDate!.Value;
        var end = EndDate ?? start;
        return start.Year <= year && end.Year >= year;
    }
}

/// <summary>An initiative (sáng kiến) or research work with its scope of influence. Immutable.</summary>
/// <param name="Name">Title.</param>
/// <param name="Scope">A level of the <c>scope</c> scale: <c>co-so</c>, <c>tinh</c> or <c>toan-quoc</c>.</param>
/// <param name="RecognizedOn">When it was recognised or accepted.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record Initiative(string? Name, string? Scope, LocalDate? RecognizedOn, SourceSpan Span);

/// <summary>One past year of a subject: its rating, the awards received and the facts recorded for it. Immutable.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Rating">That year's rating (a level of the <c>rating</c> scale), or null when unknown.</param>
/// <param name="Awards">The awards received for that year.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record HistoryYear(int Year, string? Rating, ImmutableArray<AwardRecord> Awards, SourceSpan Span)
{
    /// <summary>
    /// That year's values of facts the rule set declares (<c>"facts": { "tthcOnTime": 118 }</c> in the year's record), read by
    /// <c>factIn('tthcOnTime', 2023)</c>: <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/> or
    /// <see cref="LocalDate"/>, checked against the declarations as this year's facts are. A fact not given is unknown.
    /// </summary>
    public ImmutableDictionary<string, object?> Facts { get; init; } = ImmutableDictionary<string, object?>.Empty;
}

/// <summary>An award received in the past. Immutable.</summary>
/// <param name="Id">The award id (the national packs' fixed ids, design §4).</param>
/// <param name="DecidedOn">The decision date, when known.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record AwardRecord(string Id, LocalDate? DecidedOn, SourceSpan Span);
