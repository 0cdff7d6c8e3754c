using System.Collections.Immutable;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Evaluation;

/// <summary>One voted pair: the ballot, the share its award requires (null when the rule set gives none) and the decision.</summary>
internal sealed record VoteOutcome(CouncilVote Vote, decimal? Share, CouncilDecision? Decision);

/// <summary>
/// Applies the council's ballots to the evaluated pairs (design §8). A pair is approved when the yes votes reach the
/// award's share of ALL council members (ND 91/2017 Art 45 §8: "tính trên tổng số thành viên của Hội đồng"), in exact
/// decimal arithmetic: 90% of 15 members needs 13.5, so 14 yes votes.
/// </summary>
internal static class CouncilVoting
{
    /// <summary>
    /// The voted pairs by (award index, subject index), and warnings; every problem with a ballot (unknown subject or
    /// award, a pair not recommended, more yes than members, counts out of range, a pair voted twice) is collected and
    /// thrown at once, each at its row.
    /// </summary>
    /// <exception cref="RuleSetValidationException">A ballot is wrong.</exception>
    public static (Dictionary<(int Award, int Subject), VoteOutcome> Votes, ImmutableArray<Diagnostic> Warnings) Apply(CompiledRuleSet compiled, EvalFrame frame, ImmutableArray<CouncilVote> ballots)
    {
        var votes = new Dictionary<(int, int), VoteOutcome>();
        if (ballots.IsDefaultOrEmpty)
        {
            return (votes, []);
        }

        var diagnostics = new DiagnosticBag();
        var individuals = Index(frame.Population.Individuals.Id);
        var units = Index(frame.Population.Units.Id);
        var noThreshold = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ballot in ballots)
        {
            var a = compiled.AwardIndex(ballot.Award);
            if (a < 0)
            {
                diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.VoteUnknownAward, ballot.Span,
                    Suggestions.Closest(ballot.Award, compiled.Awards.Select(x => x.Id)), ballot.Award));
                continue;
            }

            var award = compiled.Awards[a];
            var index = award.Subject == SubjectKind.Individual ? individuals : units;
            if (!index.TryGetValue(ballot.Subject, out var s) || frame.Outcomes[a]![s] == Evaluator.NotApplicable)
            {
                diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.VoteUnknownSubject, ballot.Span, Suggestions.Closest(ballot.Subject, index.Keys), ballot.Subject));
                continue;
            }

            if (ballot.Members < 1)
            {
                diagnostics.Add(DiagnosticCodes.VoteInvalidCount, ballot.Span, ballot.Members.ToString(System.Globalization.CultureInfo.InvariantCulture), "members", DiagnosticCatalog.Term("a whole number, at least 1"));
                continue;
            }

            if (ballot.Yes < 0)
            {
                diagnostics.Add(DiagnosticCodes.VoteInvalidCount, ballot.Span, ballot.Yes.ToString(System.Globalization.CultureInfo.InvariantCulture), "yes", DiagnosticCatalog.Term("a whole number, not negative"));
                continue;
            }

            if (ballot.Yes > ballot.Members)
            {
                diagnostics.Add(DiagnosticCodes.VoteMoreYesThanMembers, ballot.Span, ballot.Yes.ToString(System.Globalization.CultureInfo.InvariantCulture), ballot.Members.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            var outcome = (Outcome)frame.Outcomes[a]![s];
            if (outcome != Outcome.Recommended)
            {
                diagnostics.Add(DiagnosticCodes.VoteOnPairNotRecommended, ballot.Span, ballot.Subject, ballot.Award, DiagnosticCatalog.Term(outcome.ToName()));
                continue;
            }

            if (votes.TryGetValue((a, s), out var first))
            {
                diagnostics.Add(DiagnosticCodes.VoteDuplicate, ballot.Span, ballot.Subject, ballot.Award, first.Vote.Span.ToString());
                continue;
            }

            var share = award.CouncilShare?.Invoke(frame, -1);
            if (share is null && noThreshold.Add(award.Id))
            {
                diagnostics.Add(DiagnosticCodes.VoteNoThreshold, ballot.Span, award.Id);
            }

            CouncilDecision? decision = share is null ? null : ballot.Yes >= share.Value * ballot.Members ? CouncilDecision.Approved : CouncilDecision.NotApproved;
            votes[(a, s)] = new VoteOutcome(ballot, share, decision);
        }

        if (diagnostics.HasErrors)
        {
            throw new RuleSetValidationException(diagnostics.ToSortedArray());
        }

        return (votes, [.. diagnostics.ToSortedArray()]);
    }

    private static Dictionary<string, int> Index(string[] ids)
    {
        var map = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            map.TryAdd(ids[i], i);
        }

        return map;
    }
}

/// <summary>The fixed names of council decisions used in every output.</summary>
public static class CouncilDecisionNames
{
    /// <summary><c>approved</c> or <c>not-approved</c>.</summary>
    public static string ToName(this CouncilDecision decision) => decision == CouncilDecision.Approved ? "approved" : "not-approved";
}
