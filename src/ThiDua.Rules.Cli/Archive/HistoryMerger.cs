using System.Collections.Immutable;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Archive;

/// <summary>
/// Fills each subject's history from the archive (<c>check --history</c>, design §8), matching by id: a past year the
/// data file does not give is taken from the archive; a year it gives is kept as typed, and a disagreement with the
/// archive is a warning (TDR157). Years from the evaluated one on are ignored.
/// </summary>
internal static class HistoryMerger
{
    public static SubjectData Merge(SubjectData data, IReadOnlyDictionary<string, List<ArchivedYear>> archive, string archivePath, DiagnosticBag warnings)
    {
        var span = new SourceSpan(archivePath, 0, 0);
        return data with
        {
            Individuals = [.. data.Individuals.Select(i => i with { History = Merge(i.Id, true, i.History, i.Span, data.Year, archive, span, warnings) })],
            Units = [.. data.Units.Select(u => u with { History = Merge(u.Id, false, u.History, u.Span, data.Year, archive, span, warnings) })],
        };
    }

    private static ImmutableArray<HistoryYear> Merge(string id, bool individual, ImmutableArray<HistoryYear> typed, SourceSpan subjectSpan, int year,
        IReadOnlyDictionary<string, List<ArchivedYear>> archive, SourceSpan archiveSpan, DiagnosticBag warnings)
    {
        if (!archive.TryGetValue(id, out var years))
        {
            return typed;
        }

        var merged = typed.ToList();
        foreach (var archived in years.Where(y => y.Year < year && (y.Kind == SubjectKind.Individual) == individual))
        {
            var own = typed.FirstOrDefault(h => h.Year == archived.Year);
            if (own is null)
            {
                merged.Add(new HistoryYear(archived.Year, archived.Rating, archived.Awards, archiveSpan));
                continue;
            }

            var typedAwards = string.Join(", ", own.Awards.Select(a => a.Id).Order(StringComparer.Ordinal));
            var archivedAwards = string.Join(", ", archived.Awards.Select(a => a.Id).Order(StringComparer.Ordinal));
            if (!string.Equals(own.Rating, archived.Rating, StringComparison.Ordinal) || typedAwards != archivedAwards)
            {
                warnings.Add(DiagnosticCodes.HistoryDiffersFromArchive, own.Span.File.Length > 0 ? own.Span : subjectSpan,
                    id, archived.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    (own.Rating ?? "-") + "; " + (typedAwards.Length == 0 ? "-" : typedAwards),
                    (archived.Rating ?? "-") + "; " + (archivedAwards.Length == 0 ? "-" : archivedAwards));
            }
        }

        return [.. merged.OrderBy(h => h.Year)];
    }
}
