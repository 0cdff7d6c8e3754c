using FsCheck;
using FsCheck.Fluent;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using Xunit;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>
/// The quota rule under missing data (<see cref="QuotaPlacement"/>) against brute force: on small units, every
/// completion of the unknowns (whether each possible candidate meets the criteria, each unknown rank-key value, how
/// many uncertain members count in the population) is ranked exactly, and a candidate must be decided inside (outside)
/// exactly when it is inside (outside) in every completion.
/// </summary>
public sealed class QuotaPlacementProperties
{
    // Known key values are even, so that the completion values -1..5 fall below, between, on and above every one of them.
    private static readonly int[] KnownValues = [0, 2, 4];
    private static readonly int[] CompletionValues = [-1, 0, 1, 2, 3, 4, 5];
    private static readonly decimal[] Shares = [0.2m, 0.34m, 0.5m, 1m];

    private sealed record Case(QuotaEntrant[] Entrants, bool[] Descending, int PopulationKnown, int PopulationUnknown, decimal Share)
    {
        public override string ToString() =>
            string.Join(" ", Entrants.Select(e => $"{e.Id}{(e.Certain ? "" : "?")}[{string.Join(",", e.Keys.Select(k => k?.ToString() ?? "_"))}]"))
            + $" desc=[{string.Join(",", Descending)}] pop={PopulationKnown}+{PopulationUnknown} share={Share}";
    }

    private static Case Generate(int seed)
    {
        var random = new Random(seed);
        var keys = random.Next(1, 3);
        var unknownKeys = 0;
        var possible = 0;
        var entrants = new List<QuotaEntrant>();
        var n = random.Next(1, 6);
        for (var i = 0; i < n; i++)
        {
            var certain = possible >= 3 || random.Next(3) > 0;
            possible += certain ? 0 : 1;
            var values = new object?[keys];
            for (var k = 0; k < keys; k++)
            {
                if (unknownKeys < 3 && random.Next(4) == 0)
                {
                    unknownKeys++;
                }
                else
                {
                    values[k] = (decimal)KnownValues[random.Next(KnownValues.Length)];
                }
            }

            entrants.Add(new QuotaEntrant(i, "S" + random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture) + i.ToString(System.Globalization.CultureInfo.InvariantCulture), certain, values));
        }

        var descending = Enumerable.Range(0, keys).Select(_ => random.Next(2) == 0).ToArray();
        return new Case([.. entrants], descending, random.Next(0, 7), random.Next(0, 3), Shares[random.Next(Shares.Length)]);
    }

    private static int Places(Case c, int population) => QuotaAllocator.PlacesFor(c.Share, population, false, QuotaRounding.Floor);

    /// <summary>For each certain entrant: inside in every completion, outside in every completion, or neither.</summary>
    private static Placement[] BruteForce(Case c)
    {
        var unknown = c.Entrants.SelectMany((e, i) => e.Keys.Select((k, j) => (i, j, k)).Where(x => x.k is null).Select(x => (x.i, x.j))).ToList();
        var possible = c.Entrants.Select((e, i) => (e, i)).Where(x => !x.e.Certain).Select(x => x.i).ToList();
        var inside = new bool[c.Entrants.Length];
        var outside = new bool[c.Entrants.Length];
        var assignment = new int[unknown.Count];
        while (true)
        {
            var keys = c.Entrants.Select(e => e.Keys.ToArray()).ToArray();
            for (var u = 0; u < unknown.Count; u++)
            {
                keys[unknown[u].i][unknown[u].j] = (decimal)CompletionValues[assignment[u]];
            }

            for (var mask = 0; mask < 1 << possible.Count; mask++)
            {
                var candidates = Enumerable.Range(0, c.Entrants.Length)
                    .Where(i => c.Entrants[i].Certain || (mask & (1 << possible.IndexOf(i))) != 0)
                    .Select(i => c.Entrants[i] with { Keys = keys[i] })
                    .ToList();
                candidates.Sort((a, b) => QuotaPlacement.Compare(a, b, c.Descending));
                for (var extra = 0; extra <= c.PopulationUnknown; extra++)
                {
                    var places = Places(c, c.PopulationKnown + extra);
                    for (var r = 0; r < candidates.Count; r++)
                    {
                        if (candidates[r].Certain)
                        {
                            (r < places ? inside : outside)[candidates[r].Subject] = true;
                        }
                    }
                }
            }

            // Next assignment of the unknown key values (odometer).
            var digit = 0;
            while (digit < assignment.Length && ++assignment[digit] == CompletionValues.Length)
            {
                assignment[digit++] = 0;
            }

            if (digit == assignment.Length)
            {
                break;
            }
        }

        return [.. c.Entrants.Select((e, i) => inside[i] && outside[i] ? Placement.Undecided : inside[i] ? Placement.Inside : Placement.Outside)];
    }

    [Fact]
    public void Decide_SmallUnits_AgreesWithEveryCompletionOfTheUnknowns()
    {
        Prop.ForAll(Arb.From(Gen.Choose(1, int.MaxValue - 1)), seed =>
        {
            var c = Generate(seed);
            var (placements, rivals) = QuotaPlacement.Decide(c.Entrants, c.Descending, Places(c, c.PopulationKnown), Places(c, c.PopulationKnown + c.PopulationUnknown));
            var expected = BruteForce(c);
            var certain = Enumerable.Range(0, c.Entrants.Length).Where(i => c.Entrants[i].Certain).ToList();
            var agrees = certain.All(i => placements[i] == expected[i]);
            var rivalsNamed = certain.All(i => placements[i] != Placement.Undecided || rivals[i] is not null);
            return (agrees && rivalsNamed).Label(c + " → expected " + string.Join(",", certain.Select(i => expected[i])) + ", got " + string.Join(",", certain.Select(i => placements[i])));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(400));
    }

    [Fact]
    public void Decide_NoUnknowns_IsTheExactRanking()
    {
        var entrants = new[]
        {
            new QuotaEntrant(0, "A", true, [2m]), new QuotaEntrant(1, "B", true, [4m]), new QuotaEntrant(2, "C", true, [2m]),
        };

        var (placements, _) = QuotaPlacement.Decide(entrants, [true], 2, 2);

        Assert.Equal([Placement.Inside, Placement.Inside, Placement.Outside], placements);
    }
}
