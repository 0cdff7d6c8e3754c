using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using NodaTime;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// Loads evaluation data from the file a council member has at hand: the canonical JSON, a CSV file, or an .xlsx
/// workbook as a clerk keeps it (a sheet <c>Cá nhân</c> of individuals, a sheet <c>Đơn vị</c> of units, history as
/// columns such as <c>Xếp loại 2023</c> / <c>Danh hiệu 2023</c>, Vietnamese headers). The column mapping is documented
/// in <c>docs/spreadsheets.md</c>.
/// </summary>
/// <remarks>
/// <para>Never throws for bad input: an unreadable, corrupt or malformed file gives a <see cref="LoadResult{T}"/> with
/// diagnostics that name the file and, for a bad cell, the sheet and cell (<c>data.xlsx:Cá nhân!E5</c>,
/// <c>data.csv:E5</c>) and what was expected there.</para>
/// <para>Values are checked against a rule set only when the data is bound to it (ratings on the scale, declared facts,
/// known units); spreadsheet facts are typed from their cells (yes/no words, dates, numbers, text).</para>
/// <para>Thread-safe: each call reads its own file.</para>
/// </remarks>
public static class SpreadsheetDataLoader
{
    /// <summary>The file extensions <see cref="Load(string, DataLimits?)"/> accepts.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".json", ".csv", ".txt", ".xlsx"];

    /// <summary>
    /// Loads a data file, chosen by its extension: <c>.json</c> (canonical, see <see cref="SubjectDataLoader"/>),
    /// <c>.csv</c> (individuals; units from <c>&lt;name&gt;.units.csv</c> when present), <c>.txt</c> (Excel's "Unicode
    /// Text": tab-separated UTF-16, read as CSV) or <c>.xlsx</c>.
    /// </summary>
    /// <param name="path">The file; relative paths stay relative in diagnostics.</param>
    /// <param name="limits">Size limits (file size, number of subjects); null for <see cref="DataLimits.Default"/>.</param>
    /// <returns>The data, or the diagnostics that explain why there is none. Warnings (an unknown column) do not
    /// prevent a value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static LoadResult<SubjectData> Load(string path, DataLimits? limits = null) => Load(path, limits, asOf: null);

    /// <summary>
    /// Loads a data file as <see cref="Load(string, DataLimits?)"/> does; a spreadsheet that gives its evaluated year
    /// nowhere (no <c>Năm</c> cell, no year in a title or a sheet name) takes the year of <paramref name="asOf"/>, the
    /// date the caller evaluates at (<c>thidua check --as-of</c>), and a note says so.
    /// </summary>
    /// <param name="path">The file; relative paths stay relative in diagnostics.</param>
    /// <param name="limits">Size limits (file size, number of subjects); null for <see cref="DataLimits.Default"/>.</param>
    /// <param name="asOf">The evaluation date, or null.</param>
    /// <returns>The data, or the diagnostics that explain why there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static LoadResult<SubjectData> Load(string path, DataLimits? limits, LocalDate? asOf)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= DataLimits.Default;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".json")
        {
            return SubjectDataLoader.Load(path, limits);
        }

        return Guard(path, diagnostics =>
        {
            var fileSpan = new SourceSpan(path, 0, 0);
            // An ordinary file within the size limit (a FIFO or /dev/zero would never end), and the limit holds while
            // reading; an existing folder or device is said to be one whatever its name, else an unknown type is said.
            var supported = extension is ".csv" or ".txt" or ".xlsx";
            if ((supported || Path.Exists(path)) && InputFile.Check(path, InputFile.Data(limits), diagnostics) is null)
            {
                return null;
            }

            if (!supported)
            {
                diagnostics.Add(DiagnosticCodes.DataFormatNotSupported, fileSpan, extension.Length == 0 ? Path.GetFileName(path) : extension);
                return null;
            }

            SubjectData? data;
            if (extension is ".csv" or ".txt")
            {
                // A .txt file is Excel's "Unicode Text": tab-separated UTF-16 with a byte-order mark, read like a CSV file.
                data = CsvSubjectReader.Read(path, limits, diagnostics, asOf);
            }
            else
            {
                // The package reader needs to seek: the file is read once through the limit into memory (a workbook is
                // small: its size is checked above), then its parts are checked before any is unpacked.
                using var buffer = InputFile.ReadAll(path, InputFile.Data(limits));
                if (!WorkbookLimits.CheckPackage(buffer, path, diagnostics))
                {
                    return null;
                }

                buffer.Position = 0;
                data = XlsxSubjectReader.Read(buffer, path, diagnostics, MaxCharactersInPart, asOf);
            }

            if (data is not null && data.Units.Length + (long)data.Individuals.Length > limits.MaxSubjects)
            {
                diagnostics.Add(DiagnosticCodes.InputTooLarge, fileSpan,
                    DiagnosticCatalog.Phrase("limit.subjects", limits.MaxSubjects.ToString("N0", CultureInfo.InvariantCulture)));
                return null;
            }

            return data;
        });
    }

    /// <summary>Loads a workbook from a stream; <paramref name="fileName"/> names it in diagnostics.</summary>
    internal static LoadResult<SubjectData> LoadXlsx(Stream stream, string fileName, LocalDate? asOf = null) =>
        Guard(fileName, diagnostics =>
        {
            var start = stream.Position;
            if (!WorkbookLimits.CheckPackage(stream, fileName, diagnostics))
            {
                return null;
            }

            stream.Position = start;
            return XlsxSubjectReader.Read(stream, fileName, diagnostics, MaxCharactersInPart, asOf);
        });

    /// <summary>Loads CSV text of individuals and, optionally, of units; the names are used in diagnostics.</summary>
    internal static LoadResult<SubjectData> LoadCsvText(string individuals, string fileName, string? units = null, string? unitsFileName = null) =>
        Guard(fileName, diagnostics => CsvSubjectReader.ReadText(individuals, fileName, units, unitsFileName ?? CsvSubjectReader.UnitsFileOf(fileName), diagnostics));

    /// <summary>Runs a reader and turns what a bad file can throw into a diagnostic naming the file.</summary>
    private static LoadResult<SubjectData> Guard(string file, Func<DiagnosticBag, SubjectData?> read)
    {
        var diagnostics = new DiagnosticBag();
        var fileSpan = new SourceSpan(file, 0, 0);
        SubjectData? data = null;
        try
        {
            data = read(diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(InputLimitException.Of(ex, file));
        }
        catch (Exception ex) when (WorkbookLimits.Malformed(ex) is { } reason)
        {
            // A renamed .xls or .csv, a truncated download, a zip of something else, an XML part that is not well formed:
            // only the exceptions the zip, XML and package readers define for a malformed file reach here.
            diagnostics.Add(DiagnosticCodes.SpreadsheetInvalid, fileSpan, reason);
        }

        return new LoadResult<SubjectData>(data, diagnostics.ToSortedArray());
    }

    /// <summary>
    /// The most characters one part of a workbook (a worksheet's XML) may hold: far above what Excel can store in a sheet
    /// of 1,048,576 rows of this data, and a guard against zip bombs.
    /// </summary>
    internal const long MaxCharactersInPart = 1L << 31;

}
