using System.Collections.Immutable;

namespace ThiDua.Rules.Extensibility;

/// <summary>
/// A plug-in criterion's judgement of one subject with its evidence: pass, fail or unknown, the actual value, the
/// required value and the names of the missing values. Shown in explanations and reports exactly as a built-in
/// criterion's "68,2% — yêu cầu ≥ 70%".
/// </summary>
/// <remarks>Immutable. <see cref="Actual"/> and <see cref="Required"/> hold a <see cref="bool"/>, <see cref="decimal"/>
/// (or another number, shown as a decimal), <see cref="string"/> or <see cref="NodaTime.LocalDate"/>; anything else is
/// shown by its invariant text.</remarks>
public sealed record CriterionVerdict
{
    /// <summary>True (pass), false (fail) or null (unknown for missing data, never false for it).</summary>
    public bool? Passed { get; init; }

    /// <summary>The subject's value the criterion judged, when there is one to show.</summary>
    public object? Actual { get; init; }

    /// <summary>The comparison the value had to meet: <c>≥</c> (the default), <c>≤</c>, <c>&gt;</c>, <c>&lt;</c>, <c>=</c> or <c>≠</c>.</summary>
    public string Operator { get; init; } = "≥";

    /// <summary>The value required, when there is one to show; without it no requirement is shown.</summary>
    public object? Required { get; init; }

    /// <summary>Whether <see cref="Actual"/> and <see cref="Required"/> are shares shown as percentages (0.7 as 70%).</summary>
    public bool AsPercent { get; init; }

    /// <summary>The names of the values that were missing (for an unknown verdict), for example <c>budgetPaid</c>.</summary>
    public ImmutableArray<string> Missing { get; init; } = [];

    /// <summary>A verdict with no evidence: <c>true</c> pass, <c>false</c> fail, <c>null</c> unknown.</summary>
    /// <param name="passed">The status.</param>
    public static implicit operator CriterionVerdict(bool? passed) => new() { Passed = passed };

    /// <summary>An unknown verdict naming the missing values.</summary>
    /// <param name="missing">The names of the values that were missing.</param>
    /// <returns>The verdict.</returns>
    public static CriterionVerdict Unknown(params string[] missing) => new() { Passed = null, Missing = [.. missing] };

    /// <summary>A verdict from comparing an actual value with a required one.</summary>
    /// <param name="passed">Whether the subject passed.</param>
    /// <param name="actual">The subject's value.</param>
    /// <param name="op">The comparison (<c>≥</c>, <c>≤</c>, <c>&gt;</c>, <c>&lt;</c>, <c>=</c>, <c>≠</c>).</param>
    /// <param name="required">The required value.</param>
    /// <returns>The verdict.</returns>
    public static CriterionVerdict Compared(bool passed, object? actual, string op, object? required) =>
        new() { Passed = passed, Actual = actual, Operator = op, Required = required };
}

/// <summary>
/// A criterion type that can give its evidence (actual and required values, missing values) as well as its status.
/// <see cref="CriterionType{TArguments}"/> and <see cref="CriterionType"/> implement it: override their
/// <c>Explain</c> method.
/// </summary>
/// <remarks>
/// <para><b>Who calls it, when:</b> only when a result is explained or written with its criteria (never during
/// evaluation), for the pairs read, from any thread.</para>
/// <para><b>Contract:</b> <see cref="Explain"/> must give the same <see cref="CriterionVerdict.Passed"/> as
/// <see cref="ICriterionType.Evaluate"/> for the same subject; the status shown is always the one evaluation found.</para>
/// </remarks>
public interface IExplainingCriterionType : ICriterionType
{
    /// <summary>Judges one subject with its evidence.</summary>
    /// <param name="subject">The subject, valid only during the call.</param>
    /// <param name="arguments">The criterion's arguments, as for <see cref="ICriterionType.Evaluate"/>.</param>
    /// <returns>The verdict.</returns>
    CriterionVerdict Explain(SubjectView subject, IReadOnlyDictionary<string, object?> arguments);
}
