using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.PropertyBased;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>The outcome table gives every pair's outcome and rank as <c>Results</c> does, and reading it allocates nothing.</summary>
public sealed class OutcomeTableTests
{
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("base", "rating >= 'HTTNV' && conduct") + "," +
        TestRules.Award("cs", "rating >= 'HTTNV'", extra: """
            "quota": { "max": "50%", "rankBy": [ { "expr": "rating" } ] }
            """) + "," +
        TestRules.Award("tt", "members.ratio(m => m.has('base')) >= 70%", "unit"));

    [Fact]
    public void GetOutcomeTable_EveryPair_MatchesResultsOutcomeAndRank()
    {
        var data = PopulationGenerator.Sample(3, units: 8, individuals: 400);
        var result = TestRules.Compile(Rules).Evaluate(data);
        var table = result.GetOutcomeTable();
        var listed = result.Results(ResultInclusion.All).ToDictionary(r => (r.Subject, r.Award));

        var read = 0;
        for (var a = 0; a < table.AwardIds.Length; a++)
        {
            var individual = table.AwardSubject(a) == SubjectKind.Individual;
            for (var s = 0; s < (individual ? table.IndividualCount : table.UnitCount); s++)
            {
                var id = individual ? table.IndividualId(s) : table.UnitId(s);
                var outcome = table.Get(a, s);
                Assert.Equal(result.GetOutcome(id, table.AwardIds[a]), outcome);
                if (outcome is not null)
                {
                    var pair = listed[(id, table.AwardIds[a])];
                    Assert.Equal(pair.Outcome, outcome);
                    Assert.Equal(pair.Rank, table.Rank(a, s));
                    read++;
                }
            }
        }

        Assert.Equal(listed.Count, read);
        Assert.Equal(listed.Values.Count(r => r.Award == "base" && r.Outcome == Outcome.Recommended), table.Count(table.AwardIndex("base"), Outcome.Recommended));
        Assert.True(listed.Values.Any(r => r.Rank is not null), string.Join(",", listed.Values.Where(r => r.Award == "cs").GroupBy(r => r.Outcome).Select(g => g.Key + ":" + g.Count())));
        Assert.Equal(7, table.IndividualIndex(table.IndividualId(7)));
        Assert.Equal(-1, table.UnitIndex("no-such-unit"));
    }

    [Fact]
    public void GetOutcomeTable_ReadingEveryPair_AllocatesNothing()
    {
        var data = PopulationGenerator.Sample(4, units: 8, individuals: 2_000);
        var result = TestRules.Compile(Rules).Evaluate(data);
        var table = result.GetOutcomeTable();
        long Read()
        {
            long sum = 0;
            for (var a = 0; a < table.AwardIds.Length; a++)
            {
                var count = table.AwardSubject(a) == SubjectKind.Individual ? table.IndividualCount : table.UnitCount;
                for (var s = 0; s < count; s++)
                {
                    sum += (int)(table.Get(a, s) ?? Outcome.NotEligible) + (table.Rank(a, s) ?? 0) + table.IndividualId(s % table.IndividualCount).Length;
                }
            }

            return sum;
        }

        Read();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = Read();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(total > 0);
        Assert.Equal(0, allocated);
    }
}
