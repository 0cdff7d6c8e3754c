using ThiDua.Rules.Extensibility;

namespace ThiDua.Rules.DependencyInjection;

/// <summary>What <c>AddThiDuaRules</c> registers: where the rule files are and which plug-ins they may name.</summary>
/// <remarks>Set once, in the configure callback of <c>AddThiDuaRules</c>; the registered services read it when they are
/// first resolved. Not thread-safe to change afterwards.</remarks>
public sealed class ThiDuaRulesOptions
{
    /// <summary>A rule file or a folder of rule files (for example <c>rules/vn</c>, or a provincial plan that extends it).
    /// Relative paths are resolved against the current directory when the library is loaded. Required.</summary>
    public string? RulesPath { get; set; }

    /// <summary>The rule-set id to use when <see cref="RulesPath"/> holds several rule sets; null when it holds one.</summary>
    public string? RuleSetId { get; set; }

    /// <summary>The functions and criterion types the rule files may name; <see cref="PluginRegistry.Default"/> unless set.</summary>
    public PluginRegistry Registry { get; set; } = PluginRegistry.Default;
}
