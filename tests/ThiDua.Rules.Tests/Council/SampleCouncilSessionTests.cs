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

    [Fact]
    public void Sample_UnitsProposals_DisagreeWithTheRulesForThreePairs_EachShownWithItsReason()
    {
        var result = National(new NodaTime.LocalDate(2024, 12, 31)).Evaluate(Sample);
        Assert.All(Sample.Individuals, i => Assert.NotNull(i.Proposals));

        var disagreements = result.Results(ResultInclusion.All).Where(r => r.ProposalCheck is not null)
            .Select(r => (r.Subject, r.Award, r.ProposalCheck!.Value, r.Outcome)).Order().ToList();

        // NV007 (HTTNV, no initiative) proposed for CSTĐCS; NV120 (no rating) proposed for LĐTT; NV014 eligible for a
        // Giấy khen the unit does not propose.
        Assert.Equal(
            [
                ("NV007", "chien-si-thi-dua-co-so", ProposalCheck.ProposedNotEligible, Outcome.NotEligible),
                ("NV014", "giay-khen", ProposalCheck.EligibleNotProposed, Outcome.Recommended),
                ("NV120", "lao-dong-tien-tien", ProposalCheck.ProposedNotEligible, Outcome.InsufficientData),
            ],
            disagreements);
    }

    [Theory]
    [InlineData("vi", "đề nghị hình thức cao hơn: Huân chương Lao động hạng Ba")]
    [InlineData("en", "proposed for the higher form Labour Order, third class")]
    public void ConsoleTable_NamesTheHigherForm_NotItsId(string language, string expected)
    {
        var (code, output, _) = Builders.CliHarness.Run("check", "--rules", Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn"), "--data", SamplePath, "--lang", language);

        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(higher form|hình thức cao hơn:) [a-z]+(-[a-z]+)+", output);
    }
}
