using NodaTime;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Expressions.Syntax;

namespace ThiDua.Rules.Compilation;

/// <summary>
/// Specialises a bound expression for known parameter values: parameters become literals, and operations whose
/// operands are now literals are folded (<c>params.strict ? a : b</c> becomes <c>a</c> or <c>b</c>; <c>!false || x</c>
/// becomes <c>true</c>). Parameters are constant for a whole evaluation, so this is exact, and it spares the compiled
/// delegate work per subject. Folding follows the same three-valued rules as evaluation.
/// </summary>
internal static class ConstantFolder
{
    public static BoundNode Fold(BoundNode node, object?[] parameters) => node switch
    {
        BoundParameter p => new BoundLiteral(p.Type, parameters[p.Slot], p.Syntax),
        BoundUnary u => FoldUnary(u with { Operand = Fold(u.Operand, parameters) }),
        BoundBinary b => FoldBinary(b with { Left = Fold(b.Left, parameters), Right = Fold(b.Right, parameters) }),
        BoundConditional c => FoldConditional(c with { Condition = Fold(c.Condition, parameters), WhenTrue = Fold(c.WhenTrue, parameters), WhenFalse = Fold(c.WhenFalse, parameters) }),
        BoundNullTest n => Fold(n.Operand, parameters) is BoundLiteral literal
            ? new BoundLiteral(ExprType.Bool, (literal.Value is null) == n.IsNull, n.Syntax)
            : n with { Operand = Fold(n.Operand, parameters) },
        BoundField f => f with { Target = Fold(f.Target, parameters) },
        BoundIn i => i with { Value = Fold(i.Value, parameters), Items = [.. i.Items.Select(x => Fold(x, parameters))] },
        BoundWhere w => w with { Source = Fold(w.Source, parameters), Predicate = Fold(w.Predicate, parameters) },
        BoundAggregate a => a with { Source = Fold(a.Source, parameters), Body = a.Body is null ? null : Fold(a.Body, parameters) },
        BoundBuiltinCall c => c with { Receiver = c.Receiver is null ? null : Fold(c.Receiver, parameters), Arguments = [.. c.Arguments.Select(x => Fold(x, parameters))] },
        BoundPluginCall p => p with { Arguments = [.. p.Arguments.Select(x => Fold(x, parameters))] },
        BoundRatioToNumber r => r with { Operand = Fold(r.Operand, parameters) },
        _ => node,
    };

    private static BoundNode FoldUnary(BoundUnary unary) => unary.Operand is BoundLiteral literal
        ? new BoundLiteral(unary.Type, unary.Operator == UnaryOperator.Not ? Runtime.Not((bool?)literal.Value) : Runtime.Negate((decimal?)literal.Value), unary.Syntax)
        : unary;

    private static BoundNode FoldBinary(BoundBinary binary)
    {
        var left = binary.Left as BoundLiteral;
        var right = binary.Right as BoundLiteral;
        switch (binary.Operator)
        {
            case BinaryOperator.And:
            case BinaryOperator.Or:
                var decisive = binary.Operator == BinaryOperator.Or;

                // Kleene: the decisive value on either side decides; the neutral value leaves the other side.
                if (left?.Value is bool l)
                {
                    return l == decisive ? left : binary.Right;
                }

                if (right?.Value is bool r)
                {
                    return r == decisive ? right : binary.Left;
                }

                return binary;
            case BinaryOperator.Add or BinaryOperator.Subtract when left is not null && right is not null && binary.Left.Type.Kind == TypeKind.Date:
                var days = binary.Right.Type.Kind == TypeKind.Date ? (object?)Runtime.SubtractDates((LocalDate?)left.Value, (LocalDate?)right.Value)
                    : binary.Operator == BinaryOperator.Add ? Runtime.AddDays((LocalDate?)left.Value, (decimal?)right.Value)
                    : Runtime.SubtractDays((LocalDate?)left.Value, (decimal?)right.Value);
                return new BoundLiteral(binary.Type, days, binary.Syntax);
            case BinaryOperator.Add when left is not null && right is not null:
                return new BoundLiteral(binary.Type, Runtime.Add((decimal?)left.Value, (decimal?)right.Value), binary.Syntax);
            case BinaryOperator.Subtract when left is not null && right is not null:
                return new BoundLiteral(binary.Type, Runtime.Subtract((decimal?)left.Value, (decimal?)right.Value), binary.Syntax);
            case BinaryOperator.Multiply when left is not null && right is not null:
                return new BoundLiteral(binary.Type, Runtime.Multiply((decimal?)left.Value, (decimal?)right.Value), binary.Syntax);
            case BinaryOperator.Divide when left is not null && right is not null:
                return new BoundLiteral(binary.Type, Runtime.Divide((decimal?)left.Value, (decimal?)right.Value), binary.Syntax);
            case BinaryOperator.Coalesce when left is not null:
                return left.Value is null ? binary.Right : left;
            default:
                return binary;
        }
    }

    private static BoundNode FoldConditional(BoundConditional conditional) => conditional.Condition is BoundLiteral literal
        ? literal.Value switch
        {
            true => conditional.WhenTrue,
            false => conditional.WhenFalse,
            _ => new BoundLiteral(conditional.Type, null, conditional.Syntax),
        }
        : conditional;

    /// <summary>A stable key of parameter values, to cache specialised delegates.</summary>
    public static string Key(object?[] parameters) =>
        string.Join("\u0001", parameters.Select(p => p switch
        {
            null => "null",
            decimal d => "n" + d.ToString(System.Globalization.CultureInfo.InvariantCulture),
            bool b => b ? "t" : "f",
            NodaTime.LocalDate date => "d" + NodaTime.Text.LocalDatePattern.Iso.Format(date),
            _ => "s" + p,
        }));
}
