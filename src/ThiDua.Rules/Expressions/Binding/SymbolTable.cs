using System.Collections.Frozen;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Expressions.Binding;

/// <summary>Everything a rule set declares that expressions can name, with the slots used at run time.</summary>
internal sealed class SymbolTable
{
    public SymbolTable(RuleSet ruleSet, PluginRegistry registry)
    {
        RuleSet = ruleSet;
        Registry = registry;
        Scales = ruleSet.Scales.GroupBy(s => s.Id, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Parameters = ruleSet.Parameters.Select((p, i) => (p, i)).GroupBy(x => x.p.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Awards = ruleSet.Awards.Select((a, i) => (a, i)).GroupBy(x => x.a.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Scoring = ruleSet.Scoring.Select((s, i) => (s, i)).GroupBy(x => x.s.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var individualFacts = new List<FactDeclaration>();
        var collectiveFacts = new List<FactDeclaration>();
        foreach (var fact in ruleSet.Facts)
        {
            var list = fact.Subject == SubjectKind.Individual ? individualFacts : collectiveFacts;
            if (!list.Exists(f => f.Id == fact.Id))
            {
                list.Add(fact);
            }
        }

        IndividualFacts = individualFacts.Select((f, i) => (f, i)).ToFrozenDictionary(x => x.f.Id, x => x, StringComparer.Ordinal);
        CollectiveFacts = collectiveFacts.Select((f, i) => (f, i)).ToFrozenDictionary(x => x.f.Id, x => x, StringComparer.Ordinal);
    }

    public RuleSet RuleSet { get; }

    public PluginRegistry Registry { get; }

    public FrozenDictionary<string, ScaleDefinition> Scales { get; }

    public FrozenDictionary<string, (ParameterDefinition Parameter, int Slot)> Parameters { get; }

    public FrozenDictionary<string, (AwardDefinition Award, int Index)> Awards { get; }

    public FrozenDictionary<string, (ScoringTable Table, int Index)> Scoring { get; }

    public FrozenDictionary<string, (FactDeclaration Fact, int Slot)> IndividualFacts { get; }

    public FrozenDictionary<string, (FactDeclaration Fact, int Slot)> CollectiveFacts { get; }

    public static readonly FrozenSet<string> IndividualFields = Schema.SubjectSchema.ExpressionNames(individual: true).ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> CollectiveFields = Schema.SubjectSchema.ExpressionNames(individual: false).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsBuiltInField(string name) => IndividualFields.Contains(name) || CollectiveFields.Contains(name) || name is "year" or "asOf" or "params";
}
