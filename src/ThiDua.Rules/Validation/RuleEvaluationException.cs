namespace ThiDua.Rules.Validation;

/// <summary>A plug-in failed while judging a subject; names the award, criterion and subject.</summary>
/// <remarks>Thrown by <c>CompiledRuleSet.Evaluate</c> when a plug-in's <c>Evaluate</c> or <c>Invoke</c> throws; the
/// plug-in's exception is the <see cref="Exception.InnerException"/>. When several subjects fail at once, the one with
/// the lowest id is reported, whatever the thread count.</remarks>
public sealed class RuleEvaluationException : RuleSetException
{
    /// <summary>Creates the exception.</summary>
    internal RuleEvaluationException(string awardId, string criterionId, string subjectId, Exception innerException)
        : base($"criterion '{criterionId}' of award '{awardId}' failed for subject '{subjectId}': {innerException.Message}", innerException)
    {
        AwardId = awardId;
        CriterionId = criterionId;
        SubjectId = subjectId;
    }

    /// <summary>The award being evaluated.</summary>
    public string AwardId { get; }

    /// <summary>The criterion that failed.</summary>
    public string CriterionId { get; }

    /// <summary>The subject being judged.</summary>
    public string SubjectId { get; }
}
