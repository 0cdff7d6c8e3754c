using System.Text.RegularExpressions;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// Tells the rows of a clerk's list that are not subjects from those that are: a totals row (<c>Tổng cộng</c>), the
/// signature block under the list (<c>NGƯỜI LẬP BIỂU</c>, <c>THỦ TRƯỞNG ĐƠN VỊ</c>, <c>…, ngày … tháng … năm …</c>,
/// <c>(Ký, ghi rõ họ tên)</c>) and a group heading: one text merged across the row (<c>Phòng Tổ chức – Hành chính</c>),
/// or numbered and alone in its row, the number before it (<c>I. Văn phòng</c>) or in a cell of its own (<c>I</c> in
/// the STT column, <c>Văn phòng</c> in the name column).
/// </summary>
/// <remarks>
/// A row whose id cell holds an id is always a subject: a person whose position is <c>Giám đốc</c> is not a signature.
/// Only a row with a blank id cell (or one that holds the totals or signature words themselves) can be something else.
/// </remarks>
internal static partial class RowShape
{
    /// <summary>What a row is.</summary>
    public enum Kind
    {
        /// <summary>A person or unit (or a row that lacks its id, which is then reported).</summary>
        Subject,

        /// <summary>A totals row.</summary>
        Totals,

        /// <summary>The first row of the signature block; every row below it belongs to the block.</summary>
        Signature,

        /// <summary>One text merged across the row.</summary>
        Heading,
    }

    // Folded (lower case, no diacritics) beginnings of the lines of a signature block.
    [GeneratedRegex(@"^(?:nguoi lap|nguoi duyet|nguoi ky|nguoi tong hop|chu tich|pho chu tich|thu truong|giam doc|pho giam doc|truong ban|pho truong ban|truong phong|truong don vi|ke toan truong|thu ky|xac nhan|noi nhan|kt\.? |tm\.? |q\. |\(ky|ky ten|ky,|ky va)", RegexOptions.CultureInvariant)]
    private static partial Regex SignatureStart();

    // ", ngày 15 tháng 01 năm 2025", "Hà Nội, ngày … tháng … năm 2025": the date line above the signatures.
    [GeneratedRegex(@"ngay\s*[0-9.…_ ]*\s*thang\s*[0-9.…_ ]*\s*nam", RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    // The number of a group heading: a Roman numeral or a capital letter, with or without '.' or ')' ("I", "II.", "A)").
    [GeneratedRegex(@"^(?:[IVXLC]{1,6}|[A-Z])[.)]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Enumerator();

    // A heading numbered in its own text: "I. Văn phòng", "A) KHỐI CƠ QUAN", "2 - Phòng Kế hoạch"; the name starts with a letter.
    [GeneratedRegex(@"^(?:[IVXLC]{1,6}|[A-Z]|[0-9]{1,3})\s*[.)\-–]\s*(?<text>\p{L}.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Enumerated();

    /// <summary>What <paramref name="row"/> is, given the column of the subjects' ids.</summary>
    public static Kind Of(SheetRow row, int idColumn)
    {
        var id = row[idColumn];
        if (!row.IsSpannedText && id.Kind != CellKind.Blank && id.Kind != CellKind.Text)
        {
            return Kind.Subject; // a number id: a person (the common case, decided without folding text)
        }

        var idKey = id.Kind == CellKind.Text ? Key(id.Text) : "";
        var idFree = id.IsBlank || IsTotals(idKey) || IsSignature(idKey);
        if (!idFree && !row.IsSpannedText)
        {
            // A numbered heading typed in the id (or name) column is still a heading: it holds nothing else.
            return NumberedHeading(row) >= 0 ? Kind.Heading : Kind.Subject;
        }

        // A signature row holds nothing but the block's phrases ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"): a row with a name,
        // a unit and a rating beside a "Giám đốc" is a person whose id was forgotten, and is reported as such.
        bool totals = false, signature = true, anyText = false;
        for (var c = 0; c < row.Width; c++)
        {
            var cell = row[c];
            if (cell.IsBlank)
            {
                continue;
            }

            if (cell.Kind != CellKind.Text)
            {
                signature = false;
                continue;
            }

            var key = c == idColumn ? idKey : Key(cell.Text);
            anyText = true;
            totals |= IsTotals(key);
            signature &= IsSignature(key);
        }

        if (signature && anyText && (idFree || row.IsSpannedText))
        {
            return Kind.Signature;
        }

        if (totals && (idFree || row.IsSpannedText))
        {
            return Kind.Totals;
        }

        return row.IsSpannedText || NumberedHeading(row) >= 0 ? Kind.Heading : Kind.Subject;
    }

    /// <summary>The name a group heading gives (a row that <see cref="Of"/> calls <see cref="Kind.Heading"/>), without its
    /// number: "I. Văn phòng" → "Văn phòng"; null when it names nothing.</summary>
    public static string? HeadingText(SheetRow row)
    {
        var column = row.IsSpannedText ? FirstText(row) : NumberedHeading(row);
        if (column < 0)
        {
            return null;
        }

        var text = row[column].Text;
        return Enumerated().Match(text) is { Success: true } match ? match.Groups["text"].Value.Trim() : text;
    }

    private static int FirstText(SheetRow row)
    {
        for (var c = 0; c < row.Width; c++)
        {
            if (row[c].Kind == CellKind.Text)
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>
    /// The column of the text of a numbered heading alone in its row (<c>I. Văn phòng</c>, or <c>I</c> | <c>Văn phòng</c>);
    /// -1 when the row is not one. Gives up at the third filled cell, so a subject's row costs little.
    /// </summary>
    private static int NumberedHeading(SheetRow row)
    {
        int filled = 0, numbers = 0, text = -1;
        for (var c = 0; c < row.Width; c++)
        {
            var cell = row[c];
            if (cell.IsBlank)
            {
                continue;
            }

            if (cell.Kind != CellKind.Text || ++filled > 2)
            {
                return -1;
            }

            if (Enumerator().IsMatch(cell.Text))
            {
                numbers++;
            }
            else
            {
                text = c;
            }
        }

        return (filled, numbers) switch
        {
            (2, 1) when text >= 0 && char.IsLetter(row[text].Text[0]) => text,
            (1, 0) when Enumerated().IsMatch(row[text].Text) && !IsTotals(Key(row[text].Text)) => text,
            _ => -1,
        };
    }

    private static string Key(string text) => text.Length > 200 ? "" : TextKey.Fold(text).Trim(' ', ':', '.', ',', '-');

    private static bool IsTotals(string key) =>
        key is "tong" or "cong" or "tong so" or "total" or "tong cong"
        || key.StartsWith("tong cong", StringComparison.Ordinal) || key.StartsWith("tong so ", StringComparison.Ordinal);

    private static bool IsSignature(string key) => key.Length > 0 && (SignatureStart().IsMatch(key) || DateLine().IsMatch(key));
}
