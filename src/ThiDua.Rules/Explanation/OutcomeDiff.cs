using System.Collections.Immutable;
using ThiDua.Rules.Evaluation;

namespace ThiDua.Rules.Explanation;

/// <summary>One (subject, award) pair whose outcome differs between two evaluations of the same data.</summary>
/// <param name="Subject">The subject id.</param>
/// <param name="SubjectName">The subject's name, if known.</param>
/// <param name="Award">The award id.</param>
/// <param name="AwardName">The award's name (from the first evaluation).</param>
/// <param name="Before">The outcome under the first rule set.</param>
/// <param name="After">The outcome under the second rule set.</param>
/// <param name="Deciding">The criteria whose verdict differs (by id), or, when the rule sets name their criteria
/// differently, the criteria that did not pass on either side: the reason the outcome changed.</param>
public sealed record OutcomeChange(string Subject, string? SubjectName, string Award, string AwardName, Outcome Before, Outcome After, ImmutableArray<CriterionChange> Deciding);

/// <summary>A criterion's verdict on each side; null where the criterion does not exist on that side.</summary>
/// <param name="Id">The criterion id.</param>
/// <param name="Before">The first side's verdict and evidence.</param>
/// <param name="After">The second side's verdict and evidence.</param>
public sealed record CriterionChange(string Id, CriterionResult? Before, CriterionResult? After);

/// <summary>Compares the outcomes of two evaluations of the same data (for example the 2017 and 2024 regimes, or a
/// plan with a stricter local cap, or a what-if with overridden parameters).</summary>
/// <remarks>Cost: one pass over both results, building each explanation once; memory grows with the number of pairs.
/// Static and thread-safe.</remarks>
public static class OutcomeDiff
{
    /// <summary>
    /// Every pair present in both results whose outcome differs, in the documented result order. Awards that exist on
    /// one side only are not compared; <see cref="AwardsOnlyIn"/> lists them.
    /// </summary>
    /// <param name="before">The first evaluation.</param>
    /// <param name="after">The second evaluation of the same data.</param>
    /// <returns>The changed pairs, each with the criteria that decided the change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<OutcomeChange> Compare(EvaluationResult before, EvaluationResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var afterByKey = after.Results(ResultInclusion.All).ToDictionary(r => (r.Subject, r.Award));
        var changes = new List<OutcomeChange>();
        foreach (var left in before.Results(ResultInclusion.All))
        {
            if (!afterByKey.TryGetValue((left.Subject, left.Award), out var right) || left.Outcome == right.Outcome)
            {
                continue;
            }

            changes.Add(new OutcomeChange(left.Subject, left.SubjectName, left.Award, left.AwardName, left.Outcome, right.Outcome, Deciding(left, right)));
        }

        return changes;
    }

    /// <summary>Award ids evaluated in <paramref name="result"/> but not in <paramref name="other"/>.</summary>
    /// <param name="result">One evaluation.</param>
    /// <param name="other">The other.</param>
    /// <returns>The ids, in <paramref name="result"/>'s rule-file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<string> AwardsOnlyIn(EvaluationResult result, EvaluationResult other)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(other);
        var others = other.RuleSet.Awards.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return [.. result.RuleSet.Awards.Select(a => a.Id).Where(id => !others.Contains(id))];
    }

    private static ImmutableArray<CriterionChange> Deciding(AwardResult left, AwardResult right)
    {
        var rightById = right.Criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var leftById = left.Criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var changed = new List<CriterionChange>();
        foreach (var criterion in left.Criteria)
        {
            if (rightById.TryGetValue(criterion.Id, out var other) && other.Status != criterion.Status)
            {
                changed.Add(new CriterionChange(criterion.Id, criterion, other));
            }
        }

        if (changed.Count > 0)
        {
            return [.. changed];
        }

        // The criteria differ by id (or the quota decided): list what did not pass on either side.
        return [.. left.Criteria.Where(c => c.Status != CriterionStatus.Pass).Select(c => new CriterionChange(c.Id, c, rightById.GetValueOrDefault(c.Id)))
            .Concat(right.Criteria.Where(c => c.Status != CriterionStatus.Pass && !leftById.ContainsKey(c.Id)).Select(c => new CriterionChange(c.Id, null, c)))];
    }
}
