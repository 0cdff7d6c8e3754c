using ThiDua.Rules.Compilation;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// Runs one evaluation: scoring tables, then awards in dependency order (criteria in parallel across subjects, then the
/// quota, sequentially), then plan targets. Every array slot is written by exactly one thread, so the result does not
/// depend on the thread count.
/// </summary>
internal sealed class Evaluator(CompiledRuleSet compiled, Population population, object?[] parameters, EvaluationOptions options, CancellationToken cancellationToken)
{
    /// <summary>Marks a unit that is not of the award's subject kind (for example a unit for an enterprise award).</summary>
    public const byte NotApplicable = 255;

    private const int BlockSize = 512;

    private readonly EvalFrame _frame = new(compiled, population, parameters);
    private readonly AwardKernel[] _kernels = compiled.KernelsFor(parameters);

    /// <exception cref="RuleSetValidationException">An expression's worst-case work on this data passes the budget (TDR144).</exception>
    public EvaluationResult Run(System.Collections.Immutable.ImmutableArray<Diagnostic> warnings)
    {
        // Nested aggregates multiply: their worst case on this data is refused before any work rather than run for hours.
        if (WorkBudget.Check(compiled, population, options.Limits.MaxCriterionWork) is { Count: > 0 } tooMuch)
        {
            throw new RuleSetValidationException(tooMuch);
        }

        var awards = compiled.Awards;
        var statuses = new byte[awards.Length][];
        // Ranks and quota places exist only for awards with a quota (null otherwise).
        var ranks = new int[]?[awards.Length];
        var quotaSlots = new int[]?[awards.Length];
        var doubts = new Dictionary<int, QuotaDoubt>?[awards.Length];

        for (var t = 0; t < compiled.Scoring.Length; t++)
        {
            ScoreTable(t);
        }

        var completed = 0;
        foreach (var a in compiled.Order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var award = awards[a];
            var count = award.Subject == SubjectKind.Individual ? population.Individuals.Count : population.Units.Count;
            var outcomes = new byte[count];
            var status = new byte[count * award.Criteria.Length];
            ForEachBlock(count, (from, to) => EvaluateRange(award, from, to, outcomes, status));
            if (award.Quota is not null)
            {
                var awardRanks = ranks[a] = new int[count];
                var awardSlots = quotaSlots[a] = new int[count];
                new QuotaAllocator(_frame, award).Allocate(outcomes, awardRanks, awardSlots, doubts[a] = []);
            }

            statuses[a] = status;
            _frame.Outcomes[a] = outcomes;
            options.Progress?.Report(new EvaluationProgress(++completed, awards.Length, award.Id));
        }

        var targets = compiled.Targets.Select(EvaluateTarget).ToArray();
        var (votes, voteWarnings) = CouncilVoting.Apply(compiled, _frame, options.Votes);
        var superseded = ProposalResolver.Supersede(compiled, _frame.Outcomes!,
            votes.Count == 0 ? null : (a, s) => votes.TryGetValue((a, s), out var v) && v.Decision == Model.CouncilDecision.NotApproved);
        return new EvaluationResult(compiled, _frame, statuses, ranks, quotaSlots, targets, voteWarnings.IsEmpty ? warnings : [.. warnings, .. voteWarnings])
        {
            Superseded = superseded,
            QuotaDoubts = doubts,
            Votes = votes,
        };
    }

    private void ForEachBlock(int count, Action<int, int> body)
    {
        var blocks = (count + BlockSize - 1) / BlockSize;
        var degree = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        if (degree == 1 || blocks <= 1)
        {
            body(0, count);
            return;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, blocks, parallel, b => body(b * BlockSize, Math.Min(count, (b + 1) * BlockSize)));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // Several blocks may fail; report the one with the lowest subject for a deterministic message.
            throw ex.InnerExceptions.OfType<RuleEvaluationException>().OrderBy(e => e.SubjectId, StringComparer.Ordinal).FirstOrDefault()
                ?? ex.InnerExceptions[0];
        }
    }

    private void EvaluateRange(CompiledAward award, int from, int to, byte[] outcomes, byte[] status)
    {
        try
        {
            _kernels[award.Index](_frame, from, to, outcomes, status);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A plug-in threw: find the subject and criterion, one call at a time, to name them in the error.
            for (var s = from; s < to; s++)
            {
                if (award.Subject != SubjectKind.Individual && population.Units.Kind[s] != award.Subject)
                {
                    continue;
                }

                foreach (var criterion in award.Criteria)
                {
                    try
                    {
                        criterion.Evaluate(_frame, s);
                    }
                    catch (Exception inner) when (inner is not OperationCanceledException)
                    {
                        var id = award.Subject == SubjectKind.Individual ? population.Individuals.Id[s] : population.Units.Id[s];
                        throw new RuleEvaluationException(award.Id, criterion.Id, id, inner);
                    }
                }
            }

            throw new RuleEvaluationException(award.Id, "?", "?", ex);
        }
    }

    private void ScoreTable(int t)
    {
        var table = compiled.Scoring[t];
        var units = population.Units;
        var scores = new decimal?[units.Count];
        var lowest = new decimal[units.Count];
        var highest = new decimal[units.Count];
        var applies = new bool[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            if (units.Kind[u] != table.Definition.Subject)
            {
                continue;
            }

            applies[u] = true;
            var known = true;
            for (var i = 0; i < table.Items.Length; i++)
            {
                var points = table.Items[i](_frame, u);
                var max = table.Definition.Items[i].MaxPoints;
                if (points is { } p)
                {
                    lowest[u] += Math.Clamp(p, 0m, max);
                    highest[u] += Math.Clamp(p, 0m, max);
                }
                else
                {
                    // An unknown item could be worth anything from 0 to its maximum.
                    known = false;
                    highest[u] += max;
                }
            }

            scores[u] = known ? lowest[u] : null;
        }

        // Rank by score (descending), then id (ordinal), within each cluster or over all. A subject whose place could
        // change depending on a competitor's unknown score gets no rank (unknown), never a guessed one.
        var ranks = new int[units.Count];
        var groups = Enumerable.Range(0, units.Count)
            .Where(u => applies[u])
            .GroupBy(u => table.Definition.RankWithinCluster ? units.Cluster[u] ?? "" : "", StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.ToList();
            foreach (var u in members.Where(u => scores[u] is not null))
            {
                var score = scores[u]!.Value;
                var rank = 1;
                var certain = true;
                foreach (var other in members.Where(o => o != u))
                {
                    var idFirst = string.CompareOrdinal(units.Id[other], units.Id[u]) < 0;
                    var surelyAbove = lowest[other] > score || (lowest[other] == score && idFirst);
                    var surelyBelow = highest[other] < score || (highest[other] == score && !idFirst);
                    if (surelyAbove)
                    {
                        rank++;
                    }
                    else if (!surelyBelow)
                    {
                        certain = false;
                        break;
                    }
                }

                ranks[u] = certain ? rank : 0;
            }
        }

        _frame.Scores[t] = scores;
        _frame.ClusterRanks[t] = ranks;
    }

    private TargetOutcome[] EvaluateTarget(CompiledTarget target)
    {
        var units = population.Units;
        var list = new List<TargetOutcome>();
        for (var u = 0; u < units.Count; u++)
        {
            var applies = target.Definition.Subject switch
            {
                TargetScope.Agency => units.Parent[u] < 0,
                TargetScope.Unit => units.Kind[u] == SubjectKind.Unit,
                _ => units.Kind[u] == SubjectKind.Enterprise,
            };
            if (!applies)
            {
                continue;
            }

            var value = target.Evaluate(_frame, u);
            list.Add(new TargetOutcome(u, value switch
            {
                true => CriterionStatus.Pass,
                false => CriterionStatus.Fail,
                _ => CriterionStatus.Unknown,
            }));
        }

        return [.. list];
    }
}

/// <summary>The status of one plan target on one unit (by unit index).</summary>
internal readonly record struct TargetOutcome(int Unit, CriterionStatus Status);
