using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Compilation;

/// <summary>Validates a rule set and compiles every expression to delegates, once.</summary>
/// <remarks>Thread-safe. Compiling costs milliseconds per award; do it once per rule set and reuse the result.</remarks>
public static class RuleSetCompiler
{
    /// <summary>
    /// Validates and compiles <paramref name="ruleSet"/>. A rule set with errors is not compiled: the result carries the
    /// diagnostics instead.
    /// </summary>
    public static LoadResult<CompiledRuleSet> Compile(RuleSet ruleSet, PluginRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var diagnostics = new DiagnosticBag();
        var bound = RuleSetBinder.Bind(ruleSet, registry ?? PluginRegistry.Default, diagnostics);
        var compiled = bound is null ? null : new CompiledRuleSet(bound);
        return new LoadResult<CompiledRuleSet>(compiled, diagnostics.ToSortedArray());
    }
}
