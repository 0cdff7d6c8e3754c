using System.Text.RegularExpressions;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// The JSON syntax errors people make by hand, each with its own code (<c>TDR122</c>–<c>TDR137</c>) and catalog text,
/// told apart from Newtonsoft.Json's messages; the values a message carries (the character met, a member's name) are
/// passed as arguments, so no English sentence reaches a Vietnamese reader. The rarer mistakes are <c>TDR001</c> with a
/// catalog phrase saying what is wrong (a misspelt true/false/null, a malformed or unclosed comment, a constructor);
/// any other message of the reader is <c>TDR001</c> with the catalog's sentence on the JSON's structure. Newtonsoft's
/// own text is never shown.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>The code and arguments for a reader's message (its trailing "Path '…', line …" already removed or not).</summary>
    public static (DiagnosticCode Code, string[] Arguments) Classify(string message)
    {
        foreach (var (pattern, code) in Kinds)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return code == DiagnosticCodes.JsonTooDeep ? (code, [match.Groups["d"].Value])
                    : (code, match.Groups["v"].Success ? [Quote(match.Groups["v"].Value)] : []);
            }
        }

        foreach (var (pattern, phrase) in Phrases)
        {
            if (pattern.IsMatch(message))
            {
                return (DiagnosticCodes.InvalidJson, [DiagnosticCatalog.Phrase(phrase)]);
            }
        }

        return (DiagnosticCodes.InvalidJson, [DiagnosticCatalog.Phrase("json.structure")]);
    }

    /// <summary>Reports a reader's message at <paramref name="span"/> under its own code.</summary>
    public static void Report(string message, SourceSpan span, DiagnosticBag diagnostics)
    {
        var (code, arguments) = Classify(message);
        diagnostics.Add(code, span, arguments);
    }

    private static string Quote(string value) => value.Length == 0 ? "…" : "'" + value + "'";

    private static readonly (Regex Pattern, DiagnosticCode Code)[] Kinds =
    [
        (Pattern(@"Unexpected character encountered while parsing number: (?<v>.)"), DiagnosticCodes.JsonInvalidNumber),
        (Pattern(@"Input string '(?<v>[^']*)' is not a valid (?:decimal|number|integer)"), DiagnosticCodes.JsonInvalidNumber),
        (Pattern(@"Could not convert string to (?:decimal|integer): (?<v>.*?)\."), DiagnosticCodes.JsonInvalidNumber),
        (Pattern(@"Error parsing (?<v>NaN|Infinity|-Infinity) value"), DiagnosticCodes.JsonNotANumber),
        (Pattern(@"Cannot read (?<v>NaN|Infinity|-Infinity) value"), DiagnosticCodes.JsonNotANumber),
        (Pattern(@"Unterminated string"), DiagnosticCodes.JsonUnterminatedString),
        (Pattern(@"Unexpected end(?! while parsing (?:comment|constructor))"), DiagnosticCodes.JsonUnexpectedEnd),
        (Pattern(@"Property with the name '(?<v>.*)' already exists in the current JSON object"), DiagnosticCodes.JsonDuplicateMember),
        (Pattern(@"Additional text encountered after finished reading JSON content"), DiagnosticCodes.JsonTextAfterDocument),
        (Pattern(@"Invalid (?:JavaScript )?property identifier character"), DiagnosticCodes.JsonUnquotedName),
        (Pattern(@"Invalid character after parsing property name"), DiagnosticCodes.JsonMissingColon),
        (Pattern(@"After parsing a value an unexpected character was encountered: (?<v>.)"), DiagnosticCodes.JsonMissingComma),
        (Pattern(@"Unexpected character encountered while parsing value: (?<v>.)"), DiagnosticCodes.JsonUnexpectedCharacter),
        (Pattern(@"Bad JSON escape sequence"), DiagnosticCodes.JsonBadEscape),
        (Pattern(@"Invalid Unicode escape sequence"), DiagnosticCodes.JsonBadEscape),
        (Pattern(@".*?MaxDepth of (?<d>\d+) has been exceeded"), DiagnosticCodes.JsonTooDeep),
    ];

    /// <summary>The mistakes of <c>TDR001</c>: the reader's message and the catalog phrase that says it.</summary>
    private static readonly (Regex Pattern, string Phrase)[] Phrases =
    [
        (Pattern(@"Error parsing (?:boolean|null|undefined|positive infinity|negative infinity) value"), "json.bad-literal"),
        (Pattern(@"Error parsing comment"), "json.bad-comment"),
        (Pattern(@"Unexpected end while parsing comment|Unterminated comment"), "json.unterminated-comment"),
        (Pattern(@"Unexpected (?:character|end) while parsing constructor|Constructor name|Unexpected character while parsing constructor"), "json.constructor"),
    ];

    private static Regex Pattern(string pattern) =>
        new("^" + pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(200));
}
