using System.Diagnostics;
using System.Text;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Tests.Builders;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>A unit tree of any shape is built in time linear in its size: a chain of 100,000 units took minutes before.</summary>
public sealed class UnitTreeScaleTests
{
    [Fact]
    public void Evaluate_ChainOf100000UnitsWithAPersonAtTheBottom_IsQuickAndCountsThePersonEverywhereAbove()
    {
        const int Units = 100_000;
        var json = new StringBuilder("{ \"year\": 2024, \"units\": [ { \"id\": \"U0\" }");
        for (var i = 1; i < Units; i++)
        {
            json.Append(", { \"id\": \"U").Append(i).Append("\", \"parent\": \"U").Append(i - 1).Append("\" }");
        }

        json.Append(" ], \"individuals\": [ { \"id\": \"A\", \"unit\": \"U").Append(Units - 1).Append("\", \"rating\": \"HTXSNV\" } ] }");
        var rules = TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'") + "," + TestRules.Award("co-nguoi", "allMembers.count(m => m.has('ldtt')) >= 1", "unit"));
        var clock = Stopwatch.StartNew();

        var result = TestRules.Evaluate(rules, json.ToString());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
        Assert.Equal(Outcome.Recommended, result.GetOutcome("U0", "co-nguoi"));
        Assert.Equal(Outcome.Recommended, result.GetOutcome("U99999", "co-nguoi"));
    }
}
