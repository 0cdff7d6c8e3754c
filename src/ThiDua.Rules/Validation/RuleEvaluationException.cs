namespace ThiDua.Rules.Validation;

/// <summary>A plug-in failed while judging a subject; names the award, criterion and subject.</summary>
public sealed class RuleEvaluationException : RuleSetException
{
    /// <summary>Creates the exception.</summary>
    public RuleEvaluationException(string awardId, string criterionId, string subjectId, Exception innerException)
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
