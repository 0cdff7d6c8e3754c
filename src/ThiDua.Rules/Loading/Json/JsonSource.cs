using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading.Json;

/// <summary>Parses JSON text into a <see cref="JToken"/> tree with line information, turning every failure into a diagnostic.</summary>
internal static class JsonSource
{
    /// <summary>The deepest nesting accepted in any JSON input.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    // The raw text behind parsed tokens (a whole document, or one record of a streamed file), so that spans can point at
    // the first character of a token (Newtonsoft records the position after it) and expression offsets can account for
    // JSON escapes. Looked up from a token through its ancestors.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JToken, RawText> Texts = [];

    /// <summary>Remembers the raw text that <paramref name="token"/> (and everything inside it) was read from.</summary>
    public static void Attach(JToken token, RawText text) => Texts.AddOrUpdate(token, text);

    /// <summary>
    /// Gives <paramref name="copy"/> (an object made of values copied from the document of <paramref name="source"/>,
    /// which keep their lines and positions) the document's text, so that its values' columns are found as the
    /// originals' are.
    /// </summary>
    public static T ShareText<T>(JToken source, T copy)
        where T : JToken
    {
        if (TextOf(source) is { } raw)
        {
            Attach(copy, raw);
        }

        return copy;
    }

    public static JToken? Parse(TextReader text, string file, DiagnosticBag diagnostics)
    {
        // A byte-order mark is not part of the JSON (file readers drop it; text handed over by an editor may keep it).
        var content = text.ReadToEnd().TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(content))
        {
            diagnostics.Add(DiagnosticCodes.JsonEmptyFile, new SourceSpan(file, 1, 1));
            return null;
        }

        var commas = new CommaChecker();
        commas.Feed(content);
        if (!commas.Report(file, diagnostics))
        {
            return null;
        }

        var raw = new RawText(content, 1, 1);
        using var reader = new JsonTextReader(new StringReader(content))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = MaxDepth,
        };
        try
        {
            var token = JToken.ReadFrom(reader, LoadSettings);
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                diagnostics.Add(DiagnosticCodes.JsonTextAfterDocument, new SourceSpan(file, reader.LineNumber, reader.LinePosition));
                return null;
            }

            Attach(token, raw);
            return CheckNumbers(token, file, diagnostics) ? token : null;
        }
        catch (JsonReaderException ex)
        {
            ReportReaderError(ex, raw, file, diagnostics);
            return null;
        }
        catch (OverflowException)
        {
            ReportOverflow(reader, file, diagnostics);
            return null;
        }
    }

    /// <summary>The settings for loading one token (with line information, duplicate names rejected, comments skipped).</summary>
    public static JsonLoadSettings Settings => LoadSettings;

    /// <summary>Reports an exception of the JSON reader at the first character of the offending token.</summary>
    public static void ReportReaderError(JsonReaderException ex, RawText? raw, string file, DiagnosticBag diagnostics) =>
        JsonSyntax.Report(CleanMessage(ex.Message), ErrorSpan(raw, file, ex), diagnostics);

    /// <summary>Reports a number too large for its type at the reader's position (the overflow's own message says no more).</summary>
    public static void ReportOverflow(JsonReader reader, string file, DiagnosticBag diagnostics)
    {
        var info = (IJsonLineInfo)reader;
        diagnostics.Add(DiagnosticCodes.JsonNumberOutOfRange, new SourceSpan(file, Math.Max(info.LineNumber, 1), Math.Max(info.LinePosition, 1), reader.Path), "…");
    }

    /// <summary>
    /// Integers too large for a decimal are read as <see cref="System.Numerics.BigInteger"/>, which no reader can convert;
    /// reports the first one (1e400 and other huge literals with an exponent already fail while reading).
    /// </summary>
    public static bool CheckNumbers(JToken root, string file, DiagnosticBag diagnostics)
    {
        var stack = new Stack<JToken>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JValue { Value: System.Numerics.BigInteger big } value:
                    diagnostics.Add(DiagnosticCodes.JsonNumberOutOfRange, SpanOf(value, file), Shorten(big.ToString(CultureInfo.InvariantCulture)));
                    return false;
                case JContainer container:
                    // Children in reverse, so that the first number in the file is met first.
                    for (var child = container.Last; child is not null; child = child == container.First ? null : child.Previous)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";

    /// <summary>
    /// Where a reading error is, as a person would point at it. Newtonsoft reports the last character it consumed: the
    /// space before an unexpected token, the last letter of <c>NaN</c> or <c>1e400</c>, the colon after a duplicate
    /// member name. Moves to the first character of the offending token.
    /// </summary>
    private static SourceSpan ErrorSpan(RawText? raw, string file, JsonReaderException ex)
    {
        var line = Math.Max(ex.LineNumber, 1);
        var column = Math.Max(ex.LinePosition, 1);
        var lineStart = 0;
        var lineEnd = 0;
        var i = raw is null ? -1 : raw.IndexOf(line, column, out lineStart, out lineEnd);
        if (i < 0)
        {
            return new SourceSpan(file, line, column, ex.Path ?? "");
        }

        var text = raw!.Text;
        if (ex.Message.Contains("already exists in the current JSON object", StringComparison.Ordinal))
        {
            // At the colon after the repeated name: point at the name's opening quote.
            var close = LastNonSpace(text, lineStart, text[i] == ':' ? i - 1 : i);
            i = text[close] == '"' ? StringStart(text, lineStart, close) : i;
        }
        else if (ex.Message.StartsWith("Bad JSON escape sequence", StringComparison.Ordinal))
        {
            i = i > lineStart && text[i - 1] == '\\' ? i - 1 : i;
        }
        else if (UnexpectedCharacter(ex.Message) is { } unexpected && text[i] != unexpected && NextNonSpace(text, i + 1, lineEnd) is var next
            && next < lineEnd && text[next] == unexpected)
        {
            // Newtonsoft stops at the end of the value before the character it did not expect (as in "}{" with a
            // missing comma): point at that character.
            i = next;
        }
        else if (char.IsWhiteSpace(text[i]))
        {
            while (i < lineEnd - 1 && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }
        else if (IsLiteralCharacter(text[i]))
        {
            while (i > lineStart && IsLiteralCharacter(text[i - 1]))
            {
                i--;
            }
        }

        return new SourceSpan(file, line, raw.ColumnOf(line, i, lineStart), ex.Path ?? "");
    }

    private static char? UnexpectedCharacter(string message)
    {
        const string Prefix = "After parsing a value an unexpected character was encountered: ";
        return message.StartsWith(Prefix, StringComparison.Ordinal) && message.Length > Prefix.Length ? message[Prefix.Length] : null;
    }

    private static int NextNonSpace(string text, int index, int end)
    {
        while (index < end && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static bool IsLiteralCharacter(char c) => char.IsLetterOrDigit(c) || c is '.' or '-' or '+';

    /// <summary>
    /// Newtonsoft appends "Path 'x', line 1, position 2." — the span already says where; what is left is classified by
    /// <see cref="JsonSyntax"/>, whose catalog entries say what to do.
    /// </summary>
    private static string CleanMessage(string message)
    {
        var index = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (index < 0)
        {
            index = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        return (index > 0 ? message[..index] : message).TrimEnd('.', ' ');
    }

    /// <summary>The position of the first character of a token (the opening quote of a property or string).</summary>
    public static SourceSpan SpanOf(JToken token, string file)
    {
        var info = (IJsonLineInfo)token;
        if (!info.HasLineInfo())
        {
            return new SourceSpan(file, 0, 0, PathOf(token));
        }

        var line = info.LineNumber;
        var after = info.LinePosition;
        var raw = TextOf(token);
        var path = raw is null ? PathOf(token) : raw.PathOf(PathOf(token));
        if (token is JContainer and not JProperty)
        {
            return new SourceSpan(file, line, Math.Max(1, after), path);
        }

        var column = after;
        if (raw is not null && raw.TryGetLine(line, out var lineStart, out var lineEnd, out var startColumn))
        {
            var kind = token switch
            {
                JProperty => TokenKind.Property,
                JValue { Type: JTokenType.String } => TokenKind.String,
                _ => TokenKind.Literal,
            };
            column = TokenColumn(raw.Text, lineStart, lineEnd, startColumn, after, kind);
        }

        return new SourceSpan(file, line, Math.Max(1, column), path);
    }

    // Each large array's elements by reference, for their index (JToken.Path finds it by a linear search, which made
    // reading 100,000 units quadratic: every span of every unit searched the array again).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JArray, Dictionary<JToken, int>> Indexes = [];

    // Property names as JToken.Path writes them ("name", or "['a b']" when escaping is needed); names repeat.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> NameSegments = new(StringComparer.Ordinal);

    /// <summary>The same text as <see cref="JToken.Path"/>, in time linear in the depth rather than in the size of arrays.</summary>
    public static string PathOf(JToken token)
    {
        var segments = new List<string>();
        for (var t = token; t.Parent is not null; t = t.Parent)
        {
            if (t.Parent is JArray array)
            {
                segments.Add("[" + IndexIn(array, t).ToString(CultureInfo.InvariantCulture) + "]");
            }
            else if (t is JProperty property)
            {
                segments.Add(NameSegments.GetOrAdd(property.Name, static name => new JObject(new JProperty(name, JValue.CreateNull())).First!.Path));
            }
        }

        var builder = new System.Text.StringBuilder();
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var segment = segments[i];
            if (builder.Length > 0 && (segment.Length == 0 || segment[0] != '['))
            {
                builder.Append('.');
            }

            builder.Append(segment);
        }

        return builder.ToString();
    }

    private static int IndexIn(JArray array, JToken item)
    {
        if (array.Count <= 32)
        {
            return array.IndexOf(item);
        }

        var indexes = Indexes.GetValue(array, static a =>
        {
            var map = new Dictionary<JToken, int>(a.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < a.Count; i++)
            {
                map[a[i]] = i;
            }

            return map;
        });
        return indexes.TryGetValue(item, out var index) ? index : array.IndexOf(item);
    }

    /// <summary>What a token is, for finding its first character from where the reader reported it.</summary>
    public enum TokenKind
    {
        /// <summary>A member name (reported after its colon).</summary>
        Property,

        /// <summary>A string (reported at its closing quote).</summary>
        String,

        /// <summary>A number, true, false or null (reported at its last character).</summary>
        Literal,
    }

    /// <summary>
    /// The 1-based column of the first character of a token that the JSON reader reported at <paramref name="position"/>,
    /// in <paramref name="text"/> whose line runs from <paramref name="lineStart"/> to <paramref name="lineEnd"/> and
    /// whose character at <paramref name="lineStart"/> is at column <paramref name="startColumn"/>; the reported
    /// position itself when that character is not in the text.
    /// </summary>
    public static int TokenColumn(ReadOnlySpan<char> text, int lineStart, int lineEnd, int startColumn, int position, TokenKind kind)
    {
        var last = lineStart + position - startColumn;
        if (last < lineStart || last >= lineEnd)
        {
            return position;
        }

        var index = kind switch
        {
            TokenKind.Property => StringStart(text, lineStart, LastNonSpace(text, lineStart, last - 1)),
            TokenKind.String => StringStart(text, lineStart, last),
            _ => LiteralStart(text, lineStart, last + 1),
        };
        return index - lineStart + startColumn;
    }

    /// <summary>The raw JSON text between the quotes of a string value (escapes not decoded), or null.</summary>
    public static string? RawString(JValue value)
    {
        var info = (IJsonLineInfo)value;
        if (!info.HasLineInfo() || TextOf(value) is not { } raw)
        {
            return null;
        }

        var close = raw.IndexOf(info.LineNumber, info.LinePosition, out var lineStart, out _);
        if (close < 0)
        {
            return null;
        }

        var open = StringStart(raw.Text, lineStart, close);
        return open < close ? raw.Text[(open + 1)..close] : null;
    }

    private static RawText? TextOf(JToken token)
    {
        for (JToken? t = token; t is not null; t = t.Parent)
        {
            if (Texts.TryGetValue(t, out var raw))
            {
                return raw;
            }
        }

        return null;
    }

    private static int LastNonSpace(ReadOnlySpan<char> text, int lineStart, int index)
    {
        while (index > lineStart && char.IsWhiteSpace(text[index]))
        {
            index--;
        }

        return index;
    }

    /// <summary>From the index of a closing quote, the index of the opening quote (skipping escaped quotes).</summary>
    private static int StringStart(ReadOnlySpan<char> text, int lineStart, int close)
    {
        for (var i = close - 1; i >= lineStart; i--)
        {
            if (text[i] != '"')
            {
                continue;
            }

            var backslashes = 0;
            for (var j = i - 1; j >= lineStart && text[j] == '\\'; j--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return i;
            }
        }

        return Math.Max(lineStart, close);
    }

    private static int LiteralStart(ReadOnlySpan<char> text, int lineStart, int after)
    {
        var i = after - 1;
        while (i > lineStart && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '-' or '+'))
        {
            i--;
        }

        return i;
    }

    /// <summary>What a JSON value is, as a catalog phrase.</summary>
    public static string Describe(JTokenType type) => DiagnosticCatalog.JsonKind(type);

    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
