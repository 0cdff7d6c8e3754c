using NodaTime;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Extensibility;

/// <summary>
/// A criterion written in C# and used from a rule file as <c>{ "id": "…", "type": "name", "args": { … } }</c>: the raw
/// plug-in contract. Prefer deriving from <see cref="CriterionType{TArguments}"/> (typed arguments) or
/// <see cref="CriterionType"/> (no arguments), which implement it.
/// </summary>
/// <remarks>
/// <para><b>Who calls it, when:</b> the validator calls <see cref="AppliesTo"/> and <see cref="CheckArguments"/> once per
/// criterion that names the type; the evaluator calls <see cref="Evaluate"/> once per subject, from any thread,
/// concurrently. Register the type with <see cref="PluginRegistry.With(ICriterionType)"/>; an unknown name is a validation
/// error (<c>TDR019</c>) that lists the known names.</para>
/// <para><b>Contract:</b> <see cref="Evaluate"/> must be deterministic and thread-safe: read the
/// <see cref="SubjectView"/>, the arguments and state fixed when the plug-in was created (for example a read-only lookup
/// of the HR system's own figures). No I/O, no clock. Return true (pass), false (fail) or null (unknown for missing data,
/// never false for it).</para>
/// <para><b>Failure:</b> an exception from <see cref="Evaluate"/> is wrapped in a
/// <see cref="Validation.RuleEvaluationException"/> naming the award, criterion and subject, and stops the evaluation.
/// An exception from <see cref="AppliesTo"/> or <see cref="CheckArguments"/> propagates from the validator or compiler.</para>
/// </remarks>
public interface ICriterionType
{
    /// <summary>The name used in rule files (kebab-case, unique in a registry).</summary>
    string Name { get; }

    /// <summary>Whether the type can judge subjects of this kind.</summary>
    /// <param name="kind">The subject kind of the award that uses the criterion.</param>
    /// <returns>True when it applies; otherwise the validator reports <c>TDR025</c>.</returns>
    bool AppliesTo(SubjectKind kind);

    /// <summary>Checks the <c>args</c> of one criterion at validation time.</summary>
    /// <param name="arguments">The scalar arguments as written: <see cref="bool"/>, <see cref="decimal"/>,
    /// <see cref="string"/>, or null for JSON null (and for arrays and objects, which are not supported).</param>
    /// <returns>One message per problem (each becomes a <c>TDR009</c> error at the criterion); empty when fine.</returns>
    IEnumerable<string> CheckArguments(IReadOnlyDictionary<string, object?> arguments);

    /// <summary>Judges one subject.</summary>
    /// <param name="subject">The subject, valid only during the call.</param>
    /// <param name="arguments">The same arguments that <see cref="CheckArguments"/> accepted (the same instance every call).</param>
    /// <returns>True (pass), false (fail), or null for unknown.</returns>
    bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments);
}

/// <summary>
/// The base for criterion types that take no arguments and judge individuals; override <see cref="AppliesTo"/> for
/// units or enterprises. For arguments, derive from <see cref="CriterionType{TArguments}"/> instead.
/// </summary>
/// <remarks>Same contract as <see cref="ICriterionType"/>: <see cref="Evaluate"/> runs concurrently and must be
/// deterministic and thread-safe. Any argument given in the rule file is a validation error.</remarks>
public abstract class CriterionType : IExplainingCriterionType, ICatalogArgumentCheck
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>Whether the type can judge subjects of this kind; individuals only, unless overridden.</summary>
    /// <param name="kind">The award's subject kind.</param>
    /// <returns>True when the type applies.</returns>
    public virtual bool AppliesTo(SubjectKind kind) => kind == SubjectKind.Individual;

    /// <summary>Rejects every argument, unless overridden.</summary>
    /// <param name="arguments">The arguments as written.</param>
    /// <returns>One message per unexpected argument.</returns>
    public virtual IEnumerable<string> CheckArguments(IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Keys.Order(StringComparer.Ordinal).Select(k => new ArgumentProblem(ArgumentProblemKind.Unexpected, k, null, null, []).English());
    }

    void ICatalogArgumentCheck.CheckArguments(CriterionContext context)
    {
        // An override of CheckArguments speaks for itself (the author's words, TDR009); the base's "no arguments" is the
        // catalog's unknown member.
        if (GetType().GetMethod(nameof(CheckArguments), [typeof(IReadOnlyDictionary<string, object?>)])?.DeclaringType != typeof(CriterionType))
        {
            foreach (var problem in CheckArguments(context.Arguments) ?? [])
            {
                context.ReportArgument("args", problem);
            }

            return;
        }

        foreach (var name in context.Arguments.Keys.Order(StringComparer.Ordinal))
        {
            new ArgumentProblem(ArgumentProblemKind.Unexpected, name, null, null, []).Report(context);
        }
    }

    /// <inheritdoc/>
    public abstract bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments);

    /// <summary>
    /// Judges one subject with its evidence (actual, required and missing values), shown in explanations like a
    /// built-in criterion's; called only when a result is explained. Unless overridden: the status, without evidence.
    /// </summary>
    /// <param name="subject">The subject, valid only during the call.</param>
    /// <param name="arguments">The arguments (none for this base).</param>
    /// <returns>The verdict; its <see cref="CriterionVerdict.Passed"/> must be what <see cref="Evaluate"/> returns.</returns>
    public virtual CriterionVerdict Explain(SubjectView subject, IReadOnlyDictionary<string, object?> arguments) => Evaluate(subject, arguments);
}

/// <summary>
/// A read-only view of one subject during evaluation, for criterion types: its id, kind, the evaluated year and as-of
/// date, its fields and declared facts, and the awards already decided for it this year.
/// </summary>
/// <remarks>Cheap to copy (a reference and two numbers); every read is an array lookup. Valid only during the
/// <see cref="ICriterionType.Evaluate"/> call that received it; safe to read from the thread that received it.
/// A default-constructed view has no subject: reading it throws <see cref="NullReferenceException"/>.</remarks>
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
    /// A built-in field (<c>id</c>, <c>name</c>, <c>rating</c>; for individuals <c>unitId</c>, <c>employeeType</c>,
    /// <c>startDate</c>, <c>monthsWorked</c>, <c>daysAbsent</c>, <c>pendingReview</c>; for units <c>cluster</c>,
    /// <c>parentId</c>) or a fact the rule set declares for the subject's kind.
    /// </summary>
    /// <param name="field">The field or fact name, case-sensitive.</param>
    /// <returns>A <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/> (scale levels as their id) or
    /// <see cref="LocalDate"/>; null when the value is missing or the name is neither a field nor a declared fact (an
    /// undeclared fact is not an error here: declare the facts a plug-in reads in the rule file).</returns>
    public object? Get(string field) => _frame.Compiled.ReadField(_frame, Kind, Index, field);

    /// <summary>Whether the subject is <c>recommended</c> for an award this year.</summary>
    /// <param name="awardId">The award id. Only awards decided before this criterion's award (those it
    /// <c>requires</c>, directly or not) are reliable; name them in <c>requires</c> to fix the order.</param>
    /// <returns>True or false; null when undecided (insufficient data, or not decided yet because it is not a
    /// prerequisite); false for an unknown award id.</returns>
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
