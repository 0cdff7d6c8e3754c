namespace ThiDua.Rules.Evaluation;

/// <summary>Which criteria the results list: evaluation builds only those (a writer's choice, made before the results are built).</summary>
public enum CriteriaDetail
{
    /// <summary>Every criterion (the canonical output).</summary>
    All,

    /// <summary>Only the criteria that failed or could not be decided: the reasons for a "no" or a "not enough data".</summary>
    NotPassed,

    /// <summary>
    /// No criteria, for very large runs: an <c>awards</c> list gives each award's name and legal basis once, and each
    /// pair has only <c>subject</c>, <c>subjectKind</c>, <c>award</c>, <c>outcome</c> and, when ranked, <c>rank</c> and
    /// <c>quotaPlaces</c>.
    /// </summary>
    None,
}
