using System.Collections.Immutable;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Model;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Explanation;

/// <summary>
/// Builds the evidence of one (subject, award) pair from the compact results: each criterion's status, the actual
/// and required values of its comparison, and for undecided criteria the values that were missing. Runs only when a
/// result is read or written, never during evaluation.
/// </summary>
internal static class ExplanationBuilder
{
    /// <summary>One criterion a pair did not pass, as a reasons listing writes it: its evidence, no name or basis.</summary>
    internal readonly record struct Reason(string Id, CriterionStatus Status, ExplainedValue? Actual, Requirement? Required, ImmutableArray<string> Missing);

    /// <summary>The result of one pair, with the criteria <paramref name="detail"/> asks for (all, those not passed, none).</summary>
    public static AwardResult Build(CompiledRuleSet compiled, EvalFrame frame, CompiledAward award, int subject, Outcome outcome, byte[] statuses, int rank, int slots, CriteriaDetail detail = CriteriaDetail.All, QuotaDoubt? doubt = null)
    {
        var population = frame.Population;
        var individual = award.Subject == SubjectKind.Individual;
        var criteria = ImmutableArray<CriterionResult>.Empty;
        if (detail != CriteriaDetail.None)
        {
            criteria = BuildCriteria(compiled, frame, award, subject, statuses, rank, slots, detail, doubt);
        }

        return new AwardResult
        {
            Subject = individual ? population.Individuals.Id[subject] : population.Units.Id[subject],
            SubjectName = individual ? population.Individuals.Name[subject] : population.Units.Name[subject],
            Position = individual ? PositionOf(population, subject) : null,
            SubjectKind = individual ? SubjectKind.Individual : population.Units.Kind[subject],
            Unit = individual ? population.Individuals.UnitId[subject] : population.Units.ParentId[subject],
            Award = award.Id,
            AwardName = award.Definition.Name,
            AwardNameEn = award.Definition.NameEn,
            Outcome = outcome,
            Rank = rank > 0 ? rank : null,
            QuotaPlaces = rank > 0 ? slots : null,
            Basis = award.Definition.Basis,
            Criteria = criteria,
        };
    }

    private static readonly Schema.SubjectField PositionField = Schema.SubjectSchema.Find(true, "position")!;

    /// <summary>A person's position (chức vụ) from its plain schema column, without boxing.</summary>
    private static string? PositionOf(Population population, int subject) =>
        PositionField.PlainSlot >= 0 && PositionField.PlainSlot < population.Individuals.Plain.Length && population.Individuals.Plain[PositionField.PlainSlot] is string?[] column
            ? column[subject]
            : null;

    /// <summary>
    /// The criteria of one pair that it did not pass, into <paramref name="into"/> (cleared first): what a reasons
    /// listing writes, the evidence only. Names, bases and the other comparisons of a compound are left out (the listing
    /// names each criterion once, at the top), and nothing else is built: a million people's reasons are written with
    /// one list per thread.
    /// </summary>
    public static void NotPassed(CompiledRuleSet compiled, EvalFrame frame, CompiledAward award, int subject, byte[] statuses, int rank, int slots, QuotaDoubt? doubt, List<Reason> into)
    {
        into.Clear();
        var offset = subject * award.Criteria.Length;
        for (var c = 0; c < award.Criteria.Length; c++)
        {
            var criterion = award.Criteria[c];
            var status = (CriterionStatus)statuses[offset + c];
            if (status == CriterionStatus.Pass)
            {
                continue;
            }

            if (criterion.RequiresAward >= 0)
            {
                into.Add(new Reason(criterion.Id, status, null, null, []));
                continue;
            }

            var (actual, required, missing) = Evidence(frame, criterion, subject, status);
            into.Add(new Reason(criterion.Id, status, actual, required, missing));
        }

        if (QuotaLine(compiled, frame, award, subject, rank, slots, CriteriaDetail.NotPassed, doubt) is { } quota)
        {
            into.Add(new Reason(quota.Id, quota.Status, quota.Actual, quota.Required, quota.Missing));
        }
    }

    /// <summary>The criteria of one pair that <paramref name="detail"/> asks for, with their evidence (and the quota's line).</summary>
    private static ImmutableArray<CriterionResult> BuildCriteria(CompiledRuleSet compiled, EvalFrame frame, CompiledAward award, int subject, byte[] statuses, int rank, int slots, CriteriaDetail detail, QuotaDoubt? doubt)
    {
        var criteria = ImmutableArray.CreateBuilder<CriterionResult>(award.Criteria.Length + 1);
        var offset = subject * award.Criteria.Length;
        for (var c = 0; c < award.Criteria.Length; c++)
        {
            var criterion = award.Criteria[c];
            var status = (CriterionStatus)statuses[offset + c];
            if (detail == CriteriaDetail.NotPassed && status == CriterionStatus.Pass)
            {
                continue;
            }

            criteria.Add(criterion.RequiresAward >= 0
                ? Prerequisite(compiled, criterion, status)
                : Criterion(frame, criterion, subject, status));
        }

        if (QuotaLine(compiled, frame, award, subject, rank, slots, detail, doubt) is { } quotaLine)
        {
            criteria.Add(quotaLine);
        }

        return criteria.ToImmutable();
    }

    /// <summary>The quota's line of a pair, when it has one that <paramref name="detail"/> lists: the doubt about its
    /// place, the cut, or its rank against the places.</summary>
    private static CriterionResult? QuotaLine(CompiledRuleSet compiled, EvalFrame frame, CompiledAward award, int subject, int rank, int slots, CriteriaDetail detail, QuotaDoubt? doubt)
    {
        var quotaStatus = slots < 0 ? CriterionStatus.Unknown : rank <= slots ? CriterionStatus.Pass : CriterionStatus.Fail;
        if (award.Quota is { } doubtful && doubt is not null)
        {
            return QuotaDoubtCriterion(compiled, frame, award, doubtful, subject, doubt);
        }

        if (award.Quota is { } cut && rank > 0 && quotaStatus == CriterionStatus.Fail)
        {
            return QuotaReasons.Cut(compiled, frame, award, cut, subject, rank, slots);
        }

        if (award.Quota is { } quota && (rank > 0 || slots < 0) && (detail != CriteriaDetail.NotPassed || quotaStatus != CriterionStatus.Pass))
        {
            return new CriterionResult
            {
                Id = "quota",
                Name = QuotaName,
                NameEn = QuotaNameEn,
                Status = quotaStatus,
                Actual = slots < 0 ? null : new ExplainedValue((decimal)rank),
                Required = slots < 0 ? null : new Requirement("≤", new ExplainedValue((decimal)slots)),
                Basis = quota.Definition.Basis ?? award.Definition.Basis,
            };
        }

        return null;
    }

    /// <summary>
    /// The quota line of a candidate whose place depends on missing values: the range of places, who could displace it
    /// (or be displaced by it), and the values whose absence leaves the order open.
    /// </summary>
    private static CriterionResult QuotaDoubtCriterion(CompiledRuleSet compiled, EvalFrame frame, CompiledAward award, CompiledQuota quota, int subject, QuotaDoubt doubt)
    {
        var ids = award.Subject == SubjectKind.Individual ? frame.Population.Individuals.Id : frame.Population.Units.Id;
        var places = doubt.PlacesHigh < 0 ? null : doubt.PlacesLow == doubt.PlacesHigh ? Number(doubt.PlacesLow) : Number(doubt.PlacesLow) + "–" + Number(doubt.PlacesHigh);
        var rivals = doubt.Rivals.Select(r => ids[r]).Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", rivals.Take(10)) + (rivals.Count > 10 ? ", …" : "");
        var missing = new MissingTrace(frame);
        foreach (var s in doubt.Rivals.Prepend(subject))
        {
            foreach (var key in quota.RankByNodes.OfType<BoundNode>())
            {
                Trace(key, frame, s, missing);
            }

            // A rival that may or may not meet the criteria: the values its undecided criteria need.
            if ((Outcome)frame.Outcomes[award.Index]![s] == Outcome.InsufficientData && s != subject)
            {
                foreach (var criterion in award.Criteria.Where(c => c.Node is not null))
                {
                    Trace(criterion.Node!, frame, s, missing);
                }
            }
        }

        if (doubt.PlacesLow != doubt.PlacesHigh && quota.OfNode is { } of)
        {
            var unit = award.Subject == SubjectKind.Individual ? frame.Population.Individuals.Unit[subject] : frame.Population.Units.Parent[subject];
            if (unit >= 0)
            {
                Trace(of, frame, unit, missing);
            }
        }

        string Doubt(Language language) => ReportCatalog.Format("explain.quota-doubt", language,
            places is null ? ReportCatalog.Get("explain.quota-doubt-no-places", language) : ReportCatalog.Format("explain.quota-doubt-places", language, places),
            rivals.Count > 0 ? ReportCatalog.Format("explain.quota-doubt-order", language, shown) : "");
        var vi = Doubt(Language.Vi);
        var en = Doubt(Language.En);
        return new CriterionResult
        {
            Id = "quota",
            Name = vi,
            NameEn = en,
            Status = CriterionStatus.Unknown,
            Missing = [.. missing.Values.Take(20)],
            Basis = quota.Definition.Basis ?? award.Definition.Basis,
        };
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static CriterionResult Prerequisite(CompiledRuleSet compiled, CompiledCriterion criterion, CriterionStatus status)
    {
        var required = compiled.Awards[criterion.RequiresAward];
        return new CriterionResult
        {
            Id = criterion.Id,
            Name = PrerequisiteName(required, english: false),
            NameEn = PrerequisiteName(required, english: true),
            Status = status,
            Basis = required.Definition.Basis,
        };
    }

    private static string PrerequisiteName(CompiledAward required, bool english) => english
        ? ReportCatalog.Format("explain.prerequisite", Language.En, required.Definition.NameEn ?? required.Definition.Name)
        : ReportCatalog.Format("explain.prerequisite", Language.Vi, required.Definition.Name);

    private static readonly string QuotaName = ReportCatalog.Get("explain.quota", Language.Vi);
    private static readonly string QuotaNameEn = ReportCatalog.Get("explain.quota", Language.En);

    private static string CriterionName(CompiledCriterion criterion) =>
        criterion.Definition!.Name ?? criterion.Definition.Expr?.Text ?? criterion.Definition.Type ?? criterion.Id;

    /// <summary>
    /// Each criterion of <paramref name="award"/> (and its quota, when it has one) with the name and basis its results
    /// carry: what a listing that names each criterion once, at the top, needs.
    /// </summary>
    public static IReadOnlyList<(string Id, string Name, string? NameEn, string Basis)> CriterionCatalog(CompiledRuleSet compiled, CompiledAward award)
    {
        var catalog = new List<(string Id, string Name, string? NameEn, string Basis)>(award.Criteria.Length + 1);
        foreach (var criterion in award.Criteria)
        {
            catalog.Add(criterion.RequiresAward >= 0
                ? (criterion.Id, PrerequisiteName(compiled.Awards[criterion.RequiresAward], false), PrerequisiteName(compiled.Awards[criterion.RequiresAward], true), compiled.Awards[criterion.RequiresAward].Definition.Basis)
                : (criterion.Id, CriterionName(criterion), criterion.Definition!.NameEn, criterion.Definition.Basis));
        }

        if (award.Quota is { } quota)
        {
            catalog.Add(("quota", QuotaName, QuotaNameEn, quota.Definition.Basis ?? award.Definition.Basis));
        }

        return catalog;
    }

    private static CriterionResult Criterion(EvalFrame frame, CompiledCriterion criterion, int subject, CriterionStatus status)
    {
        var definition = criterion.Definition!;
        var (actual, required, missing) = Evidence(frame, criterion, subject, status, out var decidedBy);
        var also = decidedBy is null ? [] : Conjuncts(criterion.Deciding!, decidedBy, frame, subject);
        var name = CriterionName(criterion);
        var nameEn = definition.NameEn;
        if (status == CriterionStatus.Fail && criterion.Node is { } read && CapLoss.Find(frame, read, subject) is var lost and >= 0)
        {
            (name, nameEn) = CapLoss.Note(frame.Compiled, lost, name, nameEn);
        }

        return new CriterionResult
        {
            Id = criterion.Id,
            Name = name,
            NameEn = nameEn,
            Status = status,
            Actual = actual,
            Required = required,
            AlsoCompared = also,
            Missing = missing,
            Basis = definition.Basis,
        };
    }

    private static (ExplainedValue? Actual, Requirement? Required, ImmutableArray<string> Missing) Evidence(EvalFrame frame, CompiledCriterion criterion, int subject, CriterionStatus status) =>
        Evidence(frame, criterion, subject, status, out _);

    /// <summary>A criterion's evidence for one subject: the deciding comparison's (or a plug-in's) actual and required
    /// values, and when undecided the values that were missing.</summary>
    private static (ExplainedValue? Actual, Requirement? Required, ImmutableArray<string> Missing) Evidence(EvalFrame frame, CompiledCriterion criterion, int subject, CriterionStatus status, out BoundBinary? decidedBy)
    {
        ExplainedValue? actual = null;
        Requirement? required = null;
        var missing = ImmutableArray<string>.Empty;
        decidedBy = null;
        if (criterion.Deciding?.Find(frame, subject, ToValue(status)) is { } deciding)
        {
            decidedBy = deciding.Comparison;
            (actual, required) = Sides(deciding.Comparison, (deciding.Left, deciding.Right), frame, subject);
        }
        else if (criterion.Explain is { } explain)
        {
            // A plug-in that gives evidence: its values are shown like a built-in comparison's; the status stays the
            // one evaluation found.
            var verdict = explain(frame, subject);
            actual = PluginValue(verdict.Actual, verdict.AsPercent);
            required = PluginValue(verdict.Required, verdict.AsPercent) is { } value ? new Requirement(verdict.Operator, value) : null;
            missing = status == CriterionStatus.Unknown ? [.. verdict.Missing.Take(20)] : [];
        }

        if (status == CriterionStatus.Unknown && criterion.Node is { } node)
        {
            missing = MissingValues(frame, node, subject);
        }

        return (actual, required, missing);
    }

    public static TargetResult BuildTarget(CompiledRuleSet compiled, EvalFrame frame, CompiledTarget target, TargetOutcome outcome)
    {
        ExplainedValue? actual = null;
        Requirement? required = null;
        var also = ImmutableArray<ComparisonResult>.Empty;
        if (target.Deciding.Find(frame, outcome.Unit, ToValue(outcome.Status)) is { } deciding)
        {
            (actual, required) = Sides(deciding.Comparison, (deciding.Left, deciding.Right), frame, outcome.Unit);
            also = Conjuncts(target.Deciding, deciding.Comparison, frame, outcome.Unit);
        }

        _ = compiled;
        return new TargetResult
        {
            Unit = frame.Population.Units.Id[outcome.Unit],
            Target = target.Definition.Id,
            Name = target.Definition.Name,
            Status = outcome.Status,
            Actual = actual,
            Required = required,
            AlsoCompared = also,
            Missing = outcome.Status == CriterionStatus.Unknown ? MissingValues(frame, target.Node, outcome.Unit) : [],
            Basis = target.Definition.Basis,
            Due = target.Definition.Due,
        };
    }

    /// <summary>
    /// The actual and required values of a comparison. A requirement missing only because an award was never received
    /// (<c>streak(…) &gt;= yearsSince('x') + 3</c> for someone who never had <c>x</c>) is not "≥ chưa có": the line reads
    /// "chưa có" alone, like a count of years since an award never received.
    /// </summary>
    private static (ExplainedValue? Actual, Requirement? Required) Sides(BoundBinary comparison, (Func<EvalFrame, int, object?> Left, Func<EvalFrame, int, object?> Right) sides, EvalFrame frame, int subject)
    {
        var percent = IsPercent(comparison.Left) || IsPercent(comparison.Right);
        var left = sides.Left(frame, subject);
        var right = sides.Right(frame, subject);
        if (DecidingComparison.IsNever(comparison.Right, right))
        {
            return (new ExplainedValue(null) { Never = true }, null);
        }

        var actual = left is null
            ? DecidingComparison.IsNever(comparison.Left, left) ? new ExplainedValue(null) { Never = true } : null
            : Value(left, comparison.Left.Type, percent);
        return (actual, new Requirement(Operator(comparison.Operator), Value(right, comparison.Right.Type, percent)));
    }

    /// <summary>The other comparisons of an expression joined by <c>&amp;&amp;</c>, each with its actual and required values.</summary>
    private static ImmutableArray<ComparisonResult> Conjuncts(DecidingComparison deciding, Expressions.Binding.BoundBinary shown, EvalFrame frame, int subject) =>
        [.. deciding.Conjuncts(frame, subject, shown).Select(c => Sides(c.Comparison, (c.Left, c.Right), frame, subject))
            .Where(s => s.Required is not null).Select(s => new ComparisonResult(s.Actual, s.Required!))];

    private static ExplainedValue? PluginValue(object? value, bool percent) => value switch
    {
        null => null,
        decimal or bool or string or NodaTime.LocalDate => new ExplainedValue(value, percent && value is decimal),
        int or long or short or byte or uint or ulong or ushort or sbyte => new ExplainedValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), percent),
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e27 => new ExplainedValue((decimal)d, percent),
        float f when float.IsFinite(f) && Math.Abs(f) < 7.9e27f => new ExplainedValue((decimal)f, percent),
        _ => new ExplainedValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static bool? ToValue(CriterionStatus status) => status switch
    {
        CriterionStatus.Pass => true,
        CriterionStatus.Fail => false,
        _ => null,
    };

    /// <summary>A share however it is written or computed: a ratio, a percent literal, a share parameter or fact, or a
    /// sum, difference or choice of shares (its kind, <see cref="Model.Quantity.Share"/>, is the type checker's).</summary>
    private static bool IsPercent(BoundNode node) => node.Type.Quantity == Model.Quantity.Share;

    private static ExplainedValue Value(object? value, ExprType type, bool percent)
    {
        if (type.Kind == TypeKind.Scale && value is int level)
        {
            var scaleLevel = type.Scale!.Levels[level];
            return new ExplainedValue(scaleLevel.Id, false, scaleLevel.Name);
        }

        return new ExplainedValue(value, percent && value is decimal or Fraction);
    }

    private static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "≠",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "≤",
        BinaryOperator.Greater => ">",
        _ => "≥",
    };

    /// <summary>Evaluates an undecided expression again, traced, noting each missing value it read (at most 20 listed).</summary>
    private static ImmutableArray<string> MissingValues(EvalFrame frame, BoundNode node, int subject)
    {
        var missing = new MissingTrace(frame);
        Trace(node, frame, subject, missing);
        return [.. missing.Values.Take(20)];
    }

    // Each expression an explanation traces, compiled with tracing once, on first use (most are never traced).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BoundNode, Func<EvalFrame, int, MissingTrace, object?>> Traced = [];

    private static void Trace(BoundNode node, EvalFrame frame, int subject, MissingTrace missing) =>
        Traced.GetValue(node, ExpressionCompiler.CompileTraced)(frame, subject, missing);
}
