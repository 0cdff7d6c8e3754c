using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Benchmarks.Data;

/// <summary>A deterministic synthetic population (fixed seed): units of 50 people with ratings, conduct and start dates.</summary>
public static class SyntheticPopulation
{
    private static readonly string[] Ratings = ["KHTNV", "HTNV", "HTTNV", "HTTNV", "HTXSNV"];

    public static SubjectData Create(int individuals, int seed = 42)
    {
        var random = new Random(seed);
        var unitCount = Math.Max(1, individuals / 50);
        var units = Enumerable.Range(0, unitCount)
            .Select(u => new Unit { Id = $"U{u:00000}", Rating = Ratings[random.Next(2, 5)], Facts = ImmutableDictionary<string, object?>.Empty.Add("movement", true).Add("solidarity", true) })
            .ToImmutableArray();
        var people = Enumerable.Range(0, individuals).Select(i => new Individual
        {
            Id = $"NV{i:0000000}",
            Unit = units[i % unitCount].Id,
            Rating = Ratings[random.Next(Ratings.Length)],
            StartDate = new LocalDate(2000 + random.Next(25), 1 + random.Next(12), 1),
            Facts = ImmutableDictionary<string, object?>.Empty.Add("conduct", random.Next(10) > 0),
        }).ToImmutableArray();
        return new SubjectData { Year = 2024, AsOf = new LocalDate(2024, 12, 31), Units = units, Individuals = people };
    }
}
