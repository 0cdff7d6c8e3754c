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

    // The raw lines of each parsed document, keyed by its root token, so that spans can point at the first character of
    // a token (Newtonsoft records the position after it) and expression offsets can account for JSON escapes.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JToken, string[]> Lines = [];

    public static JToken? Parse(TextReader text, string file, DiagnosticBag diagnostics)
    {
        // A byte-order mark is not part of the JSON (file readers drop it; text handed over by an editor may keep it).
        var content = text.ReadToEnd().TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(content))
        {
            diagnostics.Add(DiagnosticCodes.InvalidJson, new SourceSpan(file, 1, 1), "the file is empty: it must hold one JSON object");
            return null;
        }

        if (!CheckCommas(content, file, diagnostics))
        {
            return null;
        }

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
                diagnostics.Add(DiagnosticCodes.InvalidJson, new SourceSpan(file, reader.LineNumber, reader.LinePosition),
                    "additional text after the end of the JSON document");
                return null;
            }

            var lines = content.Split('\n');
            Lines.AddOrUpdate(token, lines);
            return CheckNumbers(token, file, diagnostics) ? token : null;
        }
        catch (JsonReaderException ex) when (ex.Message.Contains("MaxDepth", StringComparison.Ordinal))
        {
            // Deep nesting is a limit, not a syntax error: say which limit, so nobody hunts for a missing bracket.
            diagnostics.Add(DiagnosticCodes.InputTooLarge, ErrorSpan(content, file, ex),
                $"the JSON is nested more than {MaxDepth} levels deep; no rule or data file needs that many levels of [ ] and {{ }}");
            return null;
        }
        catch (JsonReaderException ex)
        {
            diagnostics.Add(DiagnosticCodes.InvalidJson, ErrorSpan(content, file, ex), CleanMessage(ex.Message));
            return null;
        }
        catch (OverflowException ex)
        {
            diagnostics.Add(DiagnosticCodes.InvalidJson, new SourceSpan(file, Math.Max(reader.LineNumber, 1), Math.Max(reader.LinePosition, 1), reader.Path),
                "number out of range: " + ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Integers too large for a decimal are read as <see cref="System.Numerics.BigInteger"/>, which no reader can convert;
    /// reports the first one (1e400 and other huge literals with an exponent already fail while reading).
    /// </summary>
    private static bool CheckNumbers(JToken root, string file, DiagnosticBag diagnostics)
    {
        var stack = new Stack<JToken>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JValue { Value: System.Numerics.BigInteger big } value:
                    diagnostics.Add(DiagnosticCodes.InvalidJson, SpanOf(value, file),
                        string.Create(CultureInfo.InvariantCulture, $"the number {Shorten(big.ToString(CultureInfo.InvariantCulture))} is too large; numbers must lie between -{decimal.MaxValue} and {decimal.MaxValue}"));
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
    private static SourceSpan ErrorSpan(string content, string file, JsonReaderException ex)
    {
        var line = Math.Max(ex.LineNumber, 1);
        var column = Math.Max(ex.LinePosition, 1);
        var lines = content.Split('\n');
        if (line > lines.Length || column > lines[line - 1].Length)
        {
            return new SourceSpan(file, line, column, ex.Path ?? "");
        }

        var text = lines[line - 1];
        var i = column - 1;
        if (ex.Message.Contains("already exists in the current JSON object", StringComparison.Ordinal))
        {
            // At the colon after the repeated name: point at the name's opening quote.
            var close = LastNonSpace(text, text[i] == ':' ? i - 1 : i);
            i = text[close] == '"' ? StringStart(text, close) : i;
        }
        else if (ex.Message.StartsWith("Bad JSON escape sequence", StringComparison.Ordinal))
        {
            i = i > 0 && text[i - 1] == '\\' ? i - 1 : i;
        }
        else if (char.IsWhiteSpace(text[i]))
        {
            while (i < text.Length - 1 && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }
        else if (IsLiteralCharacter(text[i]))
        {
            while (i > 0 && IsLiteralCharacter(text[i - 1]))
            {
                i--;
            }
        }

        return new SourceSpan(file, line, i + 1, ex.Path ?? "");
    }

    private static bool IsLiteralCharacter(char c) => char.IsLetterOrDigit(c) || c is '.' or '-' or '+';

    /// <summary>
    /// Newtonsoft tolerates trailing commas (<c>[1, 2,]</c>) and empty elements (<c>[1,,2]</c>); strict JSON does not,
    /// and a clerk's stray comma usually means something was deleted by mistake. Reports the first one.
    /// </summary>
    private static bool CheckCommas(string text, string file, DiagnosticBag diagnostics)
    {
        var line = 1;
        var column = 0;
        var inString = false;
        var escaped = false;
        var previous = '\0';
        var commaLine = 0;
        var commaColumn = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 0;
                continue;
            }

            column++;
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                    previous = c;
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (previous == ',' && c is '}' or ']' or ',')
            {
                diagnostics.Add(DiagnosticCodes.InvalidJson, new SourceSpan(file, commaLine, commaColumn),
                    c == ',' ? "an empty element between two commas" : "a comma before '" + c + "': remove it (trailing commas are not JSON)");
                return false;
            }

            if (c == ',' && previous is '[' or '{')
            {
                diagnostics.Add(DiagnosticCodes.InvalidJson, new SourceSpan(file, line, column), "a comma with no element before it");
                return false;
            }

            if (c == ',')
            {
                commaLine = line;
                commaColumn = column;
            }

            inString = c == '"';
            previous = c;
        }

        return true;
    }

    /// <summary>
    /// Newtonsoft appends "Path 'x', line 1, position 2." — the span already says where. What is left is completed with
    /// what to do for the mistakes people make by hand.
    /// </summary>
    private static string CleanMessage(string message)
    {
        var index = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (index < 0)
        {
            index = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        var text = (index > 0 ? message[..index] : message).TrimEnd('.', ' ');
        var hint = Hints.FirstOrDefault(h => text.Contains(h.Key, StringComparison.Ordinal)).Value;
        return hint is null ? text : text + ": " + hint;
    }

    // Newtonsoft's message fragments, each with the advice for a person editing the file by hand.
    private static readonly KeyValuePair<string, string>[] Hints =
    [
        new("Cannot read NaN value", "NaN is not a number in JSON; leave the member out, or write null, when the value is unknown"),
        new("Cannot read Infinity value", "Infinity is not a number in JSON; write a finite number, or null when the value is unknown"),
        new("Cannot read -Infinity value", "-Infinity is not a number in JSON; write a finite number, or null when the value is unknown"),
        new("is not a valid decimal", "write an ordinary decimal number such as 12 or 0.7, with at most 28 significant digits and no exponent"),
        new("Unterminated string", "the file ends inside a text value; close its quotes (was the file cut short?)"),
        new("Unexpected end", "the file ends too early; a closing } or ] is missing (was the file cut short?)"),
        new("already exists in the current JSON object", "remove one of the two members of the same name"),
        new("Additional text encountered after finished reading JSON content", "the file must hold exactly one JSON value; remove what follows it"),
        new("Invalid property identifier character", "put member names in double quotes, as in \"id\""),
        new("Unexpected character encountered while parsing value", "write text in double quotes, numbers as digits, and true, false or null as they are"),
    ];

    /// <summary>The position of the first character of a token (the opening quote of a property or string).</summary>
    public static SourceSpan SpanOf(JToken token, string file)
    {
        var info = (IJsonLineInfo)token;
        if (!info.HasLineInfo())
        {
            return new SourceSpan(file, 0, 0, token.Path);
        }

        var line = info.LineNumber;
        var after = info.LinePosition;
        var text = RawLine(token, line);
        var column = after;
        if (text is not null && after <= text.Length)
        {
            column = token switch
            {
                JProperty => StringStart(text, LastNonSpace(text, after - 2)) + 1,
                JValue { Type: JTokenType.String } => StringStart(text, after - 1) + 1,
                JValue => LiteralStart(text, after) + 1,
                _ => after,
            };
        }

        return new SourceSpan(file, line, Math.Max(1, column), token.Path);
    }

    /// <summary>The raw JSON text between the quotes of a string value (escapes not decoded), or null.</summary>
    public static string? RawString(JValue value)
    {
        var info = (IJsonLineInfo)value;
        if (!info.HasLineInfo() || RawLine(value, info.LineNumber) is not { } text || info.LinePosition > text.Length)
        {
            return null;
        }

        var close = info.LinePosition - 1;
        var open = StringStart(text, close);
        return open < close ? text[(open + 1)..close] : null;
    }

    private static string? RawLine(JToken token, int line) =>
        Lines.TryGetValue(token.Root, out var lines) && line >= 1 && line <= lines.Length ? lines[line - 1] : null;

    private static int LastNonSpace(string text, int index)
    {
        while (index > 0 && char.IsWhiteSpace(text[index]))
        {
            index--;
        }

        return index;
    }

    /// <summary>From the index of a closing quote, the index of the opening quote (skipping escaped quotes).</summary>
    private static int StringStart(string text, int close)
    {
        for (var i = close - 1; i >= 0; i--)
        {
            if (text[i] != '"')
            {
                continue;
            }

            var backslashes = 0;
            for (var j = i - 1; j >= 0 && text[j] == '\\'; j--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return i;
            }
        }

        return Math.Max(0, close);
    }

    private static int LiteralStart(string text, int after)
    {
        var i = after - 1;
        while (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '-' or '+'))
        {
            i--;
        }

        return i;
    }

    public static string Describe(JTokenType type) => type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.String => "a string",
        JTokenType.Boolean => "true/false",
        JTokenType.Null or JTokenType.Undefined => "null",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static bool TryParseDate(string text, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success && text.Length == 10;
    }

    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
