using System.Collections.Immutable;

namespace ThiDua.Rules.Validation;

/// <summary>The base of the library's exceptions. Thrown only by the <c>…OrThrow</c> conveniences and for programmer errors.</summary>
public class RuleSetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleSetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public RuleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuleSetException()
    {
    }
}

/// <summary>A rule set or data file did not load or validate; <see cref="Diagnostics"/> lists every problem.</summary>
public sealed class RuleSetValidationException : RuleSetException
{
    /// <summary>Creates the exception from diagnostics; the message lists the first ten, one per line.</summary>
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
