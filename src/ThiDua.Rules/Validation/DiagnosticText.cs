using System.Text;

namespace ThiDua.Rules.Validation;

/// <summary>
/// How values from files and callers are shown inside diagnostics: cut to a sane length, and with control characters
/// escaped so that a value can neither forge a diagnostic line nor send terminal escapes.
/// </summary>
internal static class DiagnosticText
{
    /// <summary>The longest value quoted in a message, in characters.</summary>
    public const int MaxValueLength = 120;

    /// <summary>The longest argument rendered (lists of names included), in characters.</summary>
    public const int MaxArgumentLength = 1000;

    /// <summary>A value as it is quoted in a message: at most <see cref="MaxValueLength"/> characters, then '…'.</summary>
    public static string Value(string value) => Cut(value, MaxValueLength);

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters (not inside a surrogate pair), then '…'.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, end), "…");
    }

    /// <summary>Escapes control characters (C0, DEL, C1, line and paragraph separators, bidi overrides) as <c>\n</c>, <c>\t</c> or <c>\u001B</c>.</summary>
    public static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !NeedsEscape(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!NeedsEscape(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < ' ' || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
