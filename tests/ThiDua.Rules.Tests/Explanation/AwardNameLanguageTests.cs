using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Explanation;

/// <summary>Results carry the award's English name when the rule file has one, and the Vietnamese one otherwise.</summary>
public sealed class AwardNameLanguageTests
{
    [Fact]
    public void Explain_NationalPack_CarriesTheEnglishAwardNameFromTheRuleFile()
    {
        var library = RuleSetLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn")).GetValueOrThrow();
        var rules = RuleSetCompiler.Compile(library.Select(new NodaTime.LocalDate(2024, 12, 31)).GetValueOrThrow()).GetValueOrThrow();
        var data = SubjectDataLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json")).GetValueOrThrow();

        var pair = rules.Evaluate(data).Explain(data.Individuals[0].Id, "lao-dong-tien-tien")!;

        Assert.Equal("Lao động tiên tiến", pair.AwardName);
        Assert.Equal("Advanced worker", pair.AwardNameEn);
        Assert.Equal("Advanced worker", pair.NameIn(Language.En));
        Assert.Equal("Lao động tiên tiến", pair.NameIn(Language.Vi));
    }

    [Fact]
    public void NameIn_AwardWithoutEnglishName_FallsBackToVietnamese()
    {
        var result = Builders.TestRules.Evaluate(Builders.TestRules.RuleFile(Builders.TestRules.Award("base", "true")),
            """{ "year": 2024, "units": [ { "id": "U" } ], "individuals": [ { "id": "A", "unit": "U" } ] }""");
        var pair = result.Explain("A", "base")!;
        Assert.Null(pair.AwardNameEn);
        Assert.Equal("base", pair.NameIn(Language.En));
    }
}
