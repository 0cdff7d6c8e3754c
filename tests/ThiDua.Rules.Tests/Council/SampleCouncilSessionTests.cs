using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;

namespace ThiDua.Rules.Tests.Council;

/// <summary>The council session of design §8 on the bundled sample (<c>rules/samples/ban-quan-ly-2024.json</c>, national pack).</summary>
public sealed class SampleCouncilSessionTests
{
    internal static string SamplePath => Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json");

    internal static SubjectData Sample => SubjectDataLoader.Load(SamplePath).GetValueOrThrow();

    internal static CompiledRuleSet National(NodaTime.LocalDate asOf)
    {
        var library = RuleSetLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn")).GetValueOrThrow();
        return RuleSetCompiler.Compile(library.Select(asOf).GetValueOrThrow()).GetValueOrThrow();
    }

    [Fact]
    public void Sample_NoOneIsProposedForTwoFormsOfOneGroup()
    {
        var rules = National(new NodaTime.LocalDate(2024, 12, 31));
        var result = rules.Evaluate(Sample);
        var groups = rules.RuleSet.ExclusiveGroups;
        Assert.NotEmpty(groups);

        var proposed = result.Results(ResultInclusion.All).Where(r => r.IsProposed).ToList();
        foreach (var group in groups)
        {
            var ids = group.Awards.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var twice = proposed.Where(r => ids.Contains(r.Award)).GroupBy(r => r.Subject).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.Empty(twice);
        }

        // The sample does have people eligible for several forms (issue 15: eleven of them): they are now superseded.
        var superseded = result.Results(ResultInclusion.All).Where(r => r.SupersededBy is not null).Select(r => r.Subject).Distinct().Count();
        Assert.True(superseded >= 5, $"only {superseded} subjects have a superseded pair");
    }
}
