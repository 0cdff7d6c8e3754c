using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Model;

/// <summary>A test case embedded in a rule file: data, then the outcomes it must produce. Immutable.</summary>
/// <remarks>Run by <see cref="RuleTests.RuleSetTestRunner"/> (and <c>thidua test</c>).</remarks>
public sealed record RuleTestCase
{
    /// <summary>Id, unique within the file.</summary>
    public required string Id { get; init; }

    /// <summary>Human description.</summary>
    public string? Name { get; init; }

    /// <summary>The as-of date of the run.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Parameter overrides.</summary>
    public ImmutableDictionary<string, object?> Params { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>The data (subject defaults already merged).</summary>
    public required SubjectData Data { get; init; }

    /// <summary>The council's ballots for the run (<c>votes</c>: subject, award, members, yes), applied as <c>--votes</c> applies them.</summary>
    public ImmutableArray<CouncilVote> Votes { get; init; } = [];

    /// <summary>Expected award outcomes.</summary>
    public ImmutableArray<ExpectedOutcome> Expect { get; init; } = [];

    /// <summary>Expected target statuses.</summary>
    public ImmutableArray<ExpectedTarget> ExpectTargets { get; init; } = [];

    /// <summary>Where the test was declared.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>An expected (subject, award) outcome, and the criteria that must explain a "no". Immutable.</summary>
/// <param name="Subject">The subject id.</param>
/// <param name="Award">The award id.</param>
/// <param name="Outcome">The outcome name (<c>recommended</c>, <c>eligible-over-quota</c>, <c>not-eligible</c>, <c>insufficient-data</c>).</param>
/// <param name="Because">Criterion ids that must fail (or be unknown) for a "no"; empty when not checked.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record ExpectedOutcome(string Subject, string Award, string Outcome, ImmutableArray<string> Because, SourceSpan Span)
{
    /// <summary>The council's expected decision on the pair (<c>approved</c> or <c>not-approved</c>), from the test's
    /// <c>votes</c> and the award's <c>councilVote</c> threshold; null when not checked.</summary>
    public string? Council { get; init; }
}

/// <summary>An expected plan-target status for a unit. Immutable.</summary>
/// <param name="Unit">The unit id.</param>
/// <param name="Target">The target id.</param>
/// <param name="Status">The status name (<c>pass</c>, <c>fail</c>, <c>unknown</c>).</param>
/// <param name="Span">Where it was declared.</param>
public sealed record ExpectedTarget(string Unit, string Target, string Status, SourceSpan Span);
