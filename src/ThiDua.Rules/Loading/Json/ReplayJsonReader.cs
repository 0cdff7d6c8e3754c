using Newtonsoft.Json;

namespace ThiDua.Rules.Loading.Json;

/// <summary>A token read from the JSON reader, with where the reader was when it read it.</summary>
internal readonly record struct RecordedToken(JsonToken Type, object? Value, int Line, int Position);

/// <summary>
/// Gives a JSON loader the tokens already read from a reader, then the rest from the reader itself, so that a record
/// first read token by token can still be loaded as a <see cref="Newtonsoft.Json.Linq.JObject"/> exactly as if it had
/// been loaded from the reader in the first place: same tokens, same positions, same paths, same errors.
/// </summary>
internal sealed class ReplayJsonReader : JsonReader, IJsonLineInfo
{
    private readonly RecordedToken[] _tokens;
    private readonly int _count;
    private readonly JsonTextReader _rest;
    private readonly bool _restEnded;
    private readonly string _pathPrefix;
    private int _next;
    private bool _forwarding;
    private int _line;
    private int _position;

    /// <param name="tokens">The tokens read so far, the first being the start of the record.</param>
    /// <param name="count">How many of <paramref name="tokens"/> there are.</param>
    /// <param name="rest">The reader the tokens came from, positioned after the last of them.</param>
    /// <param name="restEnded">Whether <paramref name="rest"/> already reported the end of the text.</param>
    /// <param name="pathPrefix">The path of the record in its document (the reader's path at its start).</param>
    public ReplayJsonReader(RecordedToken[] tokens, int count, JsonTextReader rest, bool restEnded, string pathPrefix)
    {
        _tokens = tokens;
        _count = count;
        _rest = rest;
        _restEnded = restEnded;
        _pathPrefix = pathPrefix;
        // The reader it stands for enforces the nesting limit on the whole document.
        MaxDepth = null;
        Read();
    }

    public override bool Read()
    {
        if (_next < _count)
        {
            var token = _tokens[_next++];
            _line = token.Line;
            _position = token.Position;
            SetToken(token.Type, token.Value);
            return true;
        }

        _forwarding = true;
        if (_restEnded)
        {
            return false;
        }

        while (_rest.Read())
        {
            // A loader that skips comments never sees them.
            if (_rest.TokenType != JsonToken.Comment)
            {
                SetToken(_rest.TokenType, _rest.Value);
                return true;
            }
        }

        return false;
    }

    /// <summary>The path in the whole document, as the underlying reader gives it.</summary>
    public override string Path
    {
        get
        {
            if (_forwarding)
            {
                return _rest.Path;
            }

            var path = base.Path;
            return _pathPrefix.Length == 0 ? path : path.Length == 0 ? _pathPrefix : path[0] == '[' ? _pathPrefix + path : _pathPrefix + "." + path;
        }
    }

    public bool HasLineInfo() => true;

    public int LineNumber => _forwarding ? _rest.LineNumber : _line;

    public int LinePosition => _forwarding ? _rest.LinePosition : _position;
}
