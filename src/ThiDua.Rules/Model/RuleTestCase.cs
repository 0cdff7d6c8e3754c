using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Model;

/// <summary>A test case embedded in a rule file: data, then the outcomes it must produce.</summary>
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

    /// <summary>Expected award outcomes.</summary>
    public ImmutableArray<ExpectedOutcome> Expect { get; init; } = [];

    /// <summary>Expected target statuses.</summary>
    public ImmutableArray<ExpectedTarget> ExpectTargets { get; init; } = [];

    /// <summary>Where the test was declared.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>An expected (subject, award) outcome, and the criteria that must explain a "no".</summary>
public sealed record ExpectedOutcome(string Subject, string Award, string Outcome, ImmutableArray<string> Because, SourceSpan Span);

/// <summary>An expected plan-target status for a unit.</summary>
public sealed record ExpectedTarget(string Unit, string Target, string Status, SourceSpan Span);
