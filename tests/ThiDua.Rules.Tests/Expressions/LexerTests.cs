using ThiDua.Rules.Expressions.Syntax;
using Xunit;

namespace ThiDua.Rules.Tests.Expressions;

/// <summary>The tokens of the criterion language, each with its kind, text and 0-based position.</summary>
public sealed class LexerTests
{
    public static TheoryData<string, string> SingleTokens => new()
    {
        { "(", nameof(TokenKind.LeftParen) }, { ")", nameof(TokenKind.RightParen) }, { "[", nameof(TokenKind.LeftBracket) }, { "]", nameof(TokenKind.RightBracket) },
        { ",", nameof(TokenKind.Comma) }, { ".", nameof(TokenKind.Dot) }, { "?", nameof(TokenKind.Question) }, { ":", nameof(TokenKind.Colon) },
        { "<", nameof(TokenKind.Less) }, { ">", nameof(TokenKind.Greater) }, { "+", nameof(TokenKind.Plus) }, { "-", nameof(TokenKind.Minus) },
        { "*", nameof(TokenKind.Star) }, { "/", nameof(TokenKind.Slash) }, { "!", nameof(TokenKind.Not) },
        { "&&", nameof(TokenKind.And) }, { "||", nameof(TokenKind.Or) }, { "==", nameof(TokenKind.EqualEqual) }, { "!=", nameof(TokenKind.BangEqual) },
        { "<=", nameof(TokenKind.LessEqual) }, { ">=", nameof(TokenKind.GreaterEqual) }, { "=>", nameof(TokenKind.Arrow) }, { "??", nameof(TokenKind.QuestionQuestion) },
        { "and", nameof(TokenKind.And) }, { "or", nameof(TokenKind.Or) }, { "not", nameof(TokenKind.Not) }, { "in", nameof(TokenKind.In) },
        { "true", nameof(TokenKind.True) }, { "false", nameof(TokenKind.False) }, { "null", nameof(TokenKind.Null) },
        { "năm_2024", nameof(TokenKind.Identifier) }, { "_x", nameof(TokenKind.Identifier) }, { "andy", nameof(TokenKind.Identifier) },
        { "12", nameof(TokenKind.Number) }, { "0.5", nameof(TokenKind.Number) }, { ".5", nameof(TokenKind.Number) }, { "70%", nameof(TokenKind.Percent) },
        { "'HTTNV'", nameof(TokenKind.String) }, { "\"HTTNV\"", nameof(TokenKind.String) },
    };

    [Theory]
    [MemberData(nameof(SingleTokens))]
    public void Tokenize_OneToken_HasItsKindAndPositionThenTheEnd(string text, string kind)
    {
        var tokens = Lexer.Tokenize("  " + text + " ");

        Assert.Equal([kind, nameof(TokenKind.End)], tokens.Select(t => t.Kind.ToString()));
        Assert.Equal(2, tokens[0].Position);
        Assert.Equal(text.Length + 3, tokens[1].Position);
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("0.75", 0.75)]
    [InlineData(".5", 0.5)]
    [InlineData("70%", 0.7)]
    [InlineData("12.5%", 0.125)]
    public void Tokenize_Number_HasItsExactValue(string text, double value)
    {
        Assert.Equal((decimal)value, Lexer.Tokenize(text)[0].Number);
    }

    [Theory]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'a\\\\b'", "a\\b")]
    [InlineData("'a\\nb'", "a\\nb")]
    [InlineData("'a\"b'", "a\"b")]
    public void Tokenize_TextWithEscapes_KeepsOnlyTheEscapedQuoteOrBackslash(string text, string value)
    {
        Assert.Equal(value, Lexer.Tokenize(text)[0].Text);
    }

    [Fact]
    public void Tokenize_DecomposedVietnamese_IsComposed()
    {
        var decomposed = "'Tiến'".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("Tiến", Lexer.Tokenize(decomposed)[0].Text);
    }

    [Fact]
    public void Tokenize_Expression_GivesEveryTokenItsPosition()
    {
        var tokens = Lexer.Tokenize("a>=1&&b!=.5");

        Assert.Equal(
            [(TokenKind.Identifier, 0), (TokenKind.GreaterEqual, 1), (TokenKind.Number, 3), (TokenKind.And, 4), (TokenKind.Identifier, 6), (TokenKind.BangEqual, 7), (TokenKind.Number, 9), (TokenKind.End, 11)],
            tokens.Select(t => (t.Kind, t.Position)));
    }

    [Theory]
    [InlineData("1.2.3", 0, "is not a number")]
    [InlineData("12abc", 2, "after a number")]
    [InlineData("5%x", 2, "after a number")]
    [InlineData("'open", 0, "not closed")]
    [InlineData("\"open'", 0, "not closed")]
    [InlineData("a = b", 2, "use '=='")]
    [InlineData("a & b", 2, "use '&&'")]
    [InlineData("a | b", 2, "use '||'")]
    [InlineData("a # b", 2, "unexpected character '#'")]
    public void Tokenize_BadCharacter_ReportsItsPositionAndAHint(string text, int position, string hint)
    {
        var error = Assert.Throws<SyntaxError>(() => Lexer.Tokenize(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }
}
