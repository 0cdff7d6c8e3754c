using System.Collections.Immutable;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Explanation;

/// <summary>A parameter whose value differs between two evaluations (a <c>--set</c>, or a plan's own value).</summary>
/// <param name="Id">The parameter id.</param>
/// <param name="Before">The value on the first side (absent from its rule set: <paramref name="InBefore"/> is false).</param>
/// <param name="After">The value on the second side.</param>
/// <param name="InBefore">Whether the first rule set declares the parameter.</param>
/// <param name="InAfter">Whether the second rule set declares it.</param>
/// <param name="IsShare">Whether it is a share (printed as a percentage).</param>
public sealed record ParameterChange(string Id, object? Before, object? After, bool InBefore, bool InAfter, bool IsShare)
{
    /// <summary>The first side's value with its date and basis (null when the first rule set does not declare it).</summary>
    public ParameterInForce? BeforeInForce { get; init; }

    /// <summary>The second side's value with its date and basis (null when the second rule set does not declare it).</summary>
    public ParameterInForce? AfterInForce { get; init; }
}

/// <summary>One unit's figures for one award on both sides: who meets the criteria, how many places, who is proposed.</summary>
/// <param name="Award">The award id.</param>
/// <param name="Unit">The unit id (the subjects' own unit).</param>
/// <param name="CandidatesBefore">Subjects meeting every criterion (recommended or over the quota), first side.</param>
/// <param name="CandidatesAfter">The same, second side.</param>
/// <param name="PlacesBefore">The quota's places in the unit, first side (null: no quota, or unknown).</param>
/// <param name="PlacesAfter">The same, second side.</param>
/// <param name="ProposedBefore">Pairs proposed (recommended, not superseded, not voted down), first side.</param>
/// <param name="ProposedAfter">The same, second side.</param>
public sealed record UnitFigures(string Award, string Unit, int CandidatesBefore, int CandidatesAfter, int? PlacesBefore, int? PlacesAfter, int ProposedBefore, int ProposedAfter);

/// <summary>A plan target whose status or actual value differs between two evaluations.</summary>
/// <param name="Unit">The unit id.</param>
/// <param name="Target">The target id.</param>
/// <param name="Name">The target's name.</param>
/// <param name="Before">The first side's result (null: the target is not there).</param>
/// <param name="After">The second side's result.</param>
public sealed record TargetChange(string Unit, string Target, string Name, TargetResult? Before, TargetResult? After);

/// <summary>
/// What a council needs from a what-if beyond the changed pairs (<see cref="OutcomeDiff"/>): the parameters that
/// differ, each unit's candidates, places and proposals per award, and the plan targets that change.
/// </summary>
/// <remarks>Static and thread-safe; one pass over each result.</remarks>
public static class WhatIfComparison
{
    /// <summary>The parameters whose value differs (or that one side only declares), in the first side's order.</summary>
    /// <param name="before">The first evaluation.</param>
    /// <param name="after">The second evaluation.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<ParameterChange> Parameters(EvaluationResult before, EvaluationResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var left = before.ParameterValues.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var right = after.ParameterValues.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var shares = before.RuleSet.Parameters.Concat(after.RuleSet.Parameters).Where(p => p.Kind == Quantity.Share).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var changes = new List<ParameterChange>();
        foreach (var id in before.ParameterValues.Select(p => p.Key).Concat(after.ParameterValues.Select(p => p.Key).Where(k => !left.ContainsKey(k))))
        {
            var inBefore = left.TryGetValue(id, out var b);
            var inAfter = right.TryGetValue(id, out var a);
            if (inBefore != inAfter || !Equals(b, a))
            {
                changes.Add(new ParameterChange(id, b, a, inBefore, inAfter, shares.Contains(id))
                {
                    BeforeInForce = before.ParametersInForce.FirstOrDefault(p => p.Id == id),
                    AfterInForce = after.ParametersInForce.FirstOrDefault(p => p.Id == id),
                });
            }
        }

        return changes;
    }

    /// <summary>
    /// Per award with a quota on either side, per unit: candidates, places and proposals on both sides, for every unit
    /// of an award whose figures change anywhere (so that a unit left with no place is shown beside the others).
    /// </summary>
    /// <param name="before">The first evaluation.</param>
    /// <param name="after">The second evaluation.</param>
    /// <returns>The rows, by award (first side's order) then unit id (ordinal).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<UnitFigures> Units(EvaluationResult before, EvaluationResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var left = Tally(before);
        var right = Tally(after);
        var rows = new List<UnitFigures>();
        var awards = before.RuleSet.Awards.Select(a => a.Id).Concat(after.RuleSet.Awards.Select(a => a.Id)).Distinct(StringComparer.Ordinal);
        foreach (var award in awards)
        {
            var quota = before.RuleSet.Awards.Concat(after.RuleSet.Awards).Any(a => a.Id == award && a.Quota is not null);
            if (!quota)
            {
                continue;
            }

            var units = left.Keys.Concat(right.Keys).Where(k => k.Award == award).Select(k => k.Unit).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var awardRows = units.Select(unit =>
            {
                var l = left.GetValueOrDefault((award, unit));
                var r = right.GetValueOrDefault((award, unit));
                return new UnitFigures(award, unit, l.Candidates, r.Candidates, l.Places, r.Places, l.Proposed, r.Proposed);
            }).ToList();
            if (awardRows.Exists(x => x.CandidatesBefore != x.CandidatesAfter || x.PlacesBefore != x.PlacesAfter || x.ProposedBefore != x.ProposedAfter))
            {
                rows.AddRange(awardRows);
            }
        }

        return rows;
    }

    /// <summary>The plan targets whose status or actual value differs, or that one side only has.</summary>
    /// <param name="before">The first evaluation.</param>
    /// <param name="after">The second evaluation.</param>
    /// <returns>The changes, in the first side's order, then the second side's new ones.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<TargetChange> Targets(EvaluationResult before, EvaluationResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var left = before.Targets().ToList();
        var right = after.Targets().ToDictionary(t => (t.Unit, t.Target));
        var changes = new List<TargetChange>();
        var seen = new HashSet<(string, string)>();
        foreach (var target in left)
        {
            seen.Add((target.Unit, target.Target));
            var other = right.GetValueOrDefault((target.Unit, target.Target));
            if (other is null || other.Status != target.Status || !Equals(other.Actual?.Value, target.Actual?.Value))
            {
                changes.Add(new TargetChange(target.Unit, target.Target, target.Name, target, other));
            }
        }

        changes.AddRange(after.Targets().Where(t => !seen.Contains((t.Unit, t.Target))).Select(t => new TargetChange(t.Unit, t.Target, t.Name, null, t)));
        return changes;
    }

    private static Dictionary<(string Award, string Unit), (int Candidates, int? Places, int Proposed)> Tally(EvaluationResult result)
    {
        var tally = new Dictionary<(string Award, string Unit), (int Candidates, int? Places, int Proposed)>();
        foreach (var pair in result.Results(ResultInclusion.All, CriteriaDetail.None))
        {
            if (pair.Unit is not { } unit)
            {
                continue;
            }

            var key = (pair.Award, unit);
            var (candidates, places, proposed) = tally.GetValueOrDefault(key);
            var candidate = pair.Outcome is Outcome.Recommended or Outcome.EligibleOverQuota;
            tally[key] = (candidates + (candidate ? 1 : 0), pair.QuotaPlaces ?? places, proposed + (pair.IsProposed ? 1 : 0));
        }

        return tally;
    }
}
