using System.Diagnostics.CodeAnalysis;

namespace ThiDua.Rules.Evaluation;

/// <summary>The outcome of one (subject, award) pair (design §5).</summary>
public enum Outcome : byte
{
    /// <summary>At least one criterion fails (<c>not-eligible</c>).</summary>
    NotEligible = 0,

    /// <summary>No criterion fails, but one or more cannot be decided for missing data (<c>insufficient-data</c>).</summary>
    InsufficientData = 1,

    /// <summary>Meets every criterion, but the quota is filled by higher-ranked subjects (<c>eligible-over-quota</c>).</summary>
    EligibleOverQuota = 2,

    /// <summary>Meets every criterion and is inside its quota (<c>recommended</c>).</summary>
    Recommended = 3,
}

/// <summary>The status of one criterion for one subject.</summary>
public enum CriterionStatus : byte
{
    /// <summary>The criterion fails.</summary>
    Fail = 0,

    /// <summary>The criterion cannot be decided for missing data.</summary>
    Unknown = 1,

    /// <summary>The criterion passes.</summary>
    Pass = 2,
}

/// <summary>The fixed kebab-case names of outcomes and statuses used in every output.</summary>
public static class OutcomeNames
{
    /// <summary>All outcome names, strongest last.</summary>
    public static IReadOnlyList<string> All { get; } = ["not-eligible", "insufficient-data", "eligible-over-quota", "recommended"];

    /// <summary>The kebab-case name of an outcome.</summary>
    public static string ToName(this Outcome outcome) => All[(int)outcome];

    /// <summary>The name of a criterion status: <c>pass</c>, <c>fail</c> or <c>unknown</c>.</summary>
    public static string ToName(this CriterionStatus status) => status switch
    {
        CriterionStatus.Pass => "pass",
        CriterionStatus.Fail => "fail",
        _ => "unknown",
    };

    /// <summary>Parses an outcome name.</summary>
    public static bool TryParse(string name, [NotNullWhen(true)] out Outcome? outcome)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.Ordinal))
            {
                outcome = (Outcome)i;
                return true;
            }
        }

        outcome = null;
        return false;
    }
}
