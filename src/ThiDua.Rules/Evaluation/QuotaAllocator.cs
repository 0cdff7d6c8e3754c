using ThiDua.Rules.Compilation;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// Applies an award's quota after its criteria: within each group, the number of places is share × population with
/// the declared rounding (exact decimal arithmetic: 15% of 7 is 1.05 → 1 place with floor); eligible subjects are
/// ranked by the declared keys, then by id, and those beyond the places become <c>eligible-over-quota</c>.
/// </summary>
internal sealed class QuotaAllocator(EvalFrame frame, CompiledAward award)
{
    public void Allocate(byte[] outcomes, int[] ranks, int[] slots)
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

            if ((Outcome)outcomes[s] == Outcome.Recommended)
            {
                group.Subjects.Add(s);
            }

            groups[key] = group with { Size = group.Size + 1 };
        }

        // Groups are independent (each writes only its own subjects), so their order does not affect the result.
        foreach (var (unit, candidates, size) in groups.Values)
        {
            var max = constantMax ?? quota.Max?.Invoke(frame, unit);
            if (max is null)
            {
                continue;
            }

            decimal? populationSize = quota.Of is null || unit < 0 ? size : quota.Of(frame, unit);
            if (populationSize is null)
            {
                foreach (var s in candidates)
                {
                    outcomes[s] = (byte)Outcome.InsufficientData;
                    slots[s] = -1;
                }

                continue;
            }

            var places = PlacesFor(max.Value, populationSize.Value, quota.Definition.IsCount, quota.Definition.Rounding);
            var ranked = Rank(candidates);
            for (var r = 0; r < ranked.Count; r++)
            {
                var s = ranked[r];
                ranks[s] = r + 1;
                slots[s] = places;
                outcomes[s] = (byte)(r < places ? Outcome.Recommended : Outcome.EligibleOverQuota);
            }
        }
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

    private List<int> Rank(List<int> candidates)
    {
        var quota = award.Quota!;
        var ids = award.Subject == SubjectKind.Individual ? frame.Population.Individuals.Id : frame.Population.Units.Id;
        var keys = candidates.ToDictionary(s => s, s => quota.RankBy.Select(k => k(frame, s)).ToArray());
        var ranked = candidates.ToList();
        ranked.Sort((a, b) =>
        {
            for (var k = 0; k < quota.RankBy.Length; k++)
            {
                var (x, y) = (keys[a][k], keys[b][k]);
                if (x is null || y is null)
                {
                    // Unknown key values rank after known ones, whatever the direction.
                    if (x is null && y is null)
                    {
                        continue;
                    }

                    return x is null ? 1 : -1;
                }

                var c = CompareKeys(x, y);
                if (c != 0)
                {
                    return quota.Definition.RankBy[k].Descending ? -c : c;
                }
            }

            return string.CompareOrdinal(ids[a], ids[b]);
        });
        return ranked;
    }

    /// <summary>Orders two known key values of the same type.</summary>
    private static int CompareKeys(object a, object b) => (a, b) switch
    {
        (Fraction x, Fraction y) => x.CompareTo(y),
        (Fraction x, decimal y) => x.CompareTo(y),
        (decimal x, Fraction y) => -y.CompareTo(x),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    };
}
