using System.Diagnostics;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.Council;
using ThiDua.Rules.Validation;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>
/// The nested-aggregate work budget (<see cref="DataLimits.MaxCriterionWork"/>, <c>--max-criterion-work</c>): the worst
/// case of each expression is estimated from the bound data before evaluating, and one above the budget is refused at
/// the criterion with the estimate, quickly, instead of running for hours; ordinary rule sets are not affected.
/// </summary>
public sealed class WorkBudgetTests : IDisposable
{
    /// <summary>Three nested aggregates over a unit's people: n + n² + n³ elements visited for a unit of n.</summary>
    internal const string ThreeNested = "allMembers.count(a => allMembers.count(b => allMembers.any(c => c.rating > a.rating && c.rating > b.rating)) > 0) >= 1";

    internal static readonly string Rules = TestRules.RuleFile(TestRules.Award("xep-hang", ThreeNested, "unit"));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static SubjectData OneUnit(int people, Func<int, Individual>? person = null) => new()
    {
        Year = 2024,
        Units = [new Unit { Id = "U", Name = "Phòng" }],
        Individuals = [.. Enumerable.Range(0, people).Select(i => person?.Invoke(i) ?? new Individual { Id = $"NV{i:00000}", Unit = "U", Rating = i % 2 == 0 ? "HTXSNV" : "HTTNV" })],
    };

    [Theory]
    [InlineData(2_000, "8,004,002,000")]
    [InlineData(20_000, "8,000,400,020,000")]
    public void Evaluate_ThreeNestedAggregatesOverManyPeople_RefusedQuicklyAtTheCriterionWithTheEstimate(int people, string estimate)
    {
        var compiled = TestRules.Compile(Rules);
        var bound = compiled.Bind(OneUnit(people));
        var criterion = compiled.RuleSet.Awards.Single().Criteria.Single();
        var clock = Stopwatch.StartNew();

        var refused = Assert.Throws<RuleSetValidationException>(() => compiled.Evaluate(bound));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        var error = Assert.Single(refused.Diagnostics);
        Assert.Equal(DiagnosticCodes.CriterionWorkTooLarge, error.Code);
        Assert.Equal(criterion.Span, error.Span);
        Assert.True(error.Span.Line > 0 && error.Span.Column > 0);
        Assert.Equal(["xep-hang/c", estimate, "1,000,000,000"], error.Arguments.ToArray());
        Assert.Contains("DataLimits.MaxCriterionWork, thidua --max-criterion-work", error.Message(Language.En), StringComparison.Ordinal);
        Assert.Contains("giới hạn là 1,000,000,000", error.Message(Language.Vi), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EstimateAtTheLimit_RunsAndOneAboveIsRefused()
    {
        // 100 people: 100 + 10,000 + 1,000,000 = 1,010,100 elements at most.
        var compiled = TestRules.Compile(Rules);
        var bound = compiled.Bind(OneUnit(100));

        var result = compiled.Evaluate(bound, EvaluationOptions.Default with { Limits = DataLimits.Default with { MaxCriterionWork = 1_010_100 } });
        var refused = Assert.Throws<RuleSetValidationException>(() =>
            compiled.Evaluate(bound, EvaluationOptions.Default with { Limits = DataLimits.Default with { MaxCriterionWork = 1_010_099 } }));

        // Half are HTXSNV, so no one is above both a and b when either is HTXSNV, but someone is when both are HTTNV.
        Assert.Equal(Outcome.Recommended, Assert.Single(result.Results(ResultInclusion.All)).Outcome);
        Assert.Equal(["xep-hang/c", "1,010,100", "1,010,099"], Assert.Single(refused.Diagnostics).Arguments.ToArray());
    }

    [Fact]
    public void Evaluate_ListReadFromALambdasElement_CountsAsTheLongestSuchList()
    {
        // members.count(m => m.initiatives.any(…)) on 3 people with 0, 1 and 5 initiatives: 3 × (1 + 5) = 18 at most.
        var rules = TestRules.RuleFile(TestRules.Award("sang-kien", "members.count(m => m.initiatives.any(i => i.scope >= 'tinh')) >= 1", "unit"));
        var compiled = TestRules.Compile(rules);
        int[] initiatives = [0, 1, 5];
        var bound = compiled.Bind(OneUnit(3, i => new Individual
        {
            Id = "NV" + i,
            Unit = "U",
            Initiatives = [.. Enumerable.Range(0, initiatives[i]).Select(n => new Initiative("Sáng kiến " + n, "co-so", null, default))],
        }));

        var refused = Assert.Throws<RuleSetValidationException>(() =>
            compiled.Evaluate(bound, EvaluationOptions.Default with { Limits = DataLimits.Default with { MaxCriterionWork = 17 } }));
        var result = compiled.Evaluate(bound, EvaluationOptions.Default with { Limits = DataLimits.Default with { MaxCriterionWork = 18 } });

        Assert.Equal("18", Assert.Single(refused.Diagnostics).Arguments[1]);
        Assert.Equal(Outcome.NotEligible, Assert.Single(result.Results(ResultInclusion.All)).Outcome);
    }

    [Fact]
    public void Evaluate_NationalPackOnTheSample_NotAffectedEvenByABudgetOfOne()
    {
        // The shipped packs nest no aggregate inside another: nothing is estimated, and single aggregates are linear in
        // the data (already bounded by its limits).
        var rules = SampleCouncilSessionTests.National(new NodaTime.LocalDate(2024, 12, 31));
        var sample = SampleCouncilSessionTests.Sample;

        var ordinary = rules.Evaluate(sample);
        var tiny = rules.Evaluate(sample, EvaluationOptions.Default with { Limits = DataLimits.Default with { MaxCriterionWork = 1 } });

        Assert.NotEmpty(ordinary.Results(ResultInclusion.All));
        Assert.Equal(
            ordinary.Results(ResultInclusion.All).Select(r => (r.Subject, r.Award, r.Outcome)),
            tiny.Results(ResultInclusion.All).Select(r => (r.Subject, r.Award, r.Outcome)));
    }

    [Fact]
    public void Check_ThreeNestedAggregatesOver2000People_OneLineAtTheCriterionExitTwoAndInputsUnchanged()
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", PeopleInOneUnit(2_000));
        var before = (Hash(rules), Hash(data));
        var criterion = RuleSetLoader.Load(rules).GetValueOrThrow().Versions.Single().Awards.Single().Criteria.Single().Span;
        var clock = Stopwatch.StartNew();

        var run = Run("check", "--rules", rules, "--data", data, "--out", _folder.PathOf("r.json"), "--lang", "en");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
        AssertOneClearLine(run, ExitCodes.BadInput, $"{rules}:{criterion.Line}:{criterion.Column}", "TDR144");
        Assert.Contains("'xep-hang/c' would visit about 8,004,002,000 list elements", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, (Hash(rules), Hash(data)));
        Assert.Equal(["d.json", "rules.json"], _folder.Files());
    }

    [Fact]
    public void Check_MaxCriterionWorkFlag_SetsTheBudgetAndABadValueIsAUsageError()
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", PeopleInOneUnit(100));

        var ordinary = Run("check", "--rules", rules, "--data", data, "--format", "json", "--lang", "en");
        var lowered = Run("check", "--rules", rules, "--data", data, "--format", "json", "--lang", "en", "--max-criterion-work", "1000000");
        var bad = Run("check", "--rules", rules, "--data", data, "--max-criterion-work", "lots", "--lang", "en");

        Assert.True(ordinary.ExitCode == ExitCodes.Success, ordinary.Error);
        Assert.Equal(ExitCodes.BadInput, lowered.ExitCode);
        Assert.Contains("TDR144 'xep-hang/c' would visit about 1,010,100 list elements for this data (nested aggregates multiply); the limit is 1,000,000", lowered.Error, StringComparison.Ordinal);
        Assert.Equal("", lowered.Output);
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        Assert.Contains("--max-criterion-work: 'lots' is not a positive whole number", bad.Error, StringComparison.Ordinal);
    }

    /// <summary>A data file of one unit with <paramref name="people"/> individuals, half HTXSNV and half HTTNV.</summary>
    internal static string PeopleInOneUnit(int people)
    {
        var rows = Enumerable.Range(0, people).Select(i => $$"""    { "id": "NV{{i:00000}}", "unit": "U", "rating": "{{(i % 2 == 0 ? "HTXSNV" : "HTTNV")}}" }""");
        return "{ \"year\": 2024, \"asOf\": \"2024-12-31\",\n  \"units\": [ { \"id\": \"U\", \"name\": \"Phòng\" } ],\n  \"individuals\": [\n"
            + string.Join(",\n", rows) + "\n  ]\n}\n";
    }
}
