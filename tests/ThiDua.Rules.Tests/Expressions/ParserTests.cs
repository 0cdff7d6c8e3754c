using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Expressions;

public sealed class ParserTests
{
    public static TheoryData<string, string> ParsesAs => new()
    {
        { "70%", "(Percent 0.7)" },
        { "rating >= 'HTTNV'", "(GreaterOrEqual (id rating) (String HTTNV))" },
        { "a && b || c", "(Or (And (id a) (id b)) (id c))" },
        { "a or b and not c", "(Or (id a) (And (id b) (Not (id c))))" },
        { "1 + 2 * 3", "(Add (Number 1) (Multiply (Number 2) (Number 3)))" },
        { "a ?? b ?? c", "(Coalesce (id a) (Coalesce (id b) (id c)))" },
        { "x ? 1 : y ? 2 : 3", "(if (id x) (Number 1) (if (id y) (Number 2) (Number 3)))" },
        { "rating in ['HTTNV', \"HTXSNV\"]", "(in (id rating) (String HTTNV) (String HTXSNV))" },
        { "rating not in ['KHTNV']", "(notin (id rating) (String KHTNV))" },
        { "members.ratio(m => m.has('x'))", "(call (id members) ratio (lambda m (call (id m) has (String x))))" },
        { "has('a')", "(call _ has (String a))" },
        { "startDate.year", "(member (id startDate) year)" },
        { "'it\\'s'", "(String it's)" },
        { "-x", "(Negate (id x))" },
    };

    /// <summary>Syntax errors: the position of the offending token, the code, and the token or character it quotes.</summary>
    public static TheoryData<string, int, DiagnosticCode, string> SyntaxErrors => new()
    {
        { "rating >= ", 10, DiagnosticCodes.ExpressionEndsTooEarly, "" },
        { "rating = 'HTTNV'", 7, DiagnosticCodes.ExpressionUnexpectedCharacter, "=" },
        { "a & b", 2, DiagnosticCodes.ExpressionUnexpectedCharacter, "&" },
        { "'open", 0, DiagnosticCodes.ExpressionUnclosedText, "'" },
        { "f(1, 2", 6, DiagnosticCodes.ExpressionEndsTooEarly, "')'" },
        { "x => x", 0, DiagnosticCodes.UnknownLambdaUse, "x" },
        { "rating in 'HTTNV'", 10, DiagnosticCodes.ExpressionMissingToken, "[" },
        { "(a b)", 3, DiagnosticCodes.ExpressionMissingToken, ")" },
        { "12abc", 2, DiagnosticCodes.ExpressionLetterAfterNumber, "a" },
        { "a b", 2, DiagnosticCodes.ExpressionUnexpectedToken, "b" },
        { "a.(", 2, DiagnosticCodes.ExpressionNameAfterDot, "" },
        { "#", 0, DiagnosticCodes.ExpressionUnexpectedCharacter, "#" },
    };

    [Theory]
    [MemberData(nameof(ParsesAs))]
    public void Parse_ValidText_BuildsTheExpectedTree(string text, string tree)
    {
        Assert.Equal(tree, ExpressionPrinter.Dump(Parser.Parse(text)));
    }

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void Parse_InvalidText_ReportsItsCodeAtTheOffendingToken(string text, int position, DiagnosticCode code, string quoted)
    {
        var error = Assert.Throws<SyntaxError>(() => Parser.Parse(text));

        Assert.Equal((code, position), (error.Code, error.Position));
        Assert.Equal(quoted, error.Arguments.FirstOrDefault(a => a.Length == 0 || a[0] != DiagnosticCatalog.PhraseMarker) ?? "");
    }

    [Fact]
    public void Parse_NestingDeeperThanTheLimit_IsRejected()
    {
        var text = new string('(', Parser.MaxDepth + 5) + "1" + new string(')', Parser.MaxDepth + 5);

        var error = Assert.Throws<SyntaxError>(() => Parser.Parse(text));

        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, error.Code);
        Assert.Contains("nested more than 48", Diagnostic.Create(error.Code, Model.SourceSpan.None, [.. error.Arguments]).Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextLongerThanTheLimit_IsRejected()
    {
        var text = string.Join(" + ", Enumerable.Repeat("1", Parser.MaxLength));

        var error = Assert.Throws<SyntaxError>(() => Parser.Parse(text));

        Assert.Equal((DiagnosticCodes.ExpressionTooComplex, Parser.MaxLength), (error.Code, error.Position));
    }

    [Fact]
    public void Parse_DeeplyNestedUnaryOperators_AreRejectedNotStackOverflow()
    {
        var text = new string('!', 100_000) + "true";

        var error = Assert.Throws<SyntaxError>(() => Parser.Parse(text));

        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, error.Code);
    }
}
