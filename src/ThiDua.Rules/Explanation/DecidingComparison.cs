using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Expressions.Syntax;

namespace ThiDua.Rules.Explanation;

/// <summary>
/// Finds, for one subject, the comparison that decided a boolean expression, so that an explanation can show its
/// actual and required values even when the expression is <c>a &amp;&amp; b</c>, <c>a || b</c> or <c>c ? a : b</c>:
/// for a failure the first comparison that is false, for a pass the first that is true, for an unknown the first
/// unknown; through <c>?:</c> the branch that was taken. Compiles each candidate once, on first use.
/// </summary>
internal sealed class DecidingComparison
{
    private readonly Lazy<Candidate[]> _candidates;
    private readonly bool _rootIsComparison;

    public DecidingComparison(BoundNode root)
    {
        _candidates = new Lazy<Candidate[]>(() => [.. Collect(root, new List<Candidate>())]);
        _rootIsComparison = root is BoundBinary { Operator: >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual };
    }

    /// <summary>The comparison whose value matches <paramref name="value"/> for the subject, with its compiled sides.</summary>
    public (BoundBinary Comparison, Func<EvalFrame, int, object?> Left, Func<EvalFrame, int, object?> Right)? Find(EvalFrame frame, int subject, bool? value)
    {
        if (_rootIsComparison)
        {
            // The expression is one comparison: its value is the one evaluation found, nothing to evaluate again.
            var only = _candidates.Value[0];
            return (only.Comparison, only.Left, only.Right);
        }

        foreach (var candidate in _candidates.Value)
        {
            if (Holds(candidate.Guards, frame, subject) && candidate.Evaluate(frame, subject) == value)
            {
                return (candidate.Comparison, candidate.Left, candidate.Right);
            }
        }

        // A failure decided by something that is not a comparison (had('x') && yearsSince('x') >= 5, never received):
        // the comparison left unknown only because the event never happened says why ("chưa có — yêu cầu ≥ 5").
        if (value == false)
        {
            foreach (var candidate in _candidates.Value)
            {
                if (Holds(candidate.Guards, frame, subject) && candidate.Evaluate(frame, subject) is null
                    && (IsNever(candidate.Comparison.Left, candidate.Left(frame, subject)) || IsNever(candidate.Comparison.Right, candidate.Right(frame, subject))))
                {
                    return (candidate.Comparison, candidate.Left, candidate.Right);
                }
            }
        }

        return null;
    }

    private static bool Holds(Guard[] guards, EvalFrame frame, int subject)
    {
        foreach (var guard in guards)
        {
            if (guard.Test(frame, subject) != guard.Expected)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a side is the years since an award that was never received (<c>yearsSince</c> without a year), alone or
    /// shifted by a literal number (<c>yearsSince('x') + 3</c>, <c>10 - yearsSince('x')</c>): its value is then missing
    /// only because the award was never received.
    /// </summary>
    public static bool IsNever(BoundNode side, object? value) => value is null && NeverWhenNull(side);

    private static bool NeverWhenNull(BoundNode side) => side switch
    {
        BoundBuiltinCall { Function: BuiltinFunction.YearsSince } => true,
        BoundBinary { Operator: BinaryOperator.Add or BinaryOperator.Subtract } arithmetic =>
            (NeverWhenNull(arithmetic.Left) && IsFixed(arithmetic.Right)) || (IsFixed(arithmetic.Left) && NeverWhenNull(arithmetic.Right)),
        _ => false,
    };

    /// <summary>A number that is never missing: a literal, or a sum or product of literals (a parameter may be unset).</summary>
    private static bool IsFixed(BoundNode node) => node switch
    {
        BoundLiteral { Value: not null } => true,
        BoundBinary { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply } arithmetic => IsFixed(arithmetic.Left) && IsFixed(arithmetic.Right),
        _ => false,
    };

    /// <summary>
    /// The other comparisons joined to the whole expression by <c>&amp;&amp;</c> only (each one must hold), known for the
    /// subject, in the order written, without <paramref name="deciding"/>: a target <c>a &gt;= 70% &amp;&amp; b == 0</c>
    /// shows both sides. Comparisons under <c>||</c> are left out (only the deciding one matters there).
    /// </summary>
    public IEnumerable<(BoundBinary Comparison, Func<EvalFrame, int, object?> Left, Func<EvalFrame, int, object?> Right)> Conjuncts(EvalFrame frame, int subject, BoundBinary deciding)
    {
        foreach (var candidate in _candidates.Value)
        {
            if (candidate.Conjunct && !ReferenceEquals(candidate.Comparison, deciding) && Holds(candidate.Guards, frame, subject)
                && candidate.Evaluate(frame, subject) is not null)
            {
                yield return (candidate.Comparison, candidate.Left, candidate.Right);
            }
        }
    }

    private static List<Candidate> Collect(BoundNode node, List<Candidate> into, Guard[]? guards = null, bool conjunct = true)
    {
        guards ??= [];
        switch (node)
        {
            case BoundBinary { Operator: BinaryOperator.And or BinaryOperator.Or } logical:
                var and = conjunct && logical.Operator == BinaryOperator.And;
                Collect(logical.Left, into, guards, and);
                Collect(logical.Right, into, guards, and);
                break;
            case BoundConditional conditional:
                var test = ExpressionCompiler.Compile<bool?>(conditional.Condition);
                Collect(conditional.WhenTrue, into, [.. guards, new Guard(test, true)], conjunct);
                Collect(conditional.WhenFalse, into, [.. guards, new Guard(test, false)], conjunct);
                break;
            case BoundBinary { Operator: >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual } comparison:
                into.Add(new Candidate(comparison, guards, ExpressionCompiler.Compile<bool?>(comparison),
                    ExpressionCompiler.CompileBoxed(comparison.Left), ExpressionCompiler.CompileBoxed(comparison.Right), conjunct));
                break;
        }

        return into;
    }

    private sealed record Guard(Func<EvalFrame, int, bool?> Test, bool Expected);

    private sealed record Candidate(BoundBinary Comparison, Guard[] Guards, Func<EvalFrame, int, bool?> Evaluate, Func<EvalFrame, int, object?> Left, Func<EvalFrame, int, object?> Right,
        bool Conjunct);
}
