using System.Globalization;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Expressions.Syntax;

/// <summary>Splits expression text into tokens. Reports the first bad character as a <see cref="SyntaxError"/>.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var numberText = text[start..i];
                if (!decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    throw new SyntaxError(DiagnosticCodes.ExpressionInvalidNumber, start, null, DiagnosticText.Value(numberText));
                }

                if (i < text.Length && text[i] == '%')
                {
                    i++;
                    tokens.Add(new Token(TokenKind.Percent, text[start..i], start, number / 100m));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Number, numberText, start, number));
                }

                if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
                {
                    throw new SyntaxError(DiagnosticCodes.ExpressionLetterAfterNumber, i, null, Character(text, i), DiagnosticText.Value(text[start..i]));
                }

                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                var kind = word switch
                {
                    "true" => TokenKind.True,
                    "false" => TokenKind.False,
                    "null" => TokenKind.Null,
                    "and" => TokenKind.And,
                    "or" => TokenKind.Or,
                    "not" => TokenKind.Not,
                    "in" => TokenKind.In,
                    _ => TokenKind.Identifier,
                };
                tokens.Add(new Token(kind, word, start));
                continue;
            }

            if (c is '\'' or '"')
            {
                i++;
                var builder = new System.Text.StringBuilder();
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new SyntaxError(DiagnosticCodes.ExpressionUnclosedText, start, null, c.ToString());
                    }

                    if (text[i] == c)
                    {
                        i++;
                        break;
                    }

                    if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == c || text[i + 1] == '\\'))
                    {
                        i++;
                    }

                    builder.Append(text[i]);
                    i++;
                }

                tokens.Add(new Token(TokenKind.String, builder.ToString().Normalize(System.Text.NormalizationForm.FormC), start));
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            TokenKind? twoKind = two switch
            {
                "&&" => TokenKind.And,
                "||" => TokenKind.Or,
                "==" => TokenKind.EqualEqual,
                "!=" => TokenKind.BangEqual,
                "<=" => TokenKind.LessEqual,
                ">=" => TokenKind.GreaterEqual,
                "=>" => TokenKind.Arrow,
                "??" => TokenKind.QuestionQuestion,
                _ => null,
            };
            if (twoKind is not null)
            {
                tokens.Add(new Token(twoKind.Value, two, start));
                i += 2;
                continue;
            }

            TokenKind? oneKind = c switch
            {
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                '[' => TokenKind.LeftBracket,
                ']' => TokenKind.RightBracket,
                ',' => TokenKind.Comma,
                '.' => TokenKind.Dot,
                '?' => TokenKind.Question,
                ':' => TokenKind.Colon,
                '<' => TokenKind.Less,
                '>' => TokenKind.Greater,
                '+' => TokenKind.Plus,
                '-' => TokenKind.Minus,
                '*' => TokenKind.Star,
                '/' => TokenKind.Slash,
                '!' => TokenKind.Not,
                _ => null,
            };
            if (oneKind is null)
            {
                // The operator meant, given as the did-you-mean: '=' compares with '==', '&' and '|' are '&&' and '||'.
                var meant = c switch
                {
                    '=' => "==",
                    '&' => "&&",
                    '|' => "||",
                    _ => null,
                };
                throw new SyntaxError(DiagnosticCodes.ExpressionUnexpectedCharacter, start, meant, Character(text, start));
            }

            tokens.Add(new Token(oneKind.Value, c.ToString(), start));
            i++;
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    /// <summary>The character at <paramref name="index"/>, with its low surrogate when it is the first half of a pair.</summary>
    private static string Character(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? text.Substring(index, 2) : text[index].ToString();
}

/// <summary>A syntax error at a 0-based position of the expression text: its catalog code and arguments (the offending
/// token or character), and the did-you-mean when there is one.</summary>
internal sealed class SyntaxError(DiagnosticCode code, int position, string? suggestion, params string[] arguments) : Exception(code.ToString())
{
    public DiagnosticCode Code { get; } = code;

    public int Position { get; } = position;

    public string? Suggestion { get; } = suggestion;

    public IReadOnlyList<string> Arguments { get; } = arguments;
}
