using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using NodaTime;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Extensibility;

/// <summary>
/// The typed base for criterion types that take arguments: the rule file's <c>args</c> are bound to a
/// <typeparamref name="TArguments"/> object once, checked at validation time, and handed to
/// <see cref="Evaluate(SubjectView, TArguments)"/>; the author writes only the judgement (and, if needed, extra checks in
/// <see cref="Validate"/>).
/// </summary>
/// <typeparam name="TArguments">
/// A class with a public parameterless constructor whose public settable (or <c>init</c>) properties are the arguments.
/// A property <c>MinGrowth</c> is written <c>minGrowth</c> in the rule file. Supported property types: <see cref="bool"/>,
/// <see cref="decimal"/> (a number, or a share written <c>"10%"</c>), <see cref="int"/>, <see cref="string"/> and
/// <see cref="LocalDate"/> (<c>"YYYY-MM-DD"</c>), each optionally nullable. A property marked <c>required</c> must be given;
/// any other keeps the value the constructor gives it when absent.
/// </typeparam>
/// <example>
/// <code>
/// public sealed class GrowthArguments { public required decimal MinGrowth { get; init; } }
///
/// public sealed class BudgetGrowthCriterion : CriterionType&lt;GrowthArguments&gt;
/// {
///     public override string Name =&gt; "budget-contribution-growth";
///     public override bool AppliesTo(SubjectKind kind) =&gt; kind == SubjectKind.Enterprise;
///     protected override bool? Evaluate(SubjectView subject, GrowthArguments arguments) =&gt;
///         subject.Get("budgetPaid") is decimal now &amp;&amp; subject.Get("budgetPaidPrevYear") is decimal before &amp;&amp; before &gt; 0
///             ? (now - before) / before &gt;= arguments.MinGrowth
///             : null;
/// }
/// </code>
/// </example>
/// <remarks>
/// <para><b>Who calls it, when:</b> the validator calls <see cref="ICriterionType.CheckArguments"/> once per criterion (which
/// binds the arguments and calls <see cref="Validate"/>); the evaluator calls
/// <see cref="Evaluate(SubjectView, TArguments)"/> once per subject, from any thread, concurrently.</para>
/// <para><b>Cost:</b> the arguments of each criterion are bound by reflection once and cached (weakly, per rule-file
/// criterion); evaluation then costs only the author's code.</para>
/// <para><b>Thread safety:</b> one <typeparamref name="TArguments"/> object is shared by every thread evaluating the
/// criterion: treat it as read-only. <see cref="Evaluate(SubjectView, TArguments)"/> must be pure and thread-safe, as
/// <see cref="ICriterionType"/> requires.</para>
/// <para><b>Failure:</b> argument problems are validation errors (<c>TDR009</c>) naming the argument, the expected type
/// and the known argument names. An exception thrown by <see cref="Evaluate(SubjectView, TArguments)"/> is wrapped in a
/// <see cref="Validation.RuleEvaluationException"/> naming the award, criterion and subject, and stops the run.</para>
/// </remarks>
public abstract class CriterionType<TArguments> : IExplainingCriterionType, ICatalogArgumentCheck
    where TArguments : class
{
    // Per rule-file criterion (its args dictionary, the same instance on every call), the bound arguments. The Lazy makes
    // the binding run once even when the first subjects are judged concurrently: racing threads may each create a Lazy,
    // but only the published one is ever evaluated.
    private readonly ConditionalWeakTable<IReadOnlyDictionary<string, object?>, Lazy<TArguments>> _bound = [];

    /// <summary>Creates the criterion type and checks that <typeparamref name="TArguments"/> can be bound.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="TArguments"/> has no public parameterless
    /// constructor or a property of an unsupported type (a programming error of the plug-in, found when it is created).</exception>
    protected CriterionType() => ArgumentBinder<TArguments>.EnsureBindable();

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>Whether the type can judge subjects of this kind; individuals only, unless overridden.</summary>
    /// <param name="kind">The award's subject kind.</param>
    /// <returns>True when the type applies; otherwise the validator reports <c>TDR025</c>.</returns>
    public virtual bool AppliesTo(SubjectKind kind) => kind == SubjectKind.Individual;

    /// <summary>
    /// The argument names written in rule files (camelCase property names of <typeparamref name="TArguments"/>),
    /// sorted. Shown in argument errors.
    /// </summary>
    public IReadOnlyList<string> ArgumentNames => ArgumentBinder<TArguments>.Names;

    IEnumerable<string> ICriterionType.CheckArguments(IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var problems = new List<ArgumentProblem>();
        var bound = ArgumentBinder<TArguments>.Bind(arguments, problems);
        return bound is null ? [.. problems.Select(p => p.English())] : [.. Validate(bound)];
    }

    void ICatalogArgumentCheck.CheckArguments(CriterionContext context)
    {
        var problems = new List<ArgumentProblem>();
        var bound = ArgumentBinder<TArguments>.Bind(context.Arguments, problems);
        foreach (var problem in problems)
        {
            problem.Report(context);
        }

        // The author's own checks are the author's words (TDR009 at the criterion).
        foreach (var problem in bound is null ? [] : Validate(bound))
        {
            context.ReportArgument("args", problem);
        }
    }

    bool? ICriterionType.Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments) =>
        Evaluate(subject, _bound.GetValue(arguments, a => new Lazy<TArguments>(() => BindOrThrow(a))).Value);

    CriterionVerdict IExplainingCriterionType.Explain(SubjectView subject, IReadOnlyDictionary<string, object?> arguments) =>
        Explain(subject, _bound.GetValue(arguments, a => new Lazy<TArguments>(() => BindOrThrow(a))).Value);

    /// <summary>
    /// Judges one subject with its evidence — the actual value, the required value and the missing values — shown in
    /// explanations like a built-in criterion's. Called only when a result is explained, never during evaluation.
    /// </summary>
    /// <param name="subject">The subject, valid only during the call.</param>
    /// <param name="arguments">The criterion's bound arguments (shared across threads: do not modify).</param>
    /// <returns>The verdict; its <see cref="CriterionVerdict.Passed"/> must be what
    /// <see cref="Evaluate(SubjectView, TArguments)"/> returns. Unless overridden: that status, without evidence.</returns>
    protected virtual CriterionVerdict Explain(SubjectView subject, TArguments arguments) => Evaluate(subject, arguments);

    /// <summary>
    /// Further checks of bound arguments, beyond their types (for example a share between 0% and 100%). Called once
    /// per criterion at validation time.
    /// </summary>
    /// <param name="arguments">The bound arguments.</param>
    /// <returns>One message per problem, written for the person editing the rule file; empty when fine.</returns>
    protected virtual IEnumerable<string> Validate(TArguments arguments) => [];

    /// <summary>Judges one subject.</summary>
    /// <param name="subject">The subject, valid only during the call.</param>
    /// <param name="arguments">The criterion's bound arguments (shared across threads: do not modify).</param>
    /// <returns>True (pass), false (fail), or null when it cannot be decided for missing data — never false for that.</returns>
    protected abstract bool? Evaluate(SubjectView subject, TArguments arguments);

    private static TArguments BindOrThrow(IReadOnlyDictionary<string, object?> arguments)
    {
        var problems = new List<ArgumentProblem>();
        return ArgumentBinder<TArguments>.Bind(arguments, problems)
            ?? throw new InvalidOperationException("the criterion's arguments were not validated: " + string.Join("; ", problems.Select(p => p.English())));
    }
}

/// <summary>Binds a criterion's <c>args</c> to the public settable properties of <typeparamref name="T"/>.</summary>
internal static class ArgumentBinder<T>
    where T : class
{
    private static readonly Lazy<(Dictionary<string, PropertyInfo> Properties, string? Problem)> Shape = new(Inspect);

    public static IReadOnlyList<string> Names => [.. Shape.Value.Properties.Keys.Order(StringComparer.Ordinal)];

    public static void EnsureBindable()
    {
        if (Shape.Value.Problem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }

    public static T? Bind(IReadOnlyDictionary<string, object?> arguments, List<ArgumentProblem> problems)
    {
        EnsureBindable();
        var properties = Shape.Value.Properties;
        var target = Activator.CreateInstance<T>();
        var before = problems.Count;
        foreach (var (name, value) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!properties.TryGetValue(name, out var property))
            {
                problems.Add(new ArgumentProblem(ArgumentProblemKind.Unexpected, name, null, null, Names));
                continue;
            }

            if (!TryConvert(value, property.PropertyType, out var converted))
            {
                problems.Add(new ArgumentProblem(ArgumentProblemKind.WrongType, name, property.PropertyType, value, Names));
                continue;
            }

            property.SetValue(target, converted);
        }

        foreach (var (name, property) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (property.IsDefined(typeof(RequiredMemberAttribute)) && !arguments.ContainsKey(name))
            {
                problems.Add(new ArgumentProblem(ArgumentProblemKind.Missing, name, property.PropertyType, null, Names));
            }
        }

        return problems.Count == before ? target : null;
    }

    private static (Dictionary<string, PropertyInfo>, string?) Inspect()
    {
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        if (typeof(T).GetConstructor(Type.EmptyTypes) is null || typeof(T).IsAbstract)
        {
            return (properties, $"the arguments type {typeof(T).FullName} needs a public parameterless constructor");
        }

        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            if (!IsSupported(property.PropertyType))
            {
                return (properties, $"argument property {typeof(T).Name}.{property.Name} has type {property.PropertyType.Name}; use bool, decimal, int, string or LocalDate");
            }

            properties[char.ToLowerInvariant(property.Name[0]) + property.Name[1..]] = property;
        }

        return (properties, null);
    }

    private static bool IsSupported(Type type)
    {
        var core = Nullable.GetUnderlyingType(type) ?? type;
        return core == typeof(bool) || core == typeof(decimal) || core == typeof(int) || core == typeof(string) || core == typeof(LocalDate);
    }

    private static bool TryConvert(object? value, Type type, out object? converted)
    {
        converted = null;
        var core = Nullable.GetUnderlyingType(type);
        if (value is null)
        {
            // JSON null (or an array or object, which the loader turns into null) unsets only what may be unset.
            return core is not null || !type.IsValueType;
        }

        core ??= type;
        switch (value)
        {
            case bool b when core == typeof(bool):
                converted = b;
                return true;
            case decimal d when core == typeof(decimal):
                converted = d;
                return true;
            case decimal d when core == typeof(int) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue:
                converted = (int)d;
                return true;
            case string s when core == typeof(decimal):
                var text = s.Trim();
                var percent = text.EndsWith('%');
                if (decimal.TryParse(percent ? text[..^1] : text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    converted = percent ? number / 100m : number;
                    return true;
                }

                return false;
            case string s when core == typeof(LocalDate):
                if (IsoDate.TryParse(s, out var date))
                {
                    converted = date;
                    return true;
                }

                return false;
            case string s when core == typeof(string):
                converted = s;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>What is wrong with one argument of a criterion's <c>args</c>, found by the typed binder.</summary>
internal enum ArgumentProblemKind
{
    /// <summary>An argument the type does not take.</summary>
    Unexpected,

    /// <summary>An argument of the wrong kind of value.</summary>
    WrongType,

    /// <summary>A required argument not given.</summary>
    Missing,
}

/// <summary>
/// One problem of a criterion's <c>args</c>: reported by the validator as a catalog diagnostic in the user's language
/// (<c>TDR002</c>, <c>TDR004</c>, <c>TDR003</c> at the criterion), and said in English through the public string contract
/// (<see cref="ICriterionType.CheckArguments"/>) for callers outside the validator.
/// </summary>
internal readonly record struct ArgumentProblem(ArgumentProblemKind Kind, string Name, Type? Expected, object? Actual, IReadOnlyList<string> Known)
{
    private const string ArgumentsTerm = "criterion arguments (args)";

    public void Report(CriterionContext context)
    {
        switch (Kind)
        {
            case ArgumentProblemKind.Unexpected:
                context.Report(DiagnosticCodes.UnknownMember, context.Span, Suggestions.Closest(Name, Known), Name, DiagnosticCatalog.Term(ArgumentsTerm));
                break;
            case ArgumentProblemKind.WrongType:
                context.Report(DiagnosticCodes.WrongJsonType, context.Span, null, "args." + Name, DiagnosticCatalog.Phrase(ExpectedKey), DiagnosticCatalog.Phrase(ActualKey));
                break;
            default:
                context.Report(DiagnosticCodes.MissingMember, context.Span, null, Name, DiagnosticCatalog.Term(ArgumentsTerm));
                break;
        }
    }

    public string English() => Kind switch
    {
        ArgumentProblemKind.Unexpected when Known.Count == 0 => $"unexpected argument '{Name}' (this criterion type takes no arguments)",
        ArgumentProblemKind.Unexpected => $"unexpected argument '{Name}' (known arguments: {string.Join(", ", Known)})",
        ArgumentProblemKind.WrongType => $"argument '{Name}' must be {DiagnosticCatalog.PhraseText(ExpectedKey, Language.En)}",
        _ => $"missing argument '{Name}' ({DiagnosticCatalog.PhraseText(ExpectedKey, Language.En)})",
    };

    private string ExpectedKey
    {
        get
        {
            var core = Nullable.GetUnderlyingType(Expected!) ?? Expected!;
            return core == typeof(bool) ? "json.bool"
                : core == typeof(decimal) ? "args.number-or-percent"
                : core == typeof(int) ? "args.whole-number"
                : core == typeof(LocalDate) ? "json.date"
                : "json.text";
        }
    }

    private string ActualKey => Actual switch
    {
        null => "json.null",
        bool => "json.bool",
        decimal or int or long or double => "json.number",
        _ => "json.string",
    };
}

/// <summary>
/// A criterion type of this library's bases (<see cref="CriterionType"/>, <see cref="CriterionType{TArguments}"/>) whose
/// argument problems are catalog diagnostics, not English sentences.
/// </summary>
internal interface ICatalogArgumentCheck
{
    /// <summary>Reports every problem of <see cref="CriterionContext.Arguments"/> through <paramref name="context"/>.</summary>
    void CheckArguments(CriterionContext context);
}
