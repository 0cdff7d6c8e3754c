using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// Reads the members of one JSON object strictly: each accessor records the member as known, and <see cref="Finish"/>
/// reports every member nobody asked for, with a did-you-mean suggestion. Never throws on bad input.
/// </summary>
internal sealed class ObjectReader
{
    private readonly JObject _object;
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _context;
    private readonly bool _data;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// Test seam: when set (per thread), receives each object's context and the member names the reader accepts, so a
    /// test can check that the JSON schema and the loader agree on every property.
    /// </summary>
    [ThreadStatic]
    internal static Action<string, IReadOnlyCollection<string>>? KnownMembersObserver;

    private readonly SourceSpan? _span;

    /// <param name="obj">The object.</param>
    /// <param name="file">The file, for spans.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="context">What the object is (a term of the diagnostic catalogue).</param>
    /// <param name="data">Whether the object belongs to data (codes TDR1xx) rather than rules.</param>
    /// <param name="span">Where the object is, when it was not read with its position (a streamed document's members).</param>
    public ObjectReader(JObject obj, string file, DiagnosticBag diagnostics, string context, bool data = false, SourceSpan? span = null)
    {
        _span = span;
        _object = obj;
        _file = file;
        _diagnostics = diagnostics;
        _context = context;
        _data = data;
    }

    public JObject Object => _object;

    public string Context => _context;

    public SourceSpan Span => _span ?? JsonSource.SpanOf(_object, _file);

    public string File => _file;

    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>Whether the object belongs to data (codes TDR1xx) rather than to rules (TDR0xx).</summary>
    public bool IsData => _data;

    public bool Has(string name) => _object.TryGetValue(name, StringComparison.Ordinal, out var t) && t.Type != JTokenType.Null;

    public JToken? Raw(string name)
    {
        _known.Add(name);
        return _object.TryGetValue(name, StringComparison.Ordinal, out var token) ? token : null;
    }

    public SourceSpan SpanOf(string name)
    {
        var token = _object.Property(name, StringComparison.Ordinal)?.Value;
        return token is null ? Span : JsonSource.SpanOf(token, _file);
    }

    public string? String(string name, bool required = false)
    {
        var token = Raw(name);
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Missing(name);
            }

            return null;
        }

        if (token.Type != JTokenType.String)
        {
            WrongType(token, name, DiagnosticCatalog.Phrase("json.string"));
            return null;
        }

        return Nfc.Of((string)token!);
    }

    public SourceText? Expression(string name, bool required = false)
    {
        var token = Raw(name);
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Missing(name);
            }

            return null;
        }

        if (token.Type is JTokenType.Integer or JTokenType.Float)
        {
            // A bare number is a valid constant expression ("max": 3).
            return new SourceText(JsonSource.FormatDecimal((decimal)token), JsonSource.SpanOf(token, _file));
        }

        if (token.Type != JTokenType.String)
        {
            WrongType(token, name, DiagnosticCatalog.Phrase("json.expression"));
            return null;
        }

        var span = JsonSource.SpanOf(token, _file);
        return new SourceText(Nfc.Of((string)token!), span.WithColumnOffset(1)) { Raw = JsonSource.RawString((JValue)token) };
    }

    public decimal? Number(string name, bool required = false)
    {
        var token = Raw(name);
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Missing(name);
            }

            return null;
        }

        if (token.Type is not (JTokenType.Integer or JTokenType.Float))
        {
            WrongType(token, name, DiagnosticCatalog.Phrase("json.number"));
            return null;
        }

        return (decimal)token;
    }

    public int? Integer(string name, bool required = false)
    {
        var value = Number(name, required);
        if (value is null)
        {
            return null;
        }

        if (value != decimal.Truncate(value.Value) || value < int.MinValue || value > int.MaxValue)
        {
            _diagnostics.Add(_data ? DiagnosticCodes.DataInvalidNumber : DiagnosticCodes.InvalidValue, SpanOf(name), name,
                DiagnosticCatalog.Phrase(value != decimal.Truncate(value.Value) ? "number.whole-expected" : "number.too-large"));
            return null;
        }

        return (int)value.Value;
    }

    public bool? Bool(string name, bool required = false)
    {
        var token = Raw(name);
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Missing(name);
            }

            return null;
        }

        if (token.Type != JTokenType.Boolean)
        {
            WrongType(token, name, DiagnosticCatalog.Phrase("json.bool"));
            return null;
        }

        return (bool)token;
    }

    public LocalDate? Date(string name, bool required = false)
    {
        var token = Raw(name);
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Missing(name);
            }

            return null;
        }

        return DateValue(token, name);
    }

    public LocalDate? DateValue(JToken token, string name)
    {
        if (token.Type != JTokenType.String)
        {
            WrongType(token, name, DiagnosticCatalog.Phrase("json.date"));
            return null;
        }

        var text = (string)token!;
        if (!IsoDate.TryParse(text!, out var date))
        {
            _diagnostics.Add(_data ? DiagnosticCodes.DataInvalidDate : DiagnosticCodes.InvalidDate, JsonSource.SpanOf(token, _file), text!);
            return null;
        }

        return date;
    }

    public JObject? ObjectMember(string name, bool required = false)
    {
        var token = Raw(name);
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Missing(name);
            }

            return null;
        }

        if (token is not JObject obj)
        {
            WrongType(token, name, DiagnosticCatalog.Phrase("json.object"));
            return null;
        }

        return obj;
    }

    public JArray? Array(string name, bool required = false)
    {
        var token = Raw(name);
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Missing(name);
            }

            return null;
        }

        if (token is not JArray array)
        {
            WrongType(token, name, DiagnosticCatalog.Phrase("json.array"));
            return null;
        }

        return array;
    }

    /// <summary>Reads an array of objects, calling <paramref name="read"/> for each element that is an object.</summary>
    public ImmutableArray<T> Objects<T>(string name, string elementContext, Func<ObjectReader, T?> read, bool required = false)
        where T : class
    {
        var array = Array(name, required);
        if (array is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<T>(array.Count);
        foreach (var element in array)
        {
            if (element is not JObject obj)
            {
                WrongType(element, name + "[]", DiagnosticCatalog.Phrase("json.object"));
                continue;
            }

            var item = read(new ObjectReader(obj, _file, _diagnostics, elementContext, _data));
            if (item is not null)
            {
                builder.Add(item);
            }
        }

        return builder.ToImmutable();
    }

    public ImmutableArray<(string Value, SourceSpan Span)> Strings(string name)
    {
        var array = Array(name);
        if (array is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<(string, SourceSpan)>();
        foreach (var element in array)
        {
            if (element.Type != JTokenType.String)
            {
                WrongType(element, name + "[]", DiagnosticCatalog.Phrase("json.string"));
                continue;
            }

            builder.Add((Nfc.Of((string)element!), JsonSource.SpanOf(element, _file)));
        }

        return builder.ToImmutable();
    }

    public void Missing(string name) =>
        _diagnostics.Add(_data ? DiagnosticCodes.DataMissingMember : DiagnosticCodes.MissingMember, Span, name, DiagnosticCatalog.Term(_context));

    public void WrongType(JToken token, string name, string expected) =>
        _diagnostics.Add(_data ? DiagnosticCodes.DataWrongType : DiagnosticCodes.WrongJsonType, JsonSource.SpanOf(token, _file), name, expected, JsonSource.Describe(token.Type));

    /// <summary>Reports every member that was not read, each with the closest known name.</summary>
    public void Finish(params string[] alsoKnown)
    {
        foreach (var name in alsoKnown)
        {
            _known.Add(name);
        }

        KnownMembersObserver?.Invoke(_context, _known);

        foreach (var property in _object.Properties())
        {
            if (_known.Contains(property.Name))
            {
                continue;
            }

            var span = JsonSource.SpanOf(property, _file);
            var suggestion = Suggestions.Closest(property.Name, _known);
            _diagnostics.Add(Diagnostic.CreateWithSuggestion(
                _data ? DiagnosticCodes.DataUnknownMember : DiagnosticCodes.UnknownMember, span, suggestion, property.Name, DiagnosticCatalog.Term(_context)));
        }
    }
}
