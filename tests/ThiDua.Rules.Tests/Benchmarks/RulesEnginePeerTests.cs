using System.Collections.Immutable;
using ThiDua.Rules.Benchmarks;
using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using Xunit;

namespace ThiDua.Rules.Tests.Benchmarks;

/// <summary>
/// The peer's ratio means something only if RulesEngine decides LĐTT as the engine does where no data is missing; where
/// data is missing, RulesEngine (with an HR system's typed input) says "not eligible" instead of "insufficient data".
/// </summary>
public sealed class RulesEnginePeerTests
{
    private static CompiledRuleSet LdttOnly()
    {
        var folder = Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "rules", "vn");
        var pack = ThiDua.Rules.Loading.RuleSetLoader.Load(folder).GetValueOrThrow().Select(new NodaTime.LocalDate(2024, 12, 31)).GetValueOrThrow();
        return RuleSetCompiler.Compile(NationalPack.LdttOnly(pack)).GetValueOrThrow();
    }

    [Fact]
    public void Peer_DefaultAndFastestSettings_AgreeWithTheEngineWhereNoDataIsMissing()
    {
        var data = SyntheticPopulation.Create(2_000, 11);
        // Take the conduct fact away from every tenth person: missing data.
        data = data with
        {
            Individuals = [.. data.Individuals.Select((p, i) => i % 10 == 0 ? p with { Facts = p.Facts.Remove("conduct") } : p)],
        };
        var engine = LdttOnly().Evaluate(data);

        foreach (var peer in new[] { RulesEnginePeer.Default(data), RulesEnginePeer.Fastest(data) })
        {
            var (compared, notEligible, eligible) = RulesEnginePeer.Check(peer.Evaluate(), engine, data);

            Assert.True(compared > 1_500, $"only {compared} compared");
            Assert.True(notEligible > 0, "no person with missing data");
            Assert.Equal(0, eligible);
        }

        var outcomes = data.Individuals.Select(p => engine.GetOutcome(p.Id, "lao-dong-tien-tien")).ToImmutableHashSet();
        Assert.Contains(Outcome.Recommended, outcomes);
        Assert.Contains(Outcome.NotEligible, outcomes);
    }
}
