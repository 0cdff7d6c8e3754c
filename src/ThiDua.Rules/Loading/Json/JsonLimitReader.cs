using System.Buffers;
using System.Globalization;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// Passes JSON text through while following its strings, and stops with <see cref="InputLimitException"/> at the
/// opening quote of a member name longer than <see cref="MaxNameLength"/> or a text value longer than
/// <see cref="DataLimits.MaxTextLength"/>, before the JSON reader holds it: the reader keeps a whole token in memory,
/// and a file of one 50-million-character name would otherwise take gigabytes.
/// </summary>
/// <remarks>Linear in the text, one pass; strings are scanned with a vectorised search. Not thread-safe.</remarks>
internal sealed class JsonLimitReader(TextReader inner, string file, DataLimits limits) : TextReader
{
    /// <summary>The longest member name accepted: far beyond any name a data file uses.</summary>
    public const int MaxNameLength = 1_000;

    private static readonly SearchValues<char> StringStops = SearchValues.Create("\"\\\r\n");

    // Containers as bits (1 = object), up to the JSON depth limit (deeper text is refused by the JSON reader itself).
    private readonly bool[] _objects = new bool[JsonSource.MaxDepth + 2];
    private int _depth;
    private bool _expectName;
    private bool _inString;
    private Comment _comment;
    private bool _escape;
    private bool _stringIsName;
    private long _stringLength;
    private int _line = 1;
    private int _column;
    private bool _afterCarriageReturn;
    private int _stringLine;
    private int _stringColumn;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            Span<char> one = [(char)c];
            Scan(one);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = inner.Read(buffer);
        Scan(buffer[..n]);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Scan(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (_inString)
            {
                if (_escape)
                {
                    _escape = false;
                    Advance(text[i]);
                    Grow(1);
                    i++;
                    continue;
                }

                // Up to the next quote, backslash or line break in one vectorised search.
                var stop = text[i..].IndexOfAny(StringStops);
                var run = stop < 0 ? text.Length - i : stop;
                _column += run;
                _afterCarriageReturn = _afterCarriageReturn && run == 0;
                Grow(run);
                i += run;
                if (stop < 0)
                {
                    break;
                }

                var c = text[i];
                Advance(c);
                if (c == '"')
                {
                    _inString = false;
                }
                else if (c == '\\')
                {
                    _escape = true;
                }
                else
                {
                    Grow(1);
                }

                i++;
                continue;
            }

            var ch = text[i];
            Advance(ch);
            if (_comment != Comment.None && SkipComment(ch))
            {
                i++;
                continue;
            }

            switch (ch)
            {
                case '/':
                    _comment = Comment.Slash;
                    break;
                case '"':
                    _inString = true;
                    _stringIsName = _expectName;
                    _stringLength = 0;
                    _stringLine = _line;
                    _stringColumn = _column;
                    break;
                case '{':
                    Push(isObject: true);
                    _expectName = true;
                    break;
                case '[':
                    Push(isObject: false);
                    _expectName = false;
                    break;
                case '}' or ']':
                    _depth = Math.Max(0, _depth - 1);
                    _expectName = false;
                    break;
                case ',':
                    _expectName = _depth > 0 && _depth <= _objects.Length && _objects[_depth - 1];
                    break;
                case ':':
                    _expectName = false;
                    break;
                default:
                    break;
            }

            i++;
        }
    }

    /// <summary>Follows a comment (which the JSON reader skips); false when <paramref name="c"/> is not part of one.</summary>
    private bool SkipComment(char c)
    {
        switch (_comment)
        {
            case Comment.Slash:
                _comment = c switch { '/' => Comment.Line, '*' => Comment.Block, _ => Comment.None };
                return _comment != Comment.None;
            case Comment.Line:
                _comment = c is '\n' or '\r' ? Comment.None : Comment.Line;
                return true;
            case Comment.Block:
                _comment = c == '*' ? Comment.BlockStar : Comment.Block;
                return true;
            case Comment.BlockStar:
                _comment = c == '/' ? Comment.None : c == '*' ? Comment.BlockStar : Comment.Block;
                return true;
            default:
                return false;
        }
    }

    private enum Comment
    {
        None,
        Slash,
        Line,
        Block,
        BlockStar,
    }

    private void Push(bool isObject)
    {
        if (_depth < _objects.Length)
        {
            _objects[_depth] = isObject;
        }

        _depth++;
    }

    private void Advance(char c)
    {
        if (c == '\n')
        {
            if (!_afterCarriageReturn)
            {
                _line++;
            }

            _column = 0;
            _afterCarriageReturn = false;
        }
        else if (c == '\r')
        {
            _line++;
            _column = 0;
            _afterCarriageReturn = true;
        }
        else
        {
            _column++;
            _afterCarriageReturn = false;
        }
    }

    private void Grow(int count)
    {
        _stringLength += count;
        var limit = _stringIsName ? MaxNameLength : limits.MaxTextLength;
        if (_stringLength > limit)
        {
            var span = new SourceSpan(file, _stringLine, _stringColumn);
            var text = limit.ToString("N0", CultureInfo.InvariantCulture);
            throw new InputLimitException(Diagnostic.Create(_stringIsName ? DiagnosticCodes.DataNameTooLong : DiagnosticCodes.DataTextTooLong, span, text));
        }
    }
}
