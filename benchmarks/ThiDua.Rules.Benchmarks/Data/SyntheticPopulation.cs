using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Benchmarks.Data;

/// <summary>
/// A deterministic synthetic population (fixed seed): units of 50 people under agencies of 20 units, with ratings,
/// conduct, start dates, maternity leave, initiatives, research works, discipline and five years of history.
/// </summary>
public static class SyntheticPopulation
{
    public const int Year = 2024;

    private static readonly string[] Ratings = ["KHTNV", "HTNV", "HTTNV", "HTTNV", "HTTNV", "HTXSNV", "HTXSNV"];
    private static readonly string[] UnitRatings = ["HTNV", "HTTNV", "HTTNV", "HTXSNV", "HTXSNV"];
    private static readonly string[] Scopes = ["co-so", "co-so", "co-so", "tinh", "toan-quoc"];

    public static SubjectData Create(int individuals, int seed = 20241231)
    {
        var random = new Random(seed);
        var unitCount = Math.Max(1, individuals / 50);
        var agencies = Math.Max(1, unitCount / 20);
        var units = ImmutableArray.CreateBuilder<Unit>(unitCount + agencies);
        for (var a = 0; a < agencies; a++)
        {
            units.Add(new Unit { Id = $"CQ{a:0000}", Name = $"Cơ quan {a}", Rating = "HTXSNV", Cluster = $"cum-{a % 10}" });
        }

        for (var u = 0; u < unitCount; u++)
        {
            var facts = ImmutableDictionary<string, object?>.Empty.Add("movement", random.Next(20) > 0).Add("solidarity", random.Next(30) > 0);
            units.Add(new Unit { Id = $"DV{u:000000}", Name = $"Đơn vị {u}", Parent = $"CQ{u % agencies:0000}", Rating = UnitRatings[random.Next(UnitRatings.Length)], Facts = facts });
        }

        var people = ImmutableArray.CreateBuilder<Individual>(individuals);
        for (var i = 0; i < individuals; i++)
        {
            people.Add(Person(random, i, unitCount));
        }

        return new SubjectData { Year = Year, AsOf = new LocalDate(Year, 12, 31), Units = units.MoveToImmutable(), Individuals = people.MoveToImmutable() };
    }

    private static Individual Person(Random random, int i, int unitCount)
    {
        var facts = ImmutableDictionary<string, object?>.Empty.Add("conduct", random.Next(25) > 0);
        if (random.Next(40) == 0)
        {
            facts = facts.Add("maternityLeaveMonths", (decimal)random.Next(4, 7));
        }

        var start = random.Next(12) == 0 ? new LocalDate(Year, 1 + random.Next(12), 1) : new LocalDate(2000 + random.Next(24), 1 + random.Next(12), 1);
        Discipline? discipline = random.Next(60) switch
        {
            0 => new Discipline("khien-trach", new LocalDate(Year, 3, 1), null, SourceSpan.None),
            1 => new Discipline("canh-cao", new LocalDate(Year, 5, 1), null, SourceSpan.None),
            _ => null,
        };
        var initiatives = random.Next(4) == 0
            ? ImmutableArray.Create(new Initiative("Sáng kiến", Scopes[random.Next(Scopes.Length)], new LocalDate(Year - random.Next(2), 1 + random.Next(12), 1), SourceSpan.None))
            : [];
        var research = random.Next(20) == 0
            ? ImmutableArray.Create(new Initiative("Đề tài", "co-so", new LocalDate(Year, 6, 1), SourceSpan.None))
            : [];
        var history = ImmutableArray.CreateBuilder<HistoryYear>(5);
        for (var y = Year - 5; y < Year; y++)
        {
            var rating = Ratings[2 + random.Next(Ratings.Length - 2)];
            var awards = random.Next(10) < 8
                ? (random.Next(5) == 0
                    ? ImmutableArray.Create(new AwardRecord("lao-dong-tien-tien", null, SourceSpan.None), new AwardRecord("chien-si-thi-dua-co-so", null, SourceSpan.None))
                    : ImmutableArray.Create(new AwardRecord("lao-dong-tien-tien", null, SourceSpan.None)))
                : [];
            history.Add(new HistoryYear(y, rating, awards, SourceSpan.None));
        }

        return new Individual
        {
            Id = $"NV{i:0000000}",
            Name = $"Cán bộ {i}",
            Unit = $"DV{i % unitCount:000000}",
            Rating = Ratings[random.Next(Ratings.Length)],
            EmployeeType = "cong-chuc",
            StartDate = start,
            Discipline = discipline,
            PendingReview = random.Next(200) == 0 ? true : null,
            Initiatives = initiatives,
            ResearchWorks = research,
            Facts = facts,
            History = history.MoveToImmutable(),
        };
    }
}
