using System.Collections.Immutable;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.RuleTests;

/// <summary>What kind of expectation of an embedded test did not hold.</summary>
public enum RuleTestFailureKind
{
    /// <summary>The rule-set version the test runs against does not compile (its diagnostics are reported beside the run).</summary>
    RuleSetDoesNotCompile,

    /// <summary>The test's data is invalid (<see cref="RuleTestFailure.Diagnostic"/>).</summary>
    InvalidData,

    /// <summary>One of the test's ballots is wrong (<see cref="RuleTestFailure.Diagnostic"/>): an unknown pair, a pair not recommended, more yes than members.</summary>
    InvalidVote,

    /// <summary>The expected (subject, award) pair was not evaluated.</summary>
    NoSuchResult,

    /// <summary>The pair's outcome differs from the expected one.</summary>
    WrongOutcome,

    /// <summary>A criterion the test names in <c>because</c> does not exist in the award.</summary>
    ReasonAbsent,

    /// <summary>A criterion the test names in <c>because</c> passed.</summary>
    ReasonPassed,

    /// <summary>The council's decision on the pair differs from the expected one (<c>council</c>).</summary>
    WrongCouncil,

    /// <summary>The expected plan target was not evaluated on the unit.</summary>
    TargetNotEvaluated,

    /// <summary>The target's status differs from the expected one.</summary>
    WrongTargetStatus,
}

/// <summary>
/// Why an embedded test failed, as values (the expectation's place, the pair or target, what was expected and what came),
/// rendered in Vietnamese or English only when printed (<see cref="Format"/>). Immutable.
/// </summary>
public sealed record RuleTestFailure
{
    /// <summary>What did not hold.</summary>
    public required RuleTestFailureKind Kind { get; init; }

    /// <summary>Where the expectation is written; null for failures of the whole test (rules, data, ballots).</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>The subject id, or for a target the unit id.</summary>
    public string? Subject { get; init; }

    /// <summary>The award id, or for a target the target id.</summary>
    public string? Item { get; init; }

    /// <summary>What the test expects: an outcome name, a council decision name or a target status name.</summary>
    public string? Expected { get; init; }

    /// <summary>What the run gave, in the same names; null when the pair was not voted on (<see cref="RuleTestFailureKind.WrongCouncil"/>).</summary>
    public string? Actual { get; init; }

    /// <summary>The criterion a <c>because</c> names.</summary>
    public string? Criterion { get; init; }

    /// <summary>For <see cref="RuleTestFailureKind.WrongOutcome"/>: the criteria that failed.</summary>
    public ImmutableArray<string> FailedCriteria { get; init; } = [];

    /// <summary>For <see cref="RuleTestFailureKind.WrongOutcome"/>: the criteria that could not be decided.</summary>
    public ImmutableArray<string> UndecidedCriteria { get; init; } = [];

    /// <summary>The diagnostic of invalid data or of a wrong ballot.</summary>
    public Diagnostic? Diagnostic { get; init; }

    /// <summary>The failure as one line in <paramref name="language"/>, every word from the report catalog.</summary>
    public string Format(Language language)
    {
        var where = Span?.ToString() ?? "";
        return Kind switch
        {
            RuleTestFailureKind.RuleSetDoesNotCompile => ReportCatalog.Get("test.does-not-compile", language),
            RuleTestFailureKind.InvalidData => ReportCatalog.Format("test.invalid-data", language, Diagnostic?.Format(language)),
            RuleTestFailureKind.InvalidVote => ReportCatalog.Format("test.invalid-vote", language, Diagnostic?.Format(language)),
            RuleTestFailureKind.NoSuchResult => ReportCatalog.Format("test.no-result", language, where, Subject, Item),
            RuleTestFailureKind.WrongOutcome => ReportCatalog.Format("test.wrong-outcome", language, where, Subject, Item, OutcomeWord(Expected, language), OutcomeWord(Actual, language))
                + Reasons(language),
            RuleTestFailureKind.ReasonAbsent => ReportCatalog.Format("test.reason-absent", language, where, Subject, Item, Criterion),
            RuleTestFailureKind.ReasonPassed => ReportCatalog.Format("test.reason-passed", language, where, Subject, Item, Criterion),
            RuleTestFailureKind.WrongCouncil => ReportCatalog.Format("test.wrong-council", language, where, Subject, Item, CouncilWord(Expected, language), CouncilWord(Actual, language)),
            RuleTestFailureKind.TargetNotEvaluated => ReportCatalog.Format("test.target-not-evaluated", language, where, Item, Subject),
            _ => ReportCatalog.Format("test.wrong-target", language, where, Item, Subject, TargetWord(Expected, language), TargetWord(Actual, language)),
        };
    }

    /// <summary>The failure in English (<see cref="Format"/>).</summary>
    public override string ToString() => Format(Language.En);

    private string Reasons(Language language)
    {
        var parts = new List<string>(2);
        if (!FailedCriteria.IsEmpty)
        {
            parts.Add(ReportCatalog.Format("test.reasons-failed", language, string.Join(", ", FailedCriteria)));
        }

        if (!UndecidedCriteria.IsEmpty)
        {
            parts.Add(ReportCatalog.Format("test.reasons-undecided", language, string.Join(", ", UndecidedCriteria)));
        }

        return parts.Count == 0 ? "" : " (" + string.Join("; ", parts) + ")";
    }

    // The names the rule file uses stay visible (the author types them), with the catalog's word beside them.
    private static string OutcomeWord(string? name, Language language) =>
        name is not null && OutcomeNames.TryParse(name, out var outcome)
            ? ReportCatalog.Format("test.named", language, ReportCatalog.Get(ReportCatalog.OutcomeKey(outcome.Value), language).ToLowerInvariant(), name)
            : name ?? "";

    private static string CouncilWord(string? name, Language language) => name switch
    {
        null => ReportCatalog.Get("test.no-vote", language),
        "approved" => ReportCatalog.Format("test.named", language, ReportCatalog.Get("council.approved", language), name),
        "not-approved" => ReportCatalog.Format("test.named", language, ReportCatalog.Get("council.not-approved", language), name),
        _ => name,
    };

    private static string TargetWord(string? name, Language language) => name switch
    {
        "pass" => ReportCatalog.Format("test.named", language, ReportCatalog.Get("test.target-pass", language), name),
        "fail" => ReportCatalog.Format("test.named", language, ReportCatalog.Get("test.target-fail", language), name),
        "unknown" => ReportCatalog.Format("test.named", language, ReportCatalog.Get("test.target-unknown", language), name),
        _ => name ?? "",
    };
}
