using NodaTime;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Extensibility;

/// <summary>
/// A criterion written in C# and used from a rule file as <c>{ "id": "…", "type": "Name", "args": { … } }</c>.
/// </summary>
/// <remarks>
/// <para><b>Who calls it, when:</b> the validator calls <see cref="AppliesTo"/> and <see cref="CheckArguments"/> once per
/// criterion; the evaluator calls <see cref="Evaluate"/> once per subject, from any thread, concurrently.</para>
/// <para><b>Contract:</b> <see cref="Evaluate"/> must be pure and thread-safe: read only the <see cref="SubjectView"/>
/// and the arguments. Return true (pass), false (fail) or null (unknown for missing data, never false for it). An
/// exception is wrapped in a <see cref="Validation.RuleEvaluationException"/> and stops the run.</para>
/// </remarks>
public interface ICriterionType
{
    /// <summary>The name used in rule files (kebab-case).</summary>
    string Name { get; }

    /// <summary>Whether the type can judge subjects of this kind.</summary>
    bool AppliesTo(SubjectKind kind);

    /// <summary>Checks the <c>args</c> of a criterion; returns one message per problem (empty when fine).</summary>
    IEnumerable<string> CheckArguments(IReadOnlyDictionary<string, object?> arguments);

    /// <summary>Judges one subject: true, false, or null for unknown.</summary>
    bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments);
}

/// <summary>A base for criterion types that take no arguments and judge individuals; override what differs.</summary>
public abstract class CriterionType : ICriterionType
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public virtual bool AppliesTo(SubjectKind kind) => kind == SubjectKind.Individual;

    /// <inheritdoc/>
    public virtual IEnumerable<string> CheckArguments(IReadOnlyDictionary<string, object?> arguments) =>
        arguments.Keys.Select(k => $"unexpected argument '{k}'");

    /// <inheritdoc/>
    public abstract bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments);
}

/// <summary>
/// A read-only view of one subject during evaluation, for criterion types. Cheap to copy; valid only during the call.
/// </summary>
public readonly struct SubjectView
{
    private readonly Evaluation.EvalFrame _frame;

    internal SubjectView(Evaluation.EvalFrame frame, SubjectKind kind, int index)
    {
        _frame = frame;
        Kind = kind;
        Index = index;
    }

    /// <summary>Individual, unit or enterprise.</summary>
    public SubjectKind Kind { get; }

    internal int Index { get; }

    /// <summary>The subject's id.</summary>
    public string Id => Kind == SubjectKind.Individual ? _frame.Population.Individuals.Id[Index] : _frame.Population.Units.Id[Index];

    /// <summary>The evaluated year.</summary>
    public int Year => _frame.Population.Year;

    /// <summary>The as-of date.</summary>
    public LocalDate AsOf => _frame.Population.AsOf;

    /// <summary>
    /// A built-in field (<c>rating</c>, <c>startDate</c>, <c>monthsWorked</c>, <c>pendingReview</c>, …) or a declared
    /// fact, as <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/> (scale levels as their id) or
    /// <see cref="LocalDate"/>; null when unknown or not declared.
    /// </summary>
    public object? Get(string field) => _frame.Compiled.ReadField(_frame, Kind, Index, field);

    /// <summary>Whether the subject is <c>recommended</c> for an award this year; null when undecided (insufficient data).</summary>
    public bool? HasAward(string awardId) => _frame.Compiled.HasAward(_frame, Index, awardId);
}

/// <summary>
/// A criterion type that can be written as an expression of the rule language; the compiler compiles the expression
/// instead of calling <see cref="ICriterionType.Evaluate"/>, which is then only the reference behaviour.
/// </summary>
internal interface IExpressionCriterionType
{
    /// <summary>The equivalent expression, over the subject's declared fields.</summary>
    string Expression { get; }
}
