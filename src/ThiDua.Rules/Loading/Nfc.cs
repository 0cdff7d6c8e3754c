using System.Text;

namespace ThiDua.Rules.Loading;

/// <summary>
/// Text in Unicode normalization form C, as the readers keep every string of a data file, so that "Nguyễn" typed with
/// combining marks and "Nguyễn" typed precomposed are one name.
/// </summary>
internal static class Nfc
{
    /// <summary>
    /// <paramref name="value"/> in form C: the same string when it is plainly so, without asking ICU. Text made only of
    /// the characters below U+0300 (ASCII, Latin-1, Latin Extended-A and -B, spacing modifiers) and of Latin Extended
    /// Additional (U+1E00–U+1EFF, the precomposed Vietnamese letters) is in form C: none of them decomposes under NFC,
    /// and none combines with the character before it (those are the combining marks, from U+0300 on).
    /// </summary>
    public static string Of(string value)
    {
        var rest = value.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAnyExceptInRange('\0', '\u02FF');
            if (i < 0)
            {
                return value;
            }

            if (rest[i] is < '\u1E00' or > '\u1EFF')
            {
                return value.Normalize(NormalizationForm.FormC);
            }

            rest = rest[(i + 1)..];
        }
    }
}
