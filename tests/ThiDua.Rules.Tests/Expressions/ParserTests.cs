using ThiDua.Rules.Expressions.Syntax;
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

    public static TheoryData<string, int, string> SyntaxErrors => new()
    {
        { "rating >= ", 10, "ends too early" },
        { "rating = 'HTTNV'", 7, "use '=='" },
        { "a & b", 2, "use '&&'" },
        { "'open", 0, "not closed" },
        { "f(1, 2", 6, "')'" },
        { "x => x", 0, "lambda" },
        { "rating in 'HTTNV'", 10, "'['" },
        { "12abc", 2, "after a number" },
        { "a b", 2, "unexpected 'b'" },
        { "#", 0, "unexpected character" },
    };

    [Theory]
    [MemberData(nameof(ParsesAs))]
    public void Parse_ValidText_BuildsTheExpectedTree(string text, string tree)
    {
        Assert.Equal(tree, ExpressionPrinter.Dump(Parser.Parse(text)));
    }

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void Parse_InvalidText_ReportsPositionAndHint(string text, int position, string hint)
    {
        var error = Assert.Throws<SyntaxError>(() => Parser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingDeeperThanTheLimit_IsRejected()
    {
        var text = new string('(', Parser.MaxDepth + 5) + "1" + new string(')', Parser.MaxDepth + 5);

        var error = Assert.Throws<SyntaxError>(() => Parser.Parse(text));

        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextLongerThanTheLimit_IsRejected()
    {
        var text = string.Join(" + ", Enumerable.Repeat("1", Parser.MaxLength));

        Assert.Throws<SyntaxError>(() => Parser.Parse(text));
    }

    [Fact]
    public void Parse_DeeplyNestedUnaryOperators_AreRejectedNotStackOverflow()
    {
        var text = new string('!', 100_000) + "true";

        var error = Assert.Throws<SyntaxError>(() => Parser.Parse(text));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }
}
