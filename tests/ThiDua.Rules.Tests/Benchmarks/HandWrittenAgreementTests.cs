using ThiDua.Rules.Benchmarks;
using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Benchmarks.HandWritten;
using ThiDua.Rules.Evaluation;
using Xunit;

namespace ThiDua.Rules.Tests.Benchmarks;

/// <summary>
/// The benchmark's ratio means something only if both sides compute the same thing: the engine running the 2024
/// national pack's four annual titles and the hand-written C# baseline give the same outcome for every subject.
/// </summary>
public sealed class HandWrittenAgreementTests
{
    private static readonly Lazy<ThiDua.Rules.Compilation.CompiledRuleSet> Rules = new(() =>
    {
        var folder = Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "rules", "vn");
        var pack = ThiDua.Rules.Loading.RuleSetLoader.Load(folder).GetValueOrThrow().Select(new NodaTime.LocalDate(2024, 12, 31)).GetValueOrThrow();
        return ThiDua.Rules.Compilation.RuleSetCompiler.Compile(NationalPack.AnnualTitlesOnly(pack)).GetValueOrThrow();
    });

    [Theory]
    [InlineData(20241231)]
    [InlineData(7)]
    [InlineData(123456)]
    public void Engine_AndHandWrittenBaseline_GiveTheSameOutcomeForEverySubject(int seed)
    {
        var data = SyntheticPopulation.Create(3_000, seed);
        var handWritten = new HandWrittenNationalPack(data).Evaluate();

        var compared = Agreement.Check(Rules.Value.Evaluate(data), handWritten, data);

        // Every individual for two titles, and the units that are evaluated for the collective ones.
        Assert.True(compared >= 2 * data.Individuals.Length, $"only {compared} outcomes compared");
        // The population exercises both answers of each individual title, so agreement is not agreement on "no".
        foreach (var outcomes in new[] { handWritten.Ldtt, handWritten.Cstdcs })
        {
            Assert.Contains((byte)Outcome.Recommended, outcomes);
            Assert.Contains((byte)Outcome.NotEligible, outcomes);
        }
    }
}
