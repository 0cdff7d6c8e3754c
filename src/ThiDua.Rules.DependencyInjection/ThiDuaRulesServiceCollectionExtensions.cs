using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ThiDua.Rules.DependencyInjection;

// In the container's own namespace, as Microsoft's extensions are, so that AddThiDuaRules is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ThiDua.Rules in a Microsoft.Extensions.DependencyInjection container.</summary>
public static class ThiDuaRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRuleSetProvider"/> (a singleton) with options bound from configuration: a section such as
    /// <c>builder.Configuration.GetSection("ThiDuaRules")</c>.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configuration">The section holding <see cref="ThiDuaRulesOptions"/>' values.</param>
    /// <param name="configure">Further settings (for example the plug-in registry, from the container), run when the
    /// options are first read; may be null.</param>
    /// <returns>The container.</returns>
    /// <exception cref="InvalidOperationException">ThiDua.Rules is already registered in this container.</exception>
    public static IServiceCollection AddThiDuaRules(this IServiceCollection services, IConfiguration configuration, Action<ThiDuaRulesOptions, IServiceProvider>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Register(services);
        builder.Bind(configuration);
        if (configure is not null)
        {
            builder.Configure<IServiceProvider>((options, provider) => configure(options, provider));
        }

        return services;
    }

    /// <summary>Registers <see cref="IRuleSetProvider"/> with options set by a callback, run when they are first read.</summary>
    /// <param name="services">The container.</param>
    /// <param name="configure">Sets <see cref="ThiDuaRulesOptions.RulesPath"/> and, if needed, the other options.</param>
    /// <returns>The container.</returns>
    /// <exception cref="InvalidOperationException">ThiDua.Rules is already registered in this container.</exception>
    public static IServiceCollection AddThiDuaRules(this IServiceCollection services, Action<ThiDuaRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        Register(services).Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers <see cref="IRuleSetProvider"/> with options set by a callback that can take services from the container,
    /// for plug-ins that need them: <c>(o, sp) =&gt; o.Registry = PluginRegistry.Default.With(new BudgetGrowthCriterion(sp.GetRequiredService&lt;IBudgetLedger&gt;()))</c>.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configure">Sets the options, given the container.</param>
    /// <returns>The container.</returns>
    /// <exception cref="InvalidOperationException">ThiDua.Rules is already registered in this container.</exception>
    public static IServiceCollection AddThiDuaRules(this IServiceCollection services, Action<ThiDuaRulesOptions, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        Register(services).Configure<IServiceProvider>((options, provider) => configure(options, provider));
        return services;
    }

    /// <summary>Registers <see cref="IRuleSetProvider"/> for a rule file or folder, with the built-in plug-ins.</summary>
    /// <param name="services">The container.</param>
    /// <param name="rulesPath">A rule file or folder (relative to the content root).</param>
    /// <returns>The container.</returns>
    /// <exception cref="ArgumentException"><paramref name="rulesPath"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">ThiDua.Rules is already registered in this container.</exception>
    public static IServiceCollection AddThiDuaRules(this IServiceCollection services, string rulesPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rulesPath);
        return services.AddThiDuaRules(options => options.RulesPath = rulesPath);
    }

    private static OptionsBuilder<ThiDuaRulesOptions> Register(IServiceCollection services)
    {
        // Two registrations would silently keep the first: a configuration mistake, said at once.
        if (services.Any(d => d.ServiceType == typeof(RuleSetProvider)))
        {
            throw new InvalidOperationException("AddThiDuaRules was called twice on this container; call it once, with every option (configuration and callback) in that call");
        }

        services.AddSingleton<RuleSetProvider>();
        services.AddSingleton<IRuleSetProvider>(provider => provider.GetRequiredService<RuleSetProvider>());
        services.AddSingleton<IHostedService, RuleSetStartup>();
        return services.AddOptions<ThiDuaRulesOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.RulesPath), "ThiDuaRulesOptions.RulesPath must name a rule file or folder (configuration key ThiDuaRules:RulesPath, or the configure callback)");
    }
}
