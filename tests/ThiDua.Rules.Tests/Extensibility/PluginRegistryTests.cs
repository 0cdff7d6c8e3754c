using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Extensibility;

public sealed class PluginRegistryTests
{
    /// <summary>A plug-in function: growth of a value over a base, as a share.</summary>
    private sealed class GrowthFunction : ExpressionFunction<decimal, decimal, decimal>
    {
        public override string Name => "growth";

        public override string Description => "(current - previous) / previous";

        protected override decimal Compute(decimal first, decimal second) => (first - second) / second;
    }

    /// <summary>A plug-in criterion type reading a fact through the subject view.</summary>
    private sealed class MinimumPointsCriterion : CriterionType
    {
        public override string Name => "minimum-points";

        public override IEnumerable<string> CheckArguments(IReadOnlyDictionary<string, object?> arguments) =>
            arguments.TryGetValue("min", out var min) && min is decimal ? [] : ["'min' must be a number"];

        public override bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments) =>
            subject.Get("bonusPoints") is decimal points ? points >= (decimal)arguments["min"]! : null;
    }

    private static readonly PluginRegistry Registry = PluginRegistry.Default.With(new GrowthFunction()).With(new MinimumPointsCriterion());

    private static CompiledRuleSet Compile(string json) =>
        RuleSetCompiler.Compile(TestRules.RuleSet(json), Registry).GetValueOrThrow();

    [Fact]
    public void Compile_PluginFunction_IsCalledWithKnownArgumentsAndPropagatesUnknown()
    {
        var rules = Compile(TestRules.RuleFile(TestRules.Award("tang-truong", "growth(bonusPoints, 4) >= 25%")));
        var data = TestRules.Data("""{ "year": 2024, "individuals": [ { "id": "A", "facts": { "bonusPoints": 5 } }, { "id": "B", "facts": { "bonusPoints": 4.5 } }, { "id": "C" } ] }""");

        var result = rules.Evaluate(data);

        Assert.Equal(Outcome.Recommended, result.GetOutcome("A", "tang-truong"));
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("B", "tang-truong"));
        Assert.Equal(Outcome.InsufficientData, result.GetOutcome("C", "tang-truong"));
    }

    [Fact]
    public void Compile_PluginCriterionType_JudgesThroughTheSubjectView()
    {
        var award = """
            { "id": "diem", "name": "Điểm", "subject": "individual", "basis": "Điều 1",
              "criteria": [ { "id": "du-diem", "type": "minimum-points", "args": { "min": 3 }, "basis": "Điều 1 khoản 1" } ] }
            """;
        var rules = Compile(TestRules.RuleFile(award));
        var data = TestRules.Data("""{ "year": 2024, "individuals": [ { "id": "A", "facts": { "bonusPoints": 3 } }, { "id": "B", "facts": { "bonusPoints": 2 } }, { "id": "C" } ] }""");

        var result = rules.Evaluate(data);

        Assert.Equal(Outcome.Recommended, result.GetOutcome("A", "diem"));
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("B", "diem"));
        Assert.Equal(Outcome.InsufficientData, result.GetOutcome("C", "diem"));
    }

    [Fact]
    public void Compile_PluginCriterionWithBadArguments_ReportsTheProblem()
    {
        var award = """
            { "id": "diem", "name": "Điểm", "subject": "individual", "basis": "Điều 1",
              "criteria": [ { "id": "du-diem", "type": "minimum-points", "args": { "min": "ba" }, "basis": "Điều 1 khoản 1" } ] }
            """;

        var diagnostics = RuleSetCompiler.Compile(TestRules.RuleSet(TestRules.RuleFile(award)), Registry).Diagnostics;

        var diagnostic = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Contains("'min' must be a number", diagnostic.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownCriterionType_ListsTheKnownNames()
    {
        var award = """
            { "id": "diem", "name": "Điểm", "subject": "individual", "basis": "Điều 1",
              "criteria": [ { "id": "du-diem", "type": "minimum-point", "basis": "Điều 1 khoản 1" } ] }
            """;

        var diagnostic = Assert.Single(RuleSetCompiler.Compile(TestRules.RuleSet(TestRules.RuleFile(award)), Registry).Diagnostics);

        Assert.Equal(DiagnosticCodes.UnknownCriterionType, diagnostic.Code);
        Assert.Equal("minimum-points", diagnostic.Suggestion);
        Assert.Contains("minimum-points, no-pending-review", diagnostic.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_PluginFunctionThatThrows_FailsTheRunNamingAwardCriterionAndSubject()
    {
        var rules = Compile(TestRules.RuleFile(TestRules.Award("tang-truong", "growth(bonusPoints, 0) >= 25%")));
        var data = TestRules.Data("""{ "year": 2024, "individuals": [ { "id": "A", "facts": { "bonusPoints": 5 } } ] }""");

        var error = Assert.Throws<RuleEvaluationException>(() => rules.Evaluate(data));

        Assert.Equal(("tang-truong", "c", "A"), (error.AwardId, error.CriterionId, error.SubjectId));
    }

    [Fact]
    public void Default_BuiltInFunctions_AreRegisteredThroughTheSameSurface()
    {
        Assert.Contains(PluginRegistry.FunctionKey("round", 1), PluginRegistry.Default.Functions.Keys);
        Assert.Contains(PluginRegistry.FunctionKey("round", 2), PluginRegistry.Default.Functions.Keys);
        Assert.Contains("no-pending-review", PluginRegistry.Default.CriterionTypes.Keys);
        Assert.True(PluginRegistry.Default.CriterionTypes["no-pending-review"].AppliesTo(SubjectKind.Individual));
    }
}
