using System.Globalization;

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
                    throw new SyntaxError($"'{numberText}' is not a number", start);
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
                    throw new SyntaxError($"unexpected '{text[i]}' after a number", i);
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
                        throw new SyntaxError("the text literal is not closed", start);
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
                var hint = c switch
                {
                    '=' => "; use '==' to compare",
                    '&' => "; use '&&' or 'and'",
                    '|' => "; use '||' or 'or'",
                    _ => "",
                };
                throw new SyntaxError($"unexpected character '{c}'{hint}", start);
            }

            tokens.Add(new Token(oneKind.Value, c.ToString(), start));
            i++;
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }
}

/// <summary>A syntax error at a 0-based position of the expression text.</summary>
internal sealed class SyntaxError(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
