using NodaTime;

namespace ThiDua.Rules.Extensibility;

/// <summary>The type of a plug-in function's argument or result.</summary>
public enum ArgumentKind
{
    /// <summary><see cref="bool"/>.</summary>
    Bool = 0,

    /// <summary><see cref="decimal"/>.</summary>
    Number = 1,

    /// <summary><see cref="string"/>.</summary>
    Text = 2,

    /// <summary><see cref="LocalDate"/>.</summary>
    Date = 3,
}

/// <summary>
/// A function callable from rule expressions by <see cref="Name"/>, such as <c>round(x)</c> or a plug-in's
/// <c>budgetGrowth(a, b)</c>.
/// </summary>
/// <remarks>
/// <para><b>Who calls it, when:</b> the validator resolves the name and checks argument types once per rule set;
/// compiled criteria then call <see cref="Invoke"/> once per subject, from any thread, concurrently.</para>
/// <para><b>Contract:</b> <see cref="Invoke"/> must be pure (same arguments, same result), thread-safe, fast and
/// side-effect free; it must not do I/O or read the clock. Arguments arrive as <see cref="bool"/>,
/// <see cref="decimal"/>, <see cref="string"/> or <see cref="LocalDate"/> per <see cref="Parameters"/>, or null for an
/// unknown value. Return null for "unknown". An exception thrown by <see cref="Invoke"/> is wrapped in a
/// <see cref="Validation.RuleEvaluationException"/> naming the award, criterion and subject, and stops the run.</para>
/// <para>Prefer deriving from <see cref="ExpressionFunction{TArg, TResult}"/> or
/// <see cref="ExpressionFunction{TArg1, TArg2, TResult}"/>, which declare the types and pass unknown through.</para>
/// <para><b>Failure:</b> an unknown name, or a call with the wrong number or types of arguments, is a validation error
/// (<c>TDR013</c>, <c>TDR014</c>) that lists the known functions.</para>
/// </remarks>
public interface IExpressionFunction
{
    /// <summary>The name used in expressions (camelCase); with <see cref="Parameters"/>' count it identifies the function
    /// in a <see cref="PluginRegistry"/>.</summary>
    string Name { get; }

    /// <summary>One line describing what the function computes (shown in diagnostics).</summary>
    string Description { get; }

    /// <summary>The argument types, in order.</summary>
    IReadOnlyList<ArgumentKind> Parameters { get; }

    /// <summary>The result type.</summary>
    ArgumentKind ReturnKind { get; }

    /// <summary>Computes the result.</summary>
    /// <param name="arguments">One value per parameter, of the declared kinds, or null for an unknown value.</param>
    /// <returns>A value of <see cref="ReturnKind"/>, or null for unknown.</returns>
    object? Invoke(ReadOnlySpan<object?> arguments);
}

/// <summary>
/// A typed base for one-argument functions: unknown in, unknown out; the author writes only <see cref="Compute"/>.
/// </summary>
/// <remarks>Same contract as <see cref="IExpressionFunction"/>: <see cref="Compute"/> runs concurrently and must be pure.
/// Creating an instance with an unsupported type argument throws <see cref="NotSupportedException"/>.</remarks>
/// <typeparam name="TArg">The argument type: <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/> or <see cref="LocalDate"/>.</typeparam>
/// <typeparam name="TResult">The result type, from the same list; declare a value type nullable
/// (<c>decimal?</c>) to be able to return "unknown".</typeparam>
public abstract class ExpressionFunction<TArg, TResult> : IExpressionFunction
    where TArg : notnull
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract string Description { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ArgumentKind> Parameters { get; } = [ArgumentKinds.Of<TArg>()];

    /// <inheritdoc/>
    public ArgumentKind ReturnKind { get; } = ArgumentKinds.Of<TResult>();

    /// <inheritdoc/>
    public object? Invoke(ReadOnlySpan<object?> arguments) => arguments[0] is TArg value ? Compute(value) : null;

    /// <summary>Computes the result for a known argument.</summary>
    /// <param name="argument">The argument, never unknown.</param>
    /// <returns>The result, or null for "unknown" (possible when <typeparamref name="TResult"/> is a reference type or a
    /// nullable value type such as <c>decimal?</c>).</returns>
    protected abstract TResult? Compute(TArg argument);
}

/// <summary>A typed base for two-argument functions; unknown when either argument is unknown.</summary>
/// <remarks>Same contract as <see cref="IExpressionFunction"/>: <see cref="Compute"/> runs concurrently and must be pure.
/// Creating an instance with an unsupported type argument throws <see cref="NotSupportedException"/>.</remarks>
/// <typeparam name="TArg1">The first argument type.</typeparam>
/// <typeparam name="TArg2">The second argument type.</typeparam>
/// <typeparam name="TResult">The result type; declare a value type nullable (<c>decimal?</c>) to be able to return
/// "unknown".</typeparam>
public abstract class ExpressionFunction<TArg1, TArg2, TResult> : IExpressionFunction
    where TArg1 : notnull
    where TArg2 : notnull
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract string Description { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ArgumentKind> Parameters { get; } = [ArgumentKinds.Of<TArg1>(), ArgumentKinds.Of<TArg2>()];

    /// <inheritdoc/>
    public ArgumentKind ReturnKind { get; } = ArgumentKinds.Of<TResult>();

    /// <inheritdoc/>
    public object? Invoke(ReadOnlySpan<object?> arguments) =>
        arguments[0] is TArg1 first && arguments[1] is TArg2 second ? Compute(first, second) : null;

    /// <summary>Computes the result for known arguments.</summary>
    /// <param name="first">The first argument, never unknown.</param>
    /// <param name="second">The second argument, never unknown.</param>
    /// <returns>The result, or null for "unknown" (possible when <typeparamref name="TResult"/> is a reference type or a
    /// nullable value type such as <c>decimal?</c>).</returns>
    protected abstract TResult? Compute(TArg1 first, TArg2 second);
}

internal static class ArgumentKinds
{
    public static ArgumentKind Of<T>()
    {
        // A nullable result (decimal?) only says that the function may answer "unknown"; its kind is the underlying type.
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return type == typeof(bool) ? ArgumentKind.Bool
            : type == typeof(decimal) ? ArgumentKind.Number
            : type == typeof(string) ? ArgumentKind.Text
            : type == typeof(LocalDate) ? ArgumentKind.Date
            : throw new NotSupportedException($"plug-in functions take bool, decimal, string or LocalDate, not {typeof(T).Name}");
    }
}
