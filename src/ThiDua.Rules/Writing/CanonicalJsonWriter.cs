using System.Globalization;

namespace ThiDua.Rules.Writing;

/// <summary>
/// A forward-only JSON writer for the canonical output, writing exactly the text Newtonsoft's <c>JsonTextWriter</c>
/// writes for the same calls (two-space indentation or none, the same escapes, decimals with a decimal point), without
/// its per-token cost: characters go into one buffer, handed to the <see cref="TextWriter"/> in large blocks.
/// </summary>
/// <remarks>
/// Only what <see cref="JsonResultWriter"/> needs. A test writes random documents through both writers and compares the
/// text. Not thread-safe. <see cref="Flush"/> hands over what is buffered; nothing is written to the underlying writer
/// after that without another call.
/// </remarks>
internal sealed class CanonicalJsonWriter(TextWriter output, bool indented)
{
    private const int BufferSize = 1 << 16;

    // The open objects and arrays, innermost last: whether each has an item yet (what decides a comma and a new line).
    private readonly List<bool> _containers = [];
    private readonly char[] _buffer = new char[BufferSize];
    private readonly string _newLine = output.NewLine;
    private int _length;
    private bool _afterName;

    public void WriteStartObject() => Start('{');

    public void WriteStartArray() => Start('[');

    public void WriteEndObject() => End('}');

    public void WriteEndArray() => End(']');

    public void WritePropertyName(string name)
    {
        var top = _containers.Count - 1;
        if (_containers[top])
        {
            Append(',');
        }

        _containers[top] = true;
        Indent(_containers.Count);
        String(name);
        Append(':');
        _afterName = true;
    }

    public void WriteValue(string? value)
    {
        BeforeValue();
        if (value is null)
        {
            Append("null");
        }
        else
        {
            String(value);
        }
    }

    /// <summary>A string value from characters (escaped as <see cref="WriteValue(string)"/> does), without making a string of them.</summary>
    public void WriteValue(ReadOnlySpan<char> value)
    {
        BeforeValue();
        String(value);
    }

    public void WriteValue(int value)
    {
        BeforeValue();
        Ensure(11);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void WriteValue(long value)
    {
        BeforeValue();
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void WriteValue(int? value)
    {
        if (value is { } v)
        {
            WriteValue(v);
        }
        else
        {
            WriteNull();
        }
    }

    /// <summary>A decimal as Newtonsoft writes it: invariant, with <c>.0</c> added to a whole number.</summary>
    public void WriteValue(decimal value)
    {
        BeforeValue();
        Ensure(34);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        var text = _buffer.AsSpan(_length, written);
        _length += written;
        if (!text.Contains('.'))
        {
            Append(".0");
        }
    }

    public void WriteValue(decimal? value)
    {
        if (value is { } v)
        {
            WriteValue(v);
        }
        else
        {
            WriteNull();
        }
    }

    public void WriteValue(bool value)
    {
        BeforeValue();
        Append(value ? "true" : "false");
    }

    public void WriteNull()
    {
        BeforeValue();
        Append("null");
    }

    /// <summary>The number of open objects and arrays.</summary>
    public int Depth => _containers.Count;

    /// <summary>Whether the innermost open object or array has an item yet.</summary>
    public bool HasItems => _containers.Count > 0 && _containers[^1];

    /// <summary>
    /// Starts over as the writer of a fragment: the items of an array open at <paramref name="depth"/> containers deep,
    /// written as if the array had no item yet (the caller puts the comma between fragments). Nothing buffered is kept.
    /// </summary>
    public void StartFragment(int depth)
    {
        _containers.Clear();
        for (var i = 0; i < depth; i++)
        {
            _containers.Add(true);
        }

        _containers[^1] = false;
        _length = 0;
        _afterName = false;
    }

    /// <summary>
    /// Appends the items written by a fragment writer (<see cref="StartFragment"/>) into the innermost array: a comma
    /// first when the array already has an item. The same text as writing the items here one by one.
    /// </summary>
    public void WriteFragment(ReadOnlySpan<char> fragment)
    {
        if (fragment.IsEmpty)
        {
            return;
        }

        if (_containers[^1])
        {
            Append(',');
        }

        _containers[^1] = true;
        output.Write(_buffer, 0, _length);
        _length = 0;
        output.Write(fragment);
    }

    /// <summary>Hands what is buffered to the underlying writer, without flushing it.</summary>
    public void Hand()
    {
        output.Write(_buffer, 0, _length);
        _length = 0;
    }

    /// <summary>Hands everything buffered to the underlying writer, and flushes it.</summary>
    public void Flush()
    {
        output.Write(_buffer, 0, _length);
        _length = 0;
        output.Flush();
    }

    private void Start(char bracket)
    {
        BeforeValue();
        Append(bracket);
        _containers.Add(false);
    }

    private void End(char bracket)
    {
        var hasItems = _containers[^1];
        _containers.RemoveAt(_containers.Count - 1);
        if (hasItems)
        {
            Indent(_containers.Count);
        }

        Append(bracket);
    }

    /// <summary>What comes before a value: a space after a member name, or a comma and a new line inside an array.</summary>
    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            if (indented)
            {
                Append(' ');
            }

            return;
        }

        var top = _containers.Count - 1;
        if (top < 0)
        {
            return;
        }

        if (_containers[top])
        {
            Append(',');
        }

        _containers[top] = true;
        Indent(_containers.Count);
    }

    private void Indent(int depth)
    {
        if (!indented)
        {
            return;
        }

        Append(_newLine);
        Ensure(depth * 2);
        _buffer.AsSpan(_length, depth * 2).Fill(' ');
        _length += depth * 2;
    }

    /// <summary>A string in double quotes, escaped as Newtonsoft's default escaping does.</summary>
    private void String(ReadOnlySpan<char> value)
    {
        Append('"');
        var rest = value;
        while (true)
        {
            // Most text written is plain ASCII (ids, outcomes, names of members): one vectorised search finds the first
            // character that is not, and only from there is the full set of characters to escape searched.
            var plain = rest.IndexOfAnyExcept(PlainAscii);
            if (plain < 0)
            {
                Append(rest);
                break;
            }

            var escaped = rest[plain..].IndexOfAny(Escaped);
            if (escaped < 0)
            {
                Append(rest);
                break;
            }

            var i = plain + escaped;

            Append(rest[..i]);
            Escape(rest[i]);
            rest = rest[(i + 1)..];
        }

        Append('"');
    }

    // Printable ASCII that is written as it is (everything from the space to the tilde but the quote and the backslash).
    private static readonly System.Buffers.SearchValues<char> PlainAscii = System.Buffers.SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    // Control characters, the quote, the backslash, and three line breaks JavaScript does not accept in strings.
    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\\u0085\u2028\u2029");

    private void Escape(char c)
    {
        switch (c)
        {
            case '\t':
                Append("\\t");
                break;
            case '\n':
                Append("\\n");
                break;
            case '\r':
                Append("\\r");
                break;
            case '\f':
                Append("\\f");
                break;
            case '\b':
                Append("\\b");
                break;
            case '\\':
                Append("\\\\");
                break;
            case '"':
                Append("\\\"");
                break;
            default:
                Append("\\u");
                Ensure(4);
                for (var shift = 12; shift >= 0; shift -= 4)
                {
                    var digit = (c >> shift) & 0xF;
                    _buffer[_length++] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                }

                break;
        }
    }

    private void Append(char c)
    {
        Ensure(1);
        _buffer[_length++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (text.Length > BufferSize / 2)
        {
            // A very long text goes straight through.
            output.Write(_buffer, 0, _length);
            _length = 0;
            output.Write(text);
            return;
        }

        Ensure(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Ensure(int room)
    {
        if (_length + room > BufferSize)
        {
            output.Write(_buffer, 0, _length);
            _length = 0;
        }
    }
}
