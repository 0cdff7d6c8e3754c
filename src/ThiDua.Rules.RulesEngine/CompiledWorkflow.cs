using System.Collections.Immutable;
using System.Linq.Expressions;
using NodaTime;
using ThiDua.Rules.Extensibility;

namespace ThiDua.Rules.RulesEngine;

/// <summary>One compiled rule: a leaf (an expression and the input slots it reads) or a group of rules.</summary>
internal sealed class CompiledRule
{
    public required string Name { get; init; }

    /// <summary>For a leaf: the compiled expression over the input values.</summary>
    public Func<object?[], bool>? Evaluate { get; init; }

    /// <summary>For a leaf: the input slots the expression reads (a missing one makes the rule unknown).</summary>
    public ImmutableArray<int> Reads { get; init; } = [];

    /// <summary>For a group: its rules and whether they are or-ed (RulesEngine's <c>Operator</c> Or/OrElse) or and-ed.</summary>
    public ImmutableArray<CompiledRule> Rules { get; init; } = [];

    public bool Or { get; init; }

    /// <summary>For a leaf that compares an input field with a literal: the field's slot, the operator and the literal.</summary>
    public (int Slot, string Operator, object? Required)? Comparison { get; init; }

    /// <summary>Kleene evaluation: false beats unknown in "and", true beats unknown in "or".</summary>
    public bool? Judge(object?[] values, bool[] present)
    {
        if (Evaluate is { } evaluate)
        {
            foreach (var slot in Reads)
            {
                if (!present[slot])
                {
                    return null;
                }
            }

            try
            {
                return evaluate(values);
            }
            catch (ArithmeticException)
            {
                // Division by zero or overflow: undecided, as in the expression language.
                return null;
            }
        }

        var unknown = false;
        foreach (var rule in Rules)
        {
            var result = rule.Judge(values, present);
            if (result == Or)
            {
                return Or;
            }

            unknown |= result is null;
        }

        return unknown ? null : !Or;
    }
}

/// <summary>
/// A workflow compiled for one criterion: reads the fields its rules need from the subject, then judges every enabled
/// rule (the criterion passes when all succeed). Immutable and thread-safe.
/// </summary>
internal sealed class CompiledWorkflow(string name, ImmutableArray<string> slots, ImmutableArray<int> used, ImmutableArray<CompiledRule> rules) : ICriterionJudge
{
    [ThreadStatic]
    private static (object?[] Values, bool[] Present)? _buffer;

    public string Name { get; } = name;

    /// <summary>Every field of the subject, by slot (the slots the compiled rules index).</summary>
    public ImmutableArray<string> Slots { get; } = slots;

    /// <summary>The slots some rule reads: only these are fetched per subject.</summary>
    public ImmutableArray<int> Used { get; } = used;

    public ImmutableArray<CompiledRule> Rules { get; } = rules;

    public bool? Evaluate(SubjectView subject)
    {
        var (values, present) = Read(subject);
        var unknown = false;
        foreach (var rule in Rules)
        {
            var result = rule.Judge(values, present);
            if (result == false)
            {
                return false;
            }

            unknown |= result is null;
        }

        return unknown ? null : true;
    }

    public CriterionVerdict Explain(SubjectView subject)
    {
        var (values, present) = Read(subject);
        var passed = Evaluate(subject);
        (values, present) = Read(subject);

        // The evidence: the first rule that decided the verdict (failed, or was unknown), else the first rule.
        var deciding = Rules.FirstOrDefault(r => r.Judge(values, present) == passed) ?? Rules.FirstOrDefault();
        var missing = passed is null
            ? Rules.Where(r => r.Judge(values, present) is null).SelectMany(Leaves).SelectMany(l => l.Reads).Where(s => !present[s]).Select(s => Slots[s]).Distinct().Order(StringComparer.Ordinal).ToImmutableArray()
            : [];
        if (deciding is not null && Leaves(deciding).FirstOrDefault(l => l.Comparison is not null)?.Comparison is { } c && present[c.Slot])
        {
            return new CriterionVerdict { Passed = passed, Actual = Show(values[c.Slot]), Operator = c.Operator, Required = Show(c.Required), Missing = missing };
        }

        return new CriterionVerdict { Passed = passed, Missing = missing };
    }

    private static IEnumerable<CompiledRule> Leaves(CompiledRule rule) => rule.Evaluate is not null ? [rule] : rule.Rules.SelectMany(Leaves);

    private static object? Show(object? value) => value is DateTime d ? LocalDate.FromDateTime(d) : value;

    private (object?[] Values, bool[] Present) Read(SubjectView subject)
    {
        if (_buffer is not { } buffer || buffer.Values.Length < Slots.Length)
        {
            buffer = (new object?[Math.Max(Slots.Length, 16)], new bool[Math.Max(Slots.Length, 16)]);
            _buffer = buffer;
        }

        foreach (var i in Used)
        {
            var value = subject.Get(Slots[i]) switch
            {
                LocalDate date => date.ToDateTimeUnspecified(),
                var other => other,
            };
            buffer.Values[i] = value;
            buffer.Present[i] = value is not null;
        }

        return buffer;
    }

    /// <summary>Replaces each read of <c>input1.field</c> with the slot's value from the values array.</summary>
    internal sealed class SlotRewriter(ParameterExpression input, ParameterExpression values, IReadOnlyDictionary<string, int> slotOf) : ExpressionVisitor
    {
        public SortedSet<int> Reads { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == input)
            {
                var slot = slotOf[node.Member.Name];
                Reads.Add(slot);
                return Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(slot)), node.Type);
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == input ? throw new InvalidOperationException("input1 used as a whole") : base.VisitParameter(node);
    }
}
