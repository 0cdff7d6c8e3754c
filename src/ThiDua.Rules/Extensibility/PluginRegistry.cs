using System.Collections.Immutable;
using ThiDua.Rules.Functions;

namespace ThiDua.Rules.Extensibility;

/// <summary>
/// The functions and criterion types that rule files may name. Immutable: <see cref="With(IExpressionFunction)"/>
/// returns a new registry. Pass it to the compiler; names are resolved at validation time.
/// </summary>
/// <remarks>Thread-safe. <see cref="Default"/> holds the built-ins, registered through this same surface.</remarks>
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

    /// <summary>Functions by name (a name may carry an arity suffix, see <see cref="FunctionKey"/>).</summary>
    public ImmutableDictionary<string, IExpressionFunction> Functions { get; }

    /// <summary>Criterion types by name.</summary>
    public ImmutableDictionary<string, ICriterionType> CriterionTypes { get; }

    /// <summary>Returns a registry with <paramref name="function"/> added (replacing one of the same name and arity).</summary>
    public PluginRegistry With(IExpressionFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new PluginRegistry(Functions.SetItem(FunctionKey(function.Name, function.Parameters.Count), function), CriterionTypes);
    }

    /// <summary>Returns a registry with <paramref name="criterionType"/> added (replacing one of the same name).</summary>
    public PluginRegistry With(ICriterionType criterionType)
    {
        ArgumentNullException.ThrowIfNull(criterionType);
        return new PluginRegistry(Functions, CriterionTypes.SetItem(criterionType.Name, criterionType));
    }

    /// <summary>The key of a function: name and arity, so that <c>round(x)</c> and <c>round(x, 2)</c> can coexist.</summary>
    public static string FunctionKey(string name, int arity) => name + "/" + arity.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal IEnumerable<string> FunctionNames => Functions.Values.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal);
}
