using System.Reflection;
using System.Text;
using ThiDua.Rules.DependencyInjection;
using ThiDua.Rules.Model;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary>
/// Pins the public API of the shipped packages: the listing generated from the built assemblies must equal the
/// checked-in <c>PublicApi.txt</c>, so that every change to the surface HR systems compile against is deliberate and
/// reviewed. After an intended change, run the tests with <c>THIDUA_UPDATE_API=1</c> and review the file's diff.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(RuleSet).Assembly,
        typeof(SpreadsheetDataLoader).Assembly,
        typeof(IRuleSetProvider).Assembly,
        typeof(ThiDua.Rules.RulesEngine.RulesEngineCriterionType).Assembly,
    ];

    private static string ListingPath => Path.Combine(ShippedRulesTests.RepositoryRoot, "tests", "ThiDua.Rules.Tests", "Embedding", "PublicApi.txt");

    [Fact]
    public void PublicApi_OfTheShippedAssemblies_MatchesTheCheckedInListing()
    {
        var actual = PublicApiListing.Generate(Shipped);
        if (Environment.GetEnvironmentVariable("THIDUA_UPDATE_API") == "1")
        {
            File.WriteAllText(ListingPath, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        Assert.True(File.Exists(ListingPath), $"{ListingPath} is missing: run the tests with THIDUA_UPDATE_API=1 to create it.");
        var expected = File.ReadAllText(ListingPath, Encoding.UTF8).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n').ToHashSet(StringComparer.Ordinal);
        var actualLines = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
        var removed = expected.Split('\n').Where(l => !actualLines.Contains(l)).Select(l => "- " + l.Trim());
        var added = actual.Split('\n').Where(l => !expectedLines.Contains(l)).Select(l => "+ " + l.Trim());
        Assert.Fail(
            "The public API changed. If the change is intended, run the tests with THIDUA_UPDATE_API=1 to accept it " +
            $"(this rewrites {Path.GetRelativePath(ShippedRulesTests.RepositoryRoot, ListingPath)}), and review the diff.\n" +
            string.Join("\n", removed.Concat(added).Take(80)));
    }

    [Fact]
    public void PublicApi_EveryPublicTypeIsDocumented()
    {
        // CS1591 (missing XML comment) is an error in the shipped projects; this checks that the docs ship with them.
        foreach (var assembly in Shipped)
        {
            var docs = Path.ChangeExtension(assembly.Location, ".xml");
            Assert.True(File.Exists(docs), $"{docs} is missing: the package would ship without XML docs");
            var text = File.ReadAllText(docs);
            Assert.All(assembly.GetExportedTypes(), type =>
                Assert.Contains($"<member name=\"T:{type.FullName!.Replace('+', '.')}\">", text, StringComparison.Ordinal));
        }
    }
}
