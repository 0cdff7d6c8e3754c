using System.Collections.Immutable;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Compilation;

/// <summary>One criterion of a compiled award, with its delegate and what explanations need.</summary>
internal sealed class CompiledCriterion
{
    private readonly Lazy<Func<EvalFrame, int, bool?>> _evaluate;

    public CompiledCriterion(BoundCriterion bound, SubjectKind subject)
    {
        Id = bound.Id;
        Definition = bound.Definition;
        Node = bound.Node;
        RequiresAward = bound.RequiresAward;
        // Evaluation runs through the award kernel (CompiledRuleSet.KernelsFor); this single-criterion delegate is
        // compiled only when needed: to name a failing plug-in criterion, or in tests.
        if (bound.Node is { } node)
        {
            _evaluate = new Lazy<Func<EvalFrame, int, bool?>>(() => ExpressionCompiler.Compile<bool?>(node));
        }
        else if (bound.Judge is { } judge)
        {
            _evaluate = new Lazy<Func<EvalFrame, int, bool?>>(() => (frame, index) => judge.Evaluate(new SubjectView(frame, subject, index)));
            Explain = (frame, index) => judge.Explain(new SubjectView(frame, subject, index));
        }
        else if (bound.Type is { } type)
        {
            var args = bound.Definition!.Args;
            _evaluate = new Lazy<Func<EvalFrame, int, bool?>>(() => (frame, index) => type.Evaluate(new SubjectView(frame, subject, index), args));
            if (type is IExplainingCriterionType explaining)
            {
                Explain = (frame, index) => explaining.Explain(new SubjectView(frame, subject, index), args);
            }
        }
        else
        {
            var award = bound.RequiresAward;
            _evaluate = new Lazy<Func<EvalFrame, int, bool?>>(() => (frame, index) => Runtime.Has(frame, award, index));
        }

        Deciding = bound.Node is null ? null : new Explanation.DecidingComparison(bound.Node);
    }

    public string Id { get; }

    public CriterionDefinition? Definition { get; }

    public BoundNode? Node { get; }

    /// <summary>The prerequisite award for a <c>requires:</c> criterion, else -1.</summary>
    public int RequiresAward { get; }

    public Func<EvalFrame, int, bool?> Evaluate => _evaluate.Value;

    /// <summary>For a plug-in criterion that gives evidence, its verdict with actual and required values; else null.</summary>
    public Func<EvalFrame, int, Extensibility.CriterionVerdict>? Explain { get; }

    /// <summary>Finds the comparison whose sides explain the verdict ("actual" and "required"); compiled on first use.</summary>
    public Explanation.DecidingComparison? Deciding { get; }
}

/// <summary>A compiled quota.</summary>
internal sealed class CompiledQuota(BoundQuota bound)
{
    public QuotaDefinition Definition { get; } = bound.Definition;

    public Func<EvalFrame, int, decimal?>? Max { get; } = bound.Max is null ? null : ExpressionCompiler.Compile<decimal?>(bound.Max);

    /// <summary>Whether <see cref="Max"/> reads nothing of the group (a literal or a parameter), so it is the same for every group.</summary>
    public bool MaxIsConstant { get; } = bound.Max is not null && !ReadsSubject(bound.Max);

    private static bool ReadsSubject(BoundNode node) => node switch
    {
        BoundVariable or BoundField or BoundBuiltinCall or BoundAggregate or BoundWhere => true,
        BoundUnary u => ReadsSubject(u.Operand),
        BoundBinary b => ReadsSubject(b.Left) || ReadsSubject(b.Right),
        BoundNullTest n => ReadsSubject(n.Operand),
        BoundConditional c => ReadsSubject(c.Condition) || ReadsSubject(c.WhenTrue) || ReadsSubject(c.WhenFalse),
        BoundIn i => ReadsSubject(i.Value) || i.Items.Any(ReadsSubject),
        BoundPluginCall p => p.Arguments.Any(ReadsSubject),
        BoundRatioToNumber r => ReadsSubject(r.Operand),
        _ => false,
    };

    public Func<EvalFrame, int, decimal?>? Of { get; } = bound.Of is null ? null : ExpressionCompiler.Compile<decimal?>(bound.Of);

    public ImmutableArray<Func<EvalFrame, int, object?>> RankBy { get; } = [.. bound.RankBy.Select(k => ExpressionCompiler.CompileBoxed(k!))];

    /// <summary>The bound population expression, to name its missing values in an explanation.</summary>
    public BoundNode? OfNode { get; } = bound.Of;

    /// <summary>The bound share or count, to name the cap (a parameter, with its value and basis) in an explanation.</summary>
    public BoundNode? MaxNode { get; } = bound.Max;

    /// <summary>The bound rank keys, to name their missing values in an explanation.</summary>
    public ImmutableArray<BoundNode?> RankByNodes { get; } = bound.RankBy;
}

/// <summary>A compiled award: criteria in order (prerequisites first), quota, and its position in the evaluation order.</summary>
internal sealed class CompiledAward
{
    public CompiledAward(BoundAward bound, ImmutableArray<CompiledCriterion> criteria, CompiledQuota? quota)
    {
        Definition = bound.Definition;
        Index = bound.Index;
        Criteria = criteria;
        Quota = quota;
        CouncilShare = bound.CouncilShare is null ? null : ExpressionCompiler.Compile<decimal?>(bound.CouncilShare);
        BonusMultiple = bound.BonusMultiple is null ? null : ExpressionCompiler.Compile<decimal?>(bound.BonusMultiple);
        BaseSalary = bound.BaseSalary is null ? null : ExpressionCompiler.Compile<decimal?>(bound.BaseSalary);
    }

    /// <summary>The bonus's multiple of the base salary, evaluated with no subject; null when not declared.</summary>
    public Func<EvalFrame, int, decimal?>? BonusMultiple { get; }

    /// <summary>The base salary of the bonus, evaluated with no subject; null when not declared.</summary>
    public Func<EvalFrame, int, decimal?>? BaseSalary { get; }

    /// <summary>The share of all council members that must vote yes, evaluated with no subject; null when not declared.</summary>
    public Func<EvalFrame, int, decimal?>? CouncilShare { get; }

    public AwardDefinition Definition { get; }

    public string Id => Definition.Id;

    public int Index { get; }

    public SubjectKind Subject => Definition.Subject;

    public ImmutableArray<CompiledCriterion> Criteria { get; }

    public CompiledQuota? Quota { get; }
}

/// <summary>A compiled plan target.</summary>
internal sealed class CompiledTarget(BoundTarget bound)
{
    public PlanTarget Definition { get; } = bound.Definition;

    public BoundNode Node { get; } = bound.Node!;

    public Func<EvalFrame, int, bool?> Evaluate { get; } = ExpressionCompiler.Compile<bool?>(bound.Node!);

    public Explanation.DecidingComparison Deciding { get; } = new(bound.Node!);
}

/// <summary>A compiled scoring table.</summary>
internal sealed class CompiledScoring(BoundScoring bound)
{
    public ScoringTable Definition { get; } = bound.Definition;

    public ImmutableArray<Func<EvalFrame, int, decimal?>> Items { get; } = [.. bound.Items.Select(i => ExpressionCompiler.Compile<decimal?>(i!))];

    /// <summary>The items' bound expressions (for the work estimate before evaluating).</summary>
    public ImmutableArray<BoundNode?> Nodes { get; } = bound.Items;
}
