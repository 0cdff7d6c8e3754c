using System.Globalization;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>Puts the tables of one spreadsheet together into <see cref="SubjectData"/>: one year, one as-of date, the units.</summary>
internal static class SubjectAssembler
{
    /// <summary>
    /// Builds the data. The year and as-of date must agree wherever they are given (info sheet, columns); the year
    /// defaults to the as-of date's year. Without a units table, each distinct <c>unit</c> value becomes a unit of its
    /// own (a root, of kind unit), so that unit awards and targets can still be evaluated.
    /// </summary>
    public static SubjectData? Assemble(string file, TableContent content, bool unitsGiven, DiagnosticBag diagnostics)
    {
        var year = Single(content.Years, y => y.ToString(CultureInfo.InvariantCulture), diagnostics);
        var asOf = Single(content.AsOfs, CellParser.FormatDate, diagnostics);
        var fileSpan = new SourceSpan(file, 0, 0);
        if (year is null && asOf is null)
        {
            diagnostics.Add(DiagnosticCodes.SheetMissingYear, fileSpan);
            return null;
        }

        var units = content.Units;
        if (!unitsGiven)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            units = [.. content.UnitReferences.Where(r => seen.Add(r.Value)).Select(r => new Unit { Id = r.Value, Span = r.Span })];
        }

        return new SubjectData
        {
            Year = year ?? asOf!.Value.Year,
            AsOf = asOf,
            Units = [.. units],
            Individuals = [.. content.Individuals],
            Span = fileSpan,
        };
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
