using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Tests.Builders;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>
/// A unit tree of any shape is read and built in time linear in its size: a chain of 100,000 units took minutes (each
/// unit walked to its root and its subtree walked again; every span of a unit searched the units array for its index).
/// </summary>
public sealed class UnitTreeScaleTests
{
    [Fact]
    public void Evaluate_ChainOf100000UnitsWithAPersonAtTheBottom_IsQuickAndCountsThePersonEverywhereAbove()
    {
        const int Units = 100_000;
        var json = new StringBuilder("{ \"year\": 2024, \"units\": [ { \"id\": \"U0\" }");
        for (var i = 1; i < Units; i++)
        {
            json.Append(",\n { \"id\": \"U").Append(i).Append("\", \"parent\": \"U").Append(i - 1).Append("\" }");
        }

        json.Append(" ], \"individuals\": [ { \"id\": \"A\", \"unit\": \"U").Append(Units - 1).Append("\", \"rating\": \"HTXSNV\" } ] }");
        var rules = TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'") + "," + TestRules.Award("co-nguoi", "allMembers.count(m => m.has('ldtt')) >= 1", "unit"));
        var clock = Stopwatch.StartNew();

        var result = TestRules.Evaluate(rules, json.ToString());

        // About 3 s on an idle two-core machine; quadratic work would take minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        Assert.Equal(Outcome.Recommended, result.GetOutcome("U0", "co-nguoi"));
        Assert.Equal(Outcome.Recommended, result.GetOutcome("U99999", "co-nguoi"));
    }

    [Fact]
    public void PathOf_TokensUnderArraysAndOddNames_IsTheTextOfJTokenPath()
    {
        var root = JObject.Parse("""{ "a": [ 0, 1, { "b c": [ { "d.e": 1, "f": [ 5 ], "": { "": [ 1 ] } } ] } ], "x['y']": { "z": true }, "": 2 }""");
        var big = new JArray(Enumerable.Range(0, 100).Select(i => new JObject { ["id"] = i }));
        root["big"] = big;

        Assert.All(root.DescendantsAndSelf(), token => Assert.Equal(token.Path, JsonSource.PathOf(token)));
    }
}
