using ThiDua.Rules.Compilation;
using ThiDua.Rules.Intake;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// The state of one evaluation run that compiled criteria read: the bound data, parameter values, and the outcomes
/// decided so far (<c>Outcomes[award][subject]</c>). Written only between award stages, so that reads during a stage
/// are free of races.
/// </summary>
internal sealed class EvalFrame
{
    public EvalFrame(CompiledRuleSet compiled, Population population, object?[] parameters)
    {
        Compiled = compiled;
        Population = population;
        Parameters = parameters;
        Outcomes = new byte[compiled.Awards.Length][];
        Scores = new decimal?[compiled.Scoring.Length][];
        ClusterRanks = new int[compiled.Scoring.Length][];
    }

    public CompiledRuleSet Compiled { get; }

    public Population Population { get; }

    public object?[] Parameters { get; }

    /// <summary>Per award (declaration index), per subject index of the award's kind, an <see cref="Outcome"/> as byte.</summary>
    public byte[]?[] Outcomes { get; }

    public decimal?[]?[] Scores { get; }

    public int[]?[] ClusterRanks { get; }
}
