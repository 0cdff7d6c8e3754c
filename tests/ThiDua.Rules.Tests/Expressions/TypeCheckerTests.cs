using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Expressions;

/// <summary>The type checker: the type of every well-formed expression, and the code and exact position of every mistake.</summary>
public sealed class TypeCheckerTests
{
    private static readonly Lazy<SymbolTable> Symbols = new(() => new SymbolTable(TestRules.RuleSet(TestRules.RuleFile(
        TestRules.Award("base", "true") + "," + TestRules.Award("tt", "true", "unit"),
        """ "scoring": [ { "id": "diem", "name": "Điểm", "subject": "unit", "items": [ { "id": "a", "name": "A", "maxPoints": 10, "expr": "1" } ] } ] """)),
        PluginRegistry.Default));

    public static TheoryData<string, string, string> BindsTo => new()
    {
        { "1 + 2 * 3 - 4 / 5", "individual", "number" },
        { "-bonusPoints", "individual", "number" },
        { "70%", "individual", "number" },
        { "'chữ'", "individual", "text" },
        { "rating", "individual", "level of scale 'rating'" },
        { "startDate", "individual", "date" },
        { "startDate.year + startDate.month + startDate.day", "individual", "number" },
        { "asOf", "individual", "date" },
        { "year", "individual", "number" },
        { "params.cap", "individual", "number" },
        { "conduct", "individual", "true/false" },
        { "name ?? 'không tên'", "individual", "text" },
        { "bonusPoints ?? 0", "individual", "number" },
        { "has('base') && !pendingReview || disciplinedAtLeast('canh-cao')", "individual", "true/false" },
        { "streak('base') + ratingStreak('HTTNV') + awardCount('base', 3) + yearsSince('base')", "individual", "number" },
        { "had('base') || had('base', 2023)", "individual", "true/false" },
        { "initiatives.count(i => i.scope >= 'tinh') + initiatives.count()", "individual", "number" },
        { "initiatives.any(i => i.recognizedOn.year == year && i.name != null)", "individual", "true/false" },
        { "date('2024-06-30')", "individual", "date" },
        { "date(2024, 6, 30)", "individual", "date" },
        { "abs(-1) + round(1.5) + round(1.25, 1) + floor(1.5) + ceiling(1.5) + min(1, 2) + max(1, 2)", "individual", "number" },
        { "monthsBetween(startDate, asOf)", "individual", "number" },
        { "rating in ['HTTNV', 'HTXSNV']", "individual", "true/false" },
        { "monthsWorked not in [1, 2, 50%]", "individual", "true/false" },
        { "members.ratio(m => m.has('base'))", "unit", "ratio" },
        { "members.ratio(m => m.conduct) ?? members.ratio(m => true)", "unit", "ratio" },
        { "members.ratio(m => m.conduct) ?? 0", "unit", "number" },
        { "movement ? members.ratio(m => true) : 1", "unit", "number" },
        { "movement ? members.ratio(m => true) : members.ratio(m => false)", "unit", "ratio" },
        { "members.sum(m => m.bonusPoints) + members.avg(m => m.bonusPoints) + members.min(m => m.monthsWorked) + members.max(m => m.monthsWorked)", "unit", "number" },
        { "allMembers.all(m => m.conduct) && subunits.any(u => u.movement)", "unit", "true/false" },
        { "score('diem') + clusterRank('diem')", "unit", "number" },
        { "members.ratio(m => m.has('base')) >= 70%", "unit", "true/false" },
        { "subunits.all(u => u.members.all(m => m.initiatives.any(i => i.scope >= 'co-so')))", "unit", "true/false" },
        { "parentId == null && kind == 'unit' && cluster != 'A' && id != name", "unit", "true/false" },
        { "has('tt') == (rating >= 'HTTNV')", "unit", "true/false" },
        { "members.where(m => m.rating >= 'HTTNV')", "unit", "list of individual" },
        { "members.where(m => m.conduct).ratio(m => m.has('base'))", "unit", "ratio" },
        { "subunits.where(u => u.movement).where(u => u.rating >= 'HTTNV').count()", "unit", "number" },
        { "initiatives.where(i => i.scope >= 'tinh').any(i => i.recognizedOn.year == year)", "individual", "true/false" },
        { "(movement ? members : allMembers.where(m => m.conduct)).sum(m => m.bonusPoints)", "unit", "number" },
        { "members.where(m => m.initiatives.where(i => i.scope >= 'tinh').count() > 0).count(m => m.conduct)", "unit", "number" },
    };

    [Theory]
    [MemberData(nameof(BindsTo))]
    public void Bind_WellTypedExpression_HasTheExpectedType(string expr, string subject, string type)
    {
        var (node, diagnostics) = Bind(expr, subject);

        Assert.Empty(diagnostics);
        Assert.Equal(type, node!.Type.ToString());
    }

    public static TheoryData<string, string, string> BindsWithoutQuantityError => new()
    {
        // A fraction from 0 to 1 beside a share is a share; a plain number takes the other side's kind; a count and a
        // number of years combine (titles come once a year); a function's result has no kind.
        { "members.ratio(m => m.has('base')) >= 0.7", "unit", "true/false" },
        { "members.ratio(m => m.has('base')) == 1", "unit", "true/false" },
        { "members.ratio(m => m.has('base')) >= 70%", "unit", "true/false" },
        { "streak('base') >= awardCount('base', 3) + 1", "individual", "true/false" },
        { "monthsWorked + 2 >= 12", "individual", "true/false" },
        { "min(monthsWorked, 12) >= 6", "individual", "true/false" },
        { "bonusPoints / monthsWorked >= params.cap", "individual", "true/false" },
    };

    [Theory]
    [MemberData(nameof(BindsWithoutQuantityError))]
    public void Bind_QuantitiesThatFit_HaveNoDiagnostic(string expr, string subject, string type)
    {
        var (node, diagnostics) = Bind(expr, subject);

        Assert.Empty(diagnostics);
        Assert.Equal(type, node!.Type.ToString());
    }

    [Theory]
    [InlineData("members.ratio(m => m.has('base')) >= 15", "15%")]
    [InlineData("members.ratio(m => m.has('base')) > 2.5", "2.5%")]
    public void Bind_ShareWithoutPercent_SuggestsThePercentage(string expr, string suggestion)
    {
        var (_, diagnostics) = Bind(expr, "unit");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ShareWithoutPercent, diagnostic.Code);
        Assert.Equal(suggestion, diagnostic.Suggestion);
        Assert.Contains("không có dấu %", diagnostic.Message(Language.Vi), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, DiagnosticCode, string> Mistakes => new()
    {
        // Names: fields, parameters, functions, awards, scales, scoring tables.
        { "monthWorked >= 1", "individual", DiagnosticCodes.UnknownField, "monthWorked" },
        { "params >= 1", "individual", DiagnosticCodes.UnknownParameter, "params" },
        { "params.capp >= 1", "individual", DiagnosticCodes.UnknownParameter, "capp" },
        { "rating.level == 1", "individual", DiagnosticCodes.ExpressionValueHasNoFields, "level" },
        { "startDate.week == 1", "individual", DiagnosticCodes.UnknownField, "week" },
        { "initiatives.any(i => i.owner == '')", "individual", DiagnosticCodes.UnknownField, "owner" },
        { "members.any(m => m.budget > 0)", "unit", DiagnosticCodes.UnknownField, "budget" },
        { "year2 > 1", "none", DiagnosticCodes.ExpressionNoSubject, "year2" },
        { "has('base')", "none", DiagnosticCodes.WrongSubject, "has" },
        { "foo(1) > 0", "individual", DiagnosticCodes.UnknownFunction, "foo" },
        { "rating.count() > 0", "individual", DiagnosticCodes.ExpressionListFunctionWithoutList, "count" },
        { "rating.where(r => true).count() > 0", "individual", DiagnosticCodes.ExpressionListFunctionWithoutList, "where" },
        { "members.counts(m => true) > 0", "unit", DiagnosticCodes.UnknownFunction, "counts" },
        { "has('khong-co')", "individual", DiagnosticCodes.UnknownAward, "'khong-co'" },
        { "has('tt')", "individual", DiagnosticCodes.WrongSubject, "'tt'" },
        { "ratingStreak('HTT') > 1", "individual", DiagnosticCodes.ScaleLiteralNotOnScale, "'HTT'" },
        { "disciplinedAtLeast('canh-bao')", "individual", DiagnosticCodes.ScaleLiteralNotOnScale, "'canh-bao'" },
        { "disciplinedAtLeast('canh-cao')", "unit", DiagnosticCodes.WrongSubject, "disciplinedAtLeast" },
        { "score('diem') > 1", "individual", DiagnosticCodes.WrongSubject, "score" },
        { "score('khong-co') > 1", "unit", DiagnosticCodes.UnknownScoring, "'khong-co'" },
        { "rating >= 'HTT'", "individual", DiagnosticCodes.ScaleLiteralNotOnScale, "'HTT'" },
        { "'HTT' <= rating", "individual", DiagnosticCodes.ScaleLiteralNotOnScale, "'HTT'" },
        { "rating in ['HTTNV', 'HTT']", "individual", DiagnosticCodes.ScaleLiteralNotOnScale, "'HTT'" },
        { "date('2024-02-30') > asOf", "individual", DiagnosticCodes.InvalidDate, "'2024-02-30'" },

        // Syntax: the token or character where the expression goes wrong.
        { "rating >= 'HTTNV' conduct", "individual", DiagnosticCodes.ExpressionUnexpectedToken, "conduct" },
        { "rating in 'HTTNV'", "individual", DiagnosticCodes.ExpressionMissingToken, "'HTTNV'" },
        { "monthsWorked = 12", "individual", DiagnosticCodes.ExpressionUnexpectedCharacter, "=" },
        { "1.2.3 > 0", "individual", DiagnosticCodes.ExpressionInvalidNumber, "1.2.3" },
        { "12abc > 1", "individual", DiagnosticCodes.ExpressionLetterAfterNumber, "abc" },
        { "name == 'abc", "individual", DiagnosticCodes.ExpressionUnclosedText, "'abc" },
        { "rating.(1)", "individual", DiagnosticCodes.ExpressionNameAfterDot, "(" },
        { "(rating >= 'HTTNV'", "individual", DiagnosticCodes.ExpressionEndsTooEarly, "" },
        { "x => x", "individual", DiagnosticCodes.UnknownLambdaUse, "x =>" },

        // Arity and argument kinds.
        { "count() > 0", "individual", DiagnosticCodes.ExpressionListFunctionWithoutList, "count" },
        { "abs(1, 2) > 0", "individual", DiagnosticCodes.ExpressionArgumentCount, "abs" },
        { "abs('x') > 0", "individual", DiagnosticCodes.ExpressionWrongType, "'x'" },
        { "abs(null) > 0", "individual", DiagnosticCodes.ExpressionNullNotAllowed, "null" },
        { "date(asOf) > asOf", "individual", DiagnosticCodes.ExpressionDateNeedsText, "date" },
        { "has(1)", "individual", DiagnosticCodes.ExpressionArgumentNotQuoted, "1" },
        { "has('base', 1)", "individual", DiagnosticCodes.ExpressionArgumentCount, "has" },
        { "had('base', 'x')", "individual", DiagnosticCodes.ExpressionWrongType, "'x'" },
        { "awardCount('base') > 1", "individual", DiagnosticCodes.ExpressionArgumentCount, "awardCount" },
        { "members.count(1) > 0", "unit", DiagnosticCodes.ExpressionAggregateNeedsLambda, "count" },
        { "members.where(1).count() > 0", "unit", DiagnosticCodes.ExpressionAggregateNeedsLambda, "where" },
        { "members.where(m => m.bonusPoints).count() > 0", "unit", DiagnosticCodes.ExpressionWrongType, "bonusPoints" },
        { "members.count(m => 1) > 0", "unit", DiagnosticCodes.ExpressionWrongType, "1" },
        { "members.sum(m => m.conduct) > 0", "unit", DiagnosticCodes.ExpressionWrongType, "conduct" },
        { "abs(m => 1) > 0", "individual", DiagnosticCodes.UnknownLambdaUse, "m =>" },

        // Operators.
        { "!1", "individual", DiagnosticCodes.ExpressionWrongType, "1" },
        { "-conduct > 0", "individual", DiagnosticCodes.ExpressionWrongType, "conduct" },
        { "1 && conduct", "individual", DiagnosticCodes.ExpressionWrongType, "1" },
        { "conduct || 1", "individual", DiagnosticCodes.ExpressionWrongType, "1" },
        { "name + 1 > 0", "individual", DiagnosticCodes.ExpressionWrongType, "name" },
        { "1 * 'x' > 0", "individual", DiagnosticCodes.ExpressionWrongType, "'x'" },
        { "members == null", "unit", DiagnosticCodes.ExpressionNullComparison, "==" },
        { "null == null", "individual", DiagnosticCodes.ExpressionNullComparison, "==" },
        { "initiatives == initiatives", "individual", DiagnosticCodes.ExpressionCannotCompare, "==" },
        { "name == 1", "individual", DiagnosticCodes.ExpressionCannotCombine, "==" },
        { "name < 'x'", "individual", DiagnosticCodes.ExpressionCannotOrder, "<" },
        { "conduct > false", "individual", DiagnosticCodes.ExpressionCannotOrder, ">" },
        { "rating >= name", "individual", DiagnosticCodes.ExpressionScaleLevelNeedsQuotes, "name" },
        { "(null ?? 1) > 0", "individual", DiagnosticCodes.ExpressionNullNotAllowed, "??" },
        { "(name ?? 1) > 0", "individual", DiagnosticCodes.ExpressionCannotCombine, "??" },
        { "conduct ? null : true", "individual", DiagnosticCodes.ExpressionNullNotAllowed, "?" },
        { "1 ? true : false", "individual", DiagnosticCodes.ExpressionWrongType, "1" },
        { "conduct ? 1 : 'x'", "individual", DiagnosticCodes.ExpressionCannotCombine, "?" },
        { "rating in [1]", "individual", DiagnosticCodes.ExpressionCannotCombine, "1" },
        { "members in [1]", "unit", DiagnosticCodes.ExpressionCannotCombine, "1" },
        { "null in [null]", "individual", DiagnosticCodes.ExpressionInNeedsValue, "in" },

        // Quantities: a share written without its percent sign, and kinds that do not mix (TDR035, TDR036).
        { "members.ratio(m => m.has('base')) >= 15", "unit", DiagnosticCodes.ShareWithoutPercent, "15" },
        { "70 <= members.ratio(m => m.has('base'))", "unit", DiagnosticCodes.ShareWithoutPercent, "70" },
        { "bonusPoints >= 1 && params.cap < 12", "individual", DiagnosticCodes.ShareWithoutPercent, "12" },
        { "members.ratio(m => m.has('base')) >= members.count()", "unit", DiagnosticCodes.QuantityMismatch, ">=" },
        { "monthsWorked + daysAbsent > 12", "individual", DiagnosticCodes.QuantityMismatch, "+" },
        { "monthsWorked > params.cap", "individual", DiagnosticCodes.QuantityMismatch, ">" },
        { "(conduct ? monthsWorked : daysAbsent) > 1", "individual", DiagnosticCodes.QuantityMismatch, "?" },
        { "(monthsWorked ?? 15%) > 1", "individual", DiagnosticCodes.QuantityMismatch, "??" },

        // Limits.
        { "members.count(a => members.count(b => members.count(c => members.count(d => true) > 0) > 0) > 0) > 0", "unit", DiagnosticCodes.ExpressionTooComplex, "count(d" },
        { "members.count(a => members.count(b => members.count(c => members.where(d => true).count() > 0) > 0) > 0) > 0", "unit", DiagnosticCodes.ExpressionTooComplex, "where(d" },
        { "rating >= 'HTTNV' &&", "individual", DiagnosticCodes.ExpressionEndsTooEarly, "" },
    };

    [Fact]
    public void Mistakes_CoverEveryExpressionCode()
    {
        // Each code of the expression language (TDR086–TDR099, TDR270–TDR278) is shown by at least one mistake above,
        // reported at its token and rendered in Vietnamese without English.
        var shown = Mistakes.Select(row => (DiagnosticCode)row[2]).ToHashSet();
        var expressionCodes = DiagnosticCatalog.All.Select(e => e.Code).Where(c => c.Number is >= 86 and <= 99 or >= 270 and <= 278).ToList();

        Assert.Equal(23, expressionCodes.Count);
        Assert.All(expressionCodes, c => Assert.Contains(c, shown));
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Bind_Mistake_IsReportedWithItsCodeAtTheOffendingToken(string expr, string subject, DiagnosticCode code, string at)
    {
        var (node, diagnostics) = Bind(expr, subject);

        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(code, error.Code);
        Assert.Equal(at.Length == 0 ? expr.Length : expr.IndexOf(at, StringComparison.Ordinal), error.Span.Column - 1);
        Assert.Equal(1, error.Span.Line);
        Assert.False(string.IsNullOrEmpty(error.Message(Language.En)));

        // The Vietnamese message is Vietnamese: no English word outside the quoted names and tokens.
        var vietnamese = System.Text.RegularExpressions.Regex.Replace(error.Message(Language.Vi), "'[^']*'", "''");
        Assert.DoesNotMatch(Validation.VietnameseMessagesTests.EnglishWord(), vietnamese);
        Assert.NotEqual(error.Message(Language.En), error.Message(Language.Vi));
    }

    [Theory]
    [InlineData("monthWorked >= 1", "monthsWorked")]
    [InlineData("params.capp >= 1", "cap")]
    [InlineData("members.counts(m => true) > 0", "count")]
    [InlineData("rating >= 'HTXS'", "HTXSNV")]
    [InlineData("has('bas')", "base")]
    [InlineData("ratingStreak('HTTN') > 0", "HTTNV")]
    [InlineData("absx(1) > 0", "abs")]
    public void Bind_Misspelling_SuggestsTheClosestName(string expr, string suggestion)
    {
        var (_, diagnostics) = Bind(expr, expr.StartsWith("members", StringComparison.Ordinal) ? "unit" : "individual");

        Assert.Equal(suggestion, Assert.Single(diagnostics).Suggestion);
    }

    [Fact]
    public void Bind_AwardsReadThisYear_AreRecordedAsDependencies()
    {
        var dependencies = new HashSet<int>();
        var diagnostics = new DiagnosticBag();

        TypeChecker.Bind(Symbols.Value, new SourceText("has('base') && streak('base') > 0 && had('base')", new SourceSpan("t.json", 1, 1)), SubjectKind.Individual, diagnostics, dependencies);
        var withoutHas = new HashSet<int>();
        TypeChecker.Bind(Symbols.Value, new SourceText("had('base') && yearsSince('base') > 0", new SourceSpan("t.json", 1, 1)), SubjectKind.Individual, diagnostics, withoutHas);

        Assert.Equal([Symbols.Value.Awards["base"].Index], dependencies);
        Assert.Empty(withoutHas);
        Assert.Equal(0, diagnostics.Count);
    }

    private static (BoundNode? Node, IReadOnlyList<Diagnostic> Diagnostics) Bind(string expr, string subject)
    {
        var diagnostics = new DiagnosticBag();
        SubjectKind? kind = subject switch
        {
            "individual" => SubjectKind.Individual,
            "unit" => SubjectKind.Unit,
            _ => null,
        };
        var node = TypeChecker.Bind(Symbols.Value, new SourceText(expr, new SourceSpan("t.json", 1, 1)), kind, diagnostics, []);
        return (node, diagnostics.ToSortedArray());
    }
}
