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

    public static JToken? Parse(TextReader text, string file, DiagnosticBag diagnostics)
    {
        using var reader = new JsonTextReader(text)
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

            return token;
        }
        catch (JsonReaderException ex)
        {
            diagnostics.Add(DiagnosticCodes.InvalidJson, new SourceSpan(file, Math.Max(ex.LineNumber, 1), Math.Max(ex.LinePosition, 1), ex.Path ?? ""),
                CleanMessage(ex.Message));
            return null;
        }
        catch (OverflowException ex)
        {
            diagnostics.Add(DiagnosticCodes.InvalidJson, new SourceSpan(file, Math.Max(reader.LineNumber, 1), Math.Max(reader.LinePosition, 1), reader.Path),
                "number out of range: " + ex.Message);
            return null;
        }
    }

    /// <summary>Newtonsoft appends "Path 'x', line 1, position 2." — the span already says where.</summary>
    private static string CleanMessage(string message)
    {
        var index = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (index < 0)
        {
            index = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        return (index > 0 ? message[..index] : message).TrimEnd('.', ' ');
    }

    public static SourceSpan SpanOf(JToken token, string file)
    {
        var info = (IJsonLineInfo)token;
        var line = info.HasLineInfo() ? info.LineNumber : 0;
        var column = info.HasLineInfo() ? info.LinePosition : 0;

        // Newtonsoft records the position just after a token. For a string value, step back to its opening quote
        // so that positions inside expressions line up with the file.
        if (token is JValue { Type: JTokenType.String } value && column > 0)
        {
            column = Math.Max(1, column - ((string)value.Value!).Length - 1);
        }
        else if (token is JProperty property && column > 0)
        {
            // After the property name's closing quote: step back to the opening quote.
            column = Math.Max(1, column - property.Name.Length - 1);
        }

        return new SourceSpan(file, line, column, token.Path);
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
