using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Validation;
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

    public static TheoryData<string, int, DiagnosticCode, string?> BadCharacters => new()
    {
        { "1.2.3", 0, DiagnosticCodes.ExpressionInvalidNumber, null },
        { "12abc", 2, DiagnosticCodes.ExpressionLetterAfterNumber, null },
        { "5%x", 2, DiagnosticCodes.ExpressionLetterAfterNumber, null },
        { "'open", 0, DiagnosticCodes.ExpressionUnclosedText, null },
        { "\"open'", 0, DiagnosticCodes.ExpressionUnclosedText, null },
        { "a = b", 2, DiagnosticCodes.ExpressionUnexpectedCharacter, "==" },
        { "a & b", 2, DiagnosticCodes.ExpressionUnexpectedCharacter, "&&" },
        { "a | b", 2, DiagnosticCodes.ExpressionUnexpectedCharacter, "||" },
        { "a # b", 2, DiagnosticCodes.ExpressionUnexpectedCharacter, null },
    };

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Tokenize_BadCharacter_ReportsItsCodePositionAndTheOperatorMeant(string text, int position, DiagnosticCode code, string? meant)
    {
        var error = Assert.Throws<SyntaxError>(() => Lexer.Tokenize(text));

        Assert.Equal((code, position, meant), (error.Code, error.Position, error.Suggestion));
    }

    [Fact]
    public void Tokenize_ControlCharacter_IsQuotedEscapedInTheMessage()
    {
        var error = Assert.Throws<SyntaxError>(() => Lexer.Tokenize("a \u001b[31m b"));
        var message = Diagnostic.Create(error.Code, Model.SourceSpan.None, [.. error.Arguments]).Message(Language.Vi);

        Assert.Equal(DiagnosticCodes.ExpressionUnexpectedCharacter, error.Code);
        Assert.Contains("'\\u001B'", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', message);
    }
}
