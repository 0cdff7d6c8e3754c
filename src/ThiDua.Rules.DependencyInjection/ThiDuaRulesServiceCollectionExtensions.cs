using Microsoft.Extensions.DependencyInjection.Extensions;
using ThiDua.Rules.DependencyInjection;

// In the container's own namespace, as Microsoft's extensions are, so that AddThiDuaRules is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ThiDua.Rules in a Microsoft.Extensions.DependencyInjection container.</summary>
public static class ThiDuaRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRuleSetProvider"/> (and <see cref="RuleSetProvider"/>, <see cref="ThiDuaRulesOptions"/>) as
    /// singletons for the rule files configured in <paramref name="configure"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddThiDuaRules(options =>
    /// {
    ///     options.RulesPath = "rules/plans/hung-yen-bqlkcn-khoi-dntn-2024.json";
    ///     options.Registry = PluginRegistry.Default.With(new BudgetGrowthCriterion());
    /// });
    /// // later: provider.Evaluate(subjects) with IRuleSetProvider injected
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; called once, now.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>Nothing is read here: the rule files are loaded when <see cref="IRuleSetProvider"/> is first resolved, and
    /// their errors surface then as <see cref="ThiDua.Rules.Validation.RuleSetValidationException"/>. A second call does not replace
    /// the first registration.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="configure"/> left <see cref="ThiDuaRulesOptions.RulesPath"/> unset.</exception>
    public static IServiceCollection AddThiDuaRules(this IServiceCollection services, Action<ThiDuaRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ThiDuaRulesOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.RulesPath))
        {
            throw new ArgumentException("the callback must set ThiDuaRulesOptions.RulesPath (a rule file or folder)", nameof(configure));
        }

        services.TryAddSingleton(options);
        services.TryAddSingleton<RuleSetProvider>();
        services.TryAddSingleton<IRuleSetProvider>(provider => provider.GetRequiredService<RuleSetProvider>());
        return services;
    }

    /// <summary>Registers ThiDua.Rules for the rule file or folder at <paramref name="rulesPath"/>, with the built-in
    /// functions and criterion types only.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="rulesPath">A rule file or a folder of rule files.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rulesPath"/> is null or blank.</exception>
    public static IServiceCollection AddThiDuaRules(this IServiceCollection services, string rulesPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rulesPath);
        return services.AddThiDuaRules(options => options.RulesPath = rulesPath);
    }
}
