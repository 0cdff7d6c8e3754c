using System.Collections.Immutable;
using ThiDua.Rules.Expressions.Binding;

namespace ThiDua.Rules.Intake;

/// <summary>
/// What a compiled rule set reads of each individual: the schema columns, the declared facts, the history and the
/// discipline its criteria, quotas, targets and scoring tables use. Binding fills only these (an HR system that binds
/// its own objects for every evaluation pays for what the rules read, not for the whole schema); the checks of the
/// subject schema still run on every value that is read.
/// </summary>
/// <remarks>
/// What every result needs is always bound: the id, name, unit, position and rating of each person. Units are few and are
/// always bound in full. A rule set with a plug-in criterion type (which may read any field through
/// <c>SubjectView</c>) reads <see cref="Everything"/>, and so does <c>CompiledRuleSet.CheckData</c>.
/// Immutable and thread-safe.
/// </remarks>
internal sealed class DataReads
{
    private readonly ImmutableHashSet<string> _columns;
    private readonly bool[] _facts;

    private DataReads(bool everything, ImmutableHashSet<string> columns, bool[] facts, bool history, bool discipline)
    {
        IsEverything = everything;
        _columns = columns;
        _facts = facts;
        History = history;
        Discipline = discipline;
    }

    /// <summary>Every field, fact, the history and the discipline.</summary>
    public static DataReads Everything { get; } = new(true, [], [], true, true);

    /// <summary>Whether everything is read (no restriction).</summary>
    public bool IsEverything { get; }

    /// <summary>Whether the individuals' history (past ratings, awards and facts) is read.</summary>
    public bool History { get; }

    /// <summary>Whether the individuals' discipline (level in force, decided in the year) is read.</summary>
    public bool Discipline { get; }

    /// <summary>Whether the individuals' column <paramref name="column"/> (<see cref="Schema.SubjectField.Column"/>) is read.</summary>
    public bool Column(string column) => IsEverything || _columns.Contains(column);

    /// <summary>Whether the individual fact in slot <paramref name="slot"/> is read.</summary>
    public bool Fact(int slot) => IsEverything || slot < _facts.Length && _facts[slot];

    /// <summary>What the expressions of <paramref name="bound"/> read; <see cref="Everything"/> when a plug-in criterion may read anything.</summary>
    public static DataReads Of(BoundRuleSet bound)
    {
        var nodes = new List<BoundNode?>();
        foreach (var award in bound.Awards)
        {
            foreach (var criterion in award.Criteria)
            {
                if (criterion.Node is null && criterion.RequiresAward < 0)
                {
                    // A plug-in criterion type reads fields by name when it runs.
                    return Everything;
                }

                nodes.Add(criterion.Node);
            }

            nodes.Add(award.CouncilShare);
            if (award.Quota is { } quota)
            {
                nodes.Add(quota.Max);
                nodes.Add(quota.Of);
                nodes.AddRange(quota.RankBy);
            }
        }

        nodes.AddRange(bound.Targets.Select(t => t.Node));
        foreach (var scoring in bound.Scoring)
        {
            nodes.AddRange(scoring.Items);
        }

        var walker = new Walker(bound.Symbols.IndividualFacts.Count);
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                walker.Visit(node);
            }
        }

        return new DataReads(false, [.. walker.Columns], walker.Facts, walker.History, walker.Discipline);
    }

    private sealed class Walker(int facts)
    {
        public HashSet<string> Columns { get; } = new(StringComparer.Ordinal);

        public bool[] Facts { get; } = new bool[facts];

        public bool History { get; private set; }

        public bool Discipline { get; private set; }

        public void Visit(BoundNode node)
        {
            switch (node)
            {
                case BoundField field:
                    var individual = field.Target.Type.Kind == TypeKind.Individual;
                    if (individual && field.Field == FieldId.Subject && field.Schema?.Column is { } column)
                    {
                        Columns.Add(column);
                        if (column == "MonthsWorked")
                        {
                            // Derived from the start date when absent.
                            Columns.Add("StartDate");
                        }
                    }
                    else if (individual && field.Field == FieldId.Fact && field.FactSlot >= 0 && field.FactSlot < Facts.Length)
                    {
                        Facts[field.FactSlot] = true;
                    }

                    Visit(field.Target);
                    break;
                case BoundUnary unary:
                    Visit(unary.Operand);
                    break;
                case BoundBinary binary:
                    Visit(binary.Left);
                    Visit(binary.Right);
                    break;
                case BoundNullTest test:
                    Visit(test.Operand);
                    break;
                case BoundConditional conditional:
                    Visit(conditional.Condition);
                    Visit(conditional.WhenTrue);
                    Visit(conditional.WhenFalse);
                    break;
                case BoundIn inNode:
                    Visit(inNode.Value);
                    foreach (var item in inNode.Items)
                    {
                        Visit(item);
                    }

                    break;
                case BoundWhere where:
                    Visit(where.Source);
                    Visit(where.Predicate);
                    break;
                case BoundAggregate aggregate:
                    Visit(aggregate.Source);
                    if (aggregate.Body is { } body)
                    {
                        Visit(body);
                    }

                    break;
                case BoundBuiltinCall call:
                    var onIndividual = call.Receiver is null || call.Receiver.Type.Kind == TypeKind.Individual;
                    switch (call.Function)
                    {
                        case BuiltinFunction.Had or BuiltinFunction.HadInYear or BuiltinFunction.Streak or BuiltinFunction.RatingStreak
                            or BuiltinFunction.AwardCount or BuiltinFunction.YearsSince or BuiltinFunction.RatingCount or BuiltinFunction.HadWithin
                            or BuiltinFunction.SinceLast when onIndividual:
                            History = true;
                            // A streak of ratings counts this year's rating too.
                            Columns.Add("Rating");
                            break;
                        case BuiltinFunction.DisciplinedAtLeast or BuiltinFunction.DisciplinedInYear when onIndividual:
                            Discipline = true;
                            break;
                        case BuiltinFunction.FactIn when onIndividual:
                            // A past year's value from the history, this year's from the fact's column.
                            History = true;
                            if (call.Index < Facts.Length)
                            {
                                Facts[call.Index] = true;
                            }

                            break;
                    }

                    if (call.Receiver is { } receiver)
                    {
                        Visit(receiver);
                    }

                    foreach (var argument in call.Arguments)
                    {
                        Visit(argument);
                    }

                    break;
                case BoundPluginCall plugin:
                    foreach (var argument in plugin.Arguments)
                    {
                        Visit(argument);
                    }

                    break;
                case BoundRatioToNumber ratio:
                    Visit(ratio.Operand);
                    break;
            }
        }
    }
}
