using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Validation;

/// <summary>
/// One problem found in a rule file or a data file: a stable code, where, and what to do. Immutable.
/// </summary>
/// <remarks>The text is rendered on demand in either language by <see cref="Format(Language)"/>; tools should match on
/// <see cref="Code"/>, never on the text. Immutable and thread-safe.</remarks>
public sealed record Diagnostic
{
    internal Diagnostic(DiagnosticCode code, Severity severity, SourceSpan span, ImmutableArray<string> arguments, string? suggestion)
    {
        Code = code;
        Severity = severity;
        Span = span;
        Arguments = arguments;
        Suggestion = suggestion;
    }

    /// <summary>The stable code, for example <c>TDR012</c>.</summary>
    public DiagnosticCode Code { get; }

    /// <summary>How serious the problem is.</summary>
    public Severity Severity { get; }

    /// <summary>Where the problem is.</summary>
    public SourceSpan Span { get; }

    /// <summary>The values inserted into the message template.</summary>
    public ImmutableArray<string> Arguments { get; }

    /// <summary>A did-you-mean suggestion, when one fits (for example the closest known field name).</summary>
    public string? Suggestion { get; }

    /// <summary>The message without position, in the given language.</summary>
    /// <param name="language">Vietnamese (default) or English.</param>
    /// <returns>The message, with the did-you-mean suggestion when there is one.</returns>
    public string Message(Language language = Language.Vi)
    {
        var template = DiagnosticCatalog.Get(Code);
        // Values from files and callers are cut and their control characters escaped, so that no value can forge a
        // diagnostic line or reach the terminal as an escape sequence.
        var arguments = Arguments.Select(a => (object)DiagnosticText.Escape(DiagnosticText.Cut(DiagnosticCatalog.Localize(a ?? "", language), DiagnosticText.MaxArgumentLength))).ToArray();
        var text = string.Format(CultureInfo.InvariantCulture, language == Language.En ? template.En : template.Vi, arguments);
        if (Suggestion is not null)
        {
            var suggestion = DiagnosticText.Escape(DiagnosticText.Value(Suggestion));
            text += language == Language.En ? $"; did you mean '{suggestion}'?" : $"; có phải ý bạn là '{suggestion}'?";
        }

        return text;
    }

    /// <summary>C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates that reorder what a terminal shows.</summary>
    internal static bool IsUnsafe(char c) => c < ' ' || c is (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Formats as <c>file:line:col TDR012 message; did you mean …?</c>.</summary>
    /// <param name="language">Vietnamese (default) or English.</param>
    /// <returns>One line, as compilers and editors write diagnostics.</returns>
    public string Format(Language language = Language.Vi)
    {
        var builder = new StringBuilder();
        var where = DiagnosticText.Escape(Span.ToString());
        if (where.Length > 0)
        {
            builder.Append(where).Append(' ');
        }

        builder.Append(Code.ToString()).Append(' ');
        if (Severity == Severity.Warning)
        {
            builder.Append(language == Language.En ? "warning: " : "cảnh báo: ");
        }

        builder.Append(Message(language));
        return builder.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Format(Language.En);

    /// <summary>Two diagnostics are equal when code, severity, span, arguments and suggestion are equal.</summary>
    /// <param name="other">The other diagnostic.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Diagnostic? other) =>
        other is not null && Code == other.Code && Severity == other.Severity && Span == other.Span
        && Arguments.SequenceEqual(other.Arguments) && Suggestion == other.Suggestion;

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Code);
        hash.Add(Span);
        foreach (var argument in Arguments)
        {
            hash.Add(argument, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The same diagnostic at another place.</summary>
    internal Diagnostic WithSpan(SourceSpan span) => new(Code, Severity, span, Arguments, Suggestion);

    internal static Diagnostic Create(DiagnosticCode code, SourceSpan span, params string[] arguments)
        => new(code, DiagnosticCatalog.Get(code).Severity, span, [.. arguments], null);

    internal static Diagnostic CreateWithSuggestion(DiagnosticCode code, SourceSpan span, string? suggestion, params string[] arguments)
        => new(code, DiagnosticCatalog.Get(code).Severity, span, [.. arguments], suggestion);
}

/// <summary>Collects diagnostics during one pass. Not thread-safe.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Add(DiagnosticCode code, SourceSpan span, params string[] arguments) => _items.Add(Diagnostic.Create(code, span, arguments));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Replaces the diagnostics collected so far by what <paramref name="transform"/> makes of them.</summary>
    public void Transform(Func<IReadOnlyList<Diagnostic>, IReadOnlyList<Diagnostic>> transform)
    {
        var result = transform(_items);
        if (!ReferenceEquals(result, _items))
        {
            var copy = result.ToList();
            _items.Clear();
            _items.AddRange(copy);
        }
    }

    /// <summary>Returns the diagnostics sorted by file, line, column and code, so output does not depend on discovery order.</summary>
    public ImmutableArray<Diagnostic> ToSortedArray() =>
        [.. _items
            .Distinct()
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code.Number)
            .ThenBy(d => d.Message(Language.En), StringComparer.Ordinal)];
}
