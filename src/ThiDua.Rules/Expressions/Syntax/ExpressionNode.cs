using System.Collections.Immutable;

namespace ThiDua.Rules.Expressions.Syntax;

/// <summary>A node of the expression syntax tree; <see cref="Position"/> is the 0-based offset in the source text.</summary>
internal abstract record ExpressionNode(int Position);

internal enum LiteralKind
{
    Number,
    Percent,
    String,
    Bool,
    Null,
}

internal sealed record LiteralNode(LiteralKind Kind, object? Value, int Position) : ExpressionNode(Position);

internal sealed record IdentifierNode(string Name, int Position) : ExpressionNode(Position);

internal sealed record MemberNode(ExpressionNode Target, string Name, int Position) : ExpressionNode(Position);

/// <summary>A call <c>f(args)</c> (receiver null) or <c>x.f(args)</c>.</summary>
internal sealed record CallNode(ExpressionNode? Receiver, string Name, ImmutableArray<ExpressionNode> Arguments, int Position) : ExpressionNode(Position);

internal sealed record LambdaNode(string Parameter, ExpressionNode Body, int Position) : ExpressionNode(Position);

internal enum UnaryOperator
{
    Not,
    Negate,
}

internal sealed record UnaryNode(UnaryOperator Operator, ExpressionNode Operand, int Position) : ExpressionNode(Position);

internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Coalesce,
}

internal sealed record BinaryNode(BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right, int Position) : ExpressionNode(Position);

internal sealed record ConditionalNode(ExpressionNode Condition, ExpressionNode WhenTrue, ExpressionNode WhenFalse, int Position) : ExpressionNode(Position);

internal sealed record InNode(ExpressionNode Value, ImmutableArray<ExpressionNode> Items, bool Negated, int Position) : ExpressionNode(Position);
