using NodaTime;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Benchmarks.HandWritten;

/// <summary>
/// The four annual titles of the 2024 national pack (rules/vn/vn-tdkt-2024.json with its default parameters), written
/// by hand in C# the way a careful developer would, including three-valued logic for missing data: the baseline the
/// engine is measured against. Outcomes use the engine's byte codes (0 not eligible, 1 insufficient data,
/// 3 recommended) so that results can be compared exactly.
/// </summary>
public sealed class HandWrittenNationalPack
{
    private const byte No = 0;
    private const byte Unknown = 1;
    private const byte Yes = 3;

    private readonly Person[] _people;
    private readonly Collective[] _units;
    private readonly int _year;

    /// <summary>Prepares plain arrays from the data (the hand-written equivalent of binding).</summary>
    public HandWrittenNationalPack(SubjectData data)
    {
        _year = data.Year;
        var asOf = data.AsOf ?? new LocalDate(data.Year, 12, 31);
        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < data.Units.Length; u++)
        {
            unitIndex[data.Units[u].Id] = u;
        }

        var members = data.Units.Select(_ => new List<int>()).ToArray();
        _people = new Person[data.Individuals.Length];
        for (var i = 0; i < _people.Length; i++)
        {
            var p = data.Individuals[i];
            if (p.Unit is { } unit && unitIndex.TryGetValue(unit, out var ui))
            {
                members[ui].Add(i);
            }

            _people[i] = new Person
            {
                Rating = Level(p.Rating),
                PendingReview = p.PendingReview == true,
                Conduct = p.Facts.TryGetValue("conduct", out var c) ? c as bool? : null,
                Months = p.MonthsWorked ?? Months(p.StartDate, data.Year, asOf),
                Maternity = Fact(p, "maternityLeaveMonths"),
                Training = Fact(p, "trainingMonths"),
                Injury = Fact(p, "injuryTreatmentMonths"),
                PreviousService = Fact(p, "previousServiceMonths"),
                Discipline = p.Discipline is null ? -1 : p.Discipline.InForceDuring(data.Year) switch
                {
                    false => -1,
                    null => -2,
                    _ => p.Discipline.Level switch { "khien-trach" => 0, "canh-cao" => 1, _ => 2 },
                },
                Initiatives = [.. p.Initiatives.Select(ToWork)],
                ResearchWorks = [.. p.ResearchWorks.Select(ToWork)],
            };
        }

        _units = new Collective[data.Units.Length];
        for (var u = 0; u < _units.Length; u++)
        {
            var unit = data.Units[u];
            _units[u] = new Collective
            {
                Rating = Level(unit.Rating),
                PendingReview = unit.Facts.TryGetValue("collectivePendingReview", out var r) && r is true,
                Movement = unit.Facts.TryGetValue("movement", out var m) ? m as bool? : null,
                Solidarity = unit.Facts.TryGetValue("solidarity", out var s) ? s as bool? : null,
                Members = [.. members[u]],
            };
        }
    }

    public int IndividualCount => _people.Length;

    public int UnitCount => _units.Length;

    /// <summary>Evaluates all four titles; the arrays hold one outcome per individual or unit.</summary>
    public (byte[] Ldtt, byte[] Cstdcs, byte[] Ttldtt, byte[] Ttldxs) Evaluate()
    {
        var ldtt = new byte[_people.Length];
        var cstdcs = new byte[_people.Length];
        for (var i = 0; i < _people.Length; i++)
        {
            ref readonly var p = ref _people[i];
            var pending = !p.PendingReview;
            bool? rating = p.Rating is { } r ? r >= 2 : null;
            // Time that counts as working time is added here, as the rule does, not precomputed.
            bool? months = p.Months is { } m ? m + (p.Maternity ?? 0) + (p.Training ?? 0) + (p.Injury ?? 0) + (p.PreviousService ?? 0) >= 6 : null;
            bool? discipline = p.Discipline == -2 ? null : p.Discipline < 0;
            ldtt[i] = Combine(pending, rating, p.Conduct, months, discipline);

            bool? hasLdtt = ldtt[i] switch { Yes => true, Unknown => null, _ => false };
            bool? excellent = p.Rating is { } r2 ? r2 >= 3 : null;
            cstdcs[i] = Combine(hasLdtt, pending, Or(excellent, Or(Contribution(p.Initiatives, _year), Contribution(p.ResearchWorks, _year))));
        }

        var ttldtt = new byte[_units.Length];
        var ttldxs = new byte[_units.Length];
        for (var u = 0; u < _units.Length; u++)
        {
            ref readonly var c = ref _units[u];
            var members = c.Members;
            int ldttCount = 0, unknownLdtt = 0;
            bool anyCanhCao = false, unknownDiscipline = false;
            bool allCompleted = true, unknownCompleted = false;
            bool anyCstdcs = false, unknownCstdcs = false;
            foreach (var m in members)
            {
                ref readonly var p = ref _people[m];
                switch (ldtt[m])
                {
                    case Yes: ldttCount++; break;
                    case Unknown: unknownLdtt++; break;
                }

                if (p.Discipline >= 1)
                {
                    anyCanhCao = true;
                }
                else if (p.Discipline == -2)
                {
                    unknownDiscipline = true;
                }

                if (p.Rating is { } r)
                {
                    allCompleted &= r >= 1;
                }
                else
                {
                    unknownCompleted = true;
                }

                anyCstdcs |= cstdcs[m] == Yes;
                unknownCstdcs |= cstdcs[m] == Unknown;
            }

            // Exact: ldtt / n >= 70%  ⇔  ldtt * 10 >= 7 * n.
            bool? share = unknownLdtt > 0 || members.Length == 0 ? null : ldttCount * 10 >= 7 * members.Length;
            bool? noCanhCao = anyCanhCao ? false : unknownDiscipline ? null : true;
            bool? completed = !allCompleted ? false : unknownCompleted ? null : true;
            bool? hasCstdcs = anyCstdcs ? true : unknownCstdcs ? null : false;
            bool? good = c.Rating is { } ur ? ur >= 2 : null;
            bool? excellent = c.Rating is { } ux ? ux >= 3 : null;
            ttldtt[u] = Combine(!c.PendingReview, good, c.Movement, share, noCanhCao, c.Solidarity);
            ttldxs[u] = Combine(!c.PendingReview, excellent, c.Movement, completed, share, hasCstdcs, c.Solidarity);
        }

        return (ldtt, cstdcs, ttldtt, ttldxs);
    }

    private static byte Combine(params ReadOnlySpan<bool?> criteria)
    {
        var unknown = false;
        foreach (var c in criteria)
        {
            if (c == false)
            {
                return No;
            }

            unknown |= c is null;
        }

        return unknown ? Unknown : Yes;
    }

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a is null || b is null ? null : false;

    private static int? Level(string? rating) => rating switch
    {
        "KHTNV" => 0,
        "HTNV" => 1,
        "HTTNV" => 2,
        "HTXSNV" => 3,
        _ => null,
    };

    private static decimal? Fact(Individual p, string fact) => p.Facts.TryGetValue(fact, out var v) ? v as decimal? : null;

    private static Work ToWork(Initiative initiative) => new(initiative.Scope is null ? null : ScopeLevel(initiative.Scope), initiative.RecognizedOn);

    private static int? ScopeLevel(string scope) => scope switch { "co-so" => 0, "tinh" => 1, "toan-quoc" => 2, _ => null };

    private static decimal? Months(LocalDate? start, int year, LocalDate asOf)
    {
        if (start is null)
        {
            return null;
        }

        var from = start.Value > new LocalDate(year, 1, 1) ? start.Value : new LocalDate(year, 1, 1);
        var end = new LocalDate(year, 12, 31);
        var to = (asOf < end ? asOf : end).PlusDays(1);
        return to <= from ? 0 : Period.Between(from, to, PeriodUnits.Months).Months;
    }

    /// <summary>An initiative or research work of at least grassroots scope recognised in the year (unknown without a date or scope).</summary>
    private static bool? Contribution(Work[] works, int year)
    {
        var unknown = false;
        foreach (var item in works)
        {
            bool? scope = item.Scope is { } level ? level >= 0 : null;
            bool? inYear = item.RecognizedOn is { } d ? d.Year == year : null;
            var both = scope == false || inYear == false ? false : scope is null || inYear is null ? (bool?)null : true;
            if (both == true)
            {
                return true;
            }

            unknown |= both is null;
        }

        return unknown ? null : false;
    }

    private readonly record struct Work(int? Scope, LocalDate? RecognizedOn);

    private struct Person
    {
        public int? Rating;
        public bool PendingReview;
        public bool? Conduct;
        public decimal? Months;
        public decimal? Maternity;
        public decimal? Training;
        public decimal? Injury;
        public decimal? PreviousService;
        public int Discipline;
        public Work[] Initiatives;
        public Work[] ResearchWorks;
    }

    private struct Collective
    {
        public int? Rating;
        public bool PendingReview;
        public bool? Movement;
        public bool? Solidarity;
        public int[] Members;
    }
}
