using System.Collections.Immutable;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Expressions.Syntax;

/// <summary>
/// Recursive-descent parser of the criterion language (design §4). Throws <see cref="SyntaxError"/> with the position
/// of the offending token; callers turn it into a diagnostic.
/// </summary>
internal sealed class Parser
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 48;

    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    private Parser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_index];

    public static ExpressionNode Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new SyntaxError(DiagnosticCodes.ExpressionTooComplex, MaxLength, null, DiagnosticCatalog.Phrase("complexity.length",
                text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var parser = new Parser(Lexer.Tokenize(text));
        var node = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Unexpected(parser.Current);
        }

        return node;
    }

    private ExpressionNode ParseExpression()
    {
        if (++_depth > MaxDepth)
        {
            throw TooDeep(Current.Position);
        }

        try
        {
            return ParseConditional();
        }
        finally
        {
            _depth--;
        }
    }

    private ExpressionNode ParseConditional()
    {
        var condition = ParseCoalesce();
        if (Current.Kind != TokenKind.Question)
        {
            return condition;
        }

        var position = Current.Position;
        _index++;
        var whenTrue = ParseExpression();
        Expect(TokenKind.Colon, ":");
        var whenFalse = ParseExpression();
        return new ConditionalNode(condition, whenTrue, whenFalse, position);
    }

    private ExpressionNode ParseCoalesce()
    {
        var left = ParseOr();
        if (Current.Kind != TokenKind.QuestionQuestion)
        {
            return left;
        }

        var position = Current.Position;
        _index++;
        var right = Nested(ParseCoalesce);
        return new BinaryNode(BinaryOperator.Coalesce, left, right, position);
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            var position = Current.Position;
            _index++;
            left = new BinaryNode(BinaryOperator.Or, left, ParseAnd(), position);
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseEquality();
        while (Current.Kind == TokenKind.And)
        {
            var position = Current.Position;
            _index++;
            left = new BinaryNode(BinaryOperator.And, left, ParseEquality(), position);
        }

        return left;
    }

    private ExpressionNode ParseEquality()
    {
        var left = ParseRelational();
        while (Current.Kind is TokenKind.EqualEqual or TokenKind.BangEqual)
        {
            var op = Current.Kind == TokenKind.EqualEqual ? BinaryOperator.Equal : BinaryOperator.NotEqual;
            var position = Current.Position;
            _index++;
            left = new BinaryNode(op, left, ParseRelational(), position);
        }

        return left;
    }

    private ExpressionNode ParseRelational()
    {
        var left = ParseAdditive();
        while (true)
        {
            var position = Current.Position;
            switch (Current.Kind)
            {
                case TokenKind.Less:
                case TokenKind.LessEqual:
                case TokenKind.Greater:
                case TokenKind.GreaterEqual:
                    var op = Current.Kind switch
                    {
                        TokenKind.Less => BinaryOperator.Less,
                        TokenKind.LessEqual => BinaryOperator.LessOrEqual,
                        TokenKind.Greater => BinaryOperator.Greater,
                        _ => BinaryOperator.GreaterOrEqual,
                    };
                    _index++;
                    left = new BinaryNode(op, left, ParseAdditive(), position);
                    break;
                case TokenKind.In:
                    _index++;
                    left = new InNode(left, ParseList(), false, position);
                    break;
                case TokenKind.Not when _tokens[_index + 1].Kind == TokenKind.In:
                    _index += 2;
                    left = new InNode(left, ParseList(), true, position);
                    break;
                default:
                    return left;
            }
        }
    }

    private ImmutableArray<ExpressionNode> ParseList()
    {
        Expect(TokenKind.LeftBracket, "[");
        var items = ImmutableArray.CreateBuilder<ExpressionNode>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            do
            {
                items.Add(ParseExpression());
            }
            while (Accept(TokenKind.Comma));
        }

        Expect(TokenKind.RightBracket, "]");
        return items.ToImmutable();
    }

    private ExpressionNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Current.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            var position = Current.Position;
            _index++;
            left = new BinaryNode(op, left, ParseMultiplicative(), position);
        }

        return left;
    }

    private ExpressionNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Current.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            var position = Current.Position;
            _index++;
            left = new BinaryNode(op, left, ParseUnary(), position);
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        var position = Current.Position;
        if (Current.Kind == TokenKind.Not)
        {
            _index++;
            return new UnaryNode(UnaryOperator.Not, Nested(ParseUnary), position);
        }

        if (Current.Kind == TokenKind.Minus)
        {
            _index++;
            return new UnaryNode(UnaryOperator.Negate, Nested(ParseUnary), position);
        }

        return ParsePostfix();
    }

    private ExpressionNode Nested(Func<ExpressionNode> parse)
    {
        if (++_depth > MaxDepth)
        {
            throw TooDeep(Current.Position);
        }

        try
        {
            return parse();
        }
        finally
        {
            _depth--;
        }
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (Current.Kind == TokenKind.Dot)
        {
            _index++;
            var name = Current;
            if (name.Kind != TokenKind.Identifier)
            {
                throw new SyntaxError(DiagnosticCodes.ExpressionNameAfterDot, name.Position, null);
            }

            _index++;
            node = Current.Kind == TokenKind.LeftParen
                ? new CallNode(node, name.Text, ParseArguments(), name.Position)
                : new MemberNode(node, name.Text, name.Position);
        }

        return node;
    }

    private ImmutableArray<ExpressionNode> ParseArguments()
    {
        Expect(TokenKind.LeftParen, "(");
        var args = ImmutableArray.CreateBuilder<ExpressionNode>();
        if (Current.Kind != TokenKind.RightParen)
        {
            do
            {
                if (Current.Kind == TokenKind.Identifier && _tokens[_index + 1].Kind == TokenKind.Arrow)
                {
                    var parameter = Current;
                    _index += 2;
                    args.Add(new LambdaNode(parameter.Text, ParseExpression(), parameter.Position));
                }
                else
                {
                    args.Add(ParseExpression());
                }
            }
            while (Accept(TokenKind.Comma));
        }

        Expect(TokenKind.RightParen, ")");
        return args.ToImmutable();
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return new LiteralNode(LiteralKind.Number, token.Number, token.Position);
            case TokenKind.Percent:
                _index++;
                return new LiteralNode(LiteralKind.Percent, token.Number, token.Position);
            case TokenKind.String:
                _index++;
                return new LiteralNode(LiteralKind.String, token.Text, token.Position);
            case TokenKind.True:
            case TokenKind.False:
                _index++;
                return new LiteralNode(LiteralKind.Bool, token.Kind == TokenKind.True, token.Position);
            case TokenKind.Null:
                _index++;
                return new LiteralNode(LiteralKind.Null, null, token.Position);
            case TokenKind.Identifier:
                _index++;
                if (Current.Kind == TokenKind.LeftParen)
                {
                    return new CallNode(null, token.Text, ParseArguments(), token.Position);
                }

                if (Current.Kind == TokenKind.Arrow)
                {
                    throw new SyntaxError(DiagnosticCodes.UnknownLambdaUse, token.Position, null, DiagnosticText.Value(token.Text));
                }

                return new IdentifierNode(token.Text, token.Position);
            case TokenKind.LeftParen:
                _index++;
                var inner = ParseExpression();
                Expect(TokenKind.RightParen, ")");
                return inner;
            case TokenKind.End:
                throw new SyntaxError(DiagnosticCodes.ExpressionEndsTooEarly, token.Position, null, DiagnosticCatalog.Phrase("missing.value"));
            default:
                throw Unexpected(token);
        }
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private void Expect(TokenKind kind, string symbol)
    {
        if (!Accept(kind))
        {
            throw Current.Kind == TokenKind.End
                ? new SyntaxError(DiagnosticCodes.ExpressionEndsTooEarly, Current.Position, null, "'" + symbol + "'")
                : new SyntaxError(DiagnosticCodes.ExpressionMissingToken, Current.Position, null, symbol, DiagnosticText.Value(Current.Text));
        }
    }

    private static SyntaxError Unexpected(Token token) => new(DiagnosticCodes.ExpressionUnexpectedToken, token.Position, null, DiagnosticText.Value(token.Text));

    private static SyntaxError TooDeep(int position) =>
        new(DiagnosticCodes.ExpressionTooComplex, position, null, DiagnosticCatalog.Phrase("complexity.depth", MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
