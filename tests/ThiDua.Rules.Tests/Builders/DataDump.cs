using System.Globalization;
using System.Text;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Tests.Builders;

/// <summary>
/// Everything a data load gives back, as text: every diagnostic with its full span, and every value of every subject
/// with its span and the type of each fact. Two loads that dump alike are alike for every consumer.
/// </summary>
internal static class DataDump
{
    public static string Of(LoadResult<SubjectData> loaded)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in loaded.Diagnostics)
        {
            text.Append(diagnostic.Code).Append(' ').Append(Span(diagnostic.Span)).Append(' ').Append(diagnostic.Message(Language.En))
                .Append(" | ").Append(diagnostic.Suggestion).Append('\n');
        }

        if (loaded.TryGetValue(out var data))
        {
            text.Append("year ").Append(data.Year).Append(" asOf ").Append(data.AsOf).Append(' ').Append(Span(data.Span)).Append('\n');
            foreach (var unit in data.Units)
            {
                text.Append("unit ").Append(unit.Id).Append(' ').Append(unit.Name).Append(' ').Append(unit.Parent).Append(' ').Append(unit.Kind)
                    .Append(' ').Append(unit.Cluster).Append(' ').Append(unit.Rating).Append(' ').Append(Span(unit.Span)).Append('\n');
                Facts(text, unit.Facts);
                History(text, unit.History);
            }

            foreach (var person in data.Individuals)
            {
                Individual(text, person);
            }
        }

        return text.ToString();
    }

    public static void Individual(StringBuilder text, Individual person)
    {
        text.Append("individual [").Append(person.Id).Append("] [").Append(person.Name).Append("] [").Append(person.Unit).Append("] [")
            .Append(person.Rating).Append("] [").Append(person.EmployeeType).Append("] ").Append(person.StartDate).Append(' ')
            .Append(Number(person.MonthsWorked)).Append(' ').Append(Number(person.DaysAbsent)).Append(' ').Append(person.PendingReview)
            .Append(' ').Append(Span(person.Span)).Append('\n');
        if (person.Discipline is { } d)
        {
            text.Append("  discipline [").Append(d.Level).Append("] ").Append(d.Date).Append(' ').Append(d.EndDate).Append(' ').Append(Span(d.Span)).Append('\n');
        }

        foreach (var (kind, list) in new[] { ("initiative", person.Initiatives), ("research", person.ResearchWorks) })
        {
            foreach (var i in list)
            {
                text.Append("  ").Append(kind).Append(" [").Append(i.Name).Append("] [").Append(i.Scope).Append("] ").Append(i.RecognizedOn)
                    .Append(' ').Append(Span(i.Span)).Append('\n');
            }
        }

        Facts(text, person.Facts);
        History(text, person.History);
    }

    private static void Facts(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> facts)
    {
        foreach (var (key, value) in facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append("  fact [").Append(key).Append("] ").Append(value?.GetType().Name ?? "null").Append(' ')
                .Append(value is decimal m ? Number(m) : Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void History(StringBuilder text, IEnumerable<HistoryYear> history)
    {
        foreach (var year in history)
        {
            text.Append("  history ").Append(year.Year).Append(" [").Append(year.Rating).Append("] ").Append(Span(year.Span)).Append('\n');
            foreach (var award in year.Awards)
            {
                text.Append("    award [").Append(award.Id).Append("] ").Append(award.DecidedOn).Append(' ').Append(Span(award.Span)).Append('\n');
            }

            Facts(text, year.Facts);
        }
    }

    // Decimals with their scale (1.50 is not 1.5 for a rule that prints it).
    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Span(SourceSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{span.File}:{span.Line}:{span.Column}@{span.JsonPath}{(span.Cell is null ? "" : "!" + span.Cell)}");
}
