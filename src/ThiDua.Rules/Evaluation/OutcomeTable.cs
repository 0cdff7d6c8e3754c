using System.Collections.Immutable;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// The outcomes of an evaluation as a table, per award and per subject, read straight from the evaluation's own arrays:
/// no explanation, no text, no allocation per read. For HR systems that only need who is recommended for what (and the
/// rank inside a quota), over any number of people.
/// </summary>
/// <remarks>
/// <para><b>Layout:</b> awards by index in rule-file order (<see cref="AwardIds"/>); individuals and units by index in
/// the order they were bound (the order of the input), not sorted. An individual award's subjects are the individuals
/// (<see cref="IndividualCount"/>); a unit or enterprise award's are the units (<see cref="UnitCount"/>), where a unit
/// of the other kind reads as not applicable.</para>
/// <para><b>Cost:</b> creating the table is O(1) (it wraps the result's arrays); <see cref="Get"/>, <see cref="Rank"/>,
/// <see cref="IndividualId"/> and <see cref="UnitId"/> are array reads that allocate nothing; reading every pair costs
/// less than the evaluation that produced it. <see cref="IndividualIndex"/> and <see cref="UnitIndex"/> build a
/// dictionary of the ids once (O(n)) on first use. <b>Thread safety:</b> immutable; read it from any thread.</para>
/// </remarks>
public sealed class OutcomeTable
{
    private readonly Population _population;
    private readonly byte[]?[] _outcomes;
    private readonly int[]?[] _ranks;
    private readonly SubjectKind[] _awardSubjects;
    private readonly Func<string, int> _individualIndex;
    private readonly Func<string, int> _unitIndex;

    internal OutcomeTable(Population population, byte[]?[] outcomes, int[]?[] ranks, ImmutableArray<string> awardIds, SubjectKind[] awardSubjects, Func<string, int> individualIndex, Func<string, int> unitIndex)
    {
        _population = population;
        _outcomes = outcomes;
        _ranks = ranks;
        AwardIds = awardIds;
        _awardSubjects = awardSubjects;
        _individualIndex = individualIndex;
        _unitIndex = unitIndex;
    }

    /// <summary>The award ids, in rule-file order; an award's index is its position here.</summary>
    public ImmutableArray<string> AwardIds { get; }

    /// <summary>The number of individuals.</summary>
    public int IndividualCount => _population.Individuals.Count;

    /// <summary>The number of units and enterprises.</summary>
    public int UnitCount => _population.Units.Count;

    /// <summary>The index of an award id, or -1. O(awards).</summary>
    /// <param name="awardId">The award id.</param>
    /// <returns>The index into <see cref="AwardIds"/>, or -1.</returns>
    public int AwardIndex(string awardId) => AwardIds.IndexOf(awardId, StringComparer.Ordinal);

    /// <summary>The kind of subject an award judges: individuals (indexed as individuals), units or enterprises (both indexed as units).</summary>
    /// <param name="award">The award's index.</param>
    /// <returns>The award's subject kind.</returns>
    public SubjectKind AwardSubject(int award) => _awardSubjects[award];

    /// <summary>The id of the individual at an index (the string the data gave; nothing is allocated).</summary>
    /// <param name="individual">0 to <see cref="IndividualCount"/> − 1.</param>
    /// <returns>The id.</returns>
    public string IndividualId(int individual) => _population.Individuals.Id[individual];

    /// <summary>The id of the unit or enterprise at an index.</summary>
    /// <param name="unit">0 to <see cref="UnitCount"/> − 1.</param>
    /// <returns>The id.</returns>
    public string UnitId(int unit) => _population.Units.Id[unit];

    /// <summary>The id of individual <paramref name="individual"/>'s unit, as the data gives it (null without one).</summary>
    internal string? IndividualUnitId(int individual) => _population.Individuals.UnitId[individual];

    /// <summary>Whether the unit at an index is a unit or an enterprise.</summary>
    /// <param name="unit">0 to <see cref="UnitCount"/> − 1.</param>
    /// <returns>The kind.</returns>
    public SubjectKind UnitKind(int unit) => _population.Units.Kind[unit];

    /// <summary>The index of an individual's id, or -1; the dictionary is built once, on first use.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The index, or -1.</returns>
    public int IndividualIndex(string id) => _individualIndex(id);

    /// <summary>The index of a unit's or enterprise's id, or -1; the dictionary is built once, on first use.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The index, or -1.</returns>
    public int UnitIndex(string id) => _unitIndex(id);

    /// <summary>The outcome of a pair, or null when the award does not apply to the subject.</summary>
    /// <param name="award">The award's index.</param>
    /// <param name="subject">The subject's index: an individual for an individual award, else a unit.</param>
    /// <returns>The outcome, or null.</returns>
    /// <exception cref="IndexOutOfRangeException">An index is out of range.</exception>
    public Outcome? Get(int award, int subject)
    {
        var outcome = _outcomes[award]?[subject] ?? Evaluator.NotApplicable;
        return outcome == Evaluator.NotApplicable ? null : (Outcome)outcome;
    }

    /// <summary>The rank of a pair inside its quota group (1 = first), or null when the award has no quota or the subject
    /// was not ranked (not eligible).</summary>
    /// <param name="award">The award's index.</param>
    /// <param name="subject">The subject's index.</param>
    /// <returns>The rank, or null.</returns>
    public int? Rank(int award, int subject) => _ranks[award]?[subject] is > 0 and var rank ? rank : null;

    /// <summary>How many subjects have an outcome for an award. O(subjects), no allocation.</summary>
    /// <param name="award">The award's index.</param>
    /// <param name="outcome">The outcome to count.</param>
    /// <returns>The count.</returns>
    public int Count(int award, Outcome outcome)
    {
        var outcomes = _outcomes[award];
        if (outcomes is null)
        {
            return 0;
        }

        var count = 0;
        foreach (var o in outcomes)
        {
            count += o == (byte)outcome ? 1 : 0;
        }

        return count;
    }
}
