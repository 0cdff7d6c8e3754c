using ThiDua.Rules.Compilation;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// Turns eligibility into a proposal (design §8): within each exclusive group, a subject recommended for several
/// awards is proposed for the highest of them, and each other recommended pair is superseded by it. Outcomes are not
/// changed (a superseded pair stays <c>recommended</c>), so awards that build on one another (<c>has</c>, <c>requires</c>)
/// see the same values whether or not groups are declared.
/// </summary>
internal static class ProposalResolver
{
    /// <summary>
    /// Per award (declaration index), per subject: 0 when the pair is not superseded, else 1 + the index of the award
    /// that supersedes it; null for an award in no group. <paramref name="rejected"/>, when given, says which pairs
    /// the council did not approve: such a pair is not proposed, so the next lower recommended award of its group is.
    /// </summary>
    public static int[]?[] Supersede(CompiledRuleSet compiled, byte[]?[] outcomes, Func<int, int, bool>? rejected = null)
    {
        var superseded = new int[]?[compiled.Awards.Length];
        foreach (var group in compiled.ExclusiveGroups)
        {
            if (group.Length < 2)
            {
                continue;
            }

            var count = outcomes[group[0]]!.Length;
            foreach (var a in group)
            {
                superseded[a] = new int[count];
            }

            for (var s = 0; s < count; s++)
            {
                // Walk from the highest form down: the first recommended pair the council did not reject is proposed.
                var proposed = -1;
                for (var g = group.Length - 1; g >= 0; g--)
                {
                    var a = group[g];
                    if ((Outcome)outcomes[a]![s] != Outcome.Recommended)
                    {
                        continue;
                    }

                    if (proposed < 0)
                    {
                        if (rejected is null || !rejected(a, s))
                        {
                            proposed = a;
                        }
                    }
                    else
                    {
                        superseded[a]![s] = proposed + 1;
                    }
                }
            }
        }

        return superseded;
    }
}
