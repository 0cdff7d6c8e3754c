using System.Globalization;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>What a cell holds, as the file stores it.</summary>
internal enum CellKind
{
    /// <summary>Nothing, or only white space.</summary>
    Blank = 0,

    /// <summary>Text (shared, inline or formula string, or any CSV field).</summary>
    Text,

    /// <summary>A number as written in the file (invariant culture); dates are numbers with a date format.</summary>
    Number,

    /// <summary>An Excel boolean; <see cref="SheetCell.Text"/> is <c>1</c> or <c>0</c>.</summary>
    Boolean,

    /// <summary>An Excel error such as <c>#N/A</c>.</summary>
    Error,
}

/// <summary>One cell as read from a workbook or a CSV file, before its column gives it a meaning.</summary>
internal readonly struct SheetCell : IEquatable<SheetCell>
{
    private readonly string? _text;

    public SheetCell(CellKind kind, string text, bool dateStyled = false)
    {
        Kind = kind;
        _text = text;
        DateStyled = dateStyled;
    }

    /// <summary>What the cell holds.</summary>
    public CellKind Kind { get; }

    /// <summary>The text, trimmed and NFC for text cells; the stored value for the other kinds; empty when blank.</summary>
    public string Text => _text ?? "";

    /// <summary>Whether a number cell has a date format (so that a fact in it is a date, not a number).</summary>
    public bool DateStyled { get; }

    /// <summary>Whether the cell is blank.</summary>
    public bool IsBlank => Kind == CellKind.Blank;

    /// <summary>A text cell; blank when the text is only white space.</summary>
    public static SheetCell FromText(string text)
    {
        var trimmed = text.Trim().Normalize(System.Text.NormalizationForm.FormC);
        return trimmed.Length == 0 ? default : new SheetCell(CellKind.Text, trimmed);
    }

    /// <summary>The value as a clerk would recognise it in a message: quoted text, or the number or error as stored.</summary>
    public string Display => Kind switch
    {
        CellKind.Blank => "",
        CellKind.Boolean => Text == "1" ? "TRUE" : "FALSE",
        _ => "'" + Text + "'",
    };

    public bool Equals(SheetCell other) => Kind == other.Kind && Text == other.Text && DateStyled == other.DateStyled;

    public override bool Equals(object? obj) => obj is SheetCell other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Text, DateStyled);

    public static bool operator ==(SheetCell left, SheetCell right) => left.Equals(right);

    public static bool operator !=(SheetCell left, SheetCell right) => !left.Equals(right);
}

/// <summary>One row of a sheet: its 1-based number and its cells by 0-based column (missing cells are blank).</summary>
internal sealed class SheetRow(int number, SheetCell[] cells)
{
    /// <summary>The 1-based row number, as Excel shows it.</summary>
    public int Number { get; } = number;

    /// <summary>The number of cells stored (the last may still be blank).</summary>
    public int Width => cells.Length;

    /// <summary>Whether every cell is blank.</summary>
    public bool IsBlank => Array.TrueForAll(cells, c => c.IsBlank);

    /// <summary>The cell in the 0-based <paramref name="column"/>; blank beyond the stored cells.</summary>
    public SheetCell this[int column] => column >= 0 && column < cells.Length ? cells[column] : default;

    /// <summary>
    /// Whether the row's only content is one text spread over a merged range of several columns (a group heading such
    /// as "I. KHỐI CƠ QUAN", or a title), so that it is not read as a subject whose every cell holds that text.
    /// </summary>
    public bool IsSpannedText { get; init; }
}

/// <summary>A merged range of cells (0-based columns, 1-based rows, inclusive): every cell shows the top-left one's value.</summary>
internal readonly record struct MergedRange(int Top, int Left, int Bottom, int Right)
{
    /// <summary>Parses <c>B5:B9</c>; false for a single cell or a reference that is not a range.</summary>
    public static bool TryParse(string? reference, out MergedRange range)
    {
        range = default;
        var colon = reference?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0
            || !CellReference.TryParse(reference![..colon], out var left, out var top) || top == 0
            || !CellReference.TryParse(reference[(colon + 1)..], out var right, out var bottom) || bottom == 0)
        {
            return false;
        }

        range = new MergedRange(Math.Min(top, bottom), Math.Min(left, right), Math.Max(top, bottom), Math.Max(left, right));
        return range.Bottom > range.Top || range.Right > range.Left;
    }
}

/// <summary>
/// A table to read: a worksheet or a CSV file, its rows (read lazily, once) and how to name a cell in a diagnostic.
/// </summary>
internal sealed class SheetSource
{
    /// <summary>The file, as given to the loader.</summary>
    public required string File { get; init; }

    /// <summary>The worksheet name, or null for a CSV file (whose cells are named <c>file.csv:C17</c>).</summary>
    public string? Sheet { get; init; }

    /// <summary>The rows, in order; blank rows may be left out.</summary>
    public required IEnumerable<SheetRow> Rows { get; init; }

    /// <summary>Whether serial dates count from 1904 (old Mac workbooks) instead of 1900.</summary>
    public bool Date1904 { get; init; }

    /// <summary>
    /// The span of a cell: <c>file.xlsx:Cá nhân!C17</c> for a worksheet, <c>file.csv:C17</c> for a CSV file (the cell
    /// Excel shows when it opens the file). Line and column carry the row and column number so that diagnostics sort
    /// in reading order.
    /// </summary>
    public SourceSpan SpanOf(int row, int column)
    {
        var reference = CellReference.Format(column, row);
        return Sheet is null
            ? new SourceSpan(File, row, column + 1) { Cell = reference }
            : SourceSpan.ForCell(File, Sheet, reference) with { Line = row, Column = column + 1 };
    }
}

/// <summary>A1-style cell references.</summary>
internal static class CellReference
{
    /// <summary>The largest column Excel has (XFD).</summary>
    public const int MaxColumns = 16_384;

    /// <summary>The column letters of a 0-based column: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Letters(int column)
    {
        Span<char> buffer = stackalloc char[4];
        var position = buffer.Length;
        var n = column + 1;
        while (n > 0)
        {
            var remainder = (n - 1) % 26;
            buffer[--position] = (char)('A' + remainder);
            n = (n - 1) / 26;
        }

        return new string(buffer[position..]);
    }

    /// <summary>Formats a 0-based column and 1-based row: (2, 17) → <c>C17</c>.</summary>
    public static string Format(int column, int row) => Letters(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>C17</c> into a 0-based column and a 1-based row (the row is 0 when absent, as in <c>C</c>).</summary>
    public static bool TryParse(string? reference, out int column, out int row)
    {
        column = -1;
        row = 0;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var i = 0;
        var n = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            n = (n * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (n > MaxColumns)
            {
                return false;
            }

            i++;
        }

        if (i == 0)
        {
            return false;
        }

        column = n - 1;
        if (i == reference.Length)
        {
            return true;
        }

        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
    }
}
