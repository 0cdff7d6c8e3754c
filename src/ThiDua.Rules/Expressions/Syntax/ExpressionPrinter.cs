using System.Globalization;
using System.Text;

namespace ThiDua.Rules.Expressions.Syntax;

/// <summary>Prints a syntax tree back to source text that parses to the same tree (parenthesised where needed).</summary>
internal static class ExpressionPrinter
{
    public static string Print(ExpressionNode node)
    {
        var builder = new StringBuilder();
        Print(node, builder);
        return builder.ToString();
    }

    private static void Print(ExpressionNode node, StringBuilder b)
    {
        switch (node)
        {
            case LiteralNode literal:
                b.Append(literal.Kind switch
                {
                    LiteralKind.Number => ((decimal)literal.Value!).ToString(CultureInfo.InvariantCulture),
                    LiteralKind.Percent => (((decimal)literal.Value!) * 100m).ToString("0.############################", CultureInfo.InvariantCulture) + "%",
                    LiteralKind.String => "'" + ((string)literal.Value!).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
                    LiteralKind.Bool => (bool)literal.Value! ? "true" : "false",
                    _ => "null",
                });
                break;
            case IdentifierNode identifier:
                b.Append(identifier.Name);
                break;
            case MemberNode member:
                PrintOperand(member.Target, b);
                b.Append('.').Append(member.Name);
                break;
            case CallNode call:
                if (call.Receiver is not null)
                {
                    PrintOperand(call.Receiver, b);
                    b.Append('.');
                }

                b.Append(call.Name).Append('(');
                for (var i = 0; i < call.Arguments.Length; i++)
                {
                    if (i > 0)
                    {
                        b.Append(", ");
                    }

                    Print(call.Arguments[i], b);
                }

                b.Append(')');
                break;
            case LambdaNode lambda:
                b.Append(lambda.Parameter).Append(" => ");
                Print(lambda.Body, b);
                break;
            case UnaryNode unary:
                b.Append(unary.Operator == UnaryOperator.Not ? "!" : "-");
                PrintOperand(unary.Operand, b);
                break;
            case BinaryNode binary:
                b.Append('(');
                Print(binary.Left, b);
                b.Append(' ').Append(Symbol(binary.Operator)).Append(' ');
                Print(binary.Right, b);
                b.Append(')');
                break;
            case ConditionalNode conditional:
                b.Append('(');
                Print(conditional.Condition, b);
                b.Append(" ? ");
                Print(conditional.WhenTrue, b);
                b.Append(" : ");
                Print(conditional.WhenFalse, b);
                b.Append(')');
                break;
            case InNode inNode:
                b.Append('(');
                Print(inNode.Value, b);
                b.Append(inNode.Negated ? " not in [" : " in [");
                for (var i = 0; i < inNode.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        b.Append(", ");
                    }

                    Print(inNode.Items[i], b);
                }

                b.Append("])");
                break;
            default:
                throw new InvalidOperationException("unknown node " + node.GetType().Name);
        }
    }

    private static void PrintOperand(ExpressionNode node, StringBuilder b)
    {
        // Members, calls, identifiers and literals bind tighter than any operator; everything else needs parentheses,
        // except nodes that Print already wraps.
        var simple = node is IdentifierNode or MemberNode or CallNode or BinaryNode or ConditionalNode or InNode
            || (node is LiteralNode literal && literal.Kind != LiteralKind.Number && literal.Kind != LiteralKind.Percent);
        if (!simple)
        {
            b.Append('(');
        }

        Print(node, b);
        if (!simple)
        {
            b.Append(')');
        }
    }

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "||",
        BinaryOperator.And => "&&",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "??",
    };

    /// <summary>A position-free S-expression of the tree, for structural comparison in tests.</summary>
    public static string Dump(ExpressionNode node) => node switch
    {
        LiteralNode l => $"({l.Kind} {Convert.ToString(l.Value, CultureInfo.InvariantCulture)})",
        IdentifierNode i => $"(id {i.Name})",
        MemberNode m => $"(member {Dump(m.Target)} {m.Name})",
        CallNode c => $"(call {(c.Receiver is null ? "_" : Dump(c.Receiver))} {c.Name}{string.Concat(c.Arguments.Select(a => " " + Dump(a)))})",
        LambdaNode l => $"(lambda {l.Parameter} {Dump(l.Body)})",
        UnaryNode u => $"({u.Operator} {Dump(u.Operand)})",
        BinaryNode bn => $"({bn.Operator} {Dump(bn.Left)} {Dump(bn.Right)})",
        ConditionalNode c => $"(if {Dump(c.Condition)} {Dump(c.WhenTrue)} {Dump(c.WhenFalse)})",
        InNode n => $"({(n.Negated ? "notin" : "in")} {Dump(n.Value)}{string.Concat(n.Items.Select(a => " " + Dump(a)))})",
        _ => "?",
    };
}
