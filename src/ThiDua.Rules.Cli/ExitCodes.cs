namespace ThiDua.Rules.Cli;

/// <summary>The exit codes of design §6.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The check ran and found rule-test failures, or the rules are invalid.</summary>
    public const int RulesFailed = 1;

    /// <summary>Bad input: a message on stderr names the file and position; nothing is left at --out.</summary>
    public const int BadInput = 2;
}
