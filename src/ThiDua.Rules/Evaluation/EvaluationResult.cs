using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Evaluation;

/// <summary>Which (subject, award) pairs to list.</summary>
public enum ResultInclusion
{
    /// <summary>Every pair except those that fail only because a prerequisite award (<c>requires</c>) was not reached.</summary>
    Decided = 0,

    /// <summary>Every pair.</summary>
    All = 1,
}

/// <summary>
/// The outcome of one evaluation, held compactly (one byte per subject and award); explanations are built only when
/// asked for. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Results are listed in a documented, input-independent order: individuals, then units, then enterprises; within a
/// kind by subject id (ordinal); then awards in rule-file order.
/// </remarks>
public sealed class EvaluationResult
{
    private readonly CompiledRuleSet _compiled;
    private readonly EvalFrame _frame;
    private readonly byte[][] _statuses;
    private readonly int[]?[] _ranks;
    private readonly int[]?[] _slots;
    private readonly TargetOutcome[][] _targets;
    private readonly Lazy<Dictionary<string, int>> _individualIndex;
    private readonly Lazy<Dictionary<string, int>> _unitIndex;

    internal EvaluationResult(CompiledRuleSet compiled, EvalFrame frame, byte[][] statuses, int[]?[] ranks, int[]?[] slots, TargetOutcome[][] targets, ImmutableArray<Diagnostic> warnings)
    {
        _compiled = compiled;
        _frame = frame;
        _statuses = statuses;
        _ranks = ranks;
        _slots = slots;
        _targets = targets;
        Warnings = warnings;
        _individualIndex = new(() => IndexOf(frame.Population.Individuals.Id));
        _unitIndex = new(() => IndexOf(frame.Population.Units.Id));
    }

    /// <summary>The rule set version that was applied.</summary>
    public RuleSet RuleSet => _compiled.RuleSet;

    /// <summary>The evaluated year.</summary>
    public int Year => _frame.Population.Year;

    /// <summary>The as-of date used.</summary>
    public LocalDate AsOf => _frame.Population.AsOf;

    /// <summary>Warnings about the data (for example undeclared facts that were ignored).</summary>
    public ImmutableArray<Diagnostic> Warnings { get; }

    /// <summary>
    /// The value each parameter had in this evaluation (the rule set's, or the one given in
    /// <see cref="EvaluationOptions.Parameters"/>), by id, in the rule set's order; a share is a fraction (12% is 0.12).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>> ParameterValues =>
        [.. _compiled.Symbols.Parameters.OrderBy(p => p.Value.Slot).Select(p => new KeyValuePair<string, object?>(p.Key, _frame.Parameters[p.Value.Slot]))];

    /// <summary>
    /// Each parameter's value in this evaluation with where it comes from: for a dated parameter the date its value took
    /// effect and that value's basis (the one in force on <see cref="AsOf"/>), for an override (<see
    /// cref="EvaluationOptions.Parameters"/>, <c>--set</c>) no basis. In the rule set's order.
    /// </summary>
    public IReadOnlyList<ParameterInForce> ParametersInForce =>
        [.. _compiled.Symbols.Parameters.OrderBy(p => p.Value.Slot).Select(p =>
        {
            var definition = p.Value.Parameter;
            var value = _frame.Parameters[p.Value.Slot];
            var overridden = !Equals(value, definition.ValueOn(AsOf));
            return new ParameterInForce(p.Key, value, definition.Kind == Quantity.Share, overridden ? null : definition.InForce(AsOf)?.From,
                overridden ? null : definition.BasisOn(AsOf), overridden, !definition.Values.IsEmpty);
        })];

    /// <summary>Per award, per subject: 0, or 1 + the index of the award of its exclusive group that supersedes the pair.</summary>
    internal int[]?[] Superseded { get; init; } = [];

    /// <summary>Per award with a quota: the candidates whose place depends on missing values, with the range of places and the rivals.</summary>
    internal Dictionary<int, QuotaDoubt>?[] QuotaDoubts { get; init; } = [];

    /// <summary>The council's ballots by (award index, subject index).</summary>
    internal Dictionary<(int Award, int Subject), VoteOutcome> Votes { get; init; } = [];

    private VoteOutcome? VoteOf(CompiledAward award, int subject) => Votes.TryGetValue((award.Index, subject), out var vote) ? vote : null;

    /// <summary>The award that supersedes a pair (its exclusive group's proposed form), or null.</summary>
    private string? SupersededBy(CompiledAward award, int subject) =>
        award.Index < Superseded.Length && Superseded[award.Index] is { } row && row[subject] > 0 ? _compiled.Awards[row[subject] - 1].Id : null;

    private static Dictionary<string, int> IndexOf(string[] ids)
    {
        var map = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            map.TryAdd(ids[i], i);
        }

        return map;
    }

    /// <summary>The outcome of a pair, or null when the subject or award does not exist or does not apply.</summary>
    public Outcome? GetOutcome(string subjectId, string awardId)
    {
        var a = _compiled.AwardIndex(awardId);
        if (a < 0)
        {
            return null;
        }

        var index = _compiled.Awards[a].Subject == SubjectKind.Individual ? _individualIndex.Value : _unitIndex.Value;
        if (!index.TryGetValue(subjectId, out var s) || _frame.Outcomes[a]![s] == Evaluator.NotApplicable)
        {
            return null;
        }

        return (Outcome)_frame.Outcomes[a]![s];
    }

    /// <summary>
    /// The outcomes as a table per award and per subject, without explanations or text: the cheap way to read who is
    /// recommended for what. Creating it is O(1), each read an array lookup that allocates nothing.
    /// </summary>
    /// <returns>The table (it shares the result's arrays).</returns>
    public OutcomeTable GetOutcomeTable() => new(
        _frame.Population,
        _frame.Outcomes,
        _ranks,
        [.. _compiled.Awards.Select(a => a.Id)],
        [.. _compiled.Awards.Select(a => a.Subject)],
        id => _individualIndex.Value.TryGetValue(id, out var i) ? i : -1,
        id => _unitIndex.Value.TryGetValue(id, out var u) ? u : -1);

    /// <summary>Every listed pair with its explanation, in the documented order. Explanations are built as enumerated.</summary>
    /// <remarks><b>Cost:</b> sorts the subjects by id (O(n log n)), then builds one <see cref="AwardResult"/> per pair with
    /// every criterion's evidence and text (several objects and strings per pair): for a million people, seconds and
    /// gigabytes. Use <see cref="GetOutcomeTable"/> when only outcomes are needed, <see cref="Explain(string, string)"/>
    /// for one pair.</remarks>
    public IEnumerable<AwardResult> Results(ResultInclusion include = ResultInclusion.Decided) => Results(include, CriteriaDetail.All);

    /// <summary>
    /// The results as <see cref="Results(ResultInclusion)"/>, with only the criteria <paramref name="detail"/> asks for:
    /// a writer that leaves criteria out does not pay for explaining them.
    /// </summary>
    internal IEnumerable<AwardResult> Results(ResultInclusion include, CriteriaDetail detail)
    {
        foreach (var (award, subject, outcome) in Pairs(include))
        {
            yield return Build(award, subject, outcome, detail);
        }
    }

    /// <summary>One subject's results (a subject of <see cref="SubjectOrder"/>), as <see cref="Results(ResultInclusion, CriteriaDetail)"/> lists them.</summary>
    internal IEnumerable<AwardResult> ResultsOf(ListedSubject subject, ResultInclusion include, CriteriaDetail detail) =>
        ResultsFor(subject.Kind, subject.Index, include, detail);

    /// <summary>One subject's outcomes, in the order <see cref="Results(ResultInclusion)"/> lists its pairs, without explanations.</summary>
    internal IEnumerable<PairOutcome> OutcomesOf(ListedSubject subject, ResultInclusion include)
    {
        foreach (var (award, s, outcome) in PairsFor(subject.Kind, subject.Index, include))
        {
            yield return PairOf(award, s, outcome);
        }
    }

    /// <summary>
    /// One subject's outcomes, as <see cref="OutcomesOf"/>, each with the criteria it did not pass (status and evidence, no
    /// rendered text) when it is not recommended; a recommended pair is not explained at all.
    /// </summary>
    /// <remarks>Each pair's criteria are put in <paramref name="reasons"/>, refilled for the next pair: read it before
    /// moving on.</remarks>
    internal IEnumerable<(PairOutcome Pair, List<ExplanationBuilder.Reason> NotPassed)> ReasonsOf(ListedSubject subject, ResultInclusion include, List<ExplanationBuilder.Reason> reasons)
    {
        foreach (var (award, s, outcome) in PairsFor(subject.Kind, subject.Index, include))
        {
            if (outcome == Outcome.Recommended)
            {
                reasons.Clear();
            }
            else
            {
                NotPassed(award, s, reasons);
            }

            yield return (PairOf(award, s, outcome), reasons);
        }
    }

    /// <summary>
    /// The subjects in the documented order: individuals by id, then units, then enterprises by id (ordinal). Sorting
    /// a million ids takes a fraction of a second; a writer that lists every pair sorts once.
    /// </summary>
    internal ListedSubject[] SubjectOrder()
    {
        var ind = _frame.Population.Individuals;
        var units = _frame.Population.Units;
        var order = new List<ListedSubject>(ind.Count + units.Count);
        order.AddRange(Sorted(ind.Id, Enumerable.Range(0, ind.Count)).Select(s => new ListedSubject(SubjectKind.Individual, s)));
        foreach (var kind in new[] { SubjectKind.Unit, SubjectKind.Enterprise })
        {
            order.AddRange(Sorted(units.Id, Enumerable.Range(0, units.Count).Where(u => units.Kind[u] == kind)).Select(u => new ListedSubject(kind, u)));
        }

        return [.. order];
    }

    /// <summary>Indexes ordered by their ids (ordinal), equal ids by index: the order a stable sort by id gives.</summary>
    private static int[] Sorted(string[] ids, IEnumerable<int> indexes)
    {
        var items = indexes.ToArray();
        Array.Sort(items, (a, b) => string.CompareOrdinal(ids[a], ids[b]) is var c and not 0 ? c : a.CompareTo(b));
        return items;
    }

    /// <summary>The criteria a pair did not pass, with their evidence and no rendered text: what a reasons listing needs.</summary>
    private void NotPassed(CompiledAward award, int subject, List<ExplanationBuilder.Reason> into) =>
        ExplanationBuilder.NotPassed(_compiled, _frame, award, subject, _statuses[award.Index], _ranks[award.Index]?[subject] ?? 0, _slots[award.Index]?[subject] ?? 0,
            award.Index < QuotaDoubts.Length && QuotaDoubts[award.Index] is { } doubts && doubts.TryGetValue(subject, out var doubt) ? doubt : null, into);

    /// <summary>The catalog of criteria a reasons listing names: each award's criteria (and its quota) as results show them.</summary>
    internal IEnumerable<(CompiledAward Award, IReadOnlyList<(string Id, string Name, string? NameEn, string Basis)> Criteria)> CriterionCatalog() =>
        _compiled.Awards.Select(a => (a, ExplanationBuilder.CriterionCatalog(_compiled, a)));

    private PairOutcome PairOf(CompiledAward award, int subject, Outcome outcome)
    {
        var population = _frame.Population;
        var individual = award.Subject == SubjectKind.Individual;
        var rank = _ranks[award.Index]?[subject] ?? 0;
        return new PairOutcome(
            individual ? population.Individuals.Id[subject] : population.Units.Id[subject],
            individual ? SubjectKind.Individual : population.Units.Kind[subject],
            award.Id,
            outcome,
            rank,
            rank > 0 ? _slots[award.Index]?[subject] ?? 0 : 0,
            SupersededBy(award, subject),
            VoteOf(award, subject)?.Decision);
    }

    /// <summary>The listed pairs: individuals by id, then units, then enterprises by id; each subject's awards in rule-file order.</summary>
    private IEnumerable<(CompiledAward Award, int Subject, Outcome Outcome)> Pairs(ResultInclusion include)
    {
        foreach (var subject in SubjectOrder())
        {
            foreach (var pair in PairsFor(subject.Kind, subject.Index, include))
            {
                yield return pair;
            }
        }
    }

    /// <summary>Every award's result for one subject (all pairs, decided or not), in rule-file order; empty when the subject does not exist.</summary>
    public IReadOnlyList<AwardResult> Explain(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        if (_individualIndex.Value.TryGetValue(subjectId, out var s))
        {
            return [.. ResultsFor(SubjectKind.Individual, s, ResultInclusion.All, CriteriaDetail.All)];
        }

        return _unitIndex.Value.TryGetValue(subjectId, out var u) ? [.. ResultsFor(_frame.Population.Units.Kind[u], u, ResultInclusion.All, CriteriaDetail.All)] : [];
    }

    /// <summary>One pair's result with its explanation, or null when the pair does not exist.</summary>
    public AwardResult? Explain(string subjectId, string awardId) =>
        Explain(subjectId).FirstOrDefault(r => r.Award == awardId);

    private IEnumerable<AwardResult> ResultsFor(SubjectKind kind, int subject, ResultInclusion include, CriteriaDetail detail)
    {
        foreach (var (award, s, outcome) in PairsFor(kind, subject, include))
        {
            yield return Build(award, s, outcome, detail);
        }
    }

    private AwardResult Build(CompiledAward award, int subject, Outcome outcome, CriteriaDetail detail) =>
        ExplanationBuilder.Build(_compiled, _frame, award, subject, outcome, _statuses[award.Index], _ranks[award.Index]?[subject] ?? 0, _slots[award.Index]?[subject] ?? 0, detail,
            award.Index < QuotaDoubts.Length && QuotaDoubts[award.Index] is { } doubts && doubts.TryGetValue(subject, out var doubt) ? doubt : null)
            with
            {
                SupersededBy = SupersededBy(award, subject),
                Council = VoteOf(award, subject)?.Decision,
                Vote = VoteOf(award, subject)?.Vote,
                CouncilShare = VoteOf(award, subject)?.Share,
                UnitProposed = UnitProposals.Of(_frame.Population, award, subject),
                BonusMultiple = award.BonusMultiple?.Invoke(_frame, -1),
                BaseSalary = award.BaseSalary?.Invoke(_frame, -1),
            };

    private IEnumerable<(CompiledAward Award, int Subject, Outcome Outcome)> PairsFor(SubjectKind kind, int subject, ResultInclusion include)
    {
        foreach (var award in _compiled.Awards)
        {
            if ((award.Subject == SubjectKind.Individual) != (kind == SubjectKind.Individual))
            {
                continue;
            }

            var outcome = _frame.Outcomes[award.Index]![subject];
            if (outcome == Evaluator.NotApplicable)
            {
                continue;
            }

            // A pair the unit itself proposes is always listed: the council must see why the rules do not allow it.
            if (include == ResultInclusion.Decided && (Outcome)outcome == Outcome.NotEligible && FailsOnlyOnPrerequisites(award, subject)
                && UnitProposals.Of(_frame.Population, award, subject) != true)
            {
                continue;
            }

            yield return (award, subject, (Outcome)outcome);
        }
    }

    private bool FailsOnlyOnPrerequisites(CompiledAward award, int subject)
    {
        var statuses = _statuses[award.Index];
        var offset = subject * award.Criteria.Length;
        var prerequisiteFailed = false;
        for (var c = 0; c < award.Criteria.Length; c++)
        {
            if ((CriterionStatus)statuses[offset + c] != CriterionStatus.Fail)
            {
                continue;
            }

            if (award.Criteria[c].RequiresAward < 0)
            {
                return false;
            }

            prerequisiteFailed = true;
        }

        return prerequisiteFailed;
    }

    /// <summary>
    /// Every subject's id, kind and rating of the evaluated year (a level id of the <c>rating</c> scale, or null when
    /// unknown): individuals, then units and enterprises, each by id (ordinal). What an archive keeps for next year's history.
    /// </summary>
    internal IEnumerable<(string Id, SubjectKind Kind, string? Rating)> SubjectRatings()
    {
        var scale = _compiled.RuleSet.Scales.FirstOrDefault(s => s.Id == "rating");
        string? Level(int? index) => index is { } i && scale is not null && i >= 0 && i < scale.Levels.Length ? scale.Levels[i].Id : null;
        var ind = _frame.Population.Individuals;
        foreach (var s in Enumerable.Range(0, ind.Count).OrderBy(i => ind.Id[i], StringComparer.Ordinal))
        {
            yield return (ind.Id[s], SubjectKind.Individual, Level(ind.Rating[s]));
        }

        var units = _frame.Population.Units;
        foreach (var u in Enumerable.Range(0, units.Count).OrderBy(i => units.Id[i], StringComparer.Ordinal))
        {
            yield return (units.Id[u], units.Kind[u], Level(units.Rating[u]));
        }
    }

    /// <summary>Plan targets: one row per (unit, target), in rule-file order of targets, then unit id.</summary>
    public IEnumerable<TargetResult> Targets()
    {
        for (var t = 0; t < _compiled.Targets.Length; t++)
        {
            var target = _compiled.Targets[t];
            foreach (var outcome in _targets[t].OrderBy(o => _frame.Population.Units.Id[o.Unit], StringComparer.Ordinal))
            {
                yield return ExplanationBuilder.BuildTarget(_compiled, _frame, target, outcome);
            }
        }
    }

    /// <summary>Scores of every scoring table: one row per scored unit, ordered by table, cluster, rank, id.</summary>
    public IEnumerable<ScoreResult> Scores()
    {
        var units = _frame.Population.Units;
        for (var t = 0; t < _compiled.Scoring.Length; t++)
        {
            var table = _compiled.Scoring[t];
            var scores = _frame.Scores[t]!;
            var ranks = _frame.ClusterRanks[t]!;
            var rows = Enumerable.Range(0, units.Count)
                .Where(u => units.Kind[u] == table.Definition.Subject)
                .OrderBy(u => table.Definition.RankWithinCluster ? units.Cluster[u] ?? "" : "", StringComparer.Ordinal)
                .ThenBy(u => ranks[u] == 0 ? int.MaxValue : ranks[u])
                .ThenBy(u => units.Id[u], StringComparer.Ordinal);
            foreach (var u in rows)
            {
                var items = table.Items.Select((item, i) => new ScoreItemResult(table.Definition.Items[i].Id, table.Definition.Items[i].Name,
                    item(_frame, u) is { } p ? Math.Clamp(p, 0m, table.Definition.Items[i].MaxPoints) : null, table.Definition.Items[i].MaxPoints)).ToImmutableArray();
                yield return new ScoreResult(units.Id[u], table.Definition.Id, units.Cluster[u], scores[u], ranks[u] == 0 ? null : ranks[u], items);
            }
        }
    }
}

/// <summary>One pair's outcome, without its explanation: what a compact listing needs.</summary>
internal readonly record struct PairOutcome(string Subject, SubjectKind Kind, string Award, Outcome Outcome, int Rank, int QuotaPlaces, string? SupersededBy, CouncilDecision? Council);

/// <summary>One (subject, award) pair: its outcome and the criteria that explain it.</summary>
public sealed record AwardResult
{
    /// <summary>The subject's id.</summary>
    public required string Subject { get; init; }

    /// <summary>The subject's name, if known.</summary>
    public string? SubjectName { get; init; }

    /// <summary>Individual, unit or enterprise.</summary>
    public SubjectKind SubjectKind { get; init; }

    /// <summary>The person's position (chức vụ), when the data gives one; null for collectives.</summary>
    public string? Position { get; init; }

    /// <summary>The subject's unit (individuals) or parent unit (units), if any.</summary>
    public string? Unit { get; init; }

    /// <summary>The award id.</summary>
    public required string Award { get; init; }

    /// <summary>The award's Vietnamese name.</summary>
    public required string AwardName { get; init; }

    /// <summary>The award's English name, when the rule file gives one (<c>nameEn</c>); otherwise null.</summary>
    public string? AwardNameEn { get; init; }

    /// <summary>The award's name in a language: the English name when asked for and given, else the Vietnamese one.</summary>
    /// <param name="language">The language wanted.</param>
    /// <returns>The name.</returns>
    public string NameIn(Language language) => language == Language.En && AwardNameEn is { } en ? en : AwardName;

    /// <summary>The outcome.</summary>
    public Outcome Outcome { get; init; }

    /// <summary>
    /// For a recommended pair of an exclusive group: the higher award of the group the subject is proposed for instead
    /// (design §8); null when the pair is itself the proposal or in no group.
    /// </summary>
    public string? SupersededBy { get; init; }

    /// <summary>
    /// Whether the pair is proposed: recommended, not superseded by a higher form of its exclusive group, and not
    /// rejected by the council's vote.
    /// </summary>
    public bool IsProposed => Outcome == Outcome.Recommended && SupersededBy is null && Council != CouncilDecision.NotApproved;

    /// <summary>
    /// Whether the subject's unit itself proposes the pair (the data's <c>proposals</c>, spreadsheet column <c>Đề nghị</c>);
    /// null when the data gives no proposals for the subject.
    /// </summary>
    public bool? UnitProposed { get; init; }

    /// <summary>
    /// How the unit's own proposal compares with what the rules allow (<see cref="IsProposed"/>): proposed but not
    /// allowed, or allowed but not proposed; null when they agree or the data gives no proposals for the subject.
    /// </summary>
    public ProposalCheck? ProposalCheck => UnitProposed is not { } unit || unit == IsProposed
        ? null
        : unit ? Evaluation.ProposalCheck.ProposedNotEligible : Evaluation.ProposalCheck.EligibleNotProposed;

    /// <summary>The bonus the award carries, as a multiple of the base salary (the rule file's <c>bonus</c>); null when
    /// the rule set gives none.</summary>
    public decimal? BonusMultiple { get; init; }

    /// <summary>The base salary (mức lương cơ sở, đồng) the bonus is a multiple of; null when the rule set gives none.</summary>
    public decimal? BaseSalary { get; init; }

    /// <summary>The bonus in đồng (<see cref="BonusMultiple"/> × <see cref="BaseSalary"/>), when both are known.</summary>
    public decimal? BonusAmount => BonusMultiple * BaseSalary;

    /// <summary>The council's decision when the pair was voted on (<c>--votes</c>): approved or not-approved; null otherwise.</summary>
    public CouncilDecision? Council { get; init; }

    /// <summary>The council's ballot on the pair, when there was one.</summary>
    public CouncilVote? Vote { get; init; }

    /// <summary>The share of all council members the award requires, when the pair was voted on and the rule set gives one.</summary>
    public decimal? CouncilShare { get; init; }

    /// <summary>The rank inside the quota group, for eligible subjects of an award with a quota.</summary>
    public int? Rank { get; init; }

    /// <summary>The number of places in the quota group, when a quota applied.</summary>
    public int? QuotaPlaces { get; init; }

    /// <summary>The award's legal basis.</summary>
    public required string Basis { get; init; }

    /// <summary>Each criterion, in rule-file order (prerequisites first, the quota last).</summary>
    public ImmutableArray<CriterionResult> Criteria { get; init; } = [];
}

/// <summary>One criterion's verdict with its evidence.</summary>
public sealed record CriterionResult
{
    /// <summary>The criterion id (<c>requires:&lt;award&gt;</c> for prerequisites, <c>quota</c> for the quota).</summary>
    public required string Id { get; init; }

    /// <summary>Vietnamese label.</summary>
    public required string Name { get; init; }

    /// <summary>English label, when the rule file gives one.</summary>
    public string? NameEn { get; init; }

    /// <summary>pass, fail or unknown.</summary>
    public CriterionStatus Status { get; init; }

    /// <summary>The actual value (the left side of the criterion's comparison), when there is one.</summary>
    public ExplainedValue? Actual { get; init; }

    /// <summary>What was required (the operator and the right side), when there is one.</summary>
    public Requirement? Required { get; init; }

    /// <summary>The other comparisons of an expression joined by <c>&amp;&amp;</c> (each must hold), in the order
    /// written: a compound criterion or target shows every side, not only the one that decided it.</summary>
    public ImmutableArray<ComparisonResult> AlsoCompared { get; init; } = [];

    /// <summary>For an unknown verdict: the values that were missing, as <c>subjectId.field</c>.</summary>
    public ImmutableArray<string> Missing { get; init; } = [];

    /// <summary>The legal basis.</summary>
    public required string Basis { get; init; }
}

/// <summary>
/// A value shown in an explanation: a <see cref="bool"/>, <see cref="decimal"/>, <see cref="Fraction"/>,
/// <see cref="string"/> (text or a scale level id) or <see cref="LocalDate"/>, or null when unknown.
/// </summary>
/// <param name="Value">The value.</param>
/// <param name="IsPercent">Whether a number is a share to show as a percentage.</param>
/// <param name="Label">For a scale level, its name.</param>
public sealed record ExplainedValue(object? Value, bool IsPercent = false, string? Label = null)
{
    /// <summary>Whether the value is absent because the event never happened (the years since an award never received),
    /// not because data is missing: printed "chưa có" / "never".</summary>
    public bool Never { get; init; }
}

/// <summary>One more comparison of a compound expression: its actual value and requirement.</summary>
/// <param name="Actual">The actual value (null when unknown).</param>
/// <param name="Required">The requirement.</param>
public sealed record ComparisonResult(ExplainedValue? Actual, Requirement Required);

/// <summary>A requirement: an operator (<c>≥</c>, <c>&gt;</c>, <c>=</c>, …) and a value.</summary>
/// <param name="Operator">The comparison operator as shown to people.</param>
/// <param name="Value">The required value.</param>
public sealed record Requirement(string Operator, ExplainedValue Value);

/// <summary>A plan target on one unit.</summary>
public sealed record TargetResult
{
    /// <summary>The unit id.</summary>
    public required string Unit { get; init; }

    /// <summary>The target id.</summary>
    public required string Target { get; init; }

    /// <summary>The target's Vietnamese name.</summary>
    public required string Name { get; init; }

    /// <summary>pass, fail or unknown.</summary>
    public CriterionStatus Status { get; init; }

    /// <summary>The actual value, when the target is a comparison.</summary>
    public ExplainedValue? Actual { get; init; }

    /// <summary>The requirement, when the target is a comparison.</summary>
    public Requirement? Required { get; init; }

    /// <summary>The other comparisons of an expression joined by <c>&amp;&amp;</c> (each must hold), in the order
    /// written: a compound criterion or target shows every side, not only the one that decided it.</summary>
    public ImmutableArray<ComparisonResult> AlsoCompared { get; init; } = [];

    /// <summary>For an unknown status: the missing values.</summary>
    public ImmutableArray<string> Missing { get; init; } = [];

    /// <summary>The basis (plan number and section).</summary>
    public required string Basis { get; init; }

    /// <summary>The deadline, if any.</summary>
    public LocalDate? Due { get; init; }
}

/// <summary>A unit's score in a scoring table.</summary>
/// <param name="Subject">The unit or enterprise id.</param>
/// <param name="Table">The scoring table id.</param>
/// <param name="Cluster">The cluster.</param>
/// <param name="Score">The total, or null when an item is unknown.</param>
/// <param name="Rank">The rank within the cluster (or overall), or null when the score is unknown.</param>
/// <param name="Items">Points per item.</param>
public sealed record ScoreResult(string Subject, string Table, string? Cluster, decimal? Score, int? Rank, ImmutableArray<ScoreItemResult> Items);

/// <summary>Points of one scoring item.</summary>
/// <param name="Id">The item id.</param>
/// <param name="Name">The item's name.</param>
/// <param name="Points">Points, clamped to [0, max]; null when unknown.</param>
/// <param name="MaxPoints">The maximum.</param>
public sealed record ScoreItemResult(string Id, string Name, decimal? Points, decimal MaxPoints);

/// <summary>A subject as results list it: its kind and its index in the population.</summary>
internal readonly record struct ListedSubject(SubjectKind Kind, int Index);
