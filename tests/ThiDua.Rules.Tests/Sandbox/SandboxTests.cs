using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Sandbox;

/// <summary>
/// A rule file can only compute: it cannot name a type, call reflection, touch files, the environment, the clock or the
/// network, allocate without bound or loop without bound. Each escape attempt is a validation error with a stable code,
/// placed inside the expression — found before anything runs.
/// </summary>
public sealed class SandboxTests
{
    public static TheoryData<string, string, DiagnosticCode> EscapeAttempts => new()
    {
        // Types and reflection: there is no GetType, typeof or member that the schema does not declare.
        { "GetType() == null", "individual", DiagnosticCodes.UnknownFunction },
        { "rating.GetType() == null", "individual", DiagnosticCodes.UnknownFunction },
        { "typeof(string) == null", "individual", DiagnosticCodes.UnknownFunction },
        { "params.GetType() == null", "individual", DiagnosticCodes.UnknownParameter },
        { "name.GetType().Assembly == null", "individual", DiagnosticCodes.UnknownFunction },
        { "year.ToString() == '2024'", "individual", DiagnosticCodes.UnknownFunction },
        { "name.Length > 0", "individual", DiagnosticCodes.ExpressionValueHasNoFields },
        { "name.Substring(0, 1) == 'N'", "individual", DiagnosticCodes.UnknownFunction },

        // Files, the environment, the clock, the network: no namespace, class or static member can be named.
        { "System.IO.File.ReadAllText('x') == ''", "individual", DiagnosticCodes.UnknownField },
        { "File.Exists('/etc/passwd')", "individual", DiagnosticCodes.UnknownField },
        { "Environment.Exit(1) == 0", "individual", DiagnosticCodes.UnknownField },
        { "Environment.GetEnvironmentVariable('HOME') == ''", "individual", DiagnosticCodes.UnknownField },
        { "DateTime.Now > asOf", "individual", DiagnosticCodes.UnknownField },
        { "asOf.AddDays(1) > asOf", "individual", DiagnosticCodes.UnknownFunction },
        { "System.Net.WebClient().DownloadString('http://x') == ''", "individual", DiagnosticCodes.UnknownField },
        { "Process.Start('sh') == null", "individual", DiagnosticCodes.UnknownField },
        { "eval('1') == 1", "individual", DiagnosticCodes.UnknownFunction },

        // No object creation, no assignment, no indexing.
        { "new List() == null", "individual", DiagnosticCodes.ExpressionUnexpectedToken },
        { "x = 1", "individual", DiagnosticCodes.ExpressionUnexpectedCharacter },
        { "rating = 'HTTNV'", "individual", DiagnosticCodes.ExpressionUnexpectedCharacter },
        { "members[0].rating >= 'HTTNV'", "unit", DiagnosticCodes.ExpressionUnexpectedToken },

        // Members not declared in the schema, on the subject and on list elements.
        { "salary > 0", "individual", DiagnosticCodes.UnknownField },
        { "this.rating >= 'HTTNV'", "individual", DiagnosticCodes.UnknownField },
        { "members.any(m => m.password == '')", "unit", DiagnosticCodes.UnknownField },
        { "initiatives.any(i => i.owner == name)", "individual", DiagnosticCodes.UnknownField },
        { "params.secret == 1", "individual", DiagnosticCodes.UnknownParameter },

        // Lambdas only as the argument of an aggregate over a list of the data.
        { "m => true", "individual", DiagnosticCodes.UnknownLambdaUse },
        { "abs(m => 1) > 0", "individual", DiagnosticCodes.UnknownLambdaUse },
        { "has(m => true)", "individual", DiagnosticCodes.ExpressionArgumentNotQuoted },

        // No text building: '+' adds numbers only.
        { "'a' + 'a' == 'aa'", "individual", DiagnosticCodes.ExpressionWrongType },
        { "name + name == ''", "individual", DiagnosticCodes.ExpressionWrongType },
        { "employeeType + 'x' != null", "individual", DiagnosticCodes.ExpressionWrongType },
    };

    [Theory]
    [MemberData(nameof(EscapeAttempts))]
    public void Validate_EscapeAttempt_IsAnErrorWithItsCodeInsideTheExpression(string expr, string subject, DiagnosticCode code)
    {
        var json = TestRules.RuleFile(TestRules.Award("a", expr, subject));
        var (line, start) = TestData.ExpressionStart(json, expr);

        var error = Assert.Single(TestRules.Diagnostics(json), d => d.Severity == Severity.Error);

        Assert.Equal(code, error.Code);
        Assert.Equal(line, error.Span.Line);
        Assert.InRange(error.Span.Column, start, start + expr.Length);
        Assert.False(RuleSetCompiler.Compile(TestRules.RuleSet(json)).Succeeded);
    }

    public static TheoryData<string, string> TooComplex => new()
    {
        { "lambdas nested deeper than the parser allows", Aggregates(Parser.MaxDepth + 2) },
        { "aggregates nested one deeper than allowed", Aggregates(TypeChecker.MaxAggregateNesting + 1) },
        { "parentheses nested 60 deep", new string('(', 60) + "true" + new string(')', 60) },
        { "negations nested 60 deep", new string('!', 60) + "true" },
        { "a 4,001-character expression", Padded(Parser.MaxLength + 1) },
    };

    [Theory]
    [MemberData(nameof(TooComplex))]
    public void Validate_ExpressionBeyondALimit_IsExpressionTooComplex(string what, string expr)
    {
        var json = TestRules.RuleFile(TestRules.Award("a", expr, "unit"));

        var error = Assert.Single(TestRules.Diagnostics(json), d => d.Severity == Severity.Error);

        Assert.True(error.Code == DiagnosticCodes.ExpressionTooComplex, what + ": " + error.Format(Language.En));
    }

    [Fact]
    public void Compile_ExpressionsAtTheLimits_CompileAndEvaluate()
    {
        // Exactly at each limit is allowed, and runs: the limits refuse nothing a rule file needs.
        var rules = TestRules.RuleFile(
            TestRules.Award("dai", Padded(Parser.MaxLength)) + "," +
            TestRules.Award("tong", Sum(995)) + "," +
            TestRules.Award("long-nhau", Aggregates(TypeChecker.MaxAggregateNesting), "unit"));

        var result = TestRules.Evaluate(rules, """{ "year": 2024, "units": [ { "id": "U" } ], "individuals": [ { "id": "A", "unit": "U", "rating": "HTTNV" }, { "id": "B", "unit": "U" } ] }""");

        Assert.All(result.Results(ResultInclusion.All).Where(r => r.Subject == "A"), r => Assert.Equal(Outcome.Recommended, r.Outcome));
        Assert.Equal(Outcome.Recommended, result.Results(ResultInclusion.All).Single(r => r.Award == "long-nhau").Outcome);
    }

    [Fact]
    public void Evaluate_OverflowAndDivisionByZero_GiveUnknownRatherThanAnException()
    {
        var rules = TestRules.RuleFile(
            TestRules.Award("tran-so", "bonusPoints * 79228162514264337593543950335 * 10 > 0") + "," +
            TestRules.Award("chia-0", "monthsWorked / (bonusPoints - bonusPoints) > 1") + "," +
            TestRules.Award("lam-tron", "round(bonusPoints, 1000000) > 0 && round(bonusPoints, -1000000) >= 0") + "," +
            TestRules.Award("nam-lon", "awardCount('lam-tron', 1000000000000) == 1 && had('chia-0', 99999999999) == false && date(999999, 1, 1) == null"));

        var result = TestRules.Evaluate(rules, """{ "year": 2024, "individuals": [ { "id": "A", "monthsWorked": 12, "facts": { "bonusPoints": 5 } } ] }""");
        var outcomes = result.Results(ResultInclusion.All).ToDictionary(r => r.Award, r => r.Outcome);

        Assert.Equal(Outcome.InsufficientData, outcomes["tran-so"]);
        Assert.Equal(Outcome.InsufficientData, outcomes["chia-0"]);
        Assert.Equal(Outcome.Recommended, outcomes["lam-tron"]);
        Assert.Equal(Outcome.Recommended, outcomes["nam-lon"]);
    }

    [Fact]
    public void Validate_EveryEscapeAttemptOfTheFuzzer_IsRefusedOrHarmless()
    {
        // The fuzzer's list of escapes, each checked once more here: none gets through validation except the few that
        // only compute (and so are harmless), listed explicitly.
        string[] harmless = ["round(1, 100000) > 0", "round(1, -100000) > 0", "date(999999, 1, 1) == null", "awardCount('base', 1000000000000) > 0",
            "had('base', 99999999999) == false", "monthsWorked / 0 > 1", "bonusPoints * 79228162514264337593543950335 * 10 > 0", "-(-(-1)) < 0"];
        foreach (var expr in PropertyBased.DocumentGenerators.Escapes)
        {
            var json = TestRules.RuleFile(TestRules.Award("base", "rating >= 'HTTNV'") + "," + TestRules.Award("a", expr));
            var errors = TestRules.Diagnostics(json).Where(d => d.Severity == Severity.Error).ToList();
            Assert.True(harmless.Contains(expr) ? errors.Count == 0 : errors.Count > 0, expr + ": " + string.Join("; ", errors));
        }
    }

    /// <summary><c>members.count(m0 => members.count(m1 => … true) > 0) > 0</c>, <paramref name="depth"/> aggregates deep.</summary>
    private static string Aggregates(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(i => $"members.count(m{i} => ")) + "true" + string.Concat(Enumerable.Repeat(") > 0", depth));

    /// <summary>A valid criterion padded with spaces to exactly <paramref name="length"/> characters.</summary>
    private static string Padded(int length) => "rating >= 'HTTNV'".PadRight(length);

    /// <summary><c>1 + 1 + … + 1 >= 0</c> with <paramref name="terms"/> terms: a left-deep tree far deeper than the nesting limit, which only counts brackets.</summary>
    private static string Sum(int terms) => string.Join(" + ", Enumerable.Repeat("1", terms)) + " >= " + terms;
}
