using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// Reads one individual of a streamed data file straight from the JSON reader's tokens, without building a JSON tree,
/// for the records a data file is made of: every member known, of the right type, in range. It gives up at the first
/// thing it does not take as it is (an unknown or repeated member, a wrong type, a bad date, a negative count, a huge
/// number, the end of the text); the record is then loaded and checked by <see cref="SubjectJsonReader"/> as before,
/// from the tokens recorded so far (<see cref="Replay"/>), so every problem is reported exactly as it always was.
/// </summary>
/// <remarks>
/// What it builds is what <see cref="SubjectJsonReader.ReadIndividual"/> builds from the same record, spans included:
/// a test loads generated and mutated documents both ways and compares. Not thread-safe; one per reader.
/// </remarks>
internal sealed class IndividualFastReader(JsonTextReader json, CapturingTextReader text, string file)
{
    private const int MaxHistoryYears = 100;
    private const int MaxFacts = 64;

    private readonly List<string> _keys = [];
    private readonly List<AwardRecord> _awards = [];
    private readonly List<HistoryYear> _years = [];
    private readonly List<Initiative> _works = [];
    private List<KeyValuePair<string, object?>> _facts = [];
    private List<KeyValuePair<string, object?>> _lastFacts = [];
    private ImmutableDictionary<string, object?>? _lastFactsValue;
    private RecordedToken[] _tokens = new RecordedToken[128];
    private int _count;
    private bool _ended;

    /// <summary>
    /// Reads the individual whose start the reader is at, to its end; null when the record is not plainly valid, with the
    /// reader stopped at the token that showed it. Exceptions of the JSON reader pass through.
    /// </summary>
    /// <param name="path">The record's JSON path (<c>individuals[12]</c>).</param>
    public Individual? TryRead(string path)
    {
        _count = 0;
        _ended = false;
        Record();
        var span = ObjectSpan(path);
        string? id = null, name = null, unit = null, rating = null, employeeType = null;
        LocalDate? startDate = null;
        decimal? monthsWorked = null, daysAbsent = null;
        Discipline? discipline = null;
        bool? pendingReview = null;
        var initiatives = ImmutableArray<Initiative>.Empty;
        var researchWorks = ImmutableArray<Initiative>.Empty;
        var facts = ImmutableDictionary<string, object?>.Empty;
        var history = ImmutableArray<HistoryYear>.Empty;
        var seen = 0;
        while (true)
        {
            if (!Next())
            {
                return null;
            }

            if (json.TokenType == JsonToken.EndObject)
            {
                break;
            }

            var member = (string)json.Value!;
            var bit = Bit(member);
            if (bit == 0 || (seen & bit) != 0 || !Next())
            {
                return null;
            }

            seen |= bit;
            var read = member switch
            {
                "id" => Id(out id),
                "name" => String(out name),
                "unit" => String(out unit),
                "rating" => String(out rating),
                "employeeType" => String(out employeeType) && (employeeType is null || Schema.SubjectSchema.EmployeeTypes.Contains(employeeType)),
                "startDate" => Date(out startDate),
                "monthsWorked" => InRange(MonthsWorked, out monthsWorked),
                "daysAbsent" => InRange(DaysAbsent, out daysAbsent),
                "discipline" => Discipline(path + ".discipline", out discipline),
                "pendingReview" => Bool(out pendingReview),
                "initiatives" => Initiatives(path + ".initiatives", out initiatives),
                "researchWorks" => Initiatives(path + ".researchWorks", out researchWorks),
                "facts" => Facts(out facts),
                _ => History(path + ".history", out history),
            };
            if (!read)
            {
                return null;
            }
        }

        return id is null
            ? null
            : new Individual
            {
                Id = id,
                Name = name,
                Unit = unit,
                Rating = rating,
                EmployeeType = employeeType,
                StartDate = startDate,
                MonthsWorked = monthsWorked,
                DaysAbsent = daysAbsent,
                Discipline = discipline,
                PendingReview = pendingReview,
                Initiatives = initiatives,
                ResearchWorks = researchWorks,
                Facts = facts,
                History = history,
                Span = span,
            };
    }

    /// <summary>A reader that gives the record's tokens read so far, then the rest of it, to load it as a JSON tree.</summary>
    public ReplayJsonReader Replay(string path) => new(_tokens, _count, json, _ended, path);

    private static int Bit(string member) => member switch
    {
        "id" => 1,
        "name" => 1 << 1,
        "unit" => 1 << 2,
        "rating" => 1 << 3,
        "employeeType" => 1 << 4,
        "startDate" => 1 << 5,
        "monthsWorked" => 1 << 6,
        "daysAbsent" => 1 << 7,
        "discipline" => 1 << 8,
        "pendingReview" => 1 << 9,
        "initiatives" => 1 << 10,
        "researchWorks" => 1 << 11,
        "facts" => 1 << 12,
        "history" => 1 << 13,
        _ => 0,
    };

    private void Record()
    {
        if (_count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _count * 2);
        }

        _tokens[_count++] = new RecordedToken(json.TokenType, json.Value, json.LineNumber, json.LinePosition);
    }

    /// <summary>The next token that is not a comment, recorded; false at the end of the text.</summary>
    private bool Next()
    {
        if (_ended)
        {
            return false;
        }

        while (json.Read())
        {
            if (json.TokenType != JsonToken.Comment)
            {
                Record();
                return true;
            }
        }

        _ended = true;
        return false;
    }

    /// <summary>Whether the reader is at a token of <paramref name="type"/> (never after the end of the text).</summary>
    private bool At(JsonToken type) => !_ended && json.TokenType == type;

    private SourceSpan ObjectSpan(string path) => new(file, json.LineNumber, Math.Max(1, json.LinePosition), path);

    private SourceSpan TokenSpan(string path, JsonSource.TokenKind kind) =>
        new(file, json.LineNumber, Math.Max(1, text.TokenColumn(json.LineNumber, json.LinePosition, kind)), path);

    private bool String(out string? value, bool required = false)
    {
        value = null;
        return json.TokenType switch
        {
            JsonToken.String => (value = Normalize((string)json.Value!)) is not null,
            JsonToken.Null => !required,
            _ => false,
        };
    }

    private static string Normalize(string value) => Loading.Nfc.Of(value);

    private bool Date(out LocalDate? value)
    {
        value = null;
        switch (json.TokenType)
        {
            case JsonToken.Null:
                return true;
            case JsonToken.String when IsoDate.TryParse((string)json.Value!, out var date):
                value = date;
                return true;
            default:
                return false;
        }
    }

    private bool Number(out decimal? value)
    {
        value = json.TokenType switch
        {
            JsonToken.Integer when json.Value is long l => l,
            JsonToken.Float when json.Value is decimal d => d,
            _ => null,
        };
        return value is not null || json.TokenType == JsonToken.Null;
    }

    private static readonly Schema.SubjectField MonthsWorked = Schema.SubjectSchema.Find(true, "monthsWorked")!;
    private static readonly Schema.SubjectField DaysAbsent = Schema.SubjectSchema.Find(true, "daysAbsent")!;

    // A value the schema does not accept is left to the member-by-member reader, which reports it at its place.
    private bool InRange(Schema.SubjectField field, out decimal? value) =>
        Number(out value) && !(value < field.Minimum) && !(value > field.Maximum);

    private bool Id(out string? value) =>
        String(out value, required: true) && value is not null && value.Length > 0 && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]);

    private bool Bool(out bool? value)
    {
        value = json.TokenType == JsonToken.Boolean ? (bool)json.Value! : null;
        return value is not null || json.TokenType == JsonToken.Null;
    }

    private bool Discipline(string path, out Discipline? value)
    {
        value = null;
        if (json.TokenType == JsonToken.Null)
        {
            return true;
        }

        if (json.TokenType != JsonToken.StartObject)
        {
            return false;
        }

        var span = ObjectSpan(path);
        string? level = null;
        LocalDate? date = null, endDate = null;
        var seen = 0;
        while (Next() && At(JsonToken.PropertyName))
        {
            var member = (string)json.Value!;
            var bit = member switch { "level" => 1, "date" => 2, "endDate" => 4, _ => 0 };
            if (bit == 0 || (seen & bit) != 0 || !Next())
            {
                return false;
            }

            seen |= bit;
            var read = bit switch
            {
                1 => String(out level, required: true),
                2 => Date(out date),
                _ => Date(out endDate),
            };
            if (!read)
            {
                return false;
            }
        }

        if (!At(JsonToken.EndObject) || level is null)
        {
            return false;
        }

        value = new Discipline(level, date, endDate, span);
        return true;
    }

    private bool Initiatives(string path, out ImmutableArray<Initiative> value)
    {
        value = [];
        if (json.TokenType == JsonToken.Null)
        {
            return true;
        }

        if (json.TokenType != JsonToken.StartArray)
        {
            return false;
        }

        var builder = _works;
        builder.Clear();
        while (Next() && At(JsonToken.StartObject))
        {
            var span = ObjectSpan(string.Concat(path, "[", builder.Count.ToString(CultureInfo.InvariantCulture), "]"));
            string? name = null, scope = null;
            LocalDate? recognizedOn = null;
            var seen = 0;
            while (Next() && At(JsonToken.PropertyName))
            {
                var member = (string)json.Value!;
                var bit = member switch { "name" => 1, "scope" => 2, "recognizedOn" => 4, _ => 0 };
                if (bit == 0 || (seen & bit) != 0 || !Next())
                {
                    return false;
                }

                seen |= bit;
                var read = bit switch
                {
                    1 => String(out name),
                    2 => String(out scope),
                    _ => Date(out recognizedOn),
                };
                if (!read)
                {
                    return false;
                }
            }

            if (!At(JsonToken.EndObject))
            {
                return false;
            }

            builder.Add(new Initiative(name, scope, recognizedOn, span));
        }

        if (!At(JsonToken.EndArray))
        {
            return false;
        }

        value = ImmutableArray.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(builder));
        return true;
    }

    private bool Facts(out ImmutableDictionary<string, object?> value)
    {
        value = ImmutableDictionary<string, object?>.Empty;
        if (json.TokenType == JsonToken.Null)
        {
            return true;
        }

        if (json.TokenType != JsonToken.StartObject)
        {
            return false;
        }

        _facts.Clear();
        while (Next() && At(JsonToken.PropertyName))
        {
            // Many facts are left to the member-by-member reader (finding a repeated one here is quadratic).
            var key = (string)json.Value!;
            if (_facts.Count >= MaxFacts || HasFact(key) || !Next())
            {
                return false;
            }

            object? fact;
            switch (json.TokenType)
            {
                case JsonToken.Boolean:
                    fact = json.Value;
                    break;
                case JsonToken.Integer or JsonToken.Float when Number(out var number):
                    fact = number!.Value;
                    break;
                case JsonToken.String:
                    fact = Normalize((string)json.Value!);
                    break;
                case JsonToken.Null:
                    fact = null;
                    break;
                default:
                    return false;
            }

            _facts.Add(new(key, fact));
        }

        if (!At(JsonToken.EndObject))
        {
            return false;
        }

        value = SameFactsAsBefore() ? _lastFactsValue! : RememberFacts();
        return true;
    }

    private bool HasFact(string key)
    {
        foreach (var fact in _facts)
        {
            if (string.Equals(fact.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the facts just read are those of the record before (same names in the same order, same values
    /// written the same way): most records of a file repeat them, and the dictionary is then shared.</summary>
    private bool SameFactsAsBefore()
    {
        if (_lastFactsValue is null || _lastFacts.Count != _facts.Count)
        {
            return false;
        }

        for (var i = 0; i < _facts.Count; i++)
        {
            var (key, value) = _facts[i];
            var (lastKey, lastValue) = _lastFacts[i];
            var same = value is decimal d && lastValue is decimal e ? d == e && d.Scale == e.Scale : Equals(value, lastValue);
            if (!string.Equals(key, lastKey, StringComparison.Ordinal) || !same)
            {
                return false;
            }
        }

        return true;
    }

    private ImmutableDictionary<string, object?> RememberFacts()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in _facts)
        {
            builder[key] = value;
        }

        (_facts, _lastFacts) = (_lastFacts, _facts);
        _lastFactsValue = builder.ToImmutable();
        return _lastFactsValue;
    }

    private bool History(string path, out ImmutableArray<HistoryYear> value)
    {
        value = [];
        if (json.TokenType == JsonToken.Null)
        {
            return true;
        }

        if (json.TokenType != JsonToken.StartObject)
        {
            return false;
        }

        _keys.Clear();
        var builder = _years;
        builder.Clear();
        var ordered = true;
        while (Next() && At(JsonToken.PropertyName))
        {
            var key = (string)json.Value!;
            // A history of more years than anyone has is left to the member-by-member reader (this check is quadratic).
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < SubjectData.MinYear or > SubjectData.MaxYear
                || _keys.Count >= MaxHistoryYears || _keys.Contains(key))
            {
                return false;
            }

            _keys.Add(key);
            var entryPath = path + "." + key;
            var span = TokenSpan(entryPath, JsonSource.TokenKind.Property);
            if (!Next() || json.TokenType != JsonToken.StartObject || !HistoryEntry(entryPath, out var rating, out var awards, out var facts))
            {
                return false;
            }

            ordered &= builder.Count == 0 || builder[^1].Year <= year;
            builder.Add(new HistoryYear(year, rating, awards, span) { Facts = facts });
        }

        if (!At(JsonToken.EndObject))
        {
            return false;
        }

        // In year order, keeping the document's order for equal years (a stable sort, as the loader's).
        value = ordered ? ImmutableArray.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(builder)) : [.. builder.OrderBy(y => y.Year)];
        return true;
    }

    private bool HistoryEntry(string entryPath, out string? rating, out ImmutableArray<AwardRecord> awards, out ImmutableDictionary<string, object?> facts)
    {
        rating = null;
        awards = [];
        facts = ImmutableDictionary<string, object?>.Empty;
        var seen = 0;
        while (Next() && At(JsonToken.PropertyName))
        {
            var member = (string)json.Value!;
            var bit = member switch { "rating" => 1, "awards" => 2, "facts" => 4, _ => 0 };
            if (bit == 0 || (seen & bit) != 0 || !Next())
            {
                return false;
            }

            seen |= bit;
            if (!(bit switch { 1 => String(out rating), 2 => Awards(entryPath, out awards), _ => Facts(out facts) }))
            {
                return false;
            }
        }

        return At(JsonToken.EndObject);
    }

    /// <summary>The awards of a history year (at <paramref name="entryPath"/>) into <paramref name="value"/>.</summary>
    private bool Awards(string entryPath, out ImmutableArray<AwardRecord> value)
    {
        value = [];
        if (json.TokenType == JsonToken.Null)
        {
            return true;
        }

        if (json.TokenType != JsonToken.StartArray)
        {
            return false;
        }

        _awards.Clear();
        while (Next() && !At(JsonToken.EndArray))
        {
            var elementPath = string.Concat(entryPath, ".awards[", _awards.Count.ToString(CultureInfo.InvariantCulture), "]");
            if (json.TokenType == JsonToken.String)
            {
                // An award id as written (the loader does not normalise these).
                _awards.Add(new AwardRecord((string)json.Value!, null, TokenSpan(elementPath, JsonSource.TokenKind.String)));
                continue;
            }

            if (json.TokenType != JsonToken.StartObject || !AwardObject(ObjectSpan(elementPath), out var record))
            {
                return false;
            }

            _awards.Add(record);
        }

        if (!At(JsonToken.EndArray))
        {
            return false;
        }

        value = ImmutableArray.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_awards));
        return true;
    }

    private bool AwardObject(SourceSpan span, out AwardRecord value)
    {
        value = null!;
        string? id = null;
        LocalDate? decidedOn = null;
        var seen = 0;
        while (Next() && At(JsonToken.PropertyName))
        {
            var member = (string)json.Value!;
            var bit = member switch { "id" => 1, "decidedOn" => 2, _ => 0 };
            if (bit == 0 || (seen & bit) != 0 || !Next() || !(bit == 1 ? String(out id, required: true) : Date(out decidedOn)))
            {
                return false;
            }

            seen |= bit;
        }

        if (!At(JsonToken.EndObject) || id is null)
        {
            return false;
        }

        value = new AwardRecord(id, decidedOn, span);
        return true;
    }
}
