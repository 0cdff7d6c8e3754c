using System.Collections.Immutable;
using NodaTime;

namespace ThiDua.Rules.Evaluation;

/// <summary>Options of one evaluation. Immutable: change with <c>with</c>.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The defaults: as-of from the data, all processors, no parameter overrides.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>The as-of date; null = the data's <c>asOf</c>, else 31 December of its year.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Threads used to evaluate subjects; output is identical for any value. 0 = <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Parameter values that replace the rule set's (a what-if without editing files): <see cref="bool"/>,
    /// <see cref="decimal"/>, <see cref="string"/> (numbers may be written "10%"), <see cref="LocalDate"/>, or null to unset.
    /// </summary>
    public ImmutableDictionary<string, object?> Parameters { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>
    /// The council's secret ballots (design §8): each voted pair gets <c>council</c> approved or not-approved by its
    /// award's threshold. A vote on a pair that is not recommended, or with more yes votes than members, makes the
    /// evaluation fail with a <see cref="Validation.RuleSetValidationException"/> naming the vote's row.
    /// </summary>
    public ImmutableArray<Model.CouncilVote> Votes { get; init; } = [];

    /// <summary>
    /// The limits of the work: an expression whose worst case on the bound data passes
    /// <see cref="Loading.DataLimits.MaxCriterionWork"/> is refused before evaluating (default <see cref="Loading.DataLimits.Default"/>).
    /// </summary>
    public Loading.DataLimits Limits { get; init; } = Loading.DataLimits.Default;

    /// <summary>Receives progress after each award is decided (for a progress bar); called on the evaluating thread.</summary>
    public IProgress<EvaluationProgress>? Progress { get; init; }
}

/// <summary>How far an evaluation has come.</summary>
/// <param name="Completed">Awards decided so far.</param>
/// <param name="Total">All awards.</param>
/// <param name="Award">The award just decided.</param>
public readonly record struct EvaluationProgress(int Completed, int Total, string Award);
