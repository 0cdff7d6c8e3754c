using System.Collections.Concurrent;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.DependencyInjection;

/// <summary>The <see cref="IRuleSetProvider"/> that <c>AddThiDuaRules</c> registers.</summary>
/// <remarks>
/// <para><b>Cost:</b> the rule files are read once, when the provider is created (first resolution); each version is
/// validated and compiled the first time a date in its period is asked for (milliseconds per award), then cached for the
/// provider's lifetime. Merging the chosen version with its base is repeated per call (cheap: the model is immutable).</para>
/// <para><b>Thread safety:</b> thread-safe; concurrent first requests for one version compile it once.</para>
/// </remarks>
public sealed class RuleSetProvider : IRuleSetProvider
{
    private readonly ThiDuaRulesOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<CompiledRuleSet>> _compiled = new(StringComparer.Ordinal);

    /// <summary>Loads the rule files named by <paramref name="options"/>.</summary>
    /// <param name="options">The configured options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="ThiDuaRulesOptions.RulesPath"/> is not set.</exception>
    /// <exception cref="Validation.RuleSetValidationException">The rule files cannot be read or have errors that keep them
    /// from loading (every diagnostic is listed).</exception>
    public RuleSetProvider(ThiDuaRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.RulesPath))
        {
            throw new ArgumentException("ThiDuaRulesOptions.RulesPath must name a rule file or folder", nameof(options));
        }

        _options = options;
        Library = RuleSetLoader.Load(options.RulesPath).GetValueOrThrow();
    }

    /// <inheritdoc/>
    public RuleLibrary Library { get; }

    /// <inheritdoc/>
    public CompiledRuleSet GetRuleSet(LocalDate asOf)
    {
        var ruleSet = Library.Select(asOf, _options.RuleSetId).GetValueOrThrow();

        // A version is identified by its id and first day, and by the base version it was merged with on this date.
        var key = ruleSet.Id + "@" + ruleSet.Version + (ruleSet.Base is { } b ? "+" + b.Id + "@" + b.Version : "");
        return _compiled.GetOrAdd(key, _ => new Lazy<CompiledRuleSet>(
            () => RuleSetCompiler.Compile(ruleSet, _options.Registry).GetValueOrThrow(),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <inheritdoc/>
    public EvaluationResult Evaluate(SubjectData data, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        // A year out of the data's range (1900–2200) is brought into it to choose the version; binding then reports it.
        var asOf = options?.AsOf ?? data.AsOf ?? new LocalDate(Math.Clamp(data.Year, 1900, 2200), 12, 31);
        return GetRuleSet(asOf).Evaluate(data, options, cancellationToken);
    }
}
