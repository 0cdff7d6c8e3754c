using System.Collections.Immutable;

namespace ThiDua.Rules.Validation;

/// <summary>
/// The base of the library's exceptions: <see cref="RuleSetValidationException"/> (rules or data with errors) and
/// <see cref="RuleEvaluationException"/> (a plug-in failed). Bad input is otherwise reported as diagnostics, never thrown:
/// these come only from the <c>…OrThrow</c> conveniences and from evaluation.
/// </summary>
public class RuleSetException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    private protected RuleSetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    private protected RuleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    private protected RuleSetException()
    {
    }
}

/// <summary>A rule set or data file did not load or validate; <see cref="Diagnostics"/> lists every problem.</summary>
/// <remarks>Thrown by <see cref="Loading.LoadResult{T}.GetValueOrThrow"/> and by <c>CompiledRuleSet.Evaluate</c> for data
/// that does not fit the rule set. The message lists the first ten errors in English, one per line, as
/// <c>file:line:col TDR### message</c>; <see cref="Diagnostic.Format"/> renders them in Vietnamese.</remarks>
public sealed class RuleSetValidationException : RuleSetException
{
    /// <summary>Creates the exception from diagnostics; the message lists the first ten, one per line.</summary>
    /// <param name="diagnostics">Every diagnostic, errors and warnings.</param>
    public RuleSetValidationException(IReadOnlyList<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = [.. diagnostics];
    }

    /// <summary>Every diagnostic.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var lines = errors.Take(10).Select(d => d.Format(Language.En));
        var more = errors.Count > 10 ? $"{Environment.NewLine}… and {errors.Count - 10} more" : "";
        return $"{errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
