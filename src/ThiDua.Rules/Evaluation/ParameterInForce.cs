using NodaTime;

namespace ThiDua.Rules.Evaluation;

/// <summary>A parameter's value in one evaluation and where it comes from (<see cref="EvaluationResult.ParametersInForce"/>).</summary>
/// <param name="Id">The parameter id.</param>
/// <param name="Value">The value used (a share is a fraction: 12% is 0.12); null when not set.</param>
/// <param name="IsShare">Whether it is a share (printed as a percentage).</param>
/// <param name="From">For a dated value, the date it took effect; otherwise null.</param>
/// <param name="Basis">The basis of the value used (the dated value's own, else the parameter's); null for an override.</param>
/// <param name="Overridden">Whether the value was given for this evaluation (<c>--set</c>) instead of by the rule set.</param>
/// <param name="Dated">Whether the rule set gives the parameter values by date.</param>
public sealed record ParameterInForce(string Id, object? Value, bool IsShare, LocalDate? From, string? Basis, bool Overridden, bool Dated);
