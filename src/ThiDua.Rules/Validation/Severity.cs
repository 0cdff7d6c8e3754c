namespace ThiDua.Rules.Validation;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Informational; never blocks evaluation.</summary>
    Info = 0,

    /// <summary>Probably a mistake, but the rule set or data can still be used.</summary>
    Warning = 1,

    /// <summary>The rule set cannot be compiled or the data cannot be evaluated.</summary>
    Error = 2,
}
