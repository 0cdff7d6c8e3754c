using System.Globalization;
using System.Text;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// The text forms headers and vocabulary words are compared in. A clerk may type a header in any case, with or
/// without diacritics, in NFC or NFD (macOS), with stray spaces or a trailing <c>*</c>: all of them give the same key.
/// </summary>
internal static class TextKey
{
    /// <summary>NFC, trimmed, every run of white space (including non-breaking spaces and line breaks) made one space.</summary>
    public static string Clean(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="Clean"/>, then lower case without diacritics (<c>đ</c> becomes <c>d</c>): "Họ và tên", "HỌ VÀ TÊN" and
    /// "ho va ten" all fold to <c>ho va ten</c>.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = Clean(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }

    /// <summary>The key of a header: <see cref="Fold"/> without a trailing required-marker <c>*</c> or colon.</summary>
    public static string Header(string text) => Fold(text).TrimEnd('*', ':', ' ');

    /// <summary>The key of a vocabulary word: <see cref="Fold"/> with hyphens and underscores read as spaces, so that
    /// <c>khien-trach</c>, <c>Khiển trách</c> and <c>KHIEN TRACH</c> are one word.</summary>
    public static string Word(string text) => Fold(text.Replace('-', ' ').Replace('_', ' '));

    /// <summary>Whether <paramref name="text"/> is an ASCII identifier such as <c>partyMember</c> (a fact id).</summary>
    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
