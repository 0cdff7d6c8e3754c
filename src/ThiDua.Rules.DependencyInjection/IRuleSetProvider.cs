using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.DependencyInjection;

/// <summary>
/// The compiled rule set in force on a date, from the rule library configured with <c>AddThiDuaRules</c>: inject it
/// where subjects are evaluated.
/// </summary>
/// <remarks>Registered as a singleton. Implementations are thread-safe: every member may be called concurrently.</remarks>
public interface IRuleSetProvider
{
    /// <summary>Every version of the configured rule files, loaded once.</summary>
    RuleLibrary Library { get; }

    /// <summary>The version in force on <paramref name="asOf"/>, merged with its base and compiled; compiled once per
    /// version and then returned from a cache.</summary>
    /// <param name="asOf">The date that picks the version (usually the data's as-of date).</param>
    /// <returns>The compiled rule set; thread-safe, to be shared.</returns>
    /// <exception cref="Validation.RuleSetValidationException">No version is in force on that date, several rule sets
    /// match, or the version does not validate with the configured plug-ins; the exception lists every diagnostic.</exception>
    CompiledRuleSet GetRuleSet(LocalDate asOf);

    /// <summary>Evaluates <paramref name="data"/> with the version in force on its as-of date
    /// (<see cref="EvaluationOptions.AsOf"/>, else the data's <c>AsOf</c>, else 31 December of its year).</summary>
    /// <param name="data">The subjects, loaded from a file or built from the HR system's own entities.</param>
    /// <param name="options">Evaluation options (as-of date, parameter overrides for a what-if, threads); null for the defaults.</param>
    /// <param name="cancellationToken">Stops the evaluation between awards.</param>
    /// <returns>The outcomes, with explanations built on demand.</returns>
    /// <exception cref="Validation.RuleSetValidationException">The rule set cannot be compiled, or the data does not fit it.</exception>
    /// <exception cref="Validation.RuleEvaluationException">A plug-in threw while judging a subject.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    EvaluationResult Evaluate(SubjectData data, EvaluationOptions? options = null, CancellationToken cancellationToken = default);
}
