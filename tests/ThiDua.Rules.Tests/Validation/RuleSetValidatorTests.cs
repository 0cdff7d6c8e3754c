using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Validation;

public sealed class RuleSetValidatorTests
{
    /// <summary>Criterion expressions of an individual award that must not validate, with the code each one gets.</summary>
    public static TheoryData<string, DiagnosticCode> InvalidExpressions => new()
    {
        // Syntax.
        { "rating >= ", DiagnosticCodes.ExpressionEndsTooEarly },
        { "monthsWorked = 12", DiagnosticCodes.ExpressionUnexpectedCharacter },
        { "(rating >= 'HTTNV'", DiagnosticCodes.ExpressionEndsTooEarly },
        { "rating >= 'HTTNV", DiagnosticCodes.ExpressionUnclosedText },
        { "12abc > 1", DiagnosticCodes.ExpressionLetterAfterNumber },
        { "rating >= 'HTTNV' & conduct", DiagnosticCodes.ExpressionUnexpectedCharacter },
        { "m => m.conduct", DiagnosticCodes.UnknownLambdaUse },

        // Names.
        { "monthWorked >= 10", DiagnosticCodes.UnknownField },
        { "initiatives.any(i => i.scop >= 'co-so')", DiagnosticCodes.UnknownField },
        { "foo(1) > 0", DiagnosticCodes.UnknownFunction },
        { "initiatives.exists(i => true)", DiagnosticCodes.UnknownFunction },
        { "monthsWorked >= params.capp", DiagnosticCodes.UnknownParameter },

        // Types.
        { "monthsWorked >= 'HTTNV'", DiagnosticCodes.ExpressionCannotCombine },
        { "conduct + 1 > 0", DiagnosticCodes.ExpressionWrongType },
        { "!monthsWorked", DiagnosticCodes.ExpressionWrongType },
        { "rating >= 3", DiagnosticCodes.ExpressionCannotCombine },
        { "count(m => true) > 1", DiagnosticCodes.ExpressionListFunctionWithoutList },
        { "daysAbsent", DiagnosticCodes.CriterionNotBoolean },
        { "monthsWorked + 1", DiagnosticCodes.CriterionNotBoolean },

        // Scales, awards and dates.
        { "rating >= 'HTT'", DiagnosticCodes.ScaleLiteralNotOnScale },
        { "ratingStreak('HTTN') >= 5", DiagnosticCodes.ScaleLiteralNotOnScale },
        { "initiatives.any(i => i.scope >= 'quoc-te')", DiagnosticCodes.ScaleLiteralNotOnScale },
        { "has('lao-dong')", DiagnosticCodes.UnknownAward },
        { "streak('khong-co') >= 3", DiagnosticCodes.UnknownAward },
        { "startDate < date('2024-13-01')", DiagnosticCodes.InvalidDate },
    };

    /// <summary>Syntax errors, the 0-based offset inside the expression where each is reported, and its code.</summary>
    public static TheoryData<string, int, DiagnosticCode> SyntaxErrorOffsets => new()
    {
        { "rating >= ", 10, DiagnosticCodes.ExpressionEndsTooEarly },
        { "monthsWorked = 12", 13, DiagnosticCodes.ExpressionUnexpectedCharacter },
        { "(rating >= 'HTTNV'", 18, DiagnosticCodes.ExpressionEndsTooEarly },
        { "rating >= 'HTTNV", 10, DiagnosticCodes.ExpressionUnclosedText },
        { "12abc > 1", 2, DiagnosticCodes.ExpressionLetterAfterNumber },
        { "rating >= 'HTTNV' & conduct", 18, DiagnosticCodes.ExpressionUnexpectedCharacter },
        { "rating >= 'HTTNV' conduct", 18, DiagnosticCodes.ExpressionUnexpectedToken },
        { "monthsWorked >= 10 && ", 22, DiagnosticCodes.ExpressionEndsTooEarly },
    };

    private static IEnumerable<Diagnostic> Validate(string json) => RuleSetValidator.Validate(TestRules.RuleSet(json)).Diagnostics.AsEnumerable();

    private static string AwardWithCriterion(string id, string criterion, string extra = "") => $$"""
        { "id": "{{id}}", "name": "{{id}}", "subject": "individual", "basis": "Điều 1",
          "criteria": [ {{criterion}} ]{{(extra.Length > 0 ? "," + extra : "")}} }
        """;

    [Theory]
    [MemberData(nameof(InvalidExpressions))]
    public void Validate_InvalidCriterionExpression_ReportsItsCodeInsideTheExpression(string expr, DiagnosticCode code)
    {
        var json = TestRules.RuleFile(TestRules.Award("a", expr));
        var (line, start) = TestData.ExpressionStart(json, expr);

        var error = Assert.Single(Validate(json));

        Assert.Equal(code, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(("test.json", line), (error.Span.File, error.Span.Line));
        Assert.InRange(error.Span.Column, start, start + expr.Length);
    }

    [Theory]
    [MemberData(nameof(SyntaxErrorOffsets))]
    public void Validate_SyntaxError_ReportsTheColumnOfTheOffendingCharacter(string expr, int offset, DiagnosticCode code)
    {
        var json = TestRules.RuleFile(TestRules.Award("a", expr));
        var (line, start) = TestData.ExpressionStart(json, expr);

        var error = Assert.Single(Validate(json));

        Assert.Equal(code, error.Code);
        Assert.Equal((line, start + offset), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Validate_AssignmentInsteadOfComparison_SaysToUseDoubleEquals()
    {
        const string expr = "monthsWorked = 12";
        var json = TestRules.RuleFile(TestRules.Award("a", expr));
        var (line, start) = TestData.ExpressionStart(json, expr);

        var error = Assert.Single(Validate(json));

        Assert.Equal($"test.json:{line}:{start + 13} TDR089 unexpected character '='; did you mean '=='?", error.Format(Language.En));
        Assert.Equal($"test.json:{line}:{start + 13} TDR089 ký tự '=' không dùng được trong biểu thức; có phải ý bạn là '=='?", error.Format(Language.Vi));
    }

    [Fact]
    public void Validate_MisspeltField_SuggestsTheClosestFieldAtItsColumn()
    {
        const string expr = "rating >= 'HTTNV' && monthWorked >= 10";
        var json = TestRules.RuleFile(TestRules.Award("a", expr));
        var (line, start) = TestData.ExpressionStart(json, expr);

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.UnknownField, error.Code);
        Assert.Equal("monthsWorked", error.Suggestion);
        Assert.Equal($"test.json:{line}:{start + 21} TDR012 unknown field 'monthWorked' on an individual; did you mean 'monthsWorked'?", error.Format(Language.En));
        Assert.StartsWith("trường không xác định 'monthWorked'", error.Message(Language.Vi), StringComparison.Ordinal);
        Assert.EndsWith("; có phải ý bạn là 'monthsWorked'?", error.Message(Language.Vi), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MisspeltFieldOfLambdaParameter_SuggestsTheMemberField()
    {
        const string expr = "members.ratio(m => m.ratng >= 'HTTNV') >= 70%";
        var json = TestRules.RuleFile(TestRules.Award("t", expr, "unit"));

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.UnknownField, error.Code);
        Assert.Equal("rating", error.Suggestion);
        Assert.Equal(TestData.ExpressionStart(json, expr).Column + 21, error.Span.Column);
    }

    [Fact]
    public void Validate_UnknownFunction_ListsTheKnownFunctions()
    {
        var error = Assert.Single(Validate(TestRules.RuleFile(TestRules.Award("a", "hass('a')"))));

        Assert.Equal(DiagnosticCodes.UnknownFunction, error.Code);
        Assert.Equal("has", error.Suggestion);
        Assert.Contains("(known functions: ", error.Message(Language.En), StringComparison.Ordinal);
        Assert.Contains("streak", error.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ScaleLiteralNotOnScale_ListsTheLevels()
    {
        var error = Assert.Single(Validate(TestRules.RuleFile(TestRules.Award("a", "rating >= 'HTT'"))));

        Assert.Equal(DiagnosticCodes.ScaleLiteralNotOnScale, error.Code);
        Assert.StartsWith("'HTT' is not a level of scale 'rating' (levels: KHTNV, HTNV, HTTNV, HTXSNV)", error.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ScaleLiteralWithATypo_SuggestsTheLevel()
    {
        const string expr = "rating >= 'HTTN'";
        var json = TestRules.RuleFile(TestRules.Award("a", expr));

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.ScaleLiteralNotOnScale, error.Code);
        Assert.Equal("HTTNV", error.Suggestion);
        Assert.Equal(TestData.ExpressionStart(json, expr).Column + 10, error.Span.Column);
    }

    [Fact]
    public void Validate_HasWithUnknownAward_SuggestsTheClosestAward()
    {
        const string expr = "has('lao-dong-tien-tie')";
        var json = TestRules.RuleFile(TestRules.Award("lao-dong-tien-tien", "true") + "," + TestRules.Award("cstd", expr));

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.UnknownAward, error.Code);
        Assert.Equal("unknown award 'lao-dong-tien-tie'; did you mean 'lao-dong-tien-tien'?", error.Message(Language.En));
        Assert.Equal(TestData.ExpressionStart(json, expr).Column + 4, error.Span.Column);
    }

    [Fact]
    public void Validate_RequiresUnknownAward_ReportsUnknownAwardAtTheReference()
    {
        var json = TestRules.RuleFile(
            TestRules.Award("lao-dong-tien-tien", "true") + "," +
            TestRules.Award("cstd", "true", extra: """ "requires": ["lao-dong-tien-tein"] """));

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.UnknownAward, error.Code);
        Assert.Equal("lao-dong-tien-tien", error.Suggestion);
        Assert.Equal(TestData.PositionOf(json, "\"lao-dong-tien-tein\""), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Validate_RequiresAndHasFormACycle_NamesTheCycle()
    {
        var json = TestRules.RuleFile(
            TestRules.Award("a", "true", extra: """ "requires": ["b"] """) + "," +
            TestRules.Award("b", "has('a')"));

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.AwardDependencyCycle, error.Code);
        Assert.Equal("award dependency cycle: a → b → a", error.Message(Language.En));
        Assert.Equal("vòng phụ thuộc giữa các danh hiệu: a → b → a", error.Message(Language.Vi));
    }

    [Fact]
    public void Validate_ThreeAwardCycle_NamesEveryAwardOnIt()
    {
        var json = TestRules.RuleFile(
            TestRules.Award("ldtt", "true") + "," +
            TestRules.Award("a", "has('ldtt')", extra: """ "requires": ["b"] """) + "," +
            TestRules.Award("b", "streak('c') >= 1") + "," +
            TestRules.Award("c", "awardCount('a', 3) >= 1"));

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.AwardDependencyCycle, error.Code);
        Assert.Equal("award dependency cycle: a → b → c → a", error.Message(Language.En));
    }

    [Fact]
    public void Validate_AwardUsingItself_IsACycle()
    {
        var error = Assert.Single(Validate(TestRules.RuleFile(TestRules.Award("a", "has('a')"))));

        Assert.Equal(DiagnosticCodes.AwardDependencyCycle, error.Code);
        Assert.Equal("award dependency cycle: a → a", error.Message(Language.En));
    }

    [Fact]
    public void Validate_HadOfTheSameAward_IsNotACycle()
    {
        var report = RuleSetValidator.Validate(TestRules.RuleSet(TestRules.RuleFile(TestRules.Award("a", "had('a', year - 1) || yearsSince('a') >= 3"))));

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
    }

    [Fact]
    public void Validate_NumericCriterion_ReportsCriterionNotBoolean()
    {
        const string expr = "monthsWorked + 1";
        var json = TestRules.RuleFile(TestRules.Award("a", expr));
        var (line, start) = TestData.ExpressionStart(json, expr);

        var error = Assert.Single(Validate(json));

        Assert.Equal($"test.json:{line}:{start} TDR018 criterion 'c' must give true/false, but gives a number", error.Format(Language.En));
    }

    [Fact]
    public void Validate_UnknownCriterionType_SuggestsTheKnownType()
    {
        var json = TestRules.RuleFile(AwardWithCriterion("a", """{ "id": "c", "type": "no-pending-reviews", "basis": "Điều 4" }"""));

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.UnknownCriterionType, error.Code);
        Assert.Equal("unknown criterion type 'no-pending-reviews' (known types: no-pending-review); did you mean 'no-pending-review'?", error.Message(Language.En));
    }

    [Fact]
    public void Validate_CriterionWithBothExprAndType_ReportsCriterionNeedsExprOrType()
    {
        var json = TestRules.RuleFile(AwardWithCriterion("a", """{ "id": "c", "expr": "true", "type": "no-pending-review", "basis": "Điều 4" }"""));

        var loaded = TestRules.Load(json);

        Assert.Equal(DiagnosticCodes.CriterionNeedsExprOrType, Assert.Single(loaded.Errors).Code);
    }

    [Theory]
    [InlineData("150%")]
    [InlineData("1.5")]
    public void Validate_QuotaShareAboveOneHundredPercent_ReportsInvalidQuota(string max)
    {
        var json = TestRules.RuleFile(TestRules.Award("a", "true", extra: $$""" "quota": { "max": "{{max}}" } """));

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.InvalidQuota, error.Code);
        Assert.Equal(TestData.PositionOf(json, $"\"{max}\"").Line, error.Span.Line);
    }

    [Fact]
    public void Validate_QuotaCountAboveOne_IsValid()
    {
        var json = TestRules.RuleFile(TestRules.Award("a", "true", extra: """ "quota": { "max": 3, "count": true } """));

        Assert.Empty(Validate(json));
    }

    [Fact]
    public void Validate_DuplicateAwardId_ReportsDuplicateIdWithTheFirstPosition()
    {
        var json = TestRules.RuleFile(TestRules.Award("a", "true") + ",\n" + TestRules.Award("a", "false"));
        var first = TestData.PositionOf(json, "{ \"id\": \"a\"");
        var second = TestData.PositionOf(json, "{ \"id\": \"a\"", occurrence: 2);

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.DuplicateId, error.Code);
        Assert.Equal(second, (error.Span.Line, error.Span.Column));
        Assert.Equal($"duplicate id 'a' (first declared at test.json:{first.Line}:{first.Column})", error.Message(Language.En));
    }

    [Fact]
    public void Validate_DuplicateCriterionId_ReportsDuplicateId()
    {
        var json = TestRules.RuleFile(AwardWithCriterion("a",
            """{ "id": "c", "expr": "true", "basis": "b" }, { "id": "c", "expr": "false", "basis": "b" }"""));

        Assert.Equal(DiagnosticCodes.DuplicateId, Assert.Single(Validate(json)).Code);
    }

    [Fact]
    public void Validate_UnknownParameter_SuggestsTheDeclaredOne()
    {
        const string expr = "monthsWorked >= params.capp";
        var json = TestRules.RuleFile(TestRules.Award("a", expr));

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.UnknownParameter, error.Code);
        Assert.Equal("unknown parameter 'capp'; did you mean 'cap'?", error.Message(Language.En));
    }

    [Theory]
    [InlineData("monthsWorked", "individual")]
    [InlineData("rating", "unit")]
    [InlineData("members", "unit")]
    [InlineData("year", "individual")]
    public void Validate_FactNamedLikeABuiltInField_ReportsFactShadowsField(string fact, string subject)
    {
        var json = $$"""
            {
              "id": "r",
              "name": "n",
              "effective": { "from": "2024-01-01" },
              "facts": [ { "id": "{{fact}}", "subject": "{{subject}}", "type": "number" } ]
            }
            """;

        var error = Assert.Single(Validate(json));

        Assert.Equal(DiagnosticCodes.FactShadowsField, error.Code);
        Assert.Equal($"test.json:5:14 TDR031 fact '{fact}' has the name of a built-in field", error.Format(Language.En));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneInOnePassSortedByPosition()
    {
        var json = TestRules.RuleFile(string.Join(",\n",
            TestRules.Award("a", "monthWorked >= 10"),
            TestRules.Award("b", "foo() > 1"),
            TestRules.Award("a", "rating >= 'HTT'"),
            TestRules.Award("c", "true", extra: """ "quota": { "max": "150%" } """),
            TestRules.Award("d", "true", extra: """ "requires": ["khong-co"] """),
            TestRules.Award("e", "monthsWorked + 1"),
            TestRules.Award("f", "bonusPoints >= params.capp"),
            TestRules.Award("g", "rating >= ")));

        var diagnostics = Validate(json).ToList();

        Assert.Equal(
            [
                DiagnosticCodes.UnknownField, DiagnosticCodes.UnknownFunction, DiagnosticCodes.DuplicateId, DiagnosticCodes.ScaleLiteralNotOnScale,
                DiagnosticCodes.InvalidQuota, DiagnosticCodes.UnknownAward, DiagnosticCodes.CriterionNotBoolean, DiagnosticCodes.UnknownParameter,
                DiagnosticCodes.ExpressionEndsTooEarly,
            ],
            diagnostics.Select(d => d.Code));
        Assert.Equal(diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column), diagnostics);
        Assert.Equal(diagnostics.Select(d => d.Format(Language.En)), TestRules.Diagnostics(json).Select(d => d.Format(Language.En)));
    }

    [Fact]
    public void Validate_ValidRuleSet_HasNoDiagnostics()
    {
        var json = TestRules.RuleFile(
            TestRules.Award("ldtt", "rating >= 'HTTNV' && monthsWorked >= 10 && conduct") + "," +
            TestRules.Award("cstd", "initiatives.any(i => i.scope >= 'co-so') && !disciplinedAtLeast('khien-trach')",
                extra: """ "requires": ["ldtt"], "quota": { "max": "params.cap", "of": "members.count(m => m.has('ldtt'))", "rankBy": [ { "expr": "bonusPoints", "order": "desc" } ] } """) + "," +
            TestRules.Award("tap-the", "members.ratio(m => m.has('ldtt')) >= 70% && movement", "unit"));

        var report = RuleSetValidator.Validate(TestRules.RuleSet(json));

        Assert.True(report.Succeeded);
        Assert.Empty(report.Diagnostics);
        Assert.True(RuleSetCompiler.Compile(TestRules.RuleSet(json)).Succeeded);
    }

    [Fact]
    public void Validate_PathWithUnknownMemberAndExpressionError_ReportsBothInOnePass()
    {
        using var folder = new TempFolder();
        var json = TestRules.RuleFile(TestRules.Award("a", "monthWorked >= 10", extra: """ "nte": "x" """));
        var path = folder.Write("rules.json", json);

        var report = RuleSetValidator.Validate(path);

        Assert.Equal([DiagnosticCodes.UnknownMember, DiagnosticCodes.UnknownField], report.Diagnostics.Select(d => d.Code).OrderBy(c => c.Number));
        Assert.All(report.Diagnostics, d => Assert.Equal(path, d.Span.File));
        Assert.Equal("note", Assert.Single(report.Diagnostics, d => d.Code == DiagnosticCodes.UnknownMember).Suggestion);
    }

    [Fact]
    public void Validate_Library_ReportsTheSameAsTheVersion()
    {
        var json = TestRules.RuleFile(TestRules.Award("a", "monthWorked >= 10") + "," + TestRules.Award("b", "has('x')"));
        var library = RuleSetLoader.LoadText(json, "test.json").GetValueOrThrow();

        Assert.Equal(Validate(json).Select(d => d.Format(Language.En)), RuleSetValidator.Validate(library).Diagnostics.Select(d => d.Format(Language.En)));
    }
}
