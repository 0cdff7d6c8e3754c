using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading;
using ThiDua.Rules.RulesEngine;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.PropertyBased;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.RulesEngine;

/// <summary>
/// A RulesEngine workflow used as a criterion decides every subject as the same rule written as an expression does,
/// missing data included; errors in the workflow are validation diagnostics at the workflow file's line and column.
/// </summary>
public sealed class RulesEngineCriterionTypeTests : IDisposable
{
    private static readonly PluginRegistry Registry = PluginRegistry.Default.WithRulesEngine();

    /// <summary>The LĐTT core written as RulesEngine users write it: one rule per condition.</summary>
    internal const string LdttWorkflow = """
        [
          {
            "WorkflowName": "LaoDongTienTien",
            "Rules": [
              { "RuleName": "XepLoai", "Expression": "input1.rating == \"HTTNV\" || input1.rating == \"HTXSNV\"", "ErrorMessage": "rating" },
              { "RuleName": "TuLucDoanKet", "Expression": "input1.conduct == true" },
              { "RuleName": "ThoiGian", "Expression": "input1.monthsWorked >= 6" },
              { "RuleName": "Diem", "Operator": "Or", "Rules": [
                  { "RuleName": "DiemCao", "Expression": "input1.bonusPoints >= 3" },
                  { "RuleName": "XuatSac", "Expression": "input1.rating == \"HTXSNV\"" } ] },
              { "RuleName": "TatRoi", "Expression": "input1.monthsWorked > 100", "Enabled": false }
            ]
          }
        ]
        """;

    /// <summary>The same conditions as one expression of the rule language.</summary>
    private const string LdttExpression = "rating >= 'HTTNV' && conduct == true && monthsWorked >= 6 && (bonusPoints >= 3 || rating == 'HTXSNV')";

    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-re-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string WorkflowAward(string id, string workflow = "ldtt.workflow.json", string name = "LaoDongTienTien") => $$"""
        { "id": "{{id}}", "name": "{{id}}", "subject": "individual", "basis": "Điều 1",
          "criteria": [ { "id": "c", "type": "rulesengine", "args": { "workflow": "{{workflow}}", "workflowName": "{{name}}" }, "basis": "Điều 1 khoản 1" } ] }
        """;

    private CompiledRuleSet CompileBoth(string workflow = LdttWorkflow)
    {
        Write("ldtt.workflow.json", workflow);
        var rules = Write("rules.json", TestRules.RuleFile(TestRules.Award("by-expression", LdttExpression) + "," + WorkflowAward("by-workflow")));
        var library = RuleSetLoader.Load(rules).GetValueOrThrow();
        return RuleSetCompiler.Compile(library.Versions.Single(), Registry).GetValueOrThrow();
    }

    [Fact]
    public void Evaluate_WorkflowCriterion_DecidesEverySubjectAsTheExpression()
    {
        var compiled = CompileBoth();
        var seen = new HashSet<Outcome>();
        foreach (var seed in new[] { 1, 2, 3, 20240101 })
        {
            var data = PopulationGenerator.Sample(seed, units: 6, individuals: 200);
            var result = compiled.Evaluate(data);
            foreach (var person in data.Individuals)
            {
                var expected = result.GetOutcome(person.Id, "by-expression");
                Assert.Equal(expected, result.GetOutcome(person.Id, "by-workflow"));
                seen.Add(expected!.Value);
            }
        }

        // The population has people of each outcome, missing data included.
        Assert.Contains(Outcome.Recommended, seen);
        Assert.Contains(Outcome.NotEligible, seen);
        Assert.Contains(Outcome.InsufficientData, seen);
    }

    [Fact]
    public void Explain_WorkflowCriterionWithMissingConduct_IsUnknownAndNamesTheMissingValue()
    {
        var compiled = CompileBoth();
        var data = TestRules.Data("""
            { "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "U" } ],
              "individuals": [ { "id": "A", "unit": "U", "rating": "HTXSNV", "monthsWorked": 12 },
                               { "id": "B", "unit": "U", "rating": "HTXSNV", "monthsWorked": 4, "facts": { "conduct": true } } ] }
            """);
        var result = compiled.Evaluate(data);

        var a = result.Explain("A", "by-workflow")!;
        Assert.Equal(Outcome.InsufficientData, a.Outcome);
        Assert.Equal(CriterionStatus.Unknown, a.Criteria.Single().Status);
        Assert.Equal(["conduct"], a.Criteria.Single().Missing.ToArray());

        // A failing rule that compares a field with a literal gives the actual and required values.
        var b = result.Explain("B", "by-workflow")!.Criteria.Single();
        Assert.Equal(CriterionStatus.Fail, b.Status);
        Assert.Equal(4m, b.Actual!.Value);
        Assert.Equal("≥", b.Required!.Operator);
        Assert.Equal(6m, b.Required.Value.Value);
    }

    public static TheoryData<string, DiagnosticCode, int, int> BrokenWorkflows => new()
    {
        // A typo in a field name: RulesEngine would fail the rule silently at run time; here it is an error at the
        // character where the member starts (line 3, after "input1."). A syntax error is at the parser's position in the
        // expression (its end, here); a refused member at the expression's first character.
        { """[ { "WorkflowName": "LaoDongTienTien", "Rules": [""" + "\n" + """  { "RuleName": "A", "Expression": "input1.conduct" },""" + "\n" + """  { "RuleName": "B", "Expression": "input1.monthWorked >= 6" } ] } ]""",
          DiagnosticCodes.WorkflowUnknownInput, 3, 44 },
        { """[ { "WorkflowName": "LaoDongTienTien", "Rules": [ { "RuleName": "A", "Expression": "input1.monthsWorked >= " } ] } ]""", DiagnosticCodes.WorkflowRuleInvalid, 1, 108 },
        { """[ { "WorkflowName": "LaoDongTienTien", "Rules": [ { "RuleName": "A", "Expression": "DateTime.Now.Year > 2000" } ] } ]""", DiagnosticCodes.WorkflowNotAllowed, 1, 85 },
        { """[ { "WorkflowName": "LaoDongTienTien", "Rules": [ { "RuleName": "A", "Expression": "input1.name.GetType().Name == \"x\"" } ] } ]""", DiagnosticCodes.WorkflowNotAllowed, 1, 85 },
        { """[ { "WorkflowName": "Other", "Rules": [ { "RuleName": "A", "Expression": "true" } ] } ]""", DiagnosticCodes.WorkflowNotFound, 0, 0 },
        { """[ { "WorkflowName": "LaoDongTienTien", "Rules": [ { "RuleName": "A", "Expression": "x > 1", "LocalParams": [ { "Name": "x", "Expression": "1" } ] } ] } ]""", DiagnosticCodes.WorkflowUnsupported, 1, 51 },
        { """[ { "WorkflowName": "LaoDongTienTien", "Rules": [ """, DiagnosticCodes.WorkflowFileProblem, 1, 0 },
    };

    [Theory]
    [MemberData(nameof(BrokenWorkflows))]
    public void Validate_BrokenWorkflow_ReportsItAtTheWorkflowFilePosition(string workflow, DiagnosticCode code, int line, int column)
    {
        var path = Write("ldtt.workflow.json", workflow);
        var rules = Write("rules.json", TestRules.RuleFile(WorkflowAward("by-workflow")));
        var report = RuleSetValidator.Validate(rules, Registry);

        var diagnostic = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(code, diagnostic.Code);
        if (line > 0)
        {
            Assert.Equal(path, diagnostic.Span.File);
            Assert.Equal(line, diagnostic.Span.Line);
            if (column > 0)
            {
                Assert.Equal(column, diagnostic.Span.Column);
            }
        }
        else
        {
            Assert.Equal(rules, diagnostic.Span.File);
        }
    }

    [Theory]
    [InlineData("input1.monthsWorked >= ", "biểu thức không biên dịch được: biểu thức sai cú pháp tại vị trí này")]
    [InlineData("foo > 1", "biểu thức không biên dịch được: phép '>' không dùng được giữa một giá trị không rõ kiểu (có thể là một tên không có trong input1) và một số")]
    [InlineData("input1.monthsWorked && true", "biểu thức không biên dịch được: phép '&&' không dùng được giữa một số và đúng/sai (true/false)")]
    public void Validate_ExpressionDynamicLinqCannotCompile_IsSaidInVietnamese_WithoutTheParsersEnglish(string expression, string expected)
    {
        var workflow = new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject
        {
            ["WorkflowName"] = "LaoDongTienTien",
            ["Rules"] = new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject { ["RuleName"] = "A", ["Expression"] = expression }),
        });
        Write("ldtt.workflow.json", workflow.ToString());
        var rules = Write("rules.json", TestRules.RuleFile(WorkflowAward("by-workflow")));

        var diagnostic = Assert.Single(RuleSetValidator.Validate(rules, Registry).Diagnostics, d => d.Severity == Severity.Error);
        var vietnamese = diagnostic.Message(Language.Vi);

        Assert.Equal(DiagnosticCodes.WorkflowRuleInvalid, diagnostic.Code);
        Assert.Contains(expected, vietnamese, StringComparison.Ordinal);
        Assert.DoesNotMatch(ThiDua.Rules.Tests.Validation.VietnameseMessagesTests.EnglishWord(), vietnamese);
    }

    [Fact]
    public void Validate_TypoInWorkflowField_SuggestsTheFieldInBothLanguages()
    {
        Write("ldtt.workflow.json", """[ { "WorkflowName": "LaoDongTienTien", "Rules": [ { "RuleName": "B", "Expression": "input1.monthWorked >= 6" } ] } ]""");
        var rules = Write("rules.json", TestRules.RuleFile(WorkflowAward("by-workflow")));
        var diagnostic = RuleSetValidator.Validate(rules, Registry).Diagnostics.Single();

        Assert.Equal("monthsWorked", diagnostic.Suggestion);
        Assert.Contains("input1.monthWorked", diagnostic.Message(Language.En), StringComparison.Ordinal);
        Assert.StartsWith("quy tắc 'B' của quy trình 'LaoDongTienTien'", diagnostic.Message(Language.Vi), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutTheRulesEngineType_ListsItAsUnknown()
    {
        Write("ldtt.workflow.json", LdttWorkflow);
        var rules = Write("rules.json", TestRules.RuleFile(WorkflowAward("by-workflow")));
        Assert.Contains(RuleSetValidator.Validate(rules).Diagnostics, d => d.Code == DiagnosticCodes.UnknownCriterionType);
        Assert.True(RuleSetValidator.Validate(rules, Registry).Succeeded);
    }
}
