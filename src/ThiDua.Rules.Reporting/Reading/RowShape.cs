using System.Text.RegularExpressions;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// Tells the rows of a clerk's list that are not subjects from those that are: a totals row (<c>Tổng cộng</c>), the
/// signature block under the list (<c>NGƯỜI LẬP BIỂU</c>, <c>THỦ TRƯỞNG ĐƠN VỊ</c>, <c>…, ngày … tháng … năm …</c>,
/// <c>(Ký, ghi rõ họ tên)</c>) and a group heading merged across the row (<c>I. KHỐI CƠ QUAN</c>).
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
            return Kind.Subject;
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

        return row.IsSpannedText ? Kind.Heading : Kind.Subject;
    }

    private static string Key(string text) => text.Length > 200 ? "" : TextKey.Fold(text).Trim(' ', ':', '.', ',', '-');

    private static bool IsTotals(string key) =>
        key is "tong" or "cong" or "tong so" or "total" or "tong cong"
        || key.StartsWith("tong cong", StringComparison.Ordinal) || key.StartsWith("tong so ", StringComparison.Ordinal);

    private static bool IsSignature(string key) => key.Length > 0 && (SignatureStart().IsMatch(key) || DateLine().IsMatch(key));
}
