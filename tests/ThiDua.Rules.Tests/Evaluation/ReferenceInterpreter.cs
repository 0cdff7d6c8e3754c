using NodaTime;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// A direct, slow interpreter of bound expressions with the same semantics as the compiled delegates: the test oracle
/// the property tests check the compiler against (values, and the missing values a traced evaluation notes). The
/// library itself never interprets: explanations trace the compiled code (<c>ExpressionCompiler.CompileTraced</c>).
/// </summary>
internal sealed class ReferenceInterpreter
{
    private readonly EvalFrame _frame;
    private readonly Dictionary<Variable, object?> _variables = [];
    private readonly Action<string, string>? _onMissing;
    private int _subject;

    public ReferenceInterpreter(EvalFrame frame, Action<string, string>? onMissing = null)
    {
        _frame = frame;
        _onMissing = onMissing;
    }

    public object? Evaluate(BoundNode node, int subject)
    {
        _subject = subject;
        return Eval(node);
    }

    private Population Pop => _frame.Population;

    private object? Eval(BoundNode node)
    {
        switch (node)
        {
            case BoundLiteral literal:
                return literal.Value;
            case BoundVariable variable:
                return _variables.TryGetValue(variable.Variable, out var value) ? value : _subject;
            case BoundField field:
                return Field(field);
            case BoundGlobal global:
                return global.Global == GlobalId.Year ? (decimal)Pop.Year : Pop.AsOf;
            case BoundParameter parameter:
                return _frame.Parameters[parameter.Slot];
            case BoundUnary unary:
                var operand = Eval(unary.Operand);
                return unary.Operator == UnaryOperator.Not ? (operand is bool b ? !b : null) : Runtime.Negate((decimal?)operand);
            case BoundBinary binary:
                return Binary(binary);
            case BoundNullTest test:
                return (Eval(test.Operand) is null) == test.IsNull;
            case BoundConditional conditional:
                return Eval(conditional.Condition) switch
                {
                    true => Eval(conditional.WhenTrue),
                    false => Eval(conditional.WhenFalse),
                    _ => null,
                };
            case BoundIn inNode:
                var subjectValue = Eval(inNode.Value);
                var sawUnknown = false;
                foreach (var item in inNode.Items)
                {
                    var equal = Runtime.Test(CompareBoxed(subjectValue, Eval(item)), BinaryOperator.Equal);
                    if (equal == true)
                    {
                        return !inNode.Negated;
                    }

                    sawUnknown |= equal is null;
                }

                return sawUnknown ? null : inNode.Negated;
            case BoundAggregate aggregate:
                return Aggregate(aggregate);
            case BoundBuiltinCall call:
                return Builtin(call);
            case BoundPluginCall plugin:
                return plugin.Function.Invoke(plugin.Arguments.Select(Eval).ToArray());
            case BoundRatioToNumber ratio:
                return Runtime.ToNumber((Fraction?)Eval(ratio.Operand));
            default:
                throw new InvalidOperationException("unknown bound node");
        }
    }

    private object? Missing(object? value, bool individual, int index, string field)
    {
        if (value is null && _onMissing is not null)
        {
            _onMissing(individual ? Pop.Individuals.Id[index] : Pop.Units.Id[index], field);
        }

        return value;
    }

    private object? Field(BoundField field)
    {
        var target = Eval(field.Target);
        var ind = Pop.Individuals;
        var units = Pop.Units;
        switch (field.Field)
        {
            case FieldId.InitiativeName: return ((InitiativeRow)target!).Name;
            case FieldId.InitiativeScope: return ((InitiativeRow)target!).Scope;
            case FieldId.InitiativeRecognizedOn: return ((InitiativeRow)target!).RecognizedOn;
            case FieldId.DateYear: return Runtime.DateYear((LocalDate?)target);
            case FieldId.DateMonth: return Runtime.DateMonth((LocalDate?)target);
            case FieldId.DateDay: return Runtime.DateDay((LocalDate?)target);
        }

        var i = (int)target!;
        var individual = field.Target.Type.Kind == TypeKind.Individual;
        var value = field.Field == FieldId.Subject ? Pop.Read(field.Schema!, i) : (individual ? ind.Facts : units.Facts)[field.FactSlot].GetValue(i);
        return Missing(value, individual, i, field.Name);
    }

    private object? Binary(BoundBinary binary)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                var leftAnd = (bool?)Eval(binary.Left);
                if (leftAnd == false)
                {
                    return false;
                }

                var rightAnd = (bool?)Eval(binary.Right);
                return rightAnd == false ? false : leftAnd == true && rightAnd == true ? true : null;
            case BinaryOperator.Or:
                var leftOr = (bool?)Eval(binary.Left);
                if (leftOr == true)
                {
                    return true;
                }

                var rightOr = (bool?)Eval(binary.Right);
                return rightOr == true ? true : leftOr == false && rightOr == false ? false : null;
            case BinaryOperator.Add or BinaryOperator.Subtract when binary.Left.Type.Kind == TypeKind.Date:
                return DateArithmetic(binary.Operator, (LocalDate?)Eval(binary.Left), Eval(binary.Right));
            case BinaryOperator.Add: return Runtime.Add((decimal?)Eval(binary.Left), (decimal?)Eval(binary.Right));
            case BinaryOperator.Subtract: return Runtime.Subtract((decimal?)Eval(binary.Left), (decimal?)Eval(binary.Right));
            case BinaryOperator.Multiply: return Runtime.Multiply((decimal?)Eval(binary.Left), (decimal?)Eval(binary.Right));
            case BinaryOperator.Divide: return Runtime.Divide((decimal?)Eval(binary.Left), (decimal?)Eval(binary.Right));
            case BinaryOperator.Coalesce: return Eval(binary.Left) ?? Eval(binary.Right);
            default: return Runtime.Test(CompareBoxed(Eval(binary.Left), Eval(binary.Right)), binary.Operator);
        }
    }

    /// <summary>
    /// Dates and days, written apart from <see cref="Runtime"/> so the compiled code is checked against a second reading
    /// of the rule: the days between two dates by counting from the earlier; a date moved by whole days (a fraction
    /// dropped toward zero), unknown outside the calendar.
    /// </summary>
    private static object? DateArithmetic(BinaryOperator op, LocalDate? left, object? right)
    {
        if (left is not { } date || right is null)
        {
            return null;
        }

        if (right is LocalDate other)
        {
            return (decimal)Period.Between(other, date, PeriodUnits.Days).Days;
        }

        var days = decimal.Truncate((decimal)right) * (op == BinaryOperator.Subtract ? -1 : 1);
        if (days is < int.MinValue or > int.MaxValue)
        {
            return null;
        }

        try
        {
            return date.PlusDays((int)days);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private static int? CompareBoxed(object? left, object? right) => (left, right) switch
    {
        (null, _) or (_, null) => null,
        (Fraction a, Fraction b) => a.CompareTo(b),
        (Fraction a, decimal b) => a.CompareTo(b),
        (decimal a, Fraction b) => -b.CompareTo(a),
        (decimal a, decimal b) => a.CompareTo(b),
        (int a, int b) => a.CompareTo(b),
        (LocalDate a, LocalDate b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => throw new InvalidOperationException($"cannot compare {left.GetType().Name} with {right.GetType().Name}"),
    };

    /// <summary>
    /// A list as its elements, each with its membership: true for every element of a list read from the data; for
    /// <c>where</c>, the Kleene "and" of the source's membership and the predicate, the predicate evaluated only for an
    /// element not already out.
    /// </summary>
    private List<(object Element, bool? Member)> List(BoundNode node)
    {
        if (node is not BoundWhere where)
        {
            return [.. ((Array)Eval(node)!).Cast<object>().Select(e => (e, (bool?)true))];
        }

        var filtered = new List<(object Element, bool? Member)>();
        foreach (var (element, member) in List(where.Source))
        {
            if (member == false)
            {
                filtered.Add((element, false));
                continue;
            }

            _variables[where.Element] = element;
            var holds = (bool?)Eval(where.Predicate);
            filtered.Add((element, holds == false ? false : member == true && holds == true ? true : null));
        }

        _variables.Remove(where.Element);
        return filtered;
    }

    /// <summary>
    /// An aggregate, read from the definitions: over the elements not certainly out of the list, count, any and all
    /// apply Kleene logic to the membership and the lambda (an element that may be in the list counts as
    /// <c>member &amp;&amp; value</c>, for all as <c>!member || value</c>); ratio, sum, avg, min and max need every
    /// membership known.
    /// </summary>
    private object? Aggregate(BoundAggregate aggregate)
    {
        var list = List(aggregate.Source);
        var candidates = list.Where(e => e.Member != false).ToList();
        var membersKnown = candidates.TrueForAll(e => e.Member == true);
        if (aggregate.Body is null)
        {
            return membersKnown ? (decimal)candidates.Count : null;
        }

        var raw = new List<object?>(candidates.Count);
        foreach (var (element, _) in candidates)
        {
            _variables[aggregate.Element!] = element;
            raw.Add(Eval(aggregate.Body));
        }

        _variables.Remove(aggregate.Element!);
        switch (aggregate.Aggregate)
        {
            case AggregateKind.Count or AggregateKind.Any:
                raw = [.. raw.Select((v, i) => v is false || candidates[i].Member is false ? false : v is true && candidates[i].Member is true ? true : (object?)null)];
                break;
            case AggregateKind.All:
                raw = [.. raw.Select((v, i) => v is true || candidates[i].Member is false ? true : v is false && candidates[i].Member is true ? false : (object?)null)];
                break;
            default:
                if (!membersKnown)
                {
                    return null;
                }

                break;
        }

        var values = raw;
        var unknown = values.Exists(v => v is null);
        switch (aggregate.Aggregate)
        {
            case AggregateKind.Count:
                return unknown ? null : (decimal)values.Count(v => v is true);
            case AggregateKind.Ratio:
                return unknown || values.Count == 0 ? null : new Fraction(values.Count(v => v is true), values.Count);
            case AggregateKind.All:
                return values.Exists(v => v is false) ? false : unknown ? null : true;
            case AggregateKind.Any:
                return values.Exists(v => v is true) ? true : unknown ? null : false;
            case AggregateKind.Sum:
                return unknown ? null : Total(values);
            case AggregateKind.Avg:
                return unknown || values.Count == 0 || Total(values) is not { } total ? null : total / values.Count;
            case AggregateKind.Min:
                return unknown || values.Count == 0 ? null : values.Min(v => (decimal)v!);
            default:
                return unknown || values.Count == 0 ? null : values.Max(v => (decimal)v!);
        }
    }

    /// <summary>
    /// factIn read on its own: the subject's history row of that year (this year's fact for the evaluated year), its
    /// fact by slot; unknown when anything is missing, noted as the explanation names it.
    /// </summary>
    private object? FactIn(BoundBuiltinCall call, bool individual, int subject)
    {
        if (Eval(call.Arguments[0]) is not decimal year)
        {
            return null;
        }

        if (year == Pop.Year)
        {
            var column = (individual ? Pop.Individuals.Facts : Pop.Units.Facts)[call.Index];
            return Missing(column.Length > subject ? column.GetValue(subject) : null, individual, subject, call.Fact!);
        }

        var row = (individual ? Pop.Individuals.History : Pop.Units.History)[subject].FirstOrDefault(r => r.Year == year);
        var value = row?.Facts is { } facts && call.Index < facts.Length ? facts[call.Index] : null;
        return Missing(value, individual, subject, "history." + year.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".facts." + call.Fact);
    }

    /// <summary>The sum of known numbers; unknown past the decimal range.</summary>
    private static decimal? Total(List<object?> values)
    {
        try
        {
            return values.Sum(v => (decimal)v!);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private object? Builtin(BoundBuiltinCall call)
    {
        var subject = (int)Eval(call.Receiver!)!;
        var individual = call.Receiver!.Type.Kind == TypeKind.Individual;
        object? result = call.Function switch
        {
            BuiltinFunction.Has => Runtime.Has(_frame, call.Index, subject),
            BuiltinFunction.Had => Runtime.Had(_frame, individual, call.Index, subject),
            BuiltinFunction.HadInYear => Runtime.HadInYear(_frame, individual, call.Index, subject, (decimal?)Eval(call.Arguments[0])),
            BuiltinFunction.Streak => Runtime.Streak(_frame, individual, call.Index, subject),
            BuiltinFunction.RatingStreak => Runtime.RatingStreak(_frame, individual, call.Index, subject),
            BuiltinFunction.AwardCount => Runtime.AwardCount(_frame, individual, call.Index, subject, (decimal?)Eval(call.Arguments[0])),
            BuiltinFunction.YearsSince => Runtime.YearsSince(_frame, individual, call.Index, subject),
            BuiltinFunction.DisciplinedAtLeast => Runtime.DisciplinedAtLeast(_frame, call.Index, subject),
            BuiltinFunction.RatingCount => SubjectHistoryFunctions.RatingCount(_frame, individual, call.Index, subject, (decimal?)Eval(call.Arguments[0])),
            BuiltinFunction.DisciplinedInYear => SubjectHistoryFunctions.DisciplinedInYear(_frame, call.Index, subject),
            BuiltinFunction.HadWithin => SubjectHistoryFunctions.HadWithin(_frame, individual, call.Index, subject, (decimal?)Eval(call.Arguments[0])),
            BuiltinFunction.SinceLast => SubjectHistoryFunctions.SinceLast(_frame, individual, call.Index, subject, (decimal?)Eval(call.Arguments[0])),
            BuiltinFunction.Score => Runtime.Score(_frame, call.Index, subject),
            BuiltinFunction.FactIn => FactIn(call, individual, subject),
            _ => Runtime.ClusterRank(_frame, call.Index, subject),
        };
        if (result is null && call.Function is BuiltinFunction.Has or BuiltinFunction.Streak or BuiltinFunction.AwardCount)
        {
            var awardId = _frame.Compiled.Awards[call.Index].Id;
            Missing(null, individual, subject, "has('" + awardId + "')");
        }
        else if (result is null && call.Function is BuiltinFunction.RatingStreak or BuiltinFunction.RatingCount)
        {
            Missing(null, individual, subject, "rating");
        }
        else if (result is null && call.Function is BuiltinFunction.DisciplinedAtLeast or BuiltinFunction.DisciplinedInYear)
        {
            Missing(null, individual, subject, "discipline.date");
        }

        return result;
    }
}
