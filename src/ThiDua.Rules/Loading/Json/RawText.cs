namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// A stretch of the raw JSON text (a whole document, or one record of a streamed file) that starts at a known line and
/// column, so that a position reported by the JSON reader can be turned back into the characters around it.
/// </summary>
/// <remarks>Newtonsoft records the position just after a token; diagnostics point at its first character, which only
/// the raw text can tell (a string's opening quote, the first digit of a number, escapes inside an expression).</remarks>
internal sealed class RawText
{
    private readonly string _text;
    private readonly int _firstLine;
    private readonly int _firstColumn;
    private int[]? _lineStarts;

    /// <param name="text">The text.</param>
    /// <param name="firstLine">The 1-based line of <c>text[0]</c>.</param>
    /// <param name="firstColumn">The 1-based column of <c>text[0]</c> on that line.</param>
    public RawText(string text, int firstLine, int firstColumn)
    {
        _text = text;
        _firstLine = firstLine;
        _firstColumn = firstColumn;
    }

    public string Text => _text;

    /// <summary>The JSON path of the token this text was read as, inside its document (empty for a whole document).</summary>
    public string PathPrefix { get; init; } = "";

    /// <summary>The path of a token inside this text, as a path in the whole document.</summary>
    public string PathOf(string path) =>
        PathPrefix.Length == 0 ? path : path.Length == 0 ? PathPrefix : path[0] == '[' ? PathPrefix + path : PathPrefix + "." + path;

    /// <summary>
    /// Finds the line of <paramref name="line"/> inside this text: the index of its first character held here, the
    /// index just past its last, and the column of that first character. False when the line is not held.
    /// </summary>
    public bool TryGetLine(int line, out int start, out int end, out int startColumn)
    {
        var starts = _lineStarts ??= LineStarts(_text);
        var i = line - _firstLine;
        if (i < 0 || i >= starts.Length)
        {
            start = end = startColumn = 0;
            return false;
        }

        start = starts[i];
        end = i + 1 < starts.Length ? starts[i + 1] - 1 : _text.Length;
        startColumn = i == 0 ? _firstColumn : 1;
        return true;
    }

    /// <summary>The index of the character at 1-based <paramref name="column"/> of <paramref name="line"/>, or -1.</summary>
    public int IndexOf(int line, int column, out int lineStart, out int lineEnd)
    {
        if (!TryGetLine(line, out lineStart, out lineEnd, out var startColumn))
        {
            return -1;
        }

        var index = lineStart + column - startColumn;
        return index >= lineStart && index < lineEnd ? index : -1;
    }

    /// <summary>The 1-based column of the character at <paramref name="index"/> on the line that starts at <paramref name="lineStart"/>.</summary>
    public int ColumnOf(int line, int index, int lineStart) => index - lineStart + (line == _firstLine ? _firstColumn : 1);

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return [.. starts];
    }
}
