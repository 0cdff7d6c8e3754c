using System.Collections.Immutable;
using System.Globalization;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// The worst-case work of each expression on the bound population, checked before anything is evaluated: nested
/// aggregates multiply (three levels over the 2,000 members of a unit visit 8·10⁹ elements for that unit alone), so an
/// expression whose estimate passes <see cref="Loading.DataLimits.MaxCriterionWork"/> is refused with TDR144 at its place
/// instead of running for hours.
/// </summary>
/// <remarks>
/// The work counted is the number of list elements visited. A list read from the subject (<c>members</c>,
/// <c>allMembers</c>, <c>subunits</c>, <c>initiatives</c>, <c>researchWorks</c>) counts with its length for that
/// subject; a list read from a lambda's element (<c>m.initiatives</c>, <c>s.allMembers</c>) counts as the longest such
/// list in the data, so the estimate is an upper bound. Only expressions that nest an aggregate inside another can be
/// more than linear in the data (a single level visits each bound element at most once per subject), so only those are
/// estimated: ordinary rule sets pay nothing.
/// </remarks>
internal static class WorkBudget
{
    /// <summary>Every expression (criterion, plan target, scoring item) whose estimate passes <paramref name="budget"/>.</summary>
    public static IReadOnlyList<Diagnostic> Check(CompiledRuleSet compiled, Population population, long budget)
    {
        var found = new List<Diagnostic>();
        Lengths? lengths = null;
        Lengths Longest() => lengths ??= new Lengths(population);

        foreach (var award in compiled.Awards)
        {
            foreach (var criterion in award.Criteria)
            {
                if (criterion.Node is { } node && IsNested(node))
                {
                    var estimate = Estimate(node, population, Longest(), award.Subject == SubjectKind.Individual, u => population.Units.Kind[u] == award.Subject);
                    if (estimate > budget)
                    {
                        found.Add(TooMuch(award.Id + "/" + criterion.Id, criterion.Definition?.Span ?? award.Definition.Span, estimate, budget));
                    }
                }
            }
        }

        foreach (var target in compiled.Targets)
        {
            if (IsNested(target.Node))
            {
                var scope = target.Definition.Subject;
                var estimate = Estimate(target.Node, population, Longest(), false, u => scope switch
                {
                    TargetScope.Agency => population.Units.Parent[u] < 0,
                    TargetScope.Unit => population.Units.Kind[u] == SubjectKind.Unit,
                    _ => population.Units.Kind[u] == SubjectKind.Enterprise,
                });
                if (estimate > budget)
                {
                    found.Add(TooMuch(target.Definition.Id, target.Definition.Span, estimate, budget));
                }
            }
        }

        foreach (var table in compiled.Scoring)
        {
            for (var i = 0; i < table.Nodes.Length; i++)
            {
                if (table.Nodes[i] is { } node && IsNested(node))
                {
                    var kind = table.Definition.Subject;
                    var estimate = Estimate(node, population, Longest(), false, u => population.Units.Kind[u] == kind);
                    if (estimate > budget)
                    {
                        var item = table.Definition.Items[i];
                        found.Add(TooMuch(table.Definition.Id + "/" + item.Id, item.Span, estimate, budget));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The estimated elements visited by <paramref name="node"/> over every subject it is evaluated for.</summary>
    /// <param name="node">The expression.</param>
    /// <param name="population">The bound data.</param>
    /// <param name="longest">The longest list of each kind in the data.</param>
    /// <param name="individuals">Whether it is evaluated for every individual; else for the units <paramref name="unitApplies"/> selects.</param>
    /// <param name="unitApplies">Which units it is evaluated for.</param>
    internal static double Estimate(BoundNode node, Population population, Lengths longest, bool individuals, Func<int, bool> unitApplies)
    {
        var lambdas = new HashSet<Variable>(ReferenceEqualityComparer.Instance);
        CollectLambdas(node, lambdas);
        var total = 0.0;
        var count = individuals ? population.Individuals.Count : population.Units.Count;
        for (var s = 0; s < count; s++)
        {
            if (individuals || unitApplies(s))
            {
                total += Work(node, new Subject(population, individuals, s, lambdas), longest);
            }
        }

        return total;
    }

    /// <summary>Whether an aggregate with a lambda sits inside another's lambda (or list): only then can work grow faster than the data.</summary>
    internal static bool IsNested(BoundNode node) => Depth(node) >= 2;

    private static int Depth(BoundNode node) => node switch
    {
        BoundAggregate { Body: null } a => Depth(a.Source),
        BoundAggregate a => Math.Max(Depth(a.Source), 1 + Depth(a.Body)),
        BoundWhere w => Math.Max(Depth(w.Source), 1 + Depth(w.Predicate)),
        _ => Children(node).Select(Depth).DefaultIfEmpty(0).Max(),
    };

    private static double Work(BoundNode node, Subject subject, Lengths longest) => node switch
    {
        // count() without a lambda reads the list's length; with one, each element runs the lambda once.
        BoundAggregate { Body: null } a => Work(a.Source, subject, longest),
        BoundAggregate a => Work(a.Source, subject, longest) + (Length(a.Source, subject, longest) * (1 + Work(a.Body, subject, longest))),

        // A filter is not built: the aggregate over it visits each element of its list once, testing the predicate then
        // running its own lambda; counting the predicate as a loop of its own is an upper bound.
        BoundWhere w => Work(w.Source, subject, longest) + (Length(w.Source, subject, longest) * (1 + Work(w.Predicate, subject, longest))),
        _ => Children(node).Sum(child => Work(child, subject, longest)),
    };

    /// <summary>The length of a list expression for <paramref name="subject"/>, or the longest such list when read from a lambda's element.</summary>
    private static double Length(BoundNode list, Subject subject, Lengths longest) => list switch
    {
        BoundField { Target: BoundVariable variable } field when !subject.Lambdas.Contains(variable.Variable) => subject.Length(field.Name) ?? longest.Of(field.Name),
        BoundField field => longest.Of(field.Name),
        BoundConditional c => Math.Max(Length(c.WhenTrue, subject, longest), Length(c.WhenFalse, subject, longest)),

        // A filtered list is at most as long as the list it filters.
        BoundWhere w => Length(w.Source, subject, longest),
        _ => longest.Any,
    };

    private static void CollectLambdas(BoundNode node, HashSet<Variable> lambdas)
    {
        if (node is BoundAggregate { Element: { } element })
        {
            lambdas.Add(element);
        }
        else if (node is BoundWhere where)
        {
            lambdas.Add(where.Element);
        }

        foreach (var child in Children(node))
        {
            CollectLambdas(child, lambdas);
        }
    }

    private static ImmutableArray<BoundNode> Children(BoundNode node) => node switch
    {
        BoundField f => [f.Target],
        BoundUnary u => [u.Operand],
        BoundBinary b => [b.Left, b.Right],
        BoundNullTest n => [n.Operand],
        BoundConditional c => [c.Condition, c.WhenTrue, c.WhenFalse],
        BoundIn i => [i.Value, .. i.Items],
        BoundAggregate a => a.Body is null ? [a.Source] : [a.Source, a.Body],
        BoundWhere w => [w.Source, w.Predicate],
        BoundBuiltinCall b => b.Receiver is null ? b.Arguments : [b.Receiver, .. b.Arguments],
        BoundPluginCall p => p.Arguments,
        BoundRatioToNumber r => [r.Operand],
        _ => [],
    };

    private static Diagnostic TooMuch(string what, SourceSpan span, double estimate, long budget) =>
        Diagnostic.Create(DiagnosticCodes.CriterionWorkTooLarge, span, what,
            Math.Round(estimate).ToString("N0", CultureInfo.InvariantCulture), budget.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>The subject an expression is evaluated for: the lists it reads without a lambda have its own lengths.</summary>
    /// <param name="Population">The bound data.</param>
    /// <param name="Individual">Whether the subject is an individual (else a unit).</param>
    /// <param name="Index">The subject's index.</param>
    /// <param name="Lambdas">The lambdas' variables: any other variable is the subject.</param>
    private readonly record struct Subject(Population Population, bool Individual, int Index, HashSet<Variable> Lambdas)
    {
        public double? Length(string field) => (Individual, field) switch
        {
            (true, "initiatives") => Population.Individuals.Initiatives[Index].Length,
            (true, "researchWorks") => Population.Individuals.ResearchWorks[Index].Length,
            (false, "members") => Population.Units.Members[Index].Length,
            (false, "allMembers") => Population.Units.AllMembers[Index].Length,
            (false, "subunits") => Population.Units.Subunits[Index].Length,
            _ => null,
        };
    }

    /// <summary>The longest list of each kind in the bound data (an upper bound for a list read from a lambda's element).</summary>
    internal sealed class Lengths(Population population)
    {
        private readonly double _initiatives = Max(population.Individuals.Initiatives);
        private readonly double _researchWorks = Max(population.Individuals.ResearchWorks);
        private readonly double _members = Max(population.Units.Members);
        private readonly double _allMembers = Max(population.Units.AllMembers);
        private readonly double _subunits = Max(population.Units.Subunits);

        /// <summary>The longest list of any kind.</summary>
        public double Any => new[] { _initiatives, _researchWorks, _members, _allMembers, _subunits }.Max();

        public double Of(string field) => field switch
        {
            "initiatives" => _initiatives,
            "researchWorks" => _researchWorks,
            "members" => _members,
            "allMembers" => _allMembers,
            "subunits" => _subunits,
            _ => Any,
        };

        private static double Max<T>(T[][] lists)
        {
            var max = 0;
            foreach (var list in lists)
            {
                max = Math.Max(max, list.Length);
            }

            return max;
        }
    }
}
