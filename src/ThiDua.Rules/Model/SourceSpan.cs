using System.Globalization;

namespace ThiDua.Rules.Model;

/// <summary>
/// Where a node of a rule or data file came from: file, 1-based line and column, and the JSON path.
/// </summary>
/// <remarks>An immutable value; <see cref="ToString"/> gives the <c>file:line:col</c> that diagnostics start with.</remarks>
/// <param name="File">The file path as given to the loader (relative paths stay relative).</param>
/// <param name="Line">1-based line number; 0 when unknown.</param>
/// <param name="Column">1-based column number; 0 when unknown.</param>
/// <param name="JsonPath">The JSON path of the node (for example <c>awards[2].criteria[0].expr</c>), or empty.</param>
public readonly record struct SourceSpan(string File, int Line, int Column, string JsonPath = "")
{
    /// <summary>For spreadsheets: the sheet and cell, such as <c>Cá nhân!C17</c>; null for JSON.</summary>
    public string? Cell { get; init; }

    /// <summary>A span for a spreadsheet cell, shown as <c>file.xlsx:Sheet!C17</c>.</summary>
    /// <param name="file">The workbook or CSV file.</param>
    /// <param name="sheet">The sheet name.</param>
    /// <param name="cell">The cell reference, such as <c>C17</c>.</param>
    /// <returns>The span.</returns>
    public static SourceSpan ForCell(string file, string sheet, string cell) => new(file, 0, 0) { Cell = sheet + "!" + cell };

    /// <summary>For a spreadsheet row: where each field of the row is (set by the spreadsheet readers), so that a problem
    /// found later in a field is shown at its own cell.</summary>
    internal RowCells? Fields { get; init; }

    /// <summary>Two spans are equal when they name the same place (file, line, column, path and cell).</summary>
    /// <param name="other">The other span.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(SourceSpan other) =>
        string.Equals(File, other.File, StringComparison.Ordinal) && Line == other.Line && Column == other.Column
        && string.Equals(JsonPath, other.JsonPath, StringComparison.Ordinal) && string.Equals(Cell, other.Cell, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(File, Line, Column, JsonPath, Cell);

    /// <summary>A span for values that do not come from a file (for example objects built in C#).</summary>
    public static SourceSpan None { get; } = new("", 0, 0);

    /// <summary>Returns a span shifted by <paramref name="offset"/> characters on the same line (used for positions inside an expression string).</summary>
    internal SourceSpan WithColumnOffset(int offset) => this with { Column = Column + offset };

    /// <summary>Formats the span as <c>file:line:col</c>, the form compilers and editors understand.</summary>
    public override string ToString()
    {
        // A span built in code may have no file (default(SourceSpan) included): it is then named by its path.
        var file = File ?? "";
        if (Cell is not null)
        {
            return file + ":" + Cell;
        }

        if (Line <= 0)
        {
            return file.Length > 0 || string.IsNullOrEmpty(JsonPath) ? file : JsonPath;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{file}:{Line}:{Column}");
    }
}

/// <summary>The cells of the fields of one spreadsheet row's table: field name → the span of that field's cell in a row.</summary>
/// <param name="Columns">Field name (as in <c>SubjectSchema</c>) → 0-based column.</param>
/// <param name="SpanOf">The span of the cell at a row and a 0-based column.</param>
internal sealed record RowCells(IReadOnlyDictionary<string, int> Columns, Func<int, int, SourceSpan> SpanOf);
