namespace ThiDua.Rules.Expressions.Syntax;

internal enum TokenKind
{
    End,
    Number,
    Percent,
    String,
    Identifier,
    True,
    False,
    Null,
    And,
    Or,
    Not,
    In,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Arrow,
    Question,
    Colon,
    QuestionQuestion,
    EqualEqual,
    BangEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Plus,
    Minus,
    Star,
    Slash,
}

/// <summary>A token with its 0-based position in the expression text.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, decimal Number = 0);
