using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;

namespace ThiDua.Rules.Model;

/// <summary>The kind of subject an award, fact or scoring table applies to.</summary>
public enum SubjectKind
{
    /// <summary>A person (cá nhân).</summary>
    Individual = 0,

    /// <summary>A collective of an agency (tập thể, đơn vị).</summary>
    Unit = 1,

    /// <summary>An enterprise (doanh nghiệp).</summary>
    Enterprise = 2,
}

/// <summary>The period in which a rule-set version is in force; <see cref="To"/> is inclusive and optional.</summary>
/// <param name="From">First day in force.</param>
/// <param name="To">Last day in force, or null when open-ended.</param>
public sealed record EffectivePeriod(LocalDate From, LocalDate? To)
{
    /// <summary>Whether the version is in force on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when <see cref="From"/> ≤ date ≤ <see cref="To"/> (or no end).</returns>
    public bool Contains(LocalDate date) => date >= From && (To is null || date <= To.Value);

    /// <summary>Whether two periods share at least one day.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>True when some day is in both.</returns>
    public bool Overlaps(EffectivePeriod other) =>
        (To is null || other.From <= To.Value) && (other.To is null || From <= other.To.Value);

    /// <inheritdoc/>
    public override string ToString() =>
        LocalDatePattern.Iso.Format(From) + " → " + (To is null ? "…" : LocalDatePattern.Iso.Format(To.Value));
}

/// <summary>
/// One version of a rule set, as written in one rule file (or merged with the base it <c>extends</c>).
/// Immutable; independent of JSON.
/// </summary>
/// <remarks>
/// <para>Usually produced by <see cref="Loading.RuleSetLoader"/> and <see cref="Loading.RuleLibrary.Select"/>; it can also
/// be built in C# (every node then has <see cref="SourceSpan.None"/> as its position). Nothing is checked when it is
/// built: <see cref="Validation.RuleSetValidator"/> and <see cref="Compilation.RuleSetCompiler"/> report every problem.</para>
/// <para><b>Thread safety:</b> this record and every node below it are immutable and safe to share across threads.</para>
/// </remarks>
public sealed record RuleSet
{
    /// <summary>Kebab-case id, shared by every version of the rule set (for example <c>vn-tdkt</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Vietnamese name.</summary>
    public required string Name { get; init; }

    /// <summary>When this version is in force.</summary>
    public required EffectivePeriod Effective { get; init; }

    /// <summary>The version label: the first day in force, ISO formatted.</summary>
    public string Version => LocalDatePattern.Iso.Format(Effective.From);

    /// <summary>The <c>extends</c> path as written in the file, or null.</summary>
    public string? Extends { get; init; }

    /// <summary>The base version this one was merged with (id and version), or null.</summary>
    public RuleSetReference? Base { get; init; }

    /// <summary>Free text: what is unsure and what was chosen.</summary>
    public string? Note { get; init; }

    /// <summary>The legal documents the rule set rests on.</summary>
    public ImmutableArray<LegalDocument> Basis { get; init; } = [];

    /// <summary>Named parameters (local choices, caps, switches for ambiguities).</summary>
    public ImmutableArray<ParameterDefinition> Parameters { get; init; } = [];

    /// <summary>Ordered scales (lowest level first).</summary>
    public ImmutableArray<ScaleDefinition> Scales { get; init; } = [];

    /// <summary>The facts the rule set reads from the data.</summary>
    public ImmutableArray<FactDeclaration> Facts { get; init; } = [];

    /// <summary>Scoring tables.</summary>
    public ImmutableArray<ScoringTable> Scoring { get; init; } = [];

    /// <summary>The awards (titles and commendation forms).</summary>
    public ImmutableArray<AwardDefinition> Awards { get; init; } = [];

    /// <summary>
    /// Criteria declared once (<c>commonCriteria</c>) for awards to use by id (<c>{ "use": "chap-hanh-phap-luat" }</c>).
    /// A rule set that extends another merges them by id with the base's, and a changed one changes every award using it.
    /// </summary>
    public ImmutableArray<CriterionDefinition> CommonCriteria { get; init; } = [];

    /// <summary>Plan targets.</summary>
    public ImmutableArray<PlanTarget> Targets { get; init; } = [];

    /// <summary>
    /// Groups of awards of which a subject is proposed for one only ("one achievement, one form"): after quotas, the
    /// highest recommended award of a group is proposed and the others are superseded by it (design §8).
    /// </summary>
    public ImmutableArray<ExclusiveGroup> ExclusiveGroups { get; init; } = [];

    /// <summary>Test cases embedded in the rule file.</summary>
    public ImmutableArray<RuleTestCase> Tests { get; init; } = [];

    /// <summary>Where the rule set was declared (the file's root object).</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>Identifies one version of a rule set. Immutable.</summary>
/// <param name="Id">The rule set id.</param>
/// <param name="Version">The version label (first day in force).</param>
public sealed record RuleSetReference(string Id, string Version);

/// <summary>A legal document cited by a rule set (<c>basis</c>). Immutable.</summary>
/// <param name="Id">Kebab-case id, unique within the rule set.</param>
/// <param name="Title">The document's full title (number, date, issuer).</param>
/// <param name="Note">Free text: what was checked, what is unsure.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record LegalDocument(string Id, string Title, string? Note, SourceSpan Span);

/// <summary>The type of a parameter or fact value.</summary>
public enum ValueKind
{
    /// <summary>true / false.</summary>
    Bool = 0,

    /// <summary>An exact decimal number (shares are numbers: 70% = 0.7).</summary>
    Number = 1,

    /// <summary>Text (<c>"string"</c> in rule files).</summary>
    Text = 2,

    /// <summary>A calendar date.</summary>
    Date = 3,

    /// <summary>A level of a declared scale.</summary>
    Scale = 4,
}

/// <summary>
/// A named parameter (a local choice, cap or switch), read in expressions as <c>params.id</c> and overridable per
/// evaluation with <see cref="Evaluation.EvaluationOptions.Parameters"/>. Immutable.
/// </summary>
/// <param name="Id">The name used after <c>params.</c>.</param>
/// <param name="Type">The value type.</param>
/// <param name="Value">A <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/>, <see cref="LocalDate"/>, or null when not set.</param>
/// <param name="Label">Vietnamese label.</param>
/// <param name="Note">Free text.</param>
/// <param name="Basis">Legal basis of the value.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record ParameterDefinition(string Id, ValueKind Type, object? Value, string? Label, string? Note, string? Basis, SourceSpan Span)
{
    /// <summary>
    /// What a number measures: declared with <c>"kind"</c>, else <see cref="Quantity.Share"/> when the value is written
    /// with a percent sign, else <see cref="Quantity.Number"/>. Always <see cref="Quantity.Number"/> for other types.
    /// </summary>
    public Quantity Kind { get; init; }

    /// <summary>Whether <see cref="Kind"/> was declared with <c>"kind"</c> rather than inferred from the value.</summary>
    public bool KindDeclared { get; init; }

    /// <summary>
    /// The values by effective date (<c>"values"</c>), earliest first, each with its basis: the one in force on the
    /// decision's as-of date is used (a base salary raised on 1 July applies to decisions from that day). Empty when the
    /// parameter has one value for all dates (<see cref="Value"/>); <see cref="Value"/> is then the value before the
    /// first date, or null.
    /// </summary>
    public ImmutableArray<DatedParameterValue> Values { get; init; } = [];

    /// <summary>The dated value in force on <paramref name="asOf"/> (the last one whose date is not after it), or null
    /// when there is none (no dated values, or all start later). O(values).</summary>
    /// <param name="asOf">The decision's as-of date.</param>
    /// <returns>The dated value, or null.</returns>
    public DatedParameterValue? InForce(LocalDate asOf)
    {
        DatedParameterValue? found = null;
        foreach (var dated in Values)
        {
            if (dated.From <= asOf)
            {
                found = dated;
            }
        }

        return found;
    }

    /// <summary>The value in force on <paramref name="asOf"/>: the dated one, else <see cref="Value"/>.</summary>
    /// <param name="asOf">The decision's as-of date.</param>
    /// <returns>The value (see <see cref="Value"/> for its types), or null when not set.</returns>
    public object? ValueOn(LocalDate asOf) => InForce(asOf) is { } dated ? dated.Value : Value;

    /// <summary>The basis of the value in force on <paramref name="asOf"/>: the dated value's, else <see cref="Basis"/>.</summary>
    /// <param name="asOf">The decision's as-of date.</param>
    /// <returns>The basis, or null.</returns>
    public string? BasisOn(LocalDate asOf) => InForce(asOf) is { } dated ? dated.Basis ?? Basis : Basis;
}

/// <summary>A parameter's value from an effective date, with its basis (<c>{ "from": "2024-07-01", "value": 2340000,
/// "basis": "…" }</c>). Immutable.</summary>
/// <param name="From">The first day it is in force (inclusive); it stays in force until the next value's date.</param>
/// <param name="Value">The value, of the parameter's type; null = not set from that date.</param>
/// <param name="Basis">The legal basis of this value (the document that set it).</param>
/// <param name="Span">Where it was written.</param>
public sealed record DatedParameterValue(LocalDate From, object? Value, string? Basis, SourceSpan Span);

/// <summary>A level of a scale. Immutable.</summary>
/// <param name="Id">The level as written in data and expressions (for example <c>HTTNV</c>).</param>
/// <param name="Name">Its Vietnamese name.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record ScaleLevel(string Id, string? Name, SourceSpan Span);

/// <summary>An ordered scale (ratings, discipline levels, scopes); values on it compare by their order. Immutable.</summary>
/// <param name="Id">The scale id (for example <c>rating</c>).</param>
/// <param name="Name">Its Vietnamese name.</param>
/// <param name="Levels">The levels, lowest first.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record ScaleDefinition(string Id, string? Name, ImmutableArray<ScaleLevel> Levels, SourceSpan Span)
{
    /// <summary>The index of a level (0 = lowest), or -1 when it is not on the scale. Ordinal comparison; O(levels).</summary>
    /// <param name="level">The level id.</param>
    /// <returns>The 0-based index, or -1.</returns>
    public int IndexOf(string level)
    {
        for (var i = 0; i < Levels.Length; i++)
        {
            if (string.Equals(Levels[i].Id, level, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A fact the rule set reads from the data (<c>facts</c> of a subject). Immutable.</summary>
/// <param name="Id">The fact name, as in the data's <c>facts</c> and in expressions.</param>
/// <param name="Subject">Whose fact it is.</param>
/// <param name="Type">The value type.</param>
/// <param name="Scale">For <see cref="ValueKind.Scale"/>, the scale id; otherwise null.</param>
/// <param name="Label">Vietnamese label (used for spreadsheet columns and reports).</param>
/// <param name="LabelEn">English label.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record FactDeclaration(string Id, SubjectKind Subject, ValueKind Type, string? Scale, string? Label, string? LabelEn, SourceSpan Span)
{
    /// <summary>What a number fact measures (<c>"kind"</c>); <see cref="Quantity.Number"/> when not said.</summary>
    public Quantity Kind { get; init; }
}

/// <summary>An award: an emulation title or a commendation form. Immutable.</summary>
public sealed record AwardDefinition
{
    /// <summary>Kebab-case id (fixed ids for the national packs, see design §4).</summary>
    public required string Id { get; init; }

    /// <summary>Vietnamese name.</summary>
    public required string Name { get; init; }

    /// <summary>English name, if given.</summary>
    public string? NameEn { get; init; }

    /// <summary>The name in <paramref name="language"/>: the English one when asked for and given, else the Vietnamese.</summary>
    internal string NameIn(Language language) => language == Language.En && NameEn is { } en ? en : Name;

    /// <summary>Who the award is for.</summary>
    public SubjectKind Subject { get; init; }

    /// <summary>Legal basis (article and clause).</summary>
    public required string Basis { get; init; }

    /// <summary>Free text.</summary>
    public string? Note { get; init; }

    /// <summary>Awards of the same year it builds on.</summary>
    public ImmutableArray<AwardReference> Requires { get; init; } = [];

    /// <summary>The criteria; all must pass.</summary>
    public ImmutableArray<CriterionDefinition> Criteria { get; init; } = [];

    /// <summary>An optional quota.</summary>
    public QuotaDefinition? Quota { get; init; }

    /// <summary>The council's vote threshold for this award (<c>councilVote</c>), or null when the rule set gives none.</summary>
    public CouncilVoteRule? CouncilVote { get; init; }

    /// <summary>The bonus the award carries (<c>bonus</c>), or null when the rule set gives none.</summary>
    public BonusRule? Bonus { get; init; }

    /// <summary>
    /// In a rule set that extends another (a plan): the id of the base's award this one changes (<c>extends</c>). The
    /// members written replace the base award's, criteria are merged by id (same id replaced, new ids added), and what is
    /// not written is the base award's as in force on the date evaluated, so the change follows the base through its
    /// versions. With another <see cref="Id"/> it is a new award built on the base's. Null: a whole award.
    /// </summary>
    public string? Extends { get; init; }

    /// <summary>
    /// In a rule set that extends another: when this award (a change or a replacement of the base's) applies; on other
    /// dates the base's award stands. Null: the rule set's whole period.
    /// </summary>
    public EffectivePeriod? Effective { get; init; }

    /// <summary>Whether <c>subject</c> was written (a change may leave it to the base award).</summary>
    internal bool SubjectGiven { get; init; } = true;

    /// <summary>Where the award was declared.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>
/// A group of awards of one subject kind that are not given together for one year's achievement, in order from the
/// lowest to the highest form. Immutable.
/// </summary>
/// <param name="Id">Kebab-case id, unique within the rule set.</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="Awards">The awards, lowest first: where a subject is recommended for several, the last one listed wins.</param>
/// <param name="Basis">Legal basis of the exclusion and of the order.</param>
/// <param name="Note">Free text.</param>
/// <param name="Span">Where the group was declared.</param>
public sealed record ExclusiveGroup(string Id, string Name, ImmutableArray<AwardReference> Awards, string Basis, string? Note, SourceSpan Span);

/// <summary>A reference to an award by id, with its position. Immutable.</summary>
/// <param name="Id">The award id.</param>
/// <param name="Span">Where the reference is written.</param>
public sealed record AwardReference(string Id, SourceSpan Span);

/// <summary>A criterion: an expression or a named criterion type, with its legal basis. Immutable.</summary>
public sealed record CriterionDefinition
{
    /// <summary>Id, unique within its award.</summary>
    public required string Id { get; init; }

    /// <summary>Vietnamese label; when absent the expression text is shown.</summary>
    public string? Name { get; init; }

    /// <summary>English label.</summary>
    public string? NameEn { get; init; }

    /// <summary>The expression source, or null for a typed criterion.</summary>
    public SourceText? Expr { get; init; }

    /// <summary>The criterion type name, or null for an expression criterion.</summary>
    public string? Type { get; init; }

    /// <summary>Arguments of a typed criterion.</summary>
    public ImmutableDictionary<string, object?> Args { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>Legal basis.</summary>
    public required string Basis { get; init; }

    /// <summary>Free text.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// The id of the rule set's common criterion this one is (<c>use</c>), or null. Once resolved, its expression or type,
    /// and its name and basis unless written here, are the common criterion's.
    /// </summary>
    public string? Use { get; init; }

    /// <summary>For a resolved <see cref="Use"/>: the criterion as written where it is used (resolved again after a
    /// merge, so a plan's change of the common criterion reaches every award).</summary>
    internal CriterionDefinition? UseSite { get; init; }

    /// <summary>Where the criterion was declared.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>Expression source text with the position of its first character. Immutable.</summary>
/// <param name="Text">The expression.</param>
/// <param name="Span">The position of the first character of <paramref name="Text"/>.</param>
public sealed record SourceText(string Text, SourceSpan Span)
{
    /// <summary>The text as written in the JSON file (with escapes such as <c>\"</c>), when known.</summary>
    internal string? Raw { get; init; }

    /// <summary>The position of character <paramref name="offset"/> of <see cref="Text"/> in the file, accounting for JSON escapes.</summary>
    internal SourceSpan SpanAt(int offset)
    {
        if (Raw is null || Raw.Length == Text.Length)
        {
            return Span.WithColumnOffset(offset);
        }

        // Walk the raw text: each escape sequence (\" \\ \n \uXXXX …) is one character of the decoded text.
        var raw = 0;
        for (var decoded = 0; decoded < offset && raw < Raw.Length; decoded++)
        {
            raw += Raw[raw] != '\\' ? 1 : raw + 1 < Raw.Length && Raw[raw + 1] == 'u' ? 6 : 2;
        }

        return Span.WithColumnOffset(raw);
    }
}

/// <summary>How a quota's share is rounded to a whole number of subjects.</summary>
public enum QuotaRounding
{
    /// <summary>Round down (the literal reading of "không quá").</summary>
    Floor = 0,

    /// <summary>Round up.</summary>
    Ceiling = 1,

    /// <summary>Round half away from zero.</summary>
    Nearest = 2,
}

/// <summary>The groups within which a quota is counted.</summary>
public enum QuotaScope
{
    /// <summary>Each subject's own unit.</summary>
    Unit = 0,

    /// <summary>The root unit of the subject's organisation tree.</summary>
    Agency = 1,

    /// <summary>Each emulation cluster.</summary>
    Cluster = 2,

    /// <summary>All subjects together.</summary>
    All = 3,
}

/// <summary>One key deciding who is inside a quota. Immutable.</summary>
/// <param name="Expr">The expression ranked by (a number, date or scale level).</param>
/// <param name="Descending">Whether higher values rank first.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record RankKey(SourceText Expr, bool Descending, SourceSpan Span);

/// <summary>A quota: at most <see cref="Max"/> of <see cref="Of"/> per group. Immutable.</summary>
public sealed record QuotaDefinition
{
    /// <summary>The share (a number ≤ 1) or, when <see cref="IsCount"/>, the number of subjects.</summary>
    public required SourceText Max { get; init; }

    /// <summary>Whether <see cref="Max"/> is a count rather than a share.</summary>
    public bool IsCount { get; init; }

    /// <summary>The population the share applies to, evaluated on the group's unit; null = the subjects of the group.</summary>
    public SourceText? Of { get; init; }

    /// <summary>The groups.</summary>
    public QuotaScope Per { get; init; }

    /// <summary>Rounding of share × population.</summary>
    public QuotaRounding Rounding { get; init; }

    /// <summary>Ranking keys; ties go to the next key, then to the subject id (ordinal).</summary>
    public ImmutableArray<RankKey> RankBy { get; init; } = [];

    /// <summary>Legal basis of the quota.</summary>
    public string? Basis { get; init; }

    /// <summary>Where the quota was declared.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>Which units a plan target is checked on.</summary>
public enum TargetScope
{
    /// <summary>Root units (the agency as a whole).</summary>
    Agency = 0,

    /// <summary>Every unit of kind <c>unit</c>.</summary>
    Unit = 1,

    /// <summary>Every enterprise.</summary>
    Enterprise = 2,
}

/// <summary>A measurable plan target (chỉ tiêu). Immutable.</summary>
public sealed record PlanTarget
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }

    /// <summary>Vietnamese name.</summary>
    public required string Name { get; init; }

    /// <summary>English name.</summary>
    public string? NameEn { get; init; }

    /// <summary>Which units it applies to.</summary>
    public TargetScope Subject { get; init; }

    /// <summary>The boolean expression.</summary>
    public required SourceText Expr { get; init; }

    /// <summary>Legal basis (plan number and section).</summary>
    public required string Basis { get; init; }

    /// <summary>Deadline, if any.</summary>
    public LocalDate? Due { get; init; }

    /// <summary>The emulation period, if any.</summary>
    public EffectivePeriod? Period { get; init; }

    /// <summary>Free text.</summary>
    public string? Note { get; init; }

    /// <summary>Where the target was declared.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>One item of a scoring table. Immutable.</summary>
/// <param name="Id">Id, unique within the table.</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="MaxPoints">The most points the item can give; the expression's value is clamped to [0, max].</param>
/// <param name="Expr">The expression giving the points.</param>
/// <param name="Basis">Legal basis.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record ScoringItem(string Id, string Name, decimal MaxPoints, SourceText Expr, string? Basis, SourceSpan Span);

/// <summary>A scoring table (bảng chấm điểm) that scores and ranks units or enterprises. Immutable.</summary>
public sealed record ScoringTable
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }

    /// <summary>Vietnamese name.</summary>
    public required string Name { get; init; }

    /// <summary>Who is scored (unit or enterprise).</summary>
    public SubjectKind Subject { get; init; }

    /// <summary>Legal basis.</summary>
    public string? Basis { get; init; }

    /// <summary>Whether ranking is within each cluster (true) or over all subjects.</summary>
    public bool RankWithinCluster { get; init; } = true;

    /// <summary>The items.</summary>
    public ImmutableArray<ScoringItem> Items { get; init; } = [];

    /// <summary>Free text.</summary>
    public string? Note { get; init; }

    /// <summary>Where the table was declared.</summary>
    public SourceSpan Span { get; init; }
}
