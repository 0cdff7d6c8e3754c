using System.Collections.Immutable;
using ThiDua.Rules.Functions;

namespace ThiDua.Rules.Extensibility;

/// <summary>
/// The functions and criterion types that rule files may name. Start from <see cref="Default"/>, add plug-ins with
/// <c>With</c>, and pass the registry to <see cref="Compilation.RuleSetCompiler"/>,
/// <see cref="Validation.RuleSetValidator"/> and <see cref="RuleTests.RuleSetTestRunner"/>.
/// </summary>
/// <example>
/// <code>
/// var registry = PluginRegistry.Default.With(new BudgetGrowthCriterion()).With(new GrowthFunction());
/// var rules = RuleSetCompiler.Compile(ruleSet, registry).GetValueOrThrow();
/// </code>
/// </example>
/// <remarks>
/// <para>Names are resolved at validation time: a rule file that names an unknown function (<c>TDR013</c>) or criterion
/// type (<c>TDR019</c>) does not compile, and the error lists the known names with a did-you-mean suggestion.</para>
/// <para><b>Cost:</b> <c>With</c> copies two small immutable dictionaries; build the registry once at start-up.</para>
/// <para><b>Thread safety:</b> immutable; share one instance freely. <see cref="Default"/> holds the built-ins,
/// registered through this same surface.</para>
/// </remarks>
public sealed class PluginRegistry
{
    private PluginRegistry(ImmutableDictionary<string, IExpressionFunction> functions, ImmutableDictionary<string, ICriterionType> criterionTypes)
    {
        Functions = functions;
        CriterionTypes = criterionTypes;
    }

    /// <summary>The built-in functions (<c>abs</c>, <c>round</c>, <c>floor</c>, <c>ceiling</c>, <c>min</c>, <c>max</c>,
    /// <c>monthsBetween</c>, <c>date(y, m, d)</c>) and criterion types (<c>no-pending-review</c>).</summary>
    public static PluginRegistry Default { get; } = new PluginRegistry(
            ImmutableDictionary<string, IExpressionFunction>.Empty.WithComparers(StringComparer.Ordinal),
            ImmutableDictionary<string, ICriterionType>.Empty.WithComparers(StringComparer.Ordinal))
        .With(new AbsFunction())
        .With(new RoundFunction())
        .With(new RoundDigitsFunction())
        .With(new FloorFunction())
        .With(new CeilingFunction())
        .With(new MinFunction())
        .With(new MaxFunction())
        .With(new MonthsBetweenFunction())
        .With(new DateOfFunction())
        .With(new NoPendingReviewCriterion());

    /// <summary>Functions keyed by name and arity, written <c>name/arity</c> (<c>round/1</c>, <c>round/2</c>), so that
    /// overloads by argument count can coexist.</summary>
    public ImmutableDictionary<string, IExpressionFunction> Functions { get; }

    /// <summary>Criterion types keyed by name.</summary>
    public ImmutableDictionary<string, ICriterionType> CriterionTypes { get; }

    /// <summary>Returns a registry with <paramref name="function"/> added (replacing one of the same name and arity).</summary>
    /// <param name="function">The function; its <see cref="IExpressionFunction.Name"/> and
    /// <see cref="IExpressionFunction.Parameters"/> are read once, here.</param>
    /// <returns>A new registry; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="PluginException">Reading the function's name or signature threw (or gave null).</exception>
    /// <remarks>A function from another assembly is kept behind a guard: whatever its code throws, later too, comes out
    /// as a <see cref="PluginException"/> naming it.</remarks>
    public PluginRegistry With(IExpressionFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (PluginException.IsForeign(function) && function is not GuardedFunction)
        {
            function = new GuardedFunction(function);
        }

        return new PluginRegistry(Functions.SetItem(FunctionKey(function.Name, function.Parameters.Count), function), CriterionTypes);
    }

    /// <summary>Returns a registry with <paramref name="criterionType"/> added (replacing one of the same name).</summary>
    /// <param name="criterionType">The criterion type; its <see cref="ICriterionType.Name"/> is read once, here.</param>
    /// <returns>A new registry; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criterionType"/> is null.</exception>
    /// <exception cref="PluginException">Reading the criterion type's name threw (or gave null).</exception>
    /// <remarks>A criterion type from another assembly is kept behind a guard, as a function is.</remarks>
    public PluginRegistry With(ICriterionType criterionType)
    {
        ArgumentNullException.ThrowIfNull(criterionType);
        if (PluginException.IsForeign(criterionType) && criterionType is not GuardedCriterionType)
        {
            criterionType = new GuardedCriterionType(criterionType);
        }

        return new PluginRegistry(Functions, CriterionTypes.SetItem(criterionType.Name, criterionType));
    }

    /// <summary>The key of a function: name and arity, so that <c>round(x)</c> and <c>round(x, 2)</c> can coexist.</summary>
    internal static string FunctionKey(string name, int arity) => name + "/" + arity.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal IEnumerable<string> FunctionNames => Functions.Values.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal);
}
