using System.Globalization;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Schema;

/// <summary>
/// The validity rules of the subject schema, in one place: every way data arrives (JSON, CSV, XLSX, objects built in
/// C#) checks its values here, each reader at the exact place of the value and data binding at the subject.
/// </summary>
internal static class SubjectChecks
{
    /// <summary>The collection name of a subject kind, used in the path that names a subject: <c>individuals[NV001]</c>.</summary>
    public static string Collection(bool individual) => individual ? "individuals" : "units";

    /// <summary>A span that names the subject and the field, for data that has no file position (objects built in C#).</summary>
    public static SourceSpan Locate(SourceSpan subjectSpan, bool individual, string? id, string? member)
    {
        if (subjectSpan.Cell is not null && member is not null && subjectSpan.Fields is { } fields && fields.Columns.TryGetValue(member, out var column))
        {
            // A spreadsheet row: the field's own cell.
            return fields.SpanOf(subjectSpan.Line, column);
        }

        if (subjectSpan.Line > 0 || subjectSpan.Cell is not null)
        {
            return member is null || subjectSpan.Cell is not null ? subjectSpan : subjectSpan with { JsonPath = Join(subjectSpan.JsonPath, member) };
        }

        var path = Collection(individual) + "[" + DiagnosticText.Value(id ?? "") + "]";
        return new SourceSpan(subjectSpan.File ?? "", 0, 0, member is null ? path : path + "." + member);
    }

    private static string Join(string path, string member) => string.IsNullOrEmpty(path) ? member : path + "." + member;

    /// <summary>
    /// Checks an id: reports an empty or missing id (error) and surrounding spaces (warning); returns the id to use
    /// (trimmed), or null when there is none.
    /// </summary>
    public static string? Id(string? id, bool individual, SourceSpan span, DiagnosticBag diagnostics)
    {
        var kind = DiagnosticCatalog.Term(individual ? "individual" : "unit");
        if (id is null || id.Trim().Length == 0)
        {
            diagnostics.Add(DiagnosticCodes.DataEmptyId, span, kind);
            return null;
        }

        var trimmed = id.Trim();
        if (trimmed.Length != id.Length)
        {
            diagnostics.Add(DiagnosticCodes.DataIdSpaces, span, kind, DiagnosticText.Value(id), DiagnosticText.Value(trimmed));
        }

        return trimmed;
    }

    /// <summary>Whether <paramref name="id"/> needs no report: not empty, without surrounding spaces.</summary>
    public static bool IsPlainId(string? id) => id is { Length: > 0 } && !char.IsWhiteSpace(id[0]) && !char.IsWhiteSpace(id[^1]);

    /// <summary>Whether a number is unknown or within the field's range (no report needed).</summary>
    public static bool InRange(SubjectField field, decimal? value) =>
        value is not { } v || !((field.Minimum is { } min && v < min) || (field.Maximum is { } max && v > max));

    /// <summary>Whether a word is unknown or of the field's vocabulary (no report needed).</summary>
    public static bool InVocabulary(SubjectField field, string? value) =>
        value is null || field.Vocabulary.IsDefaultOrEmpty || field.Vocabulary.Contains(value, StringComparer.Ordinal);

    /// <summary>Checks a number against the field's range; returns it, or null (reported) when out of range.</summary>
    public static decimal? Number(SubjectField field, decimal? value, string? subjectId, SourceSpan span, DiagnosticBag diagnostics)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (!InRange(field, v))
        {
            diagnostics.Add(DiagnosticCodes.DataOutOfRange, span, field.Name, DiagnosticCatalog.Term(field.ForIndividuals ? "individual" : "unit"),
                DiagnosticText.Value(subjectId ?? ""), Format(field.Minimum), Format(field.Maximum), Format(v));
            return null;
        }

        return v;
    }

    /// <summary>Checks a word against the field's vocabulary (with a did-you-mean); returns it, or null (reported).</summary>
    public static string? Word(SubjectField field, string? value, string? subjectId, SourceSpan span, DiagnosticBag diagnostics)
    {
        if (value is null || InVocabulary(field, value))
        {
            return value;
        }

        diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.DataNotInVocabulary, span, Suggestions.Closest(value, field.Vocabulary),
            field.Name, DiagnosticCatalog.Term(field.ForIndividuals ? "individual" : "unit"), DiagnosticText.Value(subjectId ?? ""),
            string.Join(", ", field.Vocabulary), DiagnosticText.Value(value)));
        return null;
    }

    /// <summary>Whether <paramref name="year"/> is a year data may name.</summary>
    public static bool YearInRange(int year) => year is >= SubjectSchema.MinYear and <= SubjectSchema.MaxYear;

    /// <summary>Reports a year out of range at <paramref name="span"/>.</summary>
    public static void ReportYear(string what, string year, SourceSpan span, DiagnosticBag diagnostics) =>
        diagnostics.Add(DiagnosticCodes.DataYearOutOfRange, span, what, DiagnosticText.Value(year),
            SubjectSchema.MinYear.ToString(CultureInfo.InvariantCulture), SubjectSchema.MaxYear.ToString(CultureInfo.InvariantCulture));

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "…";
}
