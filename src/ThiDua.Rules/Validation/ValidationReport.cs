using System.Collections.Immutable;

namespace ThiDua.Rules.Validation;

/// <summary>Every diagnostic of a rule set (or of data checked against one), collected in one pass. Immutable and
/// thread-safe.</summary>
public sealed class ValidationReport
{
    internal ValidationReport(ImmutableArray<Diagnostic> diagnostics) => Diagnostics = diagnostics;

    /// <summary>Whether there is no error (warnings allowed).</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Every diagnostic, sorted by file, line, column and code.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The errors only.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
}
