namespace ThiDua.Rules.Evaluation;

/// <summary>Where a candidate stands in its quota group.</summary>
internal enum Placement : byte
{
    /// <summary>Inside the places, whatever the unknown values are.</summary>
    Inside = 0,

    /// <summary>Outside the places, whatever the unknown values are.</summary>
    Outside = 1,

    /// <summary>Inside for some completion of the unknown values and outside for another.</summary>
    Undecided = 2,
}

/// <summary>
/// One subject competing for a quota group's places: <see cref="Certain"/> when it meets every criterion, otherwise
/// it may or may not turn out to (its outcome is insufficient-data). A null key value is unknown.
/// </summary>
internal readonly record struct QuotaEntrant(int Subject, string Id, bool Certain, object?[] Keys);

/// <summary>
/// Decides who is inside a quota group when some values are missing (issue 15; README "Chỉ tiêu khi thiếu dữ liệu").
/// </summary>
/// <remarks>
/// <para>The unknowns are: whether each possible candidate meets the criteria; each unknown rank-key value (any value
/// of its type, below, between or above the known ones); and the number of places, known only to lie in
/// [<c>placesLow</c>, <c>placesHigh</c>] when the population it is a share of is uncertain. They are taken as independent
/// of one another.</para>
/// <para>A certain candidate <c>c</c> is <b>inside</b> when even the worst completion leaves it inside: fewer than
/// <c>placesLow</c> subjects can rank before it (every possible candidate a candidate, every unknown key against it).
/// It is <b>outside</b> when even the best completion leaves it outside: at least <c>placesHigh</c> certain candidates
/// rank before it for sure. Both extremes are reachable at once (the unknowns of <c>c</c> at one end of their range
/// and everyone else's at the other), so every other candidate's place truly depends on a missing value: it is
/// <b>undecided</b>, and its rivals are the subjects whose order against it is not known.</para>
/// <para>Cost: sorting the certain candidates with known keys, then one comparison per pair that involves an unknown
/// (O(n log n + n·u) for u uncertain subjects); a group without unknowns costs a sort.</para>
/// </remarks>
internal static class QuotaPlacement
{
    /// <summary>
    /// The placement of every entrant (possible candidates are always <see cref="Placement.Undecided"/>), and for each
    /// undecided certain candidate the entrants (indexes into <paramref name="entrants"/>) whose order against it is unknown.
    /// </summary>
    public static (Placement[] Placements, List<int>?[] Rivals) Decide(IReadOnlyList<QuotaEntrant> entrants, bool[] descending, int placesLow, int placesHigh)
    {
        var n = entrants.Count;
        var placements = new Placement[n];
        var rivals = new List<int>?[n];
        var known = new List<int>();
        var uncertain = new List<int>();
        for (var i = 0; i < n; i++)
        {
            placements[i] = Placement.Undecided;
            if (entrants[i].Certain && Array.TrueForAll(entrants[i].Keys, k => k is not null))
            {
                known.Add(i);
            }
            else
            {
                uncertain.Add(i);
            }
        }

        known.Sort((a, b) => Compare(entrants[a], entrants[b], descending));
        for (var position = 0; position < known.Count; position++)
        {
            var c = known[position];
            // Certain candidates with known keys before c are exactly the `position` before it in the sorted list.
            Place(entrants, descending, placesLow, placesHigh, c, position, position, uncertain, placements, rivals);
        }

        foreach (var c in uncertain.Where(c => entrants[c].Certain))
        {
            var others = Enumerable.Range(0, n).Where(i => i != c).ToList();
            Place(entrants, descending, placesLow, placesHigh, c, 0, 0, others, placements, rivals);
        }

        return (placements, rivals);
    }

    private static void Place(IReadOnlyList<QuotaEntrant> entrants, bool[] descending, int placesLow, int placesHigh, int c, int surely, int possibly, List<int> others, Placement[] placements, List<int>?[] rivals)
    {
        List<int>? open = null;
        foreach (var s in others)
        {
            if (s == c)
            {
                continue;
            }

            var (sure, maybe) = Before(entrants[s], entrants[c], descending);
            if (sure && entrants[s].Certain)
            {
                surely++;
            }

            if (maybe)
            {
                possibly++;
                if (!sure || !entrants[s].Certain)
                {
                    (open ??= []).Add(s);
                }
            }
        }

        placements[c] = possibly < placesLow ? Placement.Inside : surely >= placesHigh ? Placement.Outside : Placement.Undecided;
        if (placements[c] == Placement.Undecided)
        {
            rivals[c] = open ?? [];
        }
    }

    /// <summary>Whether <paramref name="s"/> ranks before <paramref name="c"/> surely, and possibly: keys in order, then id.</summary>
    internal static (bool Surely, bool Possibly) Before(QuotaEntrant s, QuotaEntrant c, bool[] descending)
    {
        for (var k = 0; k < descending.Length; k++)
        {
            var (x, y) = (s.Keys[k], c.Keys[k]);
            if (x is null || y is null)
            {
                // An unknown value may be above, equal to or below the other: s may come first, but not surely.
                return (false, true);
            }

            var order = CompareKeys(x, y);
            if (order != 0)
            {
                var first = descending[k] ? order > 0 : order < 0;
                return (first, first);
            }
        }

        var byId = string.CompareOrdinal(s.Id, c.Id) < 0;
        return (byId, byId);
    }

    /// <summary>The ranking order of two entrants with known keys: keys in order, then id (ordinal).</summary>
    internal static int Compare(QuotaEntrant a, QuotaEntrant b, bool[] descending)
    {
        for (var k = 0; k < descending.Length; k++)
        {
            var (x, y) = (a.Keys[k], b.Keys[k]);
            if (x is null || y is null)
            {
                // Unknown values are listed after known ones (for display only: such places are not decided by it).
                if (x is null && y is null)
                {
                    continue;
                }

                return x is null ? 1 : -1;
            }

            var c = CompareKeys(x, y);
            if (c != 0)
            {
                return descending[k] ? -c : c;
            }
        }

        return string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>Orders two known key values of the same type.</summary>
    internal static int CompareKeys(object a, object b) => (a, b) switch
    {
        (Fraction x, Fraction y) => x.CompareTo(y),
        (Fraction x, decimal y) => x.CompareTo(y),
        (decimal x, Fraction y) => -y.CompareTo(x),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    };
}
