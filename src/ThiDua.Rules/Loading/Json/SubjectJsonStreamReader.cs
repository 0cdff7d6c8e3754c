using System.Collections.Immutable;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// Reads the canonical data JSON (design §3) front to back without building the whole document: the members before
/// <c>individuals</c> (year, asOf, units) are read first, then each individual is read, checked and handed over on its
/// own, so a file of a million people never needs to be in memory. Never throws for bad input.
/// </summary>
/// <remarks>
/// <para>Streaming needs <c>year</c>, <c>asOf</c> and <c>units</c> before <c>individuals</c>, as every file we write has
/// them. When they come later, the individuals are read into memory first (the result is the same, only larger).</para>
/// <para>Problems of the JSON itself (syntax, stray commas, nesting, numbers out of range, limits) stop reading and are
/// reported alone, as for a whole document: what follows a syntax error cannot be trusted.</para>
/// </remarks>
internal sealed class SubjectJsonStreamReader : IDisposable
{
    private readonly CommaChecker _commas = new();
    private readonly CapturingTextReader _text;
    private readonly JsonTextReader _json;
    private readonly string _file;
    private readonly DataLimits _limits;
    private readonly DiagnosticBag _syntax = new();
    private readonly DiagnosticBag _content = new();
    private readonly JObject _header = new();
    private readonly IndividualFastReader? _fast;
    private ObjectReader? _headerReader;
    private SourceSpan _rootSpan;
    private List<Individual>? _buffered;
    private bool _streaming;
    private bool _individualsTaken;
    private bool _finished;
    private long _subjects;

    // The member names of the format (and the years of a history), read without a new string each time. Lookup only:
    // names not in the table are read as usual, so the table never grows.
    private static readonly DefaultJsonNameTable MemberNames = CreateMemberNames();

    private static DefaultJsonNameTable CreateMemberNames()
    {
        var table = new DefaultJsonNameTable();
        string[] names =
        [
            "year", "asOf", "units", "individuals", "level", "date", "endDate", "scope", "recognizedOn", "awards", "decidedOn",
            .. Schema.SubjectSchema.Individuals.Select(f => f.Name), .. Schema.SubjectSchema.Units.Select(f => f.Name),
        ];
        foreach (var name in names)
        {
            table.Add(name);
        }

        for (var year = 2000; year <= 2060; year++)
        {
            table.Add(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }

    /// <param name="text">The JSON text.</param>
    /// <param name="file">The file name, for diagnostics.</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <param name="fastPath">Whether plainly valid individuals are read straight from the tokens (the default); when
    /// false, every individual is loaded as a JSON tree and checked member by member (tests compare the two).</param>
    public SubjectJsonStreamReader(TextReader text, string file, DataLimits limits, bool fastPath = true)
    {
        _file = file;
        _limits = limits;
        _text = new CapturingTextReader(text, _commas);
        _json = new JsonTextReader(_text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = JsonSource.MaxDepth,
            PropertyNameTable = MemberNames,
        };
        _fast = fastPath ? new IndividualFastReader(_json, _text, file) : null;
    }

    public int? Year { get; private set; }

    public LocalDate? AsOf { get; private set; }

    public ImmutableArray<Unit> Units { get; private set; } = [];

    /// <summary>Whether the JSON itself is broken (nothing read can be trusted); a stray comma counts as soon as it is read.</summary>
    public bool Broken => _syntax.Count > 0 || _commas.Problem is not null;

    /// <summary>
    /// Reads up to the individuals (or to the end of the document); false when the header cannot be used (broken JSON,
    /// not an object, no year).
    /// </summary>
    public bool ReadHeader()
    {
        if (!ReadRoot())
        {
            return false;
        }

        ReadMembers();
        if (Broken)
        {
            return false;
        }

        ParseHeader();
        return Year is not null;
    }

    /// <summary>The individuals, each read as it is enumerated; enumerate once, after <see cref="ReadHeader"/>.</summary>
    public IEnumerable<Individual> Individuals()
    {
        if (_individualsTaken)
        {
            throw new InvalidOperationException("the individuals of a data file can be read only once");
        }

        _individualsTaken = true;
        return _buffered is not null ? Buffered() : _streaming ? ReadIndividuals(buffering: false) : None();
    }

    private IEnumerable<Individual> None()
    {
        Finish();
        yield break;
    }

    private IEnumerable<Individual> Buffered()
    {
        foreach (var individual in _buffered!)
        {
            yield return individual;
        }

        Finish();
    }

    /// <summary>Every diagnostic of reading: the JSON problems alone when there are any, else the content problems.</summary>
    public IEnumerable<Diagnostic> Diagnostics
    {
        get
        {
            if (!Broken)
            {
                return _content.ToSortedArray();
            }

            // The first JSON problem in the text, as a whole-document parse would report it: a stray comma is found
            // while the text is read, which may be ahead of where the reader stopped.
            var syntax = new DiagnosticBag();
            if (!_commas.Report(_file, syntax))
            {
                return syntax.ToSortedArray();
            }

            return _syntax.ToSortedArray();
        }
    }

    private bool ReadRoot()
    {
        if (!Next())
        {
            if (!Broken)
            {
                _syntax.Add(DiagnosticCodes.JsonEmptyFile, new SourceSpan(_file, 1, 1));
            }

            return false;
        }

        if (_json.TokenType != JsonToken.StartObject)
        {
            if (LoadToken("") is { } root)
            {
                _content.Add(DiagnosticCodes.DataWrongType, JsonSource.SpanOf(root, _file), DiagnosticCatalog.Phrase("json.document"), DiagnosticCatalog.Phrase("json.data-document"), JsonSource.Describe(root.Type));
                ReadEnd();
            }

            return false;
        }

        _rootSpan = new SourceSpan(_file, _json.LineNumber, Math.Max(1, _json.LinePosition));
        _headerReader = new ObjectReader(_header, _file, _content, "data", data: true, span: _rootSpan);
        _text.Trim(Position());
        return true;
    }

    /// <summary>Reads members until the individuals can be streamed, or to the end of the document.</summary>
    private void ReadMembers()
    {
        while (!Broken)
        {
            if (!Next())
            {
                return;
            }

            if (_json.TokenType == JsonToken.EndObject)
            {
                ReadEnd();
                return;
            }

            // Only PropertyName can follow inside an object (the reader enforces it).
            var name = (string)_json.Value!;
            if (_header.ContainsKey(name) || (name == "individuals" && (_streaming || _buffered is not null)))
            {
                var duplicate = ReadProperty(name);
                if (duplicate is not null)
                {
                    _syntax.Add(DiagnosticCodes.JsonDuplicateMember, JsonSource.SpanOf(duplicate, _file), "'" + name + "'");
                }

                return;
            }

            if (name == "individuals")
            {
                var (line, position) = (_json.LineNumber, _json.LinePosition);
                if (!Next())
                {
                    return;
                }

                if (_json.TokenType == JsonToken.StartArray)
                {
                    if (_header.ContainsKey("year") && _header.ContainsKey("asOf") && _header.ContainsKey("units"))
                    {
                        _streaming = true;
                        return;
                    }

                    // The header is not complete yet: read the individuals into memory and go on (binding, which
                    // needs the year and asOf, comes after the whole header is known).
                    _buffered = [.. ReadIndividuals(buffering: true)];
                    continue;
                }

                if (LoadToken("") is { } value)
                {
                    var individuals = new PositionedProperty(name, value, line, position);
                    JsonSource.Attach(individuals, _text.Snapshot(Position()));
                    _header.Add(individuals);
                }

                continue;
            }

            if (ReadProperty(name) is { } property)
            {
                _header.Add(property);
            }
        }
    }

    private void ParseHeader()
    {
        var r = _headerReader!;
        Year = r.Integer("year", required: true);
        if (Year is { } year && !Schema.SubjectChecks.YearInRange(year))
        {
            Schema.SubjectChecks.ReportYear("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), r.SpanOf("year"), _content);
            Year = null;
        }

        AsOf = r.Date("asOf");
        Units = r.Objects("units", "unit", u => SubjectJsonReader.ReadUnit(u, null));
        if (_header.ContainsKey("individuals"))
        {
            // Not an array (an array is streamed, never put in the header): reported as the wrong type.
            _ = r.Objects("individuals", "individual", i => SubjectJsonReader.ReadIndividual(i, null));
        }

        _subjects += Units.Length;
        if (_subjects > _limits.MaxSubjects)
        {
            TooMany(r.SpanOf("units"));
        }
    }

    private IEnumerable<Individual> ReadIndividuals(bool buffering)
    {
        var index = 0;
        while (!Broken)
        {
            if (!Next())
            {
                break;
            }

            if (_json.TokenType == JsonToken.EndArray)
            {
                _text.Trim(Position());
                break;
            }

            var prefix = "individuals[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            index++;
            if (++_subjects > _limits.MaxSubjects)
            {
                TooMany(new SourceSpan(_file, _json.LineNumber, Math.Max(1, _json.LinePosition), prefix));
                break;
            }

            JsonReader source = _json;
            if (_fast is not null && _json.TokenType == JsonToken.StartObject)
            {
                if (!TryReadFast(prefix, out var fast))
                {
                    break;
                }

                if (fast is not null)
                {
                    _text.Trim(Position());
                    yield return fast;
                    continue;
                }

                // Not plainly valid: load the record as a tree from the tokens read so far and the rest, and check it
                // member by member, as every record used to be.
                source = _fast.Replay(prefix);
            }

            if (LoadToken(source, prefix) is not { } element)
            {
                break;
            }

            if (element is not JObject obj)
            {
                _content.Add(DiagnosticCodes.DataWrongType, JsonSource.SpanOf(element, _file), "individuals[]", DiagnosticCatalog.Phrase("json.object"), JsonSource.Describe(element.Type));
                continue;
            }

            if (SubjectJsonReader.ReadIndividual(new ObjectReader(obj, _file, _content, "individual", data: true), null) is { } individual)
            {
                yield return individual;
            }
        }

        if (!buffering)
        {
            // The rest of the document: members after the individuals, the end, anything after it.
            ReadMembers();
            Finish();
        }
    }

    /// <summary>Reads the individual at the reader the fast way; false after a reading error (reported).</summary>
    private bool TryReadFast(string prefix, out Individual? individual)
    {
        individual = null;
        try
        {
            individual = _fast!.TryRead(prefix);
            return true;
        }
        catch (Exception ex) when (ex is JsonReaderException or OverflowException)
        {
            Fail(ex);
            return false;
        }
    }

    private void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (!Broken)
        {
            _headerReader?.Finish("individuals");
        }
    }

    private void TooMany(SourceSpan span) =>
        _syntax.Add(DiagnosticCodes.InputTooLarge, span,
            DiagnosticCatalog.Phrase("limit.subjects", _limits.MaxSubjects.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>After the root object: only comments may follow.</summary>
    private void ReadEnd()
    {
        try
        {
            if (_json.Read() && _json.TokenType != JsonToken.Comment)
            {
                _syntax.Add(DiagnosticCodes.JsonTextAfterDocument, new SourceSpan(_file, _json.LineNumber, _json.LinePosition));
            }
        }
        catch (JsonReaderException ex)
        {
            JsonSource.ReportReaderError(ex, _text.Window(), _file, _syntax);
        }

        _text.Drain();
    }

    /// <summary>Moves to the next token that is not a comment; false at the end or after a reading error.</summary>
    private bool Next()
    {
        try
        {
            while (_json.Read())
            {
                if (_json.TokenType != JsonToken.Comment)
                {
                    return true;
                }
            }

            // Inside the document, the end of the text is an error (Newtonsoft reports it in some states only).
            ReportEndOfText();
            return false;
        }
        catch (Exception ex) when (ex is JsonReaderException or OverflowException)
        {
            Fail(ex);
            return false;
        }
    }

    private void ReportEndOfText()
    {
        if (_json.TokenType is JsonToken.None or JsonToken.Comment && _json.Depth == 0)
        {
            // Nothing but white space and comments: the caller reports an empty file.
            return;
        }

        _syntax.Add(DiagnosticCodes.JsonUnexpectedEnd, new SourceSpan(_file, Math.Max(_json.LineNumber, 1), Math.Max(_json.LinePosition, 1), _json.Path));
    }

    /// <summary>Reads a member whose name the reader is at, with its position and raw text, or null after a reading error.</summary>
    private PositionedProperty? ReadProperty(string name)
    {
        var (line, position) = (_json.LineNumber, _json.LinePosition);
        if (!Next())
        {
            return null;
        }

        // JProperty.Load reads one token too many after a plain value; load the value and build the member instead.
        if (LoadToken("", trim: false) is not { } value)
        {
            return null;
        }

        var property = new PositionedProperty(name, value, line, position);
        JsonSource.Attach(property, _text.Snapshot(Position()));
        _text.Trim(Position());
        return property;
    }

    /// <summary>Loads the token at the reader (with its raw text, for exact positions), or null after a reading error.</summary>
    private JToken? LoadToken(string pathPrefix, bool trim = true) => LoadToken(_json, pathPrefix, trim);

    /// <summary>Loads the token at <paramref name="source"/> (the reader, or a replay of it), or null after a reading error.</summary>
    private JToken? LoadToken(JsonReader source, string pathPrefix, bool trim = true)
    {
        try
        {
            var token = JToken.ReadFrom(source, JsonSource.Settings);
            JsonSource.Attach(token, _text.Snapshot(Position(), pathPrefix));
            if (trim)
            {
                _text.Trim(Position());
            }

            if (!JsonSource.CheckNumbers(token, _file, _syntax))
            {
                _text.Drain();
                return null;
            }

            return token;
        }
        catch (Exception ex) when (ex is JsonReaderException or OverflowException)
        {
            Fail(ex);
            return null;
        }
    }

    /// <summary>Reports a reading error (bad JSON, or a number out of range) and reads the rest through the comma check.</summary>
    private void Fail(Exception ex)
    {
        if (ex is JsonReaderException reading)
        {
            JsonSource.ReportReaderError(reading, _text.Window(), _file, _syntax);
        }
        else
        {
            JsonSource.ReportOverflow(_json, _file, _syntax);
        }

        _text.Drain();
    }

    private long Position() => _text.OffsetAfter(_json.LineNumber, _json.LinePosition);

    public void Dispose() => ((IDisposable)_json).Dispose();

    /// <summary>A member built from a streamed name and value, keeping the position of its name as a loaded one would.</summary>
    private sealed class PositionedProperty(string name, JToken value, int line, int position) : JProperty(name, value), IJsonLineInfo
    {
        bool IJsonLineInfo.HasLineInfo() => true;

        int IJsonLineInfo.LineNumber => line;

        int IJsonLineInfo.LinePosition => position;
    }
}
