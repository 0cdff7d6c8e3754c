namespace ThiDua.Rules.Evaluation;

/// <summary>Which criteria the results list: evaluation builds only those (a writer's choice, made before the results are built).</summary>
public enum CriteriaDetail
{
    /// <summary>Every criterion (the canonical output).</summary>
    All,

    /// <summary>
    /// The reasons, compact, for very large runs: an <c>awards</c> list gives each award's name and legal basis and each
    /// of its criteria's id, name and basis once; each pair has the fields of <see cref="None"/> and, when it is not
    /// recommended, <c>criteria</c>: only the criteria that failed or could not be decided, each with <c>id</c>,
    /// <c>status</c> and its evidence (<c>actual</c>, <c>count</c>/<c>of</c>, <c>required</c>, <c>missing</c>) but no
    /// message or basis (the catalog names them).
    /// </summary>
    NotPassed,

    /// <summary>
    /// No criteria, for very large runs: an <c>awards</c> list gives each award's name and legal basis once, and each
    /// pair has only <c>subject</c>, <c>subjectKind</c>, <c>award</c>, <c>outcome</c> and, when ranked, <c>rank</c> and
    /// <c>quotaPlaces</c>.
    /// </summary>
    None,
}
