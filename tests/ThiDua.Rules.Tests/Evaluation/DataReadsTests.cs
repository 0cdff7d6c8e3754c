using ThiDua.Rules.Benchmarks;
using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>
/// Binding fills only what the rule set reads (<see cref="DataReads"/>): the reads are found in every expression, a
/// plug-in criterion type reads everything, and the results are the same, to the byte, as binding everything.
/// </summary>
public sealed class DataReadsTests
{
    private static readonly Lazy<CompiledRuleSet> NationalPackRules = new(() =>
    {
        var folder = Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "rules", "vn");
        var pack = ThiDua.Rules.Loading.RuleSetLoader.Load(folder).GetValueOrThrow().Select(new NodaTime.LocalDate(2024, 12, 31)).GetValueOrThrow();
        return RuleSetCompiler.Compile(pack).GetValueOrThrow();
    });

    [Theory]
    [InlineData(20241231)]
    [InlineData(99)]
    public void Bind_NationalPack_GivesTheSameOutputAsBindingEverything(int seed)
    {
        var rules = NationalPackRules.Value;
        var data = SyntheticPopulation.Create(2_000, seed);
        Assert.False(rules.Reads.IsEverything);

        var diagnostics = new DiagnosticBag();
        var everything = new PopulationBuilder(rules.Symbols, diagnostics, DataReads.Everything).Build(data, data.AsOf!.Value);
        Assert.False(diagnostics.HasErrors);
        var full = rules.Evaluate(new BoundSubjects(rules, everything, diagnostics.ToSortedArray()));
        var lean = rules.Evaluate(rules.Bind(data));

        foreach (var options in new[]
        {
            new JsonResultOptions { Include = ResultInclusion.All },
            new JsonResultOptions { Include = ResultInclusion.All, Criteria = CriteriaDetail.NotPassed, Indented = false },
        })
        {
            Assert.Equal(Write(full, options), Write(lean, options));
        }
    }

    [Fact]
    public void Of_CriteriaReadingRatingAndOneFact_ReadsNeitherHistoryNorTheOtherColumns()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV' && conduct == true")));

        Assert.False(rules.Reads.IsEverything);
        Assert.False(rules.Reads.History);
        Assert.False(rules.Reads.Discipline);
        Assert.True(rules.Reads.Column("Rating"));
        Assert.False(rules.Reads.Column("MonthsWorked"));
        Assert.False(rules.Reads.Column("Initiatives"));
        Assert.True(rules.Reads.Fact(rules.Symbols.IndividualFacts["conduct"].Slot));
        Assert.False(rules.Reads.Fact(rules.Symbols.IndividualFacts["bonusPoints"].Slot));
    }

    [Fact]
    public void Of_MembersAggregateAndStreak_ReadsTheMembersFieldsAndHistory()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(
            TestRules.Award("ldtt", "monthsWorked >= 6") + "," +
            TestRules.Award("cstd", "streak('ldtt') >= 2") + "," +
            TestRules.Award("tt", "members.ratio(m => m.bonusPoints > 1 && m.initiatives.any(i => i.scope >= 'co-so')) >= 70%", "unit")));

        Assert.True(rules.Reads.History);
        Assert.True(rules.Reads.Column("MonthsWorked"));
        // monthsWorked is derived from the start date when absent.
        Assert.True(rules.Reads.Column("StartDate"));
        Assert.True(rules.Reads.Column("Initiatives"));
        Assert.False(rules.Reads.Column("ResearchWorks"));
        Assert.True(rules.Reads.Fact(rules.Symbols.IndividualFacts["bonusPoints"].Slot));
        Assert.False(rules.Reads.Fact(rules.Symbols.IndividualFacts["conduct"].Slot));
    }

    [Fact]
    public void Of_PluginCriterionType_ReadsEverything()
    {
        var json = TestRules.RuleFile("""
            { "id": "p", "name": "p", "subject": "individual", "basis": "Điều 1",
              "criteria": [ { "id": "c", "type": "reads-bonus", "basis": "Điều 1 khoản 1" } ] }
            """);
        var rules = RuleSetCompiler.Compile(TestRules.RuleSet(json), PluginRegistry.Default.With(new ReadsBonus())).GetValueOrThrow();
        Assert.True(rules.Reads.IsEverything);

        var result = rules.Evaluate(TestRules.Data("""
            { "year": 2024, "units": [], "individuals": [ { "id": "A", "facts": { "bonusPoints": 3 } }, { "id": "B" } ] }
            """));
        Assert.Equal(Outcome.Recommended, result.GetOutcomeTable().Get(0, result.GetOutcomeTable().IndividualIndex("A")));
        Assert.Equal(Outcome.NotEligible, result.GetOutcomeTable().Get(0, result.GetOutcomeTable().IndividualIndex("B")));
    }

    [Fact]
    public void Bind_HistoryNotRead_IsNotBound()
    {
        var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'")));
        var data = TestRules.Data("""
            { "year": 2024, "units": [], "individuals": [ { "id": "A", "rating": "HTTNV",
              "history": { "2023": { "rating": "HTTNV", "awards": ["ldtt"] } } } ] }
            """);

        var bound = rules.Bind(data);

        Assert.Empty(bound.Population.Individuals.History);
        Assert.Equal(Outcome.Recommended, rules.Evaluate(bound).GetOutcomeTable().Get(0, 0));
    }

    private static string Write(EvaluationResult result, JsonResultOptions options)
    {
        var writer = new StringWriter();
        JsonResultWriter.Write(result, writer, options);
        return writer.ToString();
    }

    private sealed class ReadsBonus : CriterionType
    {
        public override string Name => "reads-bonus";

        public override bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments) =>
            subject.Get("bonusPoints") is decimal points && points > 1;
    }
}
