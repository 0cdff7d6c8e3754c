using ThiDua.Rules.Compilation;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// Applies an award's quota after its criteria: within each group, the number of places is share × population with
/// the declared rounding (exact decimal arithmetic: 15% of 7 is 1.05 → 1 place with floor); eligible subjects are
/// ranked by the declared keys, then by id, and those beyond the places become <c>eligible-over-quota</c>. Where values
/// are missing, only the places that depend on them are left undecided (<see cref="QuotaPlacement"/>).
/// </summary>
internal sealed class QuotaAllocator(EvalFrame frame, CompiledAward award)
{
    private EvalFrame? _lowFrame;
    private EvalFrame? _highFrame;

    /// <summary>
    /// Decides every recommended subject's place. <paramref name="doubts"/> receives, for each candidate whose place
    /// depends on missing values (made insufficient-data), the range of places and the rivals (see <see cref="QuotaPlacement"/>).
    /// </summary>
    public void Allocate(byte[] outcomes, int[] ranks, int[] slots, Dictionary<int, QuotaDoubt> doubts)
    {
        var quota = award.Quota!;
        decimal? constantMax = null;
        if (quota.MaxIsConstant)
        {
            // A share that is the same for every group (a literal or a parameter) is evaluated once; when it is not set
            // (an optional local cap left null) the quota does not limit anyone and there is nothing to group.
            constantMax = quota.Max!(frame, -1);
            if (constantMax is null)
            {
                return;
            }
        }

        var population = frame.Population;
        var individual = award.Subject == SubjectKind.Individual;
        var clusters = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<int, (int Unit, List<int> Subjects, int Size)>();
        for (var s = 0; s < outcomes.Length; s++)
        {
            if (outcomes[s] == Evaluator.NotApplicable)
            {
                continue;
            }

            var unit = individual ? population.Individuals.Unit[s] : population.Units.Parent[s];
            var (key, groupUnit) = quota.Definition.Per switch
            {
                QuotaScope.Unit => (unit, unit),
                QuotaScope.Agency => unit < 0 ? (-1, -1) : (population.Units.Root[unit], population.Units.Root[unit]),
                QuotaScope.Cluster => (ClusterKey(clusters, individual ? (unit < 0 ? "" : population.Units.Cluster[unit] ?? "") : population.Units.Cluster[s] ?? ""), -1),
                _ => (0, -1),
            };
            if (!groups.TryGetValue(key, out var group))
            {
                group = (groupUnit, [], 0);
            }

            // Candidates: those who meet every criterion, and those who may (insufficient-data) and could take a place.
            if ((Outcome)outcomes[s] is Outcome.Recommended or Outcome.InsufficientData)
            {
                group.Subjects.Add(s);
            }

            groups[key] = group with { Size = group.Size + 1 };
        }

        // Groups are independent (each writes only its own subjects), so their order does not affect the result.
        foreach (var (unit, candidates, size) in groups.Values)
        {
            if (!candidates.Exists(s => (Outcome)outcomes[s] == Outcome.Recommended))
            {
                continue;
            }

            var max = constantMax ?? quota.Max?.Invoke(frame, unit);
            var (low, high) = max is null ? (0, int.MaxValue) : Places(max.Value, unit, size);
            var entrants = candidates
                .Select(s => new QuotaEntrant(s, Id(s), (Outcome)outcomes[s] == Outcome.Recommended, [.. quota.RankBy.Select(k => k(frame, s))]))
                .ToList();
            var descending = quota.Definition.RankBy.Select(k => k.Descending).ToArray();
            var (placements, rivals) = QuotaPlacement.Decide(entrants, descending, low, high);

            // Ranks shown are the order of the certain candidates (unknown key values listed last); a place that depends
            // on a missing value shows no rank.
            var order = Enumerable.Range(0, entrants.Count).Where(i => entrants[i].Certain).ToList();
            order.Sort((a, b) => QuotaPlacement.Compare(entrants[a], entrants[b], descending));
            for (var r = 0; r < order.Count; r++)
            {
                var i = order[r];
                var s = entrants[i].Subject;
                switch (placements[i])
                {
                    case Placement.Inside:
                    case Placement.Outside:
                        ranks[s] = r + 1;
                        slots[s] = low;
                        outcomes[s] = (byte)(placements[i] == Placement.Inside ? Outcome.Recommended : Outcome.EligibleOverQuota);
                        break;
                    default:
                        ranks[s] = 0;
                        slots[s] = -1;
                        outcomes[s] = (byte)Outcome.InsufficientData;
                        doubts[s] = new QuotaDoubt(low, high == int.MaxValue ? -1 : high, [.. rivals[i]!.Select(x => entrants[x].Subject)]);
                        break;
                }
            }
        }
    }

    private string Id(int s) => award.Subject == SubjectKind.Individual ? frame.Population.Individuals.Id[s] : frame.Population.Units.Id[s];

    /// <summary>
    /// The range of places of a group: exact when its population is known; when the population expression cannot be
    /// decided (a member's prerequisite award is insufficient-data), the places for the population counted with every
    /// undecided award outcome as not reached and as reached; unbounded when even that leaves it unknown.
    /// </summary>
    /// <remarks>The two counts bound the population when its expression is monotone in the members' award outcomes (a
    /// count of members who reached, or did not reach, an award, as the shipped packs write it).</remarks>
    private (int Low, int High) Places(decimal max, int unit, int size)
    {
        var quota = award.Quota!;
        if (quota.Definition.IsCount || quota.Of is null || unit < 0)
        {
            var places = PlacesFor(max, size, quota.Definition.IsCount, quota.Definition.Rounding);
            return (places, places);
        }

        if (quota.Of(frame, unit) is { } known)
        {
            var places = PlacesFor(max, known, false, quota.Definition.Rounding);
            return (places, places);
        }

        _lowFrame ??= Patched(Outcome.NotEligible);
        _highFrame ??= Patched(Outcome.Recommended);
        if (quota.Of(_lowFrame, unit) is { } a && quota.Of(_highFrame, unit) is { } b)
        {
            var (x, y) = (PlacesFor(max, a, false, quota.Definition.Rounding), PlacesFor(max, b, false, quota.Definition.Rounding));
            return (Math.Min(x, y), Math.Max(x, y));
        }

        return (0, int.MaxValue);
    }

    /// <summary>A copy of the frame in which every undecided outcome of the awards decided so far is <paramref name="as"/>.</summary>
    private EvalFrame Patched(Outcome @as)
    {
        var patched = new EvalFrame(frame.Compiled, frame.Population, frame.Parameters);
        for (var a = 0; a < frame.Outcomes.Length; a++)
        {
            if (frame.Outcomes[a] is { } outcomes)
            {
                patched.Outcomes[a] = [.. outcomes.Select(o => o == (byte)Outcome.InsufficientData ? (byte)@as : o)];
            }
        }

        Array.Copy(frame.Scores, patched.Scores, frame.Scores.Length);
        Array.Copy(frame.ClusterRanks, patched.ClusterRanks, frame.ClusterRanks.Length);
        return patched;
    }

    private static int ClusterKey(Dictionary<string, int> clusters, string cluster)
    {
        if (!clusters.TryGetValue(cluster, out var key))
        {
            key = clusters.Count;
            clusters[cluster] = key;
        }

        return key;
    }

    /// <summary>The number of places: the count itself, or share × population rounded as declared, never negative.</summary>
    internal static int PlacesFor(decimal max, decimal population, bool isCount, QuotaRounding rounding)
    {
        var exact = isCount ? max : max * population;
        var rounded = rounding switch
        {
            QuotaRounding.Floor => Math.Floor(exact),
            QuotaRounding.Ceiling => Math.Ceiling(exact),
            _ => Math.Round(exact, MidpointRounding.AwayFromZero),
        };
        return rounded <= 0 ? 0 : rounded >= int.MaxValue ? int.MaxValue : (int)rounded;
    }
}

/// <summary>Why a candidate's place in its quota group is undecided: the range of places (<c>PlacesHigh</c> -1 when
/// unbounded) and the subjects whose order against it depends on missing values.</summary>
internal sealed record QuotaDoubt(int PlacesLow, int PlacesHigh, System.Collections.Immutable.ImmutableArray<int> Rivals);
