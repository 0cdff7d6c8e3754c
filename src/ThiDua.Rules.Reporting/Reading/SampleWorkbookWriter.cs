using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// Writes <see cref="SubjectData"/> as the workbook a clerk would keep, in the layout <see cref="XlsxSubjectReader"/>
/// reads: sheets <c>Cá nhân</c>, <c>Đơn vị</c> and <c>Thông tin</c>, Vietnamese headers, dates as Excel dates shown
/// dd/MM/yyyy, history as <c>Xếp loại 2023</c> / <c>Danh hiệu 2023</c> columns. Used to generate
/// <c>rules/samples/*.xlsx</c> from the JSON samples, so the shipped workbook is reproducible.
/// </summary>
/// <remarks>
/// The output is byte-identical for the same data (fixed relationship ids, fixed zip timestamps, facts and years in
/// sorted order). Every value survives a round trip through the reader, except a text fact that reads as a yes/no
/// word, a date or a number, and a history year with neither rating nor awards.
/// </remarks>
internal static partial class SampleWorkbookWriter
{
    internal const uint DateStyle = 1;
    internal const uint HeaderStyle = 2;

    private static readonly DateTimeOffset ZipTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ImmutableDictionary<string, string> EmployeeTypeLabels = new Dictionary<string, string>
    {
        ["cong-chuc"] = "Công chức", ["vien-chuc"] = "Viên chức", ["nguoi-lao-dong"] = "Người lao động",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, string> DisciplineLabels = new Dictionary<string, string>
    {
        ["khien-trach"] = "Khiển trách", ["canh-cao"] = "Cảnh cáo", ["ha-bac-luong"] = "Hạ bậc lương",
        ["giang-chuc"] = "Giáng chức", ["cach-chuc"] = "Cách chức", ["buoc-thoi-viec"] = "Buộc thôi việc",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Writes the workbook.</summary>
    /// <param name="data">The data to write.</param>
    /// <param name="output">Where to write the .xlsx bytes.</param>
    /// <param name="factLabel">The Vietnamese label of a fact (from the rule sets that declare it), written as
    /// <c>label (factId)</c>; null or a null label writes the fact id alone.</param>
    /// <exception cref="InvalidOperationException">A value cannot be written so that it reads back the same (an
    /// initiative name with ';' or a line break).</exception>
    public static void Write(SubjectData data, Stream output, Func<string, string?>? factLabel = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var strings = new SharedStrings();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            stylesPart.Stylesheet = Styles();

            var sheets = new List<(string Name, List<object?[]> Rows)>
            {
                ("Cá nhân", IndividualRows(data, factLabel)),
                ("Đơn vị", UnitRows(data, factLabel)),
                ("Thông tin", data.AsOf is { } asOf ? [["Năm", (decimal)data.Year], ["Ngày tính", asOf]] : [["Năm", (decimal)data.Year]]),
            };

            var sheetList = new Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var id = "rIdSheet" + (i + 1).ToString(CultureInfo.InvariantCulture);
                var part = workbookPart.AddNewPart<WorksheetPart>(id);
                part.Worksheet = Worksheet(sheets[i].Rows, strings, header: i < 2, selected: i == 0);
                sheetList.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = id });
            }

            workbookPart.Workbook.Append(new BookViews(new WorkbookView()), sheetList);
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>("rIdStrings");
            stringsPart.SharedStringTable = strings.Table();
        }

        Normalize(package, output);
    }

    private static List<object?[]> IndividualRows(SubjectData data, Func<string, string?>? factLabel)
    {
        string[] fixedHeaders =
        [
            "Mã cán bộ", "Họ và tên", "Chức vụ", "Đơn vị", "Xếp loại", "Loại cán bộ", "Ngày tuyển dụng", "Số tháng công tác", "Số ngày nghỉ",
            "Đang xem xét kỷ luật", "Hình thức kỷ luật", "Ngày kỷ luật", "Ngày hết hạn kỷ luật", "Sáng kiến", "Đề tài",
        ];
        var facts = data.Individuals.SelectMany(i => i.Facts.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var years = data.Individuals.SelectMany(i => i.History.Select(h => h.Year)).Distinct().Order().ToList();
        // The units' own proposals, when the data has them: one cell of award ids separated by "; " (a blank cell
        // proposes nothing, as a clerk's column does).
        var proposals = data.Individuals.Any(i => i.Proposals is not null);
        List<object?[]> rows = [[.. fixedHeaders, .. proposals ? new object?[] { "Đề nghị" } : [], .. FactHeaders(facts, factLabel), .. HistoryHeaders(years)]];
        foreach (var i in data.Individuals)
        {
            object?[] values =
            [
                i.Id, i.Name, i.Position, i.Unit, i.Rating, Label(EmployeeTypeLabels, i.EmployeeType), i.StartDate, i.MonthsWorked, i.DaysAbsent,
                i.PendingReview, Label(DisciplineLabels, i.Discipline?.Level), i.Discipline?.Date, i.Discipline?.EndDate,
                Works(i.Initiatives), Works(i.ResearchWorks),
            ];
            object?[] proposed = proposals ? [i.Proposals is { Length: > 0 } ids ? string.Join("; ", ids) : null] : [];
            rows.Add([.. values, .. proposed, .. FactValues(i.Facts, facts), .. HistoryValues(i.History, years)]);
        }

        return rows;
    }

    private static List<object?[]> UnitRows(SubjectData data, Func<string, string?>? factLabel)
    {
        string[] fixedHeaders = ["Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên", "Loại", "Cụm thi đua", "Xếp loại"];
        var facts = data.Units.SelectMany(u => u.Facts.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var years = data.Units.SelectMany(u => u.History.Select(h => h.Year)).Distinct().Order().ToList();
        List<object?[]> rows = [[.. fixedHeaders, .. FactHeaders(facts, factLabel), .. HistoryHeaders(years)]];
        foreach (var u in data.Units)
        {
            object?[] values = [u.Id, u.Name, u.Parent, u.Kind == SubjectKind.Enterprise ? "Doanh nghiệp" : "Đơn vị", u.Cluster, u.Rating];
            rows.Add([.. values, .. FactValues(u.Facts, facts), .. HistoryValues(u.History, years)]);
        }

        return rows;
    }

    private static IEnumerable<object?> FactHeaders(List<string> facts, Func<string, string?>? factLabel) =>
        facts.Select(f => factLabel?.Invoke(f) is { Length: > 0 } label ? $"{label} ({f})" : (object)f);

    private static IEnumerable<object?> HistoryHeaders(List<int> years) =>
        years.SelectMany(y => new object?[] { "Xếp loại " + y.ToString(CultureInfo.InvariantCulture), "Danh hiệu " + y.ToString(CultureInfo.InvariantCulture) });

    private static IEnumerable<object?> FactValues(ImmutableDictionary<string, object?> values, List<string> facts) =>
        facts.Select(f => values.TryGetValue(f, out var value) && value is string s && IsoDate.TryParse(s, out var date) ? date : values.GetValueOrDefault(f));

    private static IEnumerable<object?> HistoryValues(ImmutableArray<HistoryYear> history, List<int> years)
    {
        foreach (var year in years)
        {
            var entry = history.FirstOrDefault(h => h.Year == year);
            yield return entry?.Rating;
            yield return entry is null || entry.Awards.IsEmpty
                ? null
                : string.Join("; ", entry.Awards.Select(a => a.DecidedOn is { } d ? $"{a.Id} ({CellParser.FormatDate(d)})" : a.Id));
        }
    }

    private static string? Label(ImmutableDictionary<string, string> labels, string? id) => id is null ? null : labels.GetValueOrDefault(id, id);

    /// <summary>Initiatives as the reader reads them: <c>scope dd/MM/yyyy: name</c>, separated by <c>; </c>.</summary>
    private static string? Works(ImmutableArray<Initiative> works)
    {
        if (works.IsEmpty)
        {
            return null;
        }

        return string.Join("; ", works.Select(w =>
        {
            if (w.Name is { } name && name.AsSpan().IndexOfAny(";\n\r") >= 0)
            {
                throw new InvalidOperationException($"the initiative name '{name}' contains ';' or a line break, which separate items in a cell");
            }

            var head = string.Join(" ", new[] { w.Scope, w.RecognizedOn is { } d ? CellParser.FormatDate(d) : null }.Where(p => p is not null));
            return w.Name is null ? head : head + ": " + w.Name;
        }));
    }

    private static Worksheet Worksheet(List<object?[]> rows, SharedStrings strings, bool header, bool selected)
    {
        var width = rows.Max(r => r.Length);
        var widths = new double[width];
        var sheetData = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var isHeader = header && r == 0;
                if (Cell(rows[r][c], CellReference.Format(c, r + 1), strings, isHeader) is { } cell)
                {
                    row.Append(cell);
                    var length = rows[r][c] switch
                    {
                        string s when isHeader => Math.Min(s.Length, 24),
                        string s => s.Length,
                        LocalDate => 10,
                        _ => 6,
                    };
                    widths[c] = Math.Max(widths[c], length);
                }
            }

            sheetData.Append(row);
        }

        var worksheet = new Worksheet();
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        if (header)
        {
            // Keep the header row and the id column in view while scrolling a long list.
            view.Append(new Pane { HorizontalSplit = 1, VerticalSplit = 1, TopLeftCell = "B2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen });
        }

        worksheet.Append(new SheetViews(view));
        var columns = new Columns();
        for (var c = 0; c < width; c++)
        {
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(widths[c] + 2, 8, 60), CustomWidth = true });
        }

        worksheet.Append(columns, sheetData);
        return worksheet;
    }

    internal static Cell? Cell(object? value, string reference, SharedStrings strings, bool header)
    {
        var cell = new Cell { CellReference = reference };
        switch (value)
        {
            case null:
                return null;
            case string s:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(strings.Index(s).ToString(CultureInfo.InvariantCulture));
                break;
            case bool b:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(strings.Index(b ? "có" : "không").ToString(CultureInfo.InvariantCulture));
                break;
            case decimal d:
                cell.CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case LocalDate date:
                cell.CellValue = new CellValue(CellParser.ToSerial(date).ToString(CultureInfo.InvariantCulture));
                cell.StyleIndex = DateStyle;
                break;
            default:
                throw new InvalidOperationException("cannot write a value of type " + value.GetType().Name);
        }

        if (header)
        {
            cell.StyleIndex = HeaderStyle;
        }

        return cell;
    }

    /// <summary>Styles: 0 default, 1 date (dd/mm/yyyy), 2 header (bold, wrapped, shaded).</summary>
    internal static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true,
            }) { Count = 3 });

    /// <summary>
    /// Rewrites the package so that the same data gives the same bytes: fixed zip timestamps, and a fixed id for the
    /// package's relationship to the workbook (the SDK makes up a random one and offers no way to name it).
    /// </summary>
    internal static void Normalize(MemoryStream package, Stream output)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = ZipTimestamp;
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName == "_rels/.rels")
            {
                using var reader = new StreamReader(from, Encoding.UTF8);
                var text = PackageRelationshipId().Replace(reader.ReadToEnd(), " Id=\"rIdWorkbook\"");
                to.Write(Encoding.UTF8.GetBytes(text));
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    [GeneratedRegex(@" Id=""[^""]*""", RegexOptions.CultureInvariant)]
    private static partial Regex PackageRelationshipId();

    /// <summary>The shared string table, in order of first use.</summary>
    internal sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];

        public int Index(string text)
        {
            if (!_index.TryGetValue(text, out var index))
            {
                index = _strings.Count;
                _index.Add(text, index);
                _strings.Add(text);
            }

            return index;
        }

        public SharedStringTable Table()
        {
            var table = new SharedStringTable { Count = (uint)_strings.Count, UniqueCount = (uint)_strings.Count };
            foreach (var text in _strings)
            {
                table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return table;
        }
    }
}
