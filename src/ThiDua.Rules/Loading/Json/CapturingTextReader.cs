namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// Passes text through to the JSON reader while keeping the characters read since the last <see cref="Trim"/>, so that
/// the raw text of the record being read is at hand for exact positions, and feeding every character to the comma check.
/// Memory stays bounded by one record plus the JSON reader's read-ahead, however large the file.
/// </summary>
internal sealed class CapturingTextReader(TextReader inner, CommaChecker commas) : TextReader
{
    // The window: the characters from _windowStart to _read, at _buffer[_head..(_head + _read - _windowStart)].
    private char[] _buffer = new char[1 << 14];
    private int _head;
    // Absolute offsets (in characters from the start of the text) of the starts of the lines from _firstLine on.
    private readonly List<long> _lineStarts = [0];
    private long _windowStart;
    private long _read;
    private int _firstLine = 1;
    private bool _started;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = inner.Read(buffer);
        if (n == 0)
        {
            return 0;
        }

        var chunk = buffer[..n];
        if (!_started)
        {
            _started = true;
            if (chunk[0] == '\uFEFF')
            {
                // A byte-order mark is not part of the JSON (file readers drop it; text from an editor may keep it).
                chunk[1..].CopyTo(buffer);
                n--;
                chunk = buffer[..n];
                if (n == 0)
                {
                    return Read(buffer);
                }
            }
        }

        commas.Feed(chunk);
        Append(chunk);
        for (var i = chunk.IndexOf('\n'); i >= 0; i = NextNewLine(chunk, i))
        {
            _lineStarts.Add(_read + i + 1);
        }

        _read += n;
        return n;
    }

    private int WindowLength => (int)(_read - _windowStart);

    private void Append(ReadOnlySpan<char> chunk)
    {
        var length = WindowLength;
        if (_head + length + chunk.Length > _buffer.Length)
        {
            // Move the window to the front, growing the buffer only when it is more than half full.
            var target = length + chunk.Length > _buffer.Length / 2 ? new char[Math.Max(_buffer.Length * 2, length + chunk.Length)] : _buffer;
            Array.Copy(_buffer, _head, target, 0, length);
            _buffer = target;
            _head = 0;
        }

        chunk.CopyTo(_buffer.AsSpan(_head + length));
    }

    private static int NextNewLine(ReadOnlySpan<char> chunk, int after)
    {
        var next = chunk[(after + 1)..].IndexOf('\n');
        return next < 0 ? -1 : after + 1 + next;
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => throw new NotSupportedException("the JSON reader does not peek");

    /// <summary>The absolute offset just after the character at 1-based <paramref name="position"/> of <paramref name="line"/>.</summary>
    public long OffsetAfter(int line, int position)
    {
        var i = line - _firstLine;
        if (i < 0)
        {
            return _windowStart;
        }

        if (i >= _lineStarts.Count)
        {
            return _read;
        }

        return Math.Clamp(_lineStarts[i] + position, _windowStart, _read);
    }

    /// <summary>
    /// Forgets the text before <paramref name="offset"/>, except the character just before it: the JSON reader reports
    /// some errors at the end of the value before the offending character (a missing comma in <c>}{</c>).
    /// </summary>
    public void Trim(long offset)
    {
        offset--;
        if (offset <= _windowStart)
        {
            return;
        }

        offset = Math.Min(offset, _read);
        _head += (int)(offset - _windowStart);
        _windowStart = offset;
        var drop = 0;
        while (drop + 1 < _lineStarts.Count && _lineStarts[drop + 1] <= offset)
        {
            drop++;
        }

        if (drop > 0)
        {
            _lineStarts.RemoveRange(0, drop);
            _firstLine += drop;
        }
    }

    /// <summary>The text from the start of the window to <paramref name="end"/>, with where it starts.</summary>
    public RawText Snapshot(long end, string pathPrefix = "")
    {
        end = Math.Clamp(end, _windowStart, _read);
        var text = new string(_buffer, _head, (int)(end - _windowStart));
        return new RawText(text, _firstLine, (int)(_windowStart - _lineStarts[0]) + 1) { PathPrefix = pathPrefix };
    }

    /// <summary>
    /// The 1-based column of the first character of the token the JSON reader reported at <paramref name="line"/> and
    /// <paramref name="position"/> (as <see cref="JsonSource.SpanOf"/> finds it in a snapshot of the record, without one).
    /// </summary>
    public int TokenColumn(int line, int position, JsonSource.TokenKind kind)
    {
        var i = line - _firstLine;
        if (i < 0 || i >= _lineStarts.Count)
        {
            return position;
        }

        var window = _buffer.AsSpan(_head, WindowLength);
        var lineStart = (int)(Math.Max(_lineStarts[i], _windowStart) - _windowStart);
        var lineEnd = i + 1 < _lineStarts.Count ? (int)(_lineStarts[i + 1] - 1 - _windowStart) : window.Length;
        var startColumn = i == 0 ? (int)(_windowStart - _lineStarts[0]) + 1 : 1;
        return JsonSource.TokenColumn(window, lineStart, lineEnd, startColumn, position, kind);
    }

    /// <summary>The whole window (everything read and not trimmed), for placing a reading error.</summary>
    public RawText Window() => Snapshot(_read);

    /// <summary>Reads the rest of the text through the comma check (after an error, so the first stray comma is found).</summary>
    public void Drain()
    {
        var buffer = new char[8192];
        int n;
        while ((n = inner.Read(buffer, 0, buffer.Length)) > 0)
        {
            commas.Feed(buffer.AsSpan(0, n));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
