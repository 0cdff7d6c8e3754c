using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>A deterministic population with every kind of value, including unknown ones, for property tests.</summary>
internal static class PopulationGenerator
{
    private static readonly string?[] Ratings = ["KHTNV", "HTNV", "HTTNV", "HTXSNV", null];
    private static readonly string[] Disciplines = ["khien-trach", "canh-cao", "cach-chuc"];
    private static readonly string?[] Scopes = ["co-so", "tinh", "toan-quoc", null];

    public static SubjectData Sample(int seed = 20240101, int units = 6, int individuals = 60)
    {
        var random = new Random(seed);
        var unitList = Enumerable.Range(0, units).Select(u => new Unit
        {
            Id = $"U{u:00}",
            Name = $"Đơn vị {u}",
            Parent = u == 0 ? null : u < 3 ? "U00" : $"U0{random.Next(1, 3)}",
            Cluster = u % 2 == 0 ? "A" : "B",
            Rating = Ratings[random.Next(Ratings.Length)],
            Facts = random.Next(4) == 0 ? ImmutableDictionary<string, object?>.Empty : ImmutableDictionary<string, object?>.Empty.Add("movement", random.Next(2) == 0),
        }).ToImmutableArray();
        var people = Enumerable.Range(0, individuals).Select(i => Person(random, i, units)).ToImmutableArray();
        return new SubjectData { Year = 2024, AsOf = new LocalDate(2024, 12, 31), Units = unitList, Individuals = people };
    }

    /// <summary>A past year's facts, from the person and the year (not from the random sequence, which the rest of the
    /// sample follows): none, bonusPoints, conduct or both.</summary>
    private static ImmutableDictionary<string, object?> PastFacts(int i, int year)
    {
        var facts = ImmutableDictionary<string, object?>.Empty;
        var pick = (i * 7 + year) % 4;
        if (pick is 1 or 3)
        {
            facts = facts.Add("bonusPoints", (decimal)((i + year) % 10));
        }

        if (pick is 2 or 3)
        {
            facts = facts.Add("conduct", (i + year) % 3 > 0);
        }

        return facts;
    }

    private static Individual Person(Random random, int i, int units)
    {
        var facts = ImmutableDictionary<string, object?>.Empty;
        if (random.Next(5) > 0)
        {
            facts = facts.Add("conduct", random.Next(4) > 0);
        }

        if (random.Next(3) > 0)
        {
            facts = facts.Add("bonusPoints", (decimal)random.Next(0, 10));
        }

        var history = Enumerable.Range(2019, 5)
            .Where(_ => random.Next(5) > 0)
            .Select(y => new HistoryYear(y, Ratings[random.Next(4)], random.Next(2) == 0 ? [new AwardRecord("base", null, SourceSpan.None)] : [], SourceSpan.None) { Facts = PastFacts(i, y) })
            .ToImmutableArray();
        return new Individual
        {
            Id = $"P{i:000}",
            Unit = $"U{random.Next(units):00}",
            Rating = Ratings[random.Next(Ratings.Length)],
            StartDate = random.Next(6) == 0 ? null : new LocalDate(2015 + random.Next(10), 1 + random.Next(12), 1),
            MonthsWorked = random.Next(4) == 0 ? null : random.Next(0, 13),
            DaysAbsent = random.Next(3) == 0 ? null : random.Next(0, 60),
            PendingReview = random.Next(10) == 0 ? true : null,
            Discipline = random.Next(6) == 0 ? new Discipline(Disciplines[random.Next(Disciplines.Length)], random.Next(5) == 0 ? null : new LocalDate(2023 + random.Next(2), 3, 1), null, SourceSpan.None) : null,
            Initiatives = [.. Enumerable.Range(0, random.Next(3)).Select(_ => new Initiative("SK", Scopes[random.Next(Scopes.Length)], random.Next(3) == 0 ? null : new LocalDate(2024, 5, 1), SourceSpan.None))],
            Facts = facts,
            History = history,
        };
    }
}
