using ThiDua.Rules.Extensibility;

namespace ThiDua.Rules.Functions;

/// <summary>
/// <c>no-pending-review</c>: the individual is not under disciplinary review, investigation or inspection
/// (ND 98/2023 Art 4: no award while a review is pending). Absent <c>pendingReview</c> means "no review".
/// </summary>
internal sealed class NoPendingReviewCriterion : CriterionType, IExpressionCriterionType
{
    public override string Name => "no-pending-review";

    /// <summary>The same test as an expression, so that it compiles like any criterion (no per-subject allocation).</summary>
    public string Expression => "!pendingReview";

    public override bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments) =>
        subject.Get("pendingReview") is not true;
}
