using System.Collections.Immutable;
using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Extensibility;

namespace ThiDua.Rules.Expressions.Binding;

/// <summary>A type-checked expression node. Literal values are held in their runtime representation.</summary>
internal abstract record BoundNode(ExprType Type, ExpressionNode Syntax);

/// <summary>A variable: the current subject ("this") or a lambda parameter.</summary>
internal sealed class Variable(string name, ExprType type)
{
    public string Name { get; } = name;

    public ExprType Type { get; } = type;
}

internal sealed record BoundLiteral(ExprType Type, object? Value, ExpressionNode Syntax) : BoundNode(Type, Syntax);

internal sealed record BoundVariable(Variable Variable, ExpressionNode Syntax) : BoundNode(Variable.Type, Syntax);

/// <summary>Which field: a field of the subject schema (<see cref="BoundField.Schema"/>), a member of an initiative or a
/// date, or a fact (with a slot).</summary>
internal enum FieldId
{
    Subject,
    InitiativeName,
    InitiativeScope,
    InitiativeRecognizedOn,
    DateYear,
    DateMonth,
    DateDay,
    Fact,
}

internal sealed record BoundField(ExprType Type, BoundNode Target, FieldId Field, string Name, int FactSlot, ExpressionNode Syntax) : BoundNode(Type, Syntax)
{
    /// <summary>For <see cref="FieldId.Subject"/>: the schema's declaration of the field.</summary>
    public Schema.SubjectField? Schema { get; init; }
}

internal enum GlobalId
{
    Year,
    AsOf,
}

internal sealed record BoundGlobal(ExprType Type, GlobalId Global, ExpressionNode Syntax) : BoundNode(Type, Syntax);

internal sealed record BoundParameter(ExprType Type, int Slot, string Name, ExpressionNode Syntax) : BoundNode(Type, Syntax);

internal sealed record BoundUnary(ExprType Type, UnaryOperator Operator, BoundNode Operand, ExpressionNode Syntax) : BoundNode(Type, Syntax);

/// <summary>A binary operation. For comparisons, <see cref="OperandType"/> is the common type compared.</summary>
internal sealed record BoundBinary(ExprType Type, BinaryOperator Operator, BoundNode Left, BoundNode Right, ExprType OperandType, ExpressionNode Syntax) : BoundNode(Type, Syntax);

internal sealed record BoundNullTest(BoundNode Operand, bool IsNull, ExpressionNode Syntax) : BoundNode(ExprType.Bool, Syntax);

internal sealed record BoundConditional(ExprType Type, BoundNode Condition, BoundNode WhenTrue, BoundNode WhenFalse, ExpressionNode Syntax) : BoundNode(Type, Syntax);

internal sealed record BoundIn(BoundNode Value, ImmutableArray<BoundNode> Items, bool Negated, ExpressionNode Syntax) : BoundNode(ExprType.Bool, Syntax);

internal enum AggregateKind
{
    Count,
    Ratio,
    All,
    Any,
    Sum,
    Avg,
    Min,
    Max,
}

internal sealed record BoundAggregate(ExprType Type, AggregateKind Aggregate, BoundNode Source, Variable? Element, BoundNode? Body, ExpressionNode Syntax) : BoundNode(Type, Syntax);

/// <summary>
/// <c>list.where(x =&gt; predicate)</c>: the elements of <see cref="Source"/> for which the predicate holds, a list of the
/// same element type. Its membership is three-valued (an element whose predicate is unknown may or may not be in it);
/// it is never built: an aggregate over it (or over a chain of them) loops over the innermost list and tests each
/// element's membership inline (see <c>ExpressionCompiler.EmitAggregate</c> for what an unknown member does to each
/// aggregate).
/// </summary>
internal sealed record BoundWhere(ExprType Type, BoundNode Source, Variable Element, BoundNode Predicate, ExpressionNode Syntax) : BoundNode(Type, Syntax);

internal enum BuiltinFunction
{
    Has,
    Had,
    HadInYear,
    Streak,
    RatingStreak,
    AwardCount,
    YearsSince,
    DisciplinedAtLeast,
    Score,
    RatingCount,
    DisciplinedInYear,
    ClusterRank,
    HadWithin,
    SinceLast,
    FactIn,
}

/// <summary>A call of a built-in function. <see cref="Index"/> is an award, scale level or scoring-table index, or for
/// <see cref="BuiltinFunction.FactIn"/> the fact's slot.</summary>
internal sealed record BoundBuiltinCall(ExprType Type, BuiltinFunction Function, BoundNode? Receiver, ImmutableArray<BoundNode> Arguments, int Index, ExpressionNode Syntax) : BoundNode(Type, Syntax)
{
    /// <summary>For <see cref="BuiltinFunction.FactIn"/>: the fact's name (an explanation names a missing value by it).</summary>
    public string? Fact { get; init; }
}

/// <summary>A call of a plug-in function.</summary>
internal sealed record BoundPluginCall(ExprType Type, IExpressionFunction Function, ImmutableArray<BoundNode> Arguments, ExpressionNode Syntax) : BoundNode(Type, Syntax);

/// <summary>A coercion of a ratio to a number (for arithmetic).</summary>
internal sealed record BoundRatioToNumber(BoundNode Operand, ExpressionNode Syntax) : BoundNode(ExprType.NumberOf(Model.Quantity.Share), Syntax);
