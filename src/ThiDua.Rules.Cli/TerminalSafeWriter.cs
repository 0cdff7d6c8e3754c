using System.Text;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli;

/// <summary>
/// A writer for a terminal: control characters other than line feed and tab (ESC, which starts colour and OSC-8
/// hyperlink sequences, carriage return, which rewrites the line, C1 controls and bidirectional overrides) are written
/// visibly as <c>\u001B</c>, so a name in the data cannot drive the terminal or forge a line.
/// </summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <summary>Whether <paramref name="c"/> is written escaped.</summary>
    public static bool IsUnsafe(char c) => c is not ('\n' or '\t') && Diagnostic.IsUnsafe(c);

    /// <summary>The text with every unsafe character escaped.</summary>
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAnyExcept(SafeSearch.Value) || !HasUnsafe(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            Append(builder, c);
        }

        return builder.ToString();
    }

    public override void Write(char value)
    {
        if (IsUnsafe(value))
        {
            inner.Write(EscapeOf(value));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is not null)
        {
            inner.Write(Escape(value));
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static readonly Lazy<System.Buffers.SearchValues<char>> SafeSearch = new(() =>
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(i => (char)i), '\n', '\t']));

    private static bool HasUnsafe(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void Append(StringBuilder builder, char c)
    {
        if (IsUnsafe(c))
        {
            builder.Append(EscapeOf(c));
        }
        else
        {
            builder.Append(c);
        }
    }

    private static string EscapeOf(char c) => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
