using System.Collections.Immutable;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.RuleTests;
using ThiDua.Rules.SamplePlugin;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary>
/// The sample plug-in (tests/ThiDua.Rules.SamplePlugin) used from the library, as an HR system would: registered in a
/// <see cref="PluginRegistry"/>, named in a rule file, judging the bundled enterprise sample and the HR system's own ledger.
/// </summary>
public sealed class SamplePluginTests
{
    private const string Award = "giay-khen-tang-nop-ngan-sach";

    private static readonly PluginRegistry Registry = PluginRegistry.Default.With(new BudgetGrowthCriterion()).With(new GrowthFunction());

    internal static string RulesFolder => Path.Combine(ShippedRulesTests.RepositoryRoot, "tests", "ThiDua.Rules.SamplePlugin", "rules");

    private static RuleSet SampleRuleSet() =>
        RuleSetLoader.Load(RulesFolder).GetValueOrThrow().Select(new NodaTime.LocalDate(2024, 12, 31)).GetValueOrThrow();

    [Fact]
    public void Run_SampleRuleFileWithThePlugins_PassesItsEmbeddedTests()
    {
        var run = RuleSetTestRunner.Run(RuleSetLoader.Load(RulesFolder).GetValueOrThrow(), Registry);

        Assert.Empty(run.Diagnostics.Where(d => d.Severity == Severity.Error));
        Assert.Equal(2, run.PassedCount);
        Assert.Equal(0, run.FailedCount);
    }

    [Fact]
    public void Compile_SampleRuleFileWithoutThePlugins_NamesTheUnknownTypeAndFunctionWithTheKnownOnes()
    {
        var diagnostics = RuleSetCompiler.Compile(SampleRuleSet()).Diagnostics.Select(d => d.Format(Language.En)).ToList();

        Assert.Contains(diagnostics, d => d.Contains("TDR019 unknown criterion type 'budget-contribution-growth' (known types: no-pending-review)", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Contains("TDR013 unknown function 'growth' (known functions: abs, ", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_BundledEnterpriseSample_RecommendsOnlyTheEnterprisesWhoseContributionGrewTenPercent()
    {
        var rules = RuleSetCompiler.Compile(SampleRuleSet(), Registry).GetValueOrThrow();
        var data = SubjectDataLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "khoi-doanh-nghiep-2024.json")).GetValueOrThrow();

        var result = rules.Evaluate(data);

        foreach (var enterprise in data.Units.Where(u => u.Kind == SubjectKind.Enterprise))
        {
            var grew = enterprise.Facts["budgetPaid"] is decimal now && enterprise.Facts["budgetPaidPrevYear"] is decimal before && now >= before * 1.1m;
            var pair = result.Explain(enterprise.Id, Award)!;
            var criterion = Assert.Single(pair.Criteria, c => c.Id == "tang-nop-ngan-sach");
            Assert.Equal(grew ? CriterionStatus.Pass : CriterionStatus.Fail, criterion.Status);
        }

        // DN01 paid 86.4 after 78.5: +10.06%.
        Assert.Equal(Outcome.Recommended, result.GetOutcome("DN01", Award));
    }

    [Fact]
    public void Evaluate_WithTheHrSystemsOwnLedger_ReadsTheLedgerInsteadOfTheFacts()
    {
        var ledger = new Ledger(new Dictionary<(string, int), decimal>
        {
            [("DNA", 2023)] = 100m, [("DNA", 2024)] = 120m,
            [("DNB", 2023)] = 100m, [("DNB", 2024)] = 101m,
            [("DNC", 2024)] = 500m,
        });
        var registry = PluginRegistry.Default.With(new BudgetGrowthCriterion(ledger)).With(new GrowthFunction());
        var rules = RuleSetCompiler.Compile(SampleRuleSet(), registry).GetValueOrThrow();
        Unit Enterprise(string id) => new() { Id = id, Parent = "HY", Kind = SubjectKind.Enterprise, Facts = ImmutableDictionary<string, object?>.Empty.Add("legalViolations", 0m) };
        var data = new SubjectData { Year = 2024, Units = [new Unit { Id = "HY" }, Enterprise("DNA"), Enterprise("DNB"), Enterprise("DNC")] };

        var result = rules.Evaluate(data);

        Assert.Equal(Outcome.Recommended, result.GetOutcome("DNA", Award));
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("DNB", Award));
        Assert.Equal(Outcome.InsufficientData, result.GetOutcome("DNC", Award));
    }

    [Fact]
    public void Explain_PluginCriterion_ShowsActualRequiredAndMissingLikeABuiltInCriterion()
    {
        var ledger = new Ledger(new Dictionary<(string, int), decimal>
        {
            [("DNA", 2023)] = 100m, [("DNA", 2024)] = 120m,
            [("DNB", 2023)] = 100m, [("DNB", 2024)] = 101m,
            [("DNC", 2024)] = 500m,
        });
        var registry = PluginRegistry.Default.With(new BudgetGrowthCriterion(ledger)).With(new GrowthFunction());
        var rules = RuleSetCompiler.Compile(SampleRuleSet(), registry).GetValueOrThrow();
        Unit Enterprise(string id) => new() { Id = id, Parent = "HY", Kind = SubjectKind.Enterprise, Facts = ImmutableDictionary<string, object?>.Empty.Add("legalViolations", 0m) };
        var result = rules.Evaluate(new SubjectData { Year = 2024, Units = [new Unit { Id = "HY" }, Enterprise("DNA"), Enterprise("DNB"), Enterprise("DNC")] });
        CriterionResult Criterion(string id) => result.Explain(id, Award)!.Criteria.Single(c => c.Id == "tang-nop-ngan-sach");

        var failing = Criterion("DNB");
        Assert.Equal(CriterionStatus.Fail, failing.Status);
        Assert.Equal(101m, failing.Actual!.Value);
        Assert.Equal(new Requirement("≥", new ExplainedValue(110.0m)), failing.Required);
        Assert.EndsWith(": 101 — yêu cầu ≥ 110 (không đạt)", new ThiDua.Rules.Explanation.ExplanationRenderer(Language.Vi).Message(failing), StringComparison.Ordinal);
        Assert.Equal(120m, Criterion("DNA").Actual!.Value);

        var unknown = Criterion("DNC");
        Assert.Equal(CriterionStatus.Unknown, unknown.Status);
        Assert.Equal(["ledger.budgetPaidPrevYear"], unknown.Missing.ToArray());
    }

    [Theory]
    [InlineData("""{ "minGrowth": "mười phần trăm" }""", "TDR004", "'args.minGrowth' must be a number or a percentage such as \"10%\", but is a string")]
    [InlineData("""{ }""", "TDR003", "missing required member 'minGrowth' in criterion arguments (args)")]
    [InlineData("""{ "minGrowth": "10%", "minGrowht": 1 }""", "TDR002", "unknown member 'minGrowht' in criterion arguments (args); did you mean 'minGrowth'?")]
    [InlineData("""{ "minGrowth": "-150%" }""", "TDR009", "invalid value for 'args': 'minGrowth' cannot be below -100%")]
    public void Compile_BadArguments_AreValidationErrorsAtTheCriterion(string args, string code, string message)
    {
        var json = Builders.TestRules.RuleFile($$"""
            { "id": "tang", "name": "Tăng", "subject": "enterprise", "basis": "Điều 1",
              "criteria": [ { "id": "c", "type": "budget-contribution-growth", "args": {{args}}, "basis": "Điều 1" } ] }
            """);

        var diagnostics = RuleSetCompiler.Compile(Builders.TestRules.RuleSet(json), Registry).Diagnostics;

        var diagnostic = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(code, diagnostic.Code.ToString());
        Assert.Equal(message, diagnostic.Message(Language.En));
    }

    [Fact]
    public void Compile_CriterionForIndividuals_IsRejectedBecauseTheTypeJudgesEnterprises()
    {
        var json = Builders.TestRules.RuleFile("""
            { "id": "tang", "name": "Tăng", "subject": "individual", "basis": "Điều 1",
              "criteria": [ { "id": "c", "type": "budget-contribution-growth", "args": { "minGrowth": 0.1 }, "basis": "Điều 1" } ] }
            """);

        var diagnostics = RuleSetCompiler.Compile(Builders.TestRules.RuleSet(json), Registry).Diagnostics;

        Assert.Equal(DiagnosticCodes.WrongSubject, Assert.Single(diagnostics, d => d.Severity == Severity.Error).Code);
    }

    [Theory]
    [InlineData(110, 100, 0.1)]
    [InlineData(90, 100, -0.1)]
    [InlineData(5, 0, null)]
    public void Growth_KnownArguments_IsTheShareOverThePreviousValueAndUnknownOverZero(int current, int previous, double? expected)
    {
        var growth = new GrowthFunction();

        var value = growth.Invoke([(decimal)current, (decimal)previous]);

        Assert.Equal(expected is null ? null : (decimal)expected.Value, value);
        Assert.Null(growth.Invoke([null, 1m]));
        Assert.Equal(ArgumentKind.Number, growth.ReturnKind);
    }

    private sealed class Ledger(Dictionary<(string, int), decimal> figures) : IBudgetLedger
    {
        public decimal? Contribution(string enterpriseId, int year) => figures.TryGetValue((enterpriseId, year), out var amount) ? amount : null;
    }
}
