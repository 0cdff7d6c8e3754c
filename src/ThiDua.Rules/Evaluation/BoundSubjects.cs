using System.Collections.Immutable;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// Data bound to one compiled rule set (see <see cref="CompiledRuleSet.Bind(Model.Subjects.SubjectData, EvaluationOptions?)"/>): held in compact columns, immutable and
/// thread-safe, and reusable for any number of evaluations.
/// </summary>
public sealed class BoundSubjects
{
    internal BoundSubjects(CompiledRuleSet ruleSet, Population population, ImmutableArray<Diagnostic> warnings)
    {
        RuleSet = ruleSet;
        Population = population;
        Warnings = warnings;
    }

    /// <summary>The number of individuals.</summary>
    public int IndividualCount => Population.Individuals.Count;

    /// <summary>The number of units and enterprises.</summary>
    public int UnitCount => Population.Units.Count;

    /// <summary>Warnings found while binding (for example undeclared facts).</summary>
    public ImmutableArray<Diagnostic> Warnings { get; }

    internal CompiledRuleSet RuleSet { get; }

    internal Population Population { get; }
}
