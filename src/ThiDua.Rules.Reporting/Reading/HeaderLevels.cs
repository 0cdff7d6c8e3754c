using System.Text.RegularExpressions;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// The header of a clerk's list over one or two rows: a group title merged over several columns
/// (<c>Kết quả đánh giá, xếp loại chất lượng</c>) with a second row under it (<c>Năm 2022 | Năm 2023 | Năm 2024</c>),
/// the other titles merged down over both rows, and often a row of column numbers (<c>(1) (2) (3)</c>) below.
/// </summary>
internal static partial class HeaderLevels
{
    // "(1)", "1", "(4)=(2)+(3)": the numbers clerks write under the headers to refer to the columns.
    [GeneratedRegex(@"^\(?[0-9]{1,3}\)?(?:[=+\-*/x×:]\(?[0-9]{1,3}\)?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnNumber();

    /// <summary>Whether every filled cell of <paramref name="row"/> (at least two) is a column number.</summary>
    public static bool IsColumnNumbers(SheetRow row)
    {
        var count = 0;
        for (var c = 0; c < row.Width; c++)
        {
            var cell = row[c];
            if (cell.IsBlank)
            {
                continue;
            }

            if (cell.Kind is not (CellKind.Text or CellKind.Number) || cell.Text.Length > 40
                || !ColumnNumber().IsMatch(cell.Text.Replace(" ", "", StringComparison.Ordinal)))
            {
                return false;
            }

            count++;
        }

        return count >= 2;
    }

    /// <summary>
    /// Whether <paramref name="next"/> is a second header level under <paramref name="header"/>: only text, nothing new in
    /// the id column, and each new text under a group title (a header merged over several columns, or one followed by
    /// blank header cells over filled ones).
    /// </summary>
    public static bool IsSecondLevel(SheetRow header, SheetRow next, SheetKind kind)
    {
        var idColumn = IdColumn(header, kind);
        if (idColumn >= 0 && !next[idColumn].IsBlank && next[idColumn].Text != header[idColumn].Text)
        {
            return false;
        }

        var below = false;
        var width = Math.Max(header.Width, next.Width);
        for (var c = 0; c < width; c++)
        {
            var n = next[c];
            if (n.IsBlank)
            {
                continue;
            }

            var h = header[c];
            if (n.Kind != CellKind.Text)
            {
                return false;
            }

            if (h.Kind == CellKind.Text && h.Text == n.Text)
            {
                continue; // a title merged down over both rows
            }

            var grouped = h.IsBlank
                || (c > 0 && header[c - 1].Kind == CellKind.Text && header[c - 1].Text == h.Text)
                || (header[c + 1].Kind == CellKind.Text && header[c + 1].Text == h.Text)
                || (header[c + 1].IsBlank && !next[c + 1].IsBlank);
            if (!grouped)
            {
                return false;
            }

            below = true;
        }

        return below;
    }

    /// <summary>The header of both levels: each column's group title joined to its own (the order that names a column wins).</summary>
    public static SheetRow Join(SheetRow header, SheetRow next, SheetKind kind)
    {
        var width = Math.Max(header.Width, next.Width);
        var cells = new SheetCell[width];
        string? group = null;
        for (var c = 0; c < width; c++)
        {
            var h = header[c];
            var n = next[c];
            if (n.IsBlank || (h.Kind == CellKind.Text && h.Text == n.Text))
            {
                cells[c] = h;
                group = h.IsBlank ? group : null;
                continue;
            }

            if (!h.IsBlank)
            {
                group = h.Text;
            }

            cells[c] = group is null ? n : SheetCell.FromText(Name(group, n.Text, kind));
        }

        return new SheetRow(header.Number, cells);
    }

    private static string Name(string group, string own, SheetKind kind)
    {
        string[] candidates = [group + " " + own, own + " " + group, own];
        foreach (var candidate in candidates)
        {
            if (ColumnMap.Match(candidate, kind).Role is not (ColumnRole.Unknown or ColumnRole.Fact))
            {
                return candidate;
            }
        }

        return candidates[0];
    }

    private static int IdColumn(SheetRow header, SheetKind kind)
    {
        for (var c = 0; c < header.Width; c++)
        {
            if (header[c].Kind == CellKind.Text && ColumnMap.Match(header[c].Text, kind) is { Role: ColumnRole.Field, Field: ColumnField.Id or ColumnField.Name })
            {
                return c;
            }
        }

        return -1;
    }
}
