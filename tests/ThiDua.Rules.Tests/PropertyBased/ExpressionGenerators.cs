using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using ThiDua.Rules.Expressions.Syntax;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>Generators of syntax trees (any shape) and of well-typed expression texts over the test schema.</summary>
internal static class ExpressionGenerators
{
    private static readonly string[] Identifiers = ["rating", "conduct", "bonusPoints", "x", "members", "năm", "m"];
    private static readonly string[] Names = ["count", "ratio", "has", "min", "any"];
    private static readonly string[] StringPieces = ["HTTNV", "a'b", "c\\d", "Tiến", "", " "];

    public static Gen<ExpressionNode> Syntax() => Gen.Sized(size => Node(Math.Min(size, 12)));

    private static Gen<ExpressionNode> Leaf() => Gen.OneOf(
        Gen.Choose(0, 100000).Select(n => (ExpressionNode)new LiteralNode(LiteralKind.Number, n / 100m, 0)),
        Gen.Choose(0, 300).Select(n => (ExpressionNode)new LiteralNode(LiteralKind.Percent, n / 100m, 0)),
        Gen.Elements(StringPieces).Select(s => (ExpressionNode)new LiteralNode(LiteralKind.String, s, 0)),
        Gen.Elements(true, false).Select(b => (ExpressionNode)new LiteralNode(LiteralKind.Bool, b, 0)),
        Gen.Constant((ExpressionNode)new LiteralNode(LiteralKind.Null, null, 0)),
        Gen.Elements(Identifiers).Select(i => (ExpressionNode)new IdentifierNode(i, 0)));

    private static Gen<ExpressionNode> Node(int size)
    {
        if (size <= 0)
        {
            return Leaf();
        }

        var child = Gen.Sized(_ => Node(size / 2));
        var binaryOperators = Enum.GetValues<BinaryOperator>();
        return Gen.Frequency(
            (3, Leaf()),
            (1, child.Select(c => (ExpressionNode)new UnaryNode(UnaryOperator.Not, c, 0))),
            (1, child.Select(c => (ExpressionNode)new UnaryNode(UnaryOperator.Negate, c, 0))),
            (3, Gen.Zip(Gen.Elements(binaryOperators), Gen.Zip(child, child)).Select(t => (ExpressionNode)new BinaryNode(t.Item1, t.Item2.Item1, t.Item2.Item2, 0))),
            (1, Gen.Zip(child, Gen.Zip(child, child)).Select(t => (ExpressionNode)new ConditionalNode(t.Item1, t.Item2.Item1, t.Item2.Item2, 0))),
            (1, Gen.Zip(child, Gen.Elements(Identifiers)).Select(t => (ExpressionNode)new MemberNode(t.Item1, t.Item2, 0))),
            (1, Gen.Zip(child, Gen.Zip(Gen.ListOf(child).Select(l => l.Take(3).ToImmutableArray()), Gen.Elements(true, false)))
                .Select(t => (ExpressionNode)new InNode(t.Item1, t.Item2.Item1, t.Item2.Item2, 0))),
            (2, Call(child)));
    }

    private static Gen<ExpressionNode> Call(Gen<ExpressionNode> child)
    {
        var lambda = Gen.Zip(Gen.Elements("m", "x"), child).Select(l => (ExpressionNode)new LambdaNode(l.Item1, l.Item2, 0));
        var argument = Gen.OneOf(child, lambda);
        var arguments = Gen.ListOf(argument).Select(list => list.Take(3).ToImmutableArray());
        var receiver = Gen.OneOf(child.Select(c => (ExpressionNode?)c), Gen.Constant((ExpressionNode?)null));
        return Gen.Zip(Gen.Elements(Names), Gen.Zip(receiver, arguments))
            .Select(t => (ExpressionNode)new CallNode(t.Item2.Item1, t.Item1, t.Item2.Item2, 0));
    }

    // ----- well-typed expression texts over the schema of TestRules.StandardDeclarations -----

    public static Gen<string> IndividualBool() => Gen.Sized(size => Bool(Math.Min(size, 8), "", individual: true));

    public static Gen<string> UnitBool() => Gen.Sized(size => Bool(Math.Min(size, 8), "", individual: false));

    /// <summary>A condition on a member <c>m</c> of a unit (the body of a lambda over <c>members</c>).</summary>
    public static Gen<string> MemberBool() => Gen.Sized(size => Bool(Math.Min(size, 4), "m.", individual: true));

    /// <summary>
    /// Filters over a unit's lists (<c>members.where(m =&gt; p)</c>, chained, over allMembers and subunits) with an
    /// aggregate after them: generated conditions on members, so unknown memberships are common.
    /// </summary>
    private static Gen<string> Filtered(int size)
    {
        var condition = Gen.Sized(_ => Bool(Math.Min(size, 2), "m.", individual: true));
        string[] templates =
        [
            "members.where(m => {0}).count() >= 2",
            "members.where(m => {0}).count(m => {1}) >= 1",
            "members.where(m => {0}).ratio(m => {1}) >= 50%",
            "allMembers.where(m => {0}).any(m => {1})",
            "members.where(m => {0}).all(m => {1})",
            "members.where(m => {0}).where(m => {1}).count() <= 3",
            "members.where(m => {0}).sum(m => m.bonusPoints) >= 4",
            "members.where(m => {0}).avg(m => m.bonusPoints ?? 0) >= 2",
            "allMembers.where(m => {0}).min(m => m.monthsWorked) >= 6",
            "subunits.where(u => u.members.where(m => {0}).any(m => {1})).count() >= 1",
        ];
        return Gen.Zip(Gen.Elements(templates), Gen.Zip(condition, condition))
            .Select(t => string.Format(System.Globalization.CultureInfo.InvariantCulture, t.Item1, t.Item2.Item1, t.Item2.Item2));
    }

    private static Gen<string> Bool(int size, string prefix, bool individual)
    {
        var atoms = individual
            ? new[]
            {
                Gen.Elements("true", "false", prefix + "conduct", prefix + "pendingReview", prefix + "has('base')", prefix + "disciplinedAtLeast('canh-cao')", prefix + "disciplinedInYear('khien-trach')", prefix + "had('base')"),
                Gen.Zip(Gen.Elements(">=", ">", "<", "<=", "==", "!="), Gen.Elements("KHTNV", "HTNV", "HTTNV", "HTXSNV")).Select(t => $"{prefix}rating {t.Item1} '{t.Item2}'"),
                Gen.Elements("rating == null", "conduct != null", "bonusPoints == null").Select(s => prefix + s),
                Gen.Elements("rating in ['HTTNV', 'HTXSNV']", "rating not in ['KHTNV']").Select(s => prefix + s),
                Gen.Elements(prefix + "initiatives.any(i => i.scope >= 'tinh')", prefix + "initiatives.all(i => i.recognizedOn != null)"),
                Gen.Elements(prefix + "factIn('conduct', year - 1)", prefix + "factIn('conduct', 2021)", prefix + "factIn('conduct', year)", "(" + prefix + "factIn('conduct', year - 3) ?? false)"),
                Gen.Elements(prefix + "initiatives.where(i => i.scope >= 'tinh').count() >= 1", prefix + "initiatives.where(i => i.recognizedOn != null).any(i => i.scope == 'co-so')"),
            }
            : new[]
            {
                Gen.Elements("true", "movement", "members.all(m => m.conduct)", "members.any(m => m.has('base'))", "allMembers.any(m => m.disciplinedAtLeast('canh-cao'))"),
                Gen.Zip(Gen.Elements(">=", ">", "<", "=="), Gen.Elements("70%", "50%", "0.5", "1")).Select(t => $"members.ratio(m => m.has('base')) {t.Item1} {t.Item2}"),
                Gen.Zip(Gen.Elements(">=", "<"), Gen.Elements("HTTNV", "HTXSNV")).Select(t => $"rating {t.Item1} '{t.Item2}'"),
                Filtered(size),
            };
        var atom = Gen.OneOf(atoms.Concat([Gen.Zip(Gen.Elements(">=", ">", "<", "<=", "==", "!="), Gen.Zip(Number(size / 2, prefix, individual), Number(size / 2, prefix, individual)))
            .Select(t => $"({t.Item2.Item1}) {t.Item1} ({t.Item2.Item2})"), DateComparison(size / 2, prefix, individual)]));
        if (size <= 0)
        {
            return atom;
        }

        var child = Gen.Sized(_ => Bool(size / 2, prefix, individual));
        return Gen.Frequency(
            (3, atom),
            (2, Gen.Zip(Gen.Elements("&&", "||", "and", "or"), Gen.Zip(child, child)).Select(t => $"({t.Item2.Item1}) {t.Item1} ({t.Item2.Item2})")),
            (1, child.Select(c => $"!({c})")),
            (1, Gen.Zip(child, Gen.Zip(child, child)).Select(t => $"({t.Item1}) ? ({t.Item2.Item1}) : ({t.Item2.Item2})")));
    }

    /// <summary>
    /// A comparison of dates moved by days (<c>startDate + n &lt;= asOf</c>, <c>addDays(…)</c>, <c>date - n</c>): any
    /// generated number of days, so a fraction, a negative and a number past the calendar's end are all tried.
    /// </summary>
    private static Gen<string> DateComparison(int size, string prefix, bool individual)
    {
        var dates = individual
            ? Gen.Elements(prefix + "startDate", "asOf", "date('2020-02-29')", "(" + prefix + "initiatives.count() > 0 ? asOf : " + prefix + "startDate)")
            : Gen.Elements("asOf", "date('2020-02-29')");
        var moved = Gen.Zip(dates, Gen.Zip(Gen.Elements("{0} + {1}", "{1} + {0}", "{0} - {1}", "addDays({0}, {1})"), Number(size, prefix, individual)))
            .Select(t => string.Format(System.Globalization.CultureInfo.InvariantCulture, t.Item2.Item1, t.Item1, $"(({t.Item2.Item2}) * (0 + 1))"));
        return Gen.Zip(Gen.OneOf(moved, dates), Gen.Zip(Gen.Elements(">=", ">", "<", "<=", "==", "!="), Gen.OneOf(moved, dates)))
            .Select(t => $"({t.Item1}) {t.Item2.Item1} ({t.Item2.Item2})");
    }

    /// <summary>
    /// A number of any kind (share, count, months, days…) made a plain number, so that the generated arithmetic and
    /// comparisons mix them freely: <c>x * (0 + 1)</c> is x, and a product by a computed number has no kind (a
    /// function such as <c>min</c> keeps its arguments' kind). Without it most generated expressions would compare a
    /// share with a count, which the type checker rightly refuses (TDR035/TDR036).
    /// </summary>
    private static string Plain(string number) => char.IsDigit(number[0]) && !number.EndsWith('%') ? number : $"(({number}) * (0 + 1))";

    private static Gen<string> Number(int size, string prefix, bool individual)
    {
        var atoms = individual
            ? Gen.OneOf(
                Gen.Elements("0", "1", "2.5", "15%", "year - 2020", "monthsWorked", "daysAbsent", "bonusPoints", "params.cap").Select(s => s.StartsWith("params", StringComparison.Ordinal) || char.IsDigit(s[0]) || s.StartsWith("year", StringComparison.Ordinal) ? s : prefix + s).Select(Plain),
                Gen.Elements("initiatives.count()", "initiatives.count(i => i.scope >= 'co-so')", "streak('base')", "ratingStreak('HTTNV')", "awardCount('base', 3)", "ratingCount('HTXSNV', 3)", "startDate.year", "factIn('bonusPoints', year - 1)", "factIn('bonusPoints', 2020)").Select(s => prefix + s).Select(Plain),
                Gen.Elements($"daysBetween({prefix}startDate, asOf)", $"asOf - {prefix}startDate", $"({prefix}startDate + 400).month", $"daysBetween(asOf, addDays({prefix}startDate, 31))").Select(Plain))
            : Gen.Elements("0", "3", "members.count(m => daysBetween(m.startDate, asOf) >= 365)", "members.min(m => asOf - m.startDate)", "members.count()", "members.count(m => m.has('base'))", "members.sum(m => m.bonusPoints)", "members.min(m => m.monthsWorked)", "members.avg(m => m.bonusPoints ?? 0)", "allMembers.max(m => m.daysAbsent)").Select(Plain);
        if (size <= 0)
        {
            return atoms;
        }

        var child = Gen.Sized(_ => Number(size / 2, prefix, individual));
        return Gen.Frequency(
            (3, atoms),
            (2, Gen.Zip(Gen.Elements("+", "-", "*", "/"), Gen.Zip(child, child)).Select(t => $"({t.Item2.Item1}) {t.Item1} ({t.Item2.Item2})")),
            (1, Gen.Zip(child, child).Select(t => $"({t.Item1}) ?? ({t.Item2})")),
            (1, Gen.Zip(child, child).Select(t => $"min({t.Item1}, {t.Item2})")),
            (1, child.Select(c => $"round({c})")));
    }
}
