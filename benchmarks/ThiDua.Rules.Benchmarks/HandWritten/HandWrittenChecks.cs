using NodaTime;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Benchmarks.HandWritten;

/// <summary>
/// The same check as <see cref="EvaluateBenchmarks.RuleText"/>, written by hand in C#: LĐTT for individuals
/// (rating ≥ HTTNV, conduct, at least 6 months of service by the as-of date). The baseline the engine is measured against.
/// </summary>
public static class HandWrittenChecks
{
    public static int CountAdvancedWorkers(SubjectData data)
    {
        var asOf = data.AsOf ?? new LocalDate(data.Year, 12, 31);
        var count = 0;
        foreach (var person in data.Individuals)
        {
            var ratingOk = person.Rating is "HTTNV" or "HTXSNV";
            var conductOk = person.Facts.TryGetValue("conduct", out var c) && c is true;
            var monthsOk = person.StartDate is { } start && Period.Between(start, asOf.PlusDays(1), PeriodUnits.Months).Months >= 6;
            if (ratingOk && conductOk && monthsOk)
            {
                count++;
            }
        }

        return count;
    }
}
