using System.Collections.Immutable;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model.Subjects;
using Xunit;

namespace ThiDua.Rules.Tests.Council;

/// <summary>
/// Issue 15's HR-system case on the 2024 national pack with a local 15% CSTĐCS cap: one person without a rating no
/// longer makes every CSTĐCS candidate of the unit insufficient-data; only the places that depend on that person are.
/// </summary>
public sealed class QuotaWithMissingDataTests
{
    private const string Cstdcs = "chien-si-thi-dua-co-so";

    private static SubjectData Unit(bool ratedX)
    {
        var people = new List<Individual>();
        for (var i = 1; i <= 8; i++)
        {
            // Eight excellent people; initiatives decide their order (H01 has the most).
            people.Add(Person($"H{i:00}", "HTXSNV", initiatives: 9 - i));
        }

        for (var i = 1; i <= 11; i++)
        {
            people.Add(Person($"T{i:00}", "HTTNV", initiatives: 0));
        }

        people.Add(Person("X", ratedX ? "HTTNV" : null, initiatives: 0));
        return new SubjectData
        {
            Year = 2024,
            AsOf = new NodaTime.LocalDate(2024, 12, 31),
            Units = [new Unit { Id = "P", Name = "Phòng", Rating = "HTXSNV" }],
            Individuals = [.. people],
        };
    }

    private static Individual Person(string id, string? rating, int initiatives) => new()
    {
        Id = id,
        Name = "Người " + id,
        Unit = "P",
        Rating = rating,
        EmployeeType = "cong-chuc",
        StartDate = new NodaTime.LocalDate(2015, 1, 1),
        Initiatives = [.. Enumerable.Range(0, initiatives).Select(n => new Initiative("Sáng kiến " + n, "co-so", new NodaTime.LocalDate(2024, 6, 1), default))],
        Facts = ImmutableDictionary<string, object?>.Empty.Add("conduct", true),
    };

    private static Dictionary<string, AwardResult> Run(SubjectData data)
    {
        var rules = SampleCouncilSessionTests.National(new NodaTime.LocalDate(2024, 12, 31));
        var options = EvaluationOptions.Default with { Parameters = ImmutableDictionary<string, object?>.Empty.Add("cstdcsMaxShareOfLdtt", 0.15m) };
        return rules.Evaluate(data, options).Results(ResultInclusion.All).Where(r => r.Award == Cstdcs).ToDictionary(r => r.Subject);
    }

    [Fact]
    public void LocalCap_OnePersonWithoutRating_DecidesEveryPlaceThatDoesNotDependOnThem()
    {
        var results = Run(Unit(ratedX: false));

        // 19 or 20 LĐTT → 2 or 3 places; X, if excellent, could rank first.
        Assert.Equal(Outcome.Recommended, results["H01"].Outcome);
        Assert.Equal(Outcome.InsufficientData, results["H02"].Outcome);
        Assert.Equal(Outcome.InsufficientData, results["H03"].Outcome);
        Assert.All(new[] { "H04", "H05", "H06", "H07", "H08" }, id => Assert.Equal(Outcome.EligibleOverQuota, results[id].Outcome));
        Assert.Equal(Outcome.InsufficientData, results["X"].Outcome);
    }

    [Fact]
    public void LocalCap_UndecidedPlace_ExplanationNamesTheRivalThePlacesAndTheMissingRating()
    {
        var quota = Run(Unit(ratedX: false))["H03"].Criteria.Single(c => c.Id == "quota");

        Assert.Equal(CriterionStatus.Unknown, quota.Status);
        Assert.Contains("số suất 2–3", quota.Name, StringComparison.Ordinal);
        Assert.Contains("X", quota.Name, StringComparison.Ordinal);
        Assert.Contains("X.rating", quota.Missing);
    }

    [Fact]
    public void LocalCap_EveryoneRated_DecidesEveryPlace()
    {
        var results = Run(Unit(ratedX: true));

        // 20 LĐTT → 3 places.
        Assert.Equal(["H01", "H02", "H03"], results.Values.Where(r => r.Outcome == Outcome.Recommended).Select(r => r.Subject).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(results.Values, r => r.Outcome == Outcome.InsufficientData);
    }
}
