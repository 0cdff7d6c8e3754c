using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>Puts the tables of one spreadsheet together into <see cref="SubjectData"/>: one year, one as-of date, the units.</summary>
internal static partial class SubjectAssembler
{
    // "DANH SÁCH … NĂM 2024" (folded): the year a title names.
    [GeneratedRegex(@"\bnam\s+(?<year>[0-9]{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearInTitle();

    // "DS đề nghị 2024": a year standing alone in a sheet name.
    [GeneratedRegex(@"(?<![0-9])(?<year>[0-9]{4})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex YearInName();

    /// <summary>
    /// Builds the data. The year and as-of date must agree wherever they are given (info sheet, columns); the year
    /// defaults to the as-of date's year, then to a year in a title (<c>… NĂM 2024</c>), in a sheet's name
    /// (<c>DS đề nghị 2024</c>) or of <paramref name="asOf"/> (the command line's <c>--as-of</c>), in that order, and a
    /// note says which was used. A rating column of the evaluated year (<c>Xếp loại năm 2024</c>) is the current
    /// rating. Units named rather than coded are matched by name. Without a units table, each distinct <c>unit</c>
    /// value becomes a unit of its own (a root, of kind unit), so that unit awards and targets can still be evaluated.
    /// </summary>
    public static SubjectData? Assemble(string file, TableContent content, bool unitsGiven, DiagnosticBag diagnostics, LocalDate? asOf = null)
    {
        var year = Single(content.Years, y => y.ToString(CultureInfo.InvariantCulture), diagnostics);
        var dataAsOf = Single(content.AsOfs, CellParser.FormatDate, diagnostics);
        var fileSpan = new SourceSpan(file, 0, 0);
        year ??= dataAsOf?.Year ?? ImpliedYear(content, asOf, fileSpan, diagnostics);
        if (year is null)
        {
            diagnostics.Add(DiagnosticCodes.SheetMissingYear, fileSpan);
            return null;
        }

        var individuals = content.Individuals;
        var units = content.Units;
        CurrentRatings(individuals, year.Value, diagnostics);
        CurrentRatings(units, year.Value, diagnostics);
        if (unitsGiven)
        {
            MatchUnitsByName(individuals, units, diagnostics);
        }
        else
        {
            // One unit per distinct value; spellings that differ only in case or spacing are one unit (the first spelling).
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var created = new List<Unit>();
            foreach (var reference in content.UnitReferences)
            {
                if (seen.TryAdd(NameKey(reference.Value), reference.Value))
                {
                    created.Add(new Unit { Id = reference.Value, Span = reference.Span });
                }
            }

            units = created;
            Rename(individuals, seen, exactIds: created.Select(u => u.Id).ToHashSet(StringComparer.Ordinal), diagnostics);
        }

        return new SubjectData
        {
            Year = year.Value,
            AsOf = dataAsOf,
            Units = [.. units],
            Individuals = [.. individuals],
            Span = fileSpan,
        };
    }

    /// <summary>The year a title, a sheet name or the command line's as-of date gives, said in a note; null when none does.</summary>
    private static int? ImpliedYear(TableContent content, LocalDate? asOf, SourceSpan fileSpan, DiagnosticBag diagnostics)
    {
        foreach (var title in content.Titles)
        {
            if (YearInTitle().Match(TextKey.Fold(title.Value)) is { Success: true } match && InRange(match, out var y))
            {
                diagnostics.Add(DiagnosticCodes.SheetYearSource, title.Span, y.ToString(CultureInfo.InvariantCulture), DiagnosticCatalog.Term("the title"), title.Value);
                return y;
            }
        }

        foreach (var sheet in content.SheetNames)
        {
            if (YearInName().Match(sheet.Value) is { Success: true } match && InRange(match, out var y))
            {
                diagnostics.Add(DiagnosticCodes.SheetYearSource, sheet.Span, y.ToString(CultureInfo.InvariantCulture), DiagnosticCatalog.Term("the sheet name"), sheet.Value);
                return y;
            }
        }

        if (asOf is { } date)
        {
            diagnostics.Add(DiagnosticCodes.SheetYearSource, fileSpan, date.Year.ToString(CultureInfo.InvariantCulture), DiagnosticCatalog.Term("the as-of date (--as-of)"), CellParser.FormatDate(date));
            return date.Year;
        }

        return null;

        static bool InRange(Match match, out int year) =>
            int.TryParse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= SubjectSchema.MinYear and <= SubjectSchema.MaxYear;
    }

    /// <summary>
    /// A history rating of the evaluated year (<c>Xếp loại năm 2024</c> in the list of 2024) is the current rating; where a
    /// current rating column says otherwise, the two disagree and neither is guessed at.
    /// </summary>
    private static void CurrentRatings<T>(List<T> subjects, int year, DiagnosticBag diagnostics)
        where T : class
    {
        for (var i = 0; i < subjects.Count; i++)
        {
            var (history, rating, span) = subjects[i] switch
            {
                Individual p => (p.History, p.Rating, p.Span),
                Unit u => (u.History, u.Rating, u.Span),
                _ => default,
            };
            var index = history.IsDefaultOrEmpty ? -1 : history.IndexOf(history.FirstOrDefault(h => h.Year == year && h.Rating is not null)!);
            if (index < 0)
            {
                continue;
            }

            var current = history[index];
            if (rating is not null && rating != current.Rating)
            {
                var ratingCell = FieldCell(span, "rating");
                diagnostics.Add(DiagnosticCodes.SheetRatingConflict, current.Span, current.Span.Cell ?? current.Span.ToString(), year.ToString(CultureInfo.InvariantCulture),
                    current.Rating!, ratingCell.Cell ?? ratingCell.ToString(), rating);
                continue;
            }

            // The year's awards, if any, stay in the history; its rating moves to the current rating.
            var rest = current.Awards.IsDefaultOrEmpty ? history.RemoveAt(index) : history.SetItem(index, current with { Rating = null });
            subjects[i] = subjects[i] switch
            {
                Individual p => (T)(object)(p with { Rating = current.Rating, History = rest }),
                Unit u => (T)(object)(u with { Rating = current.Rating, History = rest }),
                _ => subjects[i],
            };
        }
    }

    /// <summary>The cell of <paramref name="field"/> in the row of <paramref name="row"/> (the row's id cell when unknown).</summary>
    private static SourceSpan FieldCell(SourceSpan row, string field) =>
        row.Fields is { } fields && fields.Columns.TryGetValue(field, out var column) ? fields.SpanOf(row.Line, column) : row;

    /// <summary>The form unit names are compared in: NFC, case and spacing folded (diacritics kept: they tell names apart).</summary>
    internal static string NameKey(string name) => TextKey.Clean(name).ToLowerInvariant();

    /// <summary>
    /// Individuals whose unit is not a unit's id, and units whose parent is not, are matched to a unit by its name or id
    /// folded (<see cref="NameKey"/>); a note says so, once per column.
    /// </summary>
    private static void MatchUnitsByName(List<Individual> individuals, List<Unit> units, DiagnosticBag diagnostics)
    {
        var ids = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            byName.TryAdd(NameKey(unit.Id), unit.Id);
        }

        foreach (var unit in units.Where(u => u.Name is not null))
        {
            byName.TryAdd(NameKey(unit.Name!), unit.Id);
        }

        Rename(individuals, byName, ids, diagnostics);
        var noted = false;
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].Parent is { } parent && !ids.Contains(parent) && byName.TryGetValue(NameKey(parent), out var id))
            {
                var cell = FieldCell(units[i].Span, "parent");
                if (!noted)
                {
                    diagnostics.Add(DiagnosticCodes.SheetUnitsMatchedByName, cell, ColumnMap.Definition(ColumnField.Parent, SheetKind.Units).Headers[0]);
                    noted = true;
                }

                units[i] = units[i] with { Parent = id };
            }
        }
    }

    private static void Rename(List<Individual> individuals, Dictionary<string, string> byName, HashSet<string> exactIds, DiagnosticBag diagnostics)
    {
        var noted = false;
        for (var i = 0; i < individuals.Count; i++)
        {
            if (individuals[i].Unit is { } unit && !exactIds.Contains(unit) && byName.TryGetValue(NameKey(unit), out var id) && id != unit)
            {
                var cell = FieldCell(individuals[i].Span, "unit");
                if (!noted)
                {
                    diagnostics.Add(DiagnosticCodes.SheetUnitsMatchedByName, cell, ColumnMap.Definition(ColumnField.Unit, SheetKind.Individuals).Headers[0]);
                    noted = true;
                }

                individuals[i] = individuals[i] with { Unit = id };
            }
        }
    }

    /// <summary>The one value of a list that must not disagree; each different value is reported once, at its first cell.</summary>
    private static T? Single<T>(List<Located<T>> values, Func<T, string> format, DiagnosticBag diagnostics)
        where T : struct, IEquatable<T>
    {
        if (values.Count == 0)
        {
            return null;
        }

        var first = values[0];
        var reported = new HashSet<T>();
        foreach (var other in values.Skip(1))
        {
            if (!other.Value.Equals(first.Value) && reported.Add(other.Value))
            {
                diagnostics.Add(DiagnosticCodes.SheetInconsistentValue, other.Span, other.Header, format(other.Value), first.Span.ToString(), format(first.Value));
            }
        }

        return first.Value;
    }
}
