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
    private readonly Lazy<(Func<EvalFrame, int, object?> Left, Func<EvalFrame, int, object?> Right)?> _sides;

    public CompiledCriterion(BoundCriterion bound, SubjectKind subject)
    {
        Id = bound.Id;
        Definition = bound.Definition;
        Node = bound.Node;
        RequiresAward = bound.RequiresAward;
        if (bound.Node is { } node)
        {
            Evaluate = ExpressionCompiler.Compile<bool?>(node);
        }
        else if (bound.Type is { } type)
        {
            var args = bound.Definition!.Args;
            Evaluate = (frame, index) => type.Evaluate(new SubjectView(frame, subject, index), args);
        }
        else
        {
            var award = bound.RequiresAward;
            Evaluate = (frame, index) => Runtime.Has(frame, award, index);
        }

        _sides = new Lazy<(Func<EvalFrame, int, object?>, Func<EvalFrame, int, object?>)?>(() => Comparison is { } c
            ? (ExpressionCompiler.CompileBoxed(c.Left), ExpressionCompiler.CompileBoxed(c.Right))
            : null);
    }

    public string Id { get; }

    public CriterionDefinition? Definition { get; }

    public BoundNode? Node { get; }

    /// <summary>The prerequisite award for a <c>requires:</c> criterion, else -1.</summary>
    public int RequiresAward { get; }

    public Func<EvalFrame, int, bool?> Evaluate { get; }

    /// <summary>The top-level comparison whose sides explain the criterion ("actual" and "required"), if any.</summary>
    public BoundBinary? Comparison => Node is BoundBinary { Operator: >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual } b ? b : null;

    /// <summary>Delegates for the two sides of <see cref="Comparison"/>, compiled on first use (only when explaining).</summary>
    public (Func<EvalFrame, int, object?> Left, Func<EvalFrame, int, object?> Right)? Sides => _sides.Value;
}

/// <summary>A compiled quota.</summary>
internal sealed class CompiledQuota(BoundQuota bound)
{
    public QuotaDefinition Definition { get; } = bound.Definition;

    public Func<EvalFrame, int, decimal?>? Max { get; } = bound.Max is null ? null : ExpressionCompiler.Compile<decimal?>(bound.Max);

    public Func<EvalFrame, int, decimal?>? Of { get; } = bound.Of is null ? null : ExpressionCompiler.Compile<decimal?>(bound.Of);

    public ImmutableArray<Func<EvalFrame, int, object?>> RankBy { get; } = [.. bound.RankBy.Select(k => ExpressionCompiler.CompileBoxed(k!))];
}

/// <summary>A compiled award: criteria in order (prerequisites first), quota, and its position in the evaluation order.</summary>
internal sealed class CompiledAward
{
    public CompiledAward(BoundAward bound)
    {
        Definition = bound.Definition;
        Index = bound.Index;
        Criteria = [.. bound.Criteria.Select(c => new CompiledCriterion(c, bound.Definition.Subject))];
        Quota = bound.Quota is null ? null : new CompiledQuota(bound.Quota);
    }

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
    private readonly Lazy<(Func<EvalFrame, int, object?> Left, Func<EvalFrame, int, object?> Right)?> _sides = new(() =>
        bound.Node is BoundBinary { Operator: >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual } b
            ? (ExpressionCompiler.CompileBoxed(b.Left), ExpressionCompiler.CompileBoxed(b.Right))
            : null);

    public PlanTarget Definition { get; } = bound.Definition;

    public BoundNode Node { get; } = bound.Node!;

    public Func<EvalFrame, int, bool?> Evaluate { get; } = ExpressionCompiler.Compile<bool?>(bound.Node!);

    public BoundBinary? Comparison => Node as BoundBinary is { Operator: >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual } b ? b : null;

    public (Func<EvalFrame, int, object?> Left, Func<EvalFrame, int, object?> Right)? Sides => _sides.Value;
}

/// <summary>A compiled scoring table.</summary>
internal sealed class CompiledScoring(BoundScoring bound)
{
    public ScoringTable Definition { get; } = bound.Definition;

    public ImmutableArray<Func<EvalFrame, int, decimal?>> Items { get; } = [.. bound.Items.Select(i => ExpressionCompiler.Compile<decimal?>(i!))];
}
