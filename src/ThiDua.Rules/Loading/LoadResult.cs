using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading;

/// <summary>
/// The result of loading or validating: a value when there was no error, and every diagnostic found.
/// </summary>
/// <typeparam name="T">The loaded value.</typeparam>
/// <remarks>Never thrown for bad input: inspect <see cref="Succeeded"/> or call <see cref="GetValueOrThrow"/>.</remarks>
public sealed class LoadResult<T>
    where T : class
{
    // Invariant: Value is non-null exactly when no diagnostic is an error.
    private readonly T? _value;

    internal LoadResult(T? value, ImmutableArray<Diagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
        _value = diagnostics.Any(d => d.Severity == Severity.Error) ? null : value;
    }

    /// <summary>Whether loading produced a value without errors (warnings allowed).</summary>
    public bool Succeeded => _value is not null;

    /// <summary>Every diagnostic, sorted by file, line, column and code.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The errors only.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    /// <summary>Returns the value, or throws <see cref="RuleSetValidationException"/> listing the errors.</summary>
    /// <exception cref="RuleSetValidationException">Loading failed.</exception>
    public T GetValueOrThrow() => _value ?? throw new RuleSetValidationException(Diagnostics);

    /// <summary>Gets the value when loading succeeded.</summary>
    public bool TryGetValue([NotNullWhen(true)] out T? value)
    {
        value = _value;
        return value is not null;
    }
}
