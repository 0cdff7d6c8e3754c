using ThiDua.Rules.Extensibility;

namespace ThiDua.Rules.RulesEngine;

/// <summary>Registers the <c>rulesengine</c> criterion type.</summary>
public static class RulesEngineRegistry
{
    /// <summary>The registry with the <c>rulesengine</c> criterion type added.</summary>
    /// <param name="registry">The registry to extend (for example <see cref="PluginRegistry.Default"/>).</param>
    /// <returns>A new registry; the given one is unchanged.</returns>
    /// <exception cref="ArgumentException">The registry already has a criterion type named <c>rulesengine</c>.</exception>
    public static PluginRegistry WithRulesEngine(this PluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.With(new RulesEngineCriterionType());
    }
}
