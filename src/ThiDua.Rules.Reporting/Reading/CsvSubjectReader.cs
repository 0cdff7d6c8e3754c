using System.Globalization;
using System.Text;
using CsvHelper;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// Reads a CSV file of individuals with the same headers as the <c>Cá nhân</c> sheet (<see cref="ColumnMap"/>), and the
/// units from the sibling file <c>&lt;name&gt;.units.csv</c> when there is one; otherwise each distinct <c>unit</c>
/// value becomes a unit. The year and as-of date come from the columns <c>Năm</c>/<c>year</c> and
/// <c>Ngày tính</c>/<c>asOf</c>, equal on every row.
/// </summary>
/// <remarks>
/// The separator is a comma, a semicolon (what Excel writes where the decimal separator is a comma, as in Vietnam), a
/// tab or a bar, detected from the first lines; an Excel <c>sep=;</c> first line is honoured. Text must be UTF-8, with or without
/// a byte-order mark. Cells are named as Excel shows them when it opens the file: <c>file.csv:C17</c>.
/// Not thread-safe; use one call per file.
/// </remarks>
internal static class CsvSubjectReader
{
    /// <summary>The units file that goes with <paramref name="path"/>: <c>data.csv</c> → <c>data.units.csv</c>.</summary>
    public static string UnitsFileOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + ".units" + (Path.GetExtension(path).Length > 0 ? Path.GetExtension(path) : ".csv"));

    /// <summary>Reads <paramref name="path"/> and, when it exists, its units file.</summary>
    public static SubjectData? Read(string path, DataLimits limits, DiagnosticBag diagnostics, NodaTime.LocalDate? asOf = null)
    {
        var unitsPath = UnitsFileOf(path);
        var unitsGiven = Path.Exists(unitsPath) && !string.Equals(Path.GetFullPath(unitsPath), Path.GetFullPath(path), StringComparison.Ordinal);
        if (unitsGiven && InputFile.Check(unitsPath, InputFile.Data(limits), diagnostics) is null)
        {
            return null;
        }

        return Read(path, () => Open(path, limits), unitsGiven ? unitsPath : null, unitsGiven ? () => Open(unitsPath, limits) : null, diagnostics, asOf);
    }

    /// <summary>Reads CSV text (for tests and embedders that hold the text already).</summary>
    public static SubjectData? ReadText(string individuals, string file, string? units, string? unitsFile, DiagnosticBag diagnostics) =>
        Read(file, () => new StringReader(individuals), unitsFile, units is null ? null : () => new StringReader(units), diagnostics);

    private static SubjectData? Read(string file, Func<TextReader> open, string? unitsFile, Func<TextReader>? openUnits, DiagnosticBag diagnostics, NodaTime.LocalDate? asOf = null)
    {
        var content = new TableContent();
        var ok = true;
        if (openUnits is not null)
        {
            ok &= ReadTable(unitsFile!, openUnits, SheetKind.Units, content, diagnostics);
        }

        ok &= ReadTable(file, open, SheetKind.Individuals, content, diagnostics);
        return ok ? SubjectAssembler.Assemble(file, content, unitsGiven: openUnits is not null, diagnostics, asOf) : null;
    }

    /// <summary>Opens a CSV file that <see cref="InputFile.Check"/> accepted, as strict UTF-8 (or UTF-16 with its mark), through the size limit.</summary>
    internal static StreamReader Open(string path, DataLimits limits) =>
        new(InputFile.Open(path, InputFile.Data(limits)), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    private static bool ReadTable(string file, Func<TextReader> open, SheetKind kind, TableContent content, DiagnosticBag diagnostics)
    {
        try
        {
            var source = new SheetSource { File = file, Rows = Rows(open, file, diagnostics) };
            new SubjectTableReader(diagnostics).Read(source, kind, content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(DiagnosticCodes.CsvNotUtf8, new SourceSpan(file, 0, 0));
            return false;
        }
        catch (CsvFormatException ex)
        {
            diagnostics.Add(DiagnosticCodes.CsvMalformed, new SourceSpan(file, (int)Math.Clamp(ex.LineNumber, 0, int.MaxValue), 0), DiagnosticCatalog.Phrase("csv.malformed"));
            return false;
        }
    }

    /// <summary>
    /// The records of the file as rows. The separator is detected from the first lines (among <c>,</c> <c>;</c> tab and
    /// <c>|</c>), or taken from an Excel <c>sep=;</c> line, which Excel hides and so does not count as a row. Empty lines
    /// are rows, as in Excel, so that row numbers match what the clerk sees.
    /// </summary>
    internal static IEnumerable<SheetRow> Rows(Func<TextReader> open, string file, DiagnosticBag diagnostics)
    {
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            DetectSeparatorHint = true,
            OnMalformedRecord = record => diagnostics.Add(DiagnosticCodes.CsvMalformed,
                new SourceSpan(file, (int)Math.Clamp(record.LineNumber, 0, int.MaxValue), 1), Describe(record.Reason)),
        };

        using var csv = CsvReader.Create(open(), options, leaveOpen: false);
        var number = 0;
        while (csv.Read())
        {
            number++;
            var cells = new SheetCell[Math.Min(csv.FieldCount, CellReference.MaxColumns)];
            for (var c = 0; c < cells.Length; c++)
            {
                var text = csv.GetString(c) ?? "";
                if (text.Length > WorkbookLimits.MaxCellLength)
                {
                    // As in a workbook: a cell longer than Excel can hold is refused at the cell.
                    throw WorkbookLimits.Refuse(DiagnosticCodes.SheetCellTooLong, new SheetSource { File = file, Rows = [] }.SpanOf(number, c), WorkbookLimits.MaxCellLength);
                }

                cells[c] = SheetCell.FromText(text);
            }

            yield return new SheetRow(number, cells);
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => DiagnosticCatalog.Phrase("csv.stray-quote"),
        CsvMalformedReason.TextAfterClosingQuote => DiagnosticCatalog.Phrase("csv.text-after-quote"),
        CsvMalformedReason.UnterminatedQuote => DiagnosticCatalog.Phrase("csv.unterminated-quote"),
        CsvMalformedReason.LineBreakInQuotes => DiagnosticCatalog.Phrase("csv.line-break-in-quotes"),
        CsvMalformedReason.FieldCountMismatch => DiagnosticCatalog.Phrase("csv.field-count"),
        _ => DiagnosticCatalog.Phrase("csv.malformed"),
    };
}
