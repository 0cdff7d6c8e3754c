using ThiDua.Rules.Extensibility;

namespace ThiDua.Rules.DependencyInjection;

/// <summary>
/// The options of <c>AddThiDuaRules</c>, read through <c>IOptions&lt;ThiDuaRulesOptions&gt;</c>: bound from configuration
/// (for example the section <c>"ThiDuaRules"</c> of <c>appsettings.json</c>) and/or set in a configure callback, which
/// runs when the options are first read, not at registration.
/// </summary>
/// <remarks>
/// <code>
/// "ThiDuaRules": { "RulesPath": "rules/vn", "ValidateOnStart": true, "ReloadOnChange": true }
/// </code>
/// <see cref="Registry"/> cannot come from configuration: set it in the callback (the overload with
/// <see cref="IServiceProvider"/> lets plug-ins take services from the container).
/// </remarks>
public sealed class ThiDuaRulesOptions
{
    /// <summary>The configuration section <c>AddThiDuaRules(IConfiguration)</c> reads when given the root: <c>ThiDuaRules</c>.</summary>
    public const string SectionName = "ThiDuaRules";

    /// <summary>A rule file or a folder of rule files (for example <c>rules/vn</c>, or a provincial plan that extends
    /// it). A relative path is resolved against the host's content root (<c>IHostEnvironment.ContentRootPath</c>), or the
    /// current directory when there is no host. Required.</summary>
    public string? RulesPath { get; set; }

    /// <summary>The rule-set id to use when <see cref="RulesPath"/> holds several rule sets; null when it holds one.</summary>
    public string? RuleSetId { get; set; }

    /// <summary>When true, the host validates and compiles every rule-set version while it starts, and fails to start
    /// with the diagnostics (a <see cref="Validation.RuleSetValidationException"/>) instead of at the first request.
    /// Default false.</summary>
    public bool ValidateOnStart { get; set; }

    /// <summary>When true, a change to the rule files is loaded, validated and compiled in the background and swapped
    /// in only when valid; an invalid change is logged with its diagnostics and the rule set in use is kept. Requests in
    /// flight finish with the rule set they started with. Default false.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>How long the files must be quiet before a reload (editors save in several steps). Default 500 ms.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The functions and criterion types the rule files may name; <see cref="PluginRegistry.Default"/> unless set.</summary>
    public PluginRegistry Registry { get; set; } = PluginRegistry.Default;
}
