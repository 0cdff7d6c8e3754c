using NodaTime;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Extensibility;

/// <summary>The typed plug-in base: arguments bound to a class once, checked at validation, shared by every subject.</summary>
public sealed class CriterionTypeOfTTests
{
    private sealed class ThresholdArguments
    {
        // Counts bindings: the binder creates one instance per bind. Tests of one class run one at a time.
        public static int Created;

        public ThresholdArguments() => Interlocked.Increment(ref Created);

        public required decimal Min { get; init; }

        public string Fact { get; init; } = "bonusPoints";

        public bool Strict { get; init; }

        public int? Years { get; init; }

        public LocalDate? Since { get; init; }
    }

    private sealed class ThresholdCriterion : CriterionType<ThresholdArguments>
    {
        public override string Name => "threshold";

        protected override IEnumerable<string> Validate(ThresholdArguments arguments) =>
            arguments.Years is < 0 ? ["'years' cannot be negative"] : [];

        protected override bool? Evaluate(SubjectView subject, ThresholdArguments arguments) =>
            subject.Get(arguments.Fact) is decimal value ? (arguments.Strict ? value > arguments.Min : value >= arguments.Min) : null;
    }

    private sealed class Unsupported
    {
        public Guid Id { get; set; }
    }

    private sealed class UnsupportedCriterion : CriterionType<Unsupported>
    {
        public override string Name => "unsupported";

        protected override bool? Evaluate(SubjectView subject, Unsupported arguments) => true;
    }

    private static string Rules(string args) => TestRules.RuleFile($$"""
        { "id": "du-diem", "name": "Đủ điểm", "subject": "individual", "basis": "Điều 1",
          "criteria": [ { "id": "c", "type": "threshold", "args": {{args}}, "basis": "Điều 1 khoản 1" } ] }
        """);

    private static IReadOnlyList<string> Problems(string args) =>
        [.. Compilation.RuleSetCompiler.Compile(TestRules.RuleSet(Rules(args)), PluginRegistry.Default.With(new ThresholdCriterion()))
            .Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Message(Language.En))];

    [Fact]
    public void Evaluate_PercentAndBoolArguments_AreBoundAndUsed()
    {
        var criterion = new ThresholdCriterion();
        var rules = Compilation.RuleSetCompiler.Compile(TestRules.RuleSet(Rules("""{ "min": "300%", "strict": true }""")), PluginRegistry.Default.With(criterion)).GetValueOrThrow();
        var data = TestRules.Data("""{ "year": 2024, "individuals": [ { "id": "A", "facts": { "bonusPoints": 3.5 } }, { "id": "B", "facts": { "bonusPoints": 3 } }, { "id": "C" } ] }""");

        var result = rules.Evaluate(data, EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 });

        Assert.Equal(Outcome.Recommended, result.GetOutcome("A", "du-diem"));
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("B", "du-diem"));
        Assert.Equal(Outcome.InsufficientData, result.GetOutcome("C", "du-diem"));
    }

    [Theory]
    [InlineData("""{ "min": 1, "years": 2.5 }""", "'args.years' must be a whole number, but is a number")]
    [InlineData("""{ "min": 1, "years": -1 }""", "invalid value for 'args': 'years' cannot be negative")]
    [InlineData("""{ "min": 1, "since": "2024-13-01" }""", "'args.since' must be a date (YYYY-MM-DD), but is a string")]
    [InlineData("""{ "min": 1, "strict": "yes" }""", "'args.strict' must be true/false, but is a string")]
    [InlineData("""{ "min": null }""", "'args.min' must be a number or a percentage such as \"10%\", but is null")]
    [InlineData("""{ "min": 1, "fact": 2 }""", "'args.fact' must be text, but is a number")]
    public void Compile_ArgumentOfTheWrongType_NamesTheArgumentAndTheExpectedType(string args, string message) =>
        Assert.Equal([message], Problems(args));

    [Theory]
    [InlineData("""{ "min": 1, "years": 2.5 }""", "'args.years' phải là một số nguyên, nhưng là một số")]
    [InlineData("""{ "min": 1, "strict": "yes" }""", "'args.strict' phải là đúng/sai (true/false), nhưng là một chuỗi văn bản")]
    [InlineData("""{ "min": 1, "yaers": 3 }""", "trường không xác định 'yaers' trong các tham số của tiêu chí (args); có phải ý bạn là 'years'?")]
    [InlineData("""{ "years": 3 }""", "thiếu trường bắt buộc 'min' trong các tham số của tiêu chí (args)")]
    public void Compile_ArgumentProblems_AreCatalogMessagesInVietnamese(string args, string message)
    {
        var diagnostic = Assert.Single(Compilation.RuleSetCompiler.Compile(TestRules.RuleSet(Rules(args)), PluginRegistry.Default.With(new ThresholdCriterion()))
            .Diagnostics, d => d.Severity == Severity.Error);

        Assert.Equal(message, diagnostic.Message(Language.Vi));
        Assert.Equal("test.json", diagnostic.Span.File);
    }

    [Fact]
    public void CheckArguments_ThroughThePublicContract_StillSaysEachProblemInEnglish() =>
        Assert.Equal(
            ["argument 'years' must be a whole number", "unexpected argument 'yaers' (known arguments: fact, min, since, strict, years)"],
            ((ICriterionType)new ThresholdCriterion()).CheckArguments(new Dictionary<string, object?> { ["min"] = 1m, ["years"] = 2.5m, ["yaers"] = 3m }).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("""{ "min": 1, "years": 3, "since": "2020-01-01", "fact": "bonusPoints", "strict": false }""")]
    [InlineData("""{ "min": "7.5%", "years": null, "since": null }""")]
    public void Compile_ValidArguments_HaveNoProblem(string args) => Assert.Empty(Problems(args));

    [Fact]
    public void ArgumentNames_AreTheCamelCasePropertyNamesSorted() =>
        Assert.Equal(["fact", "min", "since", "strict", "years"], new ThresholdCriterion().ArgumentNames);

    [Fact]
    public void Create_ArgumentsOfAnUnsupportedType_FailsWhenThePluginIsCreated()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new UnsupportedCriterion());

        Assert.Contains("Unsupported.Id has type Guid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ManySubjects_BindsTheArgumentsOncePerCriterion()
    {
        var criterion = new ThresholdCriterion();
        var rules = Compilation.RuleSetCompiler.Compile(TestRules.RuleSet(Rules("""{ "min": 2 }""")), PluginRegistry.Default.With(criterion)).GetValueOrThrow();
        var bindsAfterValidation = ThresholdArguments.Created;
        var individuals = string.Join(",", Enumerable.Range(0, 2000).Select(i => $$"""{ "id": "P{{i:D4}}", "facts": { "bonusPoints": {{i % 4}} } }"""));

        var result = rules.Evaluate(TestRules.Data($$"""{ "year": 2024, "individuals": [ {{individuals}} ] }"""));

        Assert.Equal(Outcome.Recommended, result.GetOutcome("P0002", "du-diem"));
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("P0001", "du-diem"));
        Assert.Equal(bindsAfterValidation + 1, ThresholdArguments.Created);
    }
}
