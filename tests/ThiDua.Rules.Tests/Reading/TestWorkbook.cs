using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Reporting.Reading;

namespace ThiDua.Rules.Tests.Reading;

/// <summary>An Excel date: a serial number with a date format, as Excel stores a date a clerk types.</summary>
internal sealed record XlDate(LocalDate Date);

/// <summary>An Excel error value such as <c>#N/A</c>.</summary>
internal sealed record XlError(string Code);

/// <summary>
/// Builds small .xlsx workbooks the way different producers write them: strings inline or in the shared string table,
/// numbers, booleans, errors, dates as styled serials, with or without cell references, in the 1900 or 1904 system.
/// Rows are arrays of values: <see cref="string"/>, a number, <see cref="bool"/>, <see cref="XlDate"/>,
/// <see cref="XlError"/> or null (no cell).
/// </summary>
internal sealed class TestWorkbook
{
    private readonly List<(string Name, object?[][] Rows)> _sheets = [];

    public bool SharedStrings { get; init; }

    public bool Date1904 { get; init; }

    /// <summary>Whether cells and rows omit their references (r="C3"), as some generators do.</summary>
    public bool OmitReferences { get; init; }

    private readonly Dictionary<string, string[]> _merges = [];

    public TestWorkbook Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, rows));
        return this;
    }

    /// <summary>Merges ranges such as <c>E7:E8</c> of the sheet <paramref name="name"/> (written after its cells, as Excel does).</summary>
    public TestWorkbook Merge(string name, params string[] ranges)
    {
        _merges[name] = ranges;
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            if (Date1904)
            {
                workbookPart.Workbook.Append(new WorkbookProperties { Date1904 = true });
            }

            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });

            var strings = new List<string>();
            var sheets = new Sheets();
            uint sheetId = 1;
            foreach (var (name, rows) in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row();
                    if (!OmitReferences)
                    {
                        row.RowIndex = (uint)(r + 1);
                    }

                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (ToCell(rows[r][c], strings) is { } cell)
                        {
                            if (!OmitReferences)
                            {
                                cell.CellReference = CellReference.Format(c, r + 1);
                            }

                            row.Append(cell);
                        }
                        else if (OmitReferences)
                        {
                            row.Append(new Cell()); // keep the position of the following cells
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = _merges.TryGetValue(name, out var merges)
                    ? new Worksheet(data, new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Length })
                    : new Worksheet(data);
                sheets.Append(new Sheet { Name = name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(part) });
            }

            workbookPart.Workbook.Append(sheets);
            if (SharedStrings)
            {
                var table = workbookPart.AddNewPart<SharedStringTablePart>();
                table.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            }
        }

        return stream.ToArray();
    }

    public LoadResult<SubjectData> Load(string fileName = "ban.xlsx", LocalDate? asOf = null)
    {
        using var stream = new MemoryStream(ToBytes());
        return SpreadsheetDataLoader.LoadXlsx(stream, fileName, asOf);
    }

    public string Save(string path)
    {
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    private Cell? ToCell(object? value, List<string> strings) => value switch
    {
        null => null,
        string s when SharedStrings => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(Add(strings, s)) },
        string s => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        XlError e => new Cell { DataType = CellValues.Error, CellValue = new CellValue(e.Code) },
        XlDate d => new Cell { StyleIndex = 1, CellValue = new CellValue(Serial(d.Date).ToString(CultureInfo.InvariantCulture)) },
        IFormattable n => new Cell { CellValue = new CellValue(n.ToString(null, CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException("unsupported cell value " + value),
    };

    private int Serial(LocalDate date) => Date1904
        ? Period.Between(new LocalDate(1904, 1, 1), date, PeriodUnits.Days).Days
        : CellParser.ToSerial(date);

    private static string Add(List<string> strings, string s)
    {
        strings.Add(s);
        return (strings.Count - 1).ToString(CultureInfo.InvariantCulture);
    }
}
