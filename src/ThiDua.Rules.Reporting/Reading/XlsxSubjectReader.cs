using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// Reads an .xlsx workbook as a clerk keeps it: a sheet of individuals (<c>Cá nhân</c> / <c>individuals</c>), a sheet
/// of units (<c>Đơn vị</c> / <c>units</c>) and an info sheet (<c>Thông tin</c> / <c>info</c>) with the rows
/// <c>Năm</c> and <c>Ngày tính</c>. Sheets with other names are recognised by their headers.
/// </summary>
/// <remarks>
/// Worksheets are read row by row with <see cref="OpenXmlReader"/>, so memory grows with the subjects, not with the
/// XML. Cells may be shared strings, inline strings, formula strings, numbers (dates are serial numbers with a date
/// format), booleans or errors. Not thread-safe; use one call per file.
/// </remarks>
internal static class XlsxSubjectReader
{
    /// <summary>The sheet names recognised (compared as headers are: any case, with or without diacritics).</summary>
    public static readonly IReadOnlyList<string> IndividualSheetNames = ["Cá nhân", "individuals", "Danh sách cá nhân", "Cán bộ"];

    /// <inheritdoc cref="IndividualSheetNames"/>
    public static readonly IReadOnlyList<string> UnitSheetNames = ["Đơn vị", "units", "Tập thể", "Danh sách đơn vị"];

    /// <inheritdoc cref="IndividualSheetNames"/>
    public static readonly IReadOnlyList<string> InfoSheetNames = ["Thông tin", "info"];

    /// <summary>Sheets that hold no data by design (the template's instructions, lists for drop-downs): left alone without a warning.</summary>
    public static readonly IReadOnlyList<string> NotesSheetNames = ["Hướng dẫn", "Danh mục", "instructions"];

    /// <summary>Reads the workbook in <paramref name="stream"/>; <paramref name="file"/> names it in diagnostics.</summary>
    /// <exception cref="OpenXmlPackageException">The package is not a workbook (the caller reports it).</exception>
    public static SubjectData? Read(Stream stream, string file, DiagnosticBag diagnostics, long maxCharactersInPart, LocalDate? asOf = null)
    {
        using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = maxCharactersInPart });
        var workbookPart = document.WorkbookPart;
        if (workbookPart?.Workbook?.Sheets is null)
        {
            diagnostics.Add(DiagnosticCodes.SpreadsheetInvalid, new SourceSpan(file, 0, 0), DiagnosticCatalog.Term("the workbook has no sheets"));
            return null;
        }

        var context = new WorkbookContext(workbookPart, file);
        var sheets = new List<(string Name, WorksheetPart Part)>();
        foreach (var sheet in workbookPart.Workbook.Sheets.Elements<Sheet>())
        {
            if (sheet.Id?.Value is { } id && sheet.Name?.Value is { } name && workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                sheets.Add((name, worksheet));
            }
        }

        // Every sheet is classified by its name, else by its header rows: every sheet of people is read (a clerk may
        // keep one per list or per unit), and a sheet that is neither people, units nor info is named in a warning.
        var individuals = new List<(string Name, WorksheetPart Part)>();
        var units = new List<(string Name, WorksheetPart Part)>();
        (string Name, WorksheetPart Part)? info = null;
        var unread = new List<string>();
        foreach (var sheet in sheets)
        {
            if (Named(sheet.Name, IndividualSheetNames))
            {
                individuals.Add(sheet);
            }
            else if (Named(sheet.Name, UnitSheetNames))
            {
                units.Add(sheet);
            }
            else if (info is null && Named(sheet.Name, InfoSheetNames))
            {
                info = sheet;
            }
            else if (Named(sheet.Name, NotesSheetNames))
            {
                continue;
            }
            else
            {
                var rows = Rows(sheet.Part, context, file, sheet.Name).Where(r => !r.IsBlank).Take(SubjectTableReader.HeaderSearchRows).ToList();
                if (rows.Exists(r => (SubjectTableReader.IsHeader(r, SheetKind.Individuals) || SubjectTableReader.IsPersonNameHeader(r)) && HasAny(r, SheetKind.Individuals, ColumnField.Unit, ColumnField.StartDate, ColumnField.EmployeeType, ColumnField.Plain)))
                {
                    individuals.Add(sheet);
                }
                else if (rows.Exists(r => (SubjectTableReader.IsHeader(r, SheetKind.Units) || SubjectTableReader.IsUnitNameHeader(r))
                    && HasAny(r, SheetKind.Units, ColumnField.Parent, ColumnField.Kind, ColumnField.Cluster, ColumnField.Rating)))
                {
                    units.Add(sheet);
                }
                else if (rows.Count > 0)
                {
                    unread.Add(sheet.Name);
                }
            }
        }

        // A workbook of one unnamed sheet is a list of individuals.
        if (individuals.Count == 0 && units.Count == 0 && sheets.Count == 1)
        {
            individuals.Add(sheets[0]);
            unread.Clear();
        }

        if (individuals.Count == 0 && units.Count == 0)
        {
            diagnostics.Add(DiagnosticCodes.SheetNotFound, new SourceSpan(file, 0, 0), string.Join(", ", sheets.Select(s => "'" + s.Name + "'")));
            return null;
        }

        foreach (var name in unread)
        {
            diagnostics.Add(DiagnosticCodes.SheetNotRead, SourceSpan.ForCell(file, name, "A1") with { Line = 1, Column = 1 }, name);
        }

        var content = new TableContent();
        var reader = new SubjectTableReader(diagnostics);
        if (info is { } infoSheet)
        {
            ReadInfo(Source(file, infoSheet, context), content, diagnostics);
        }

        foreach (var sheet in units)
        {
            reader.Read(Source(file, sheet, context), SheetKind.Units, content);
        }

        foreach (var sheet in individuals)
        {
            reader.Read(Source(file, sheet, context), SheetKind.Individuals, content);
        }

        return SubjectAssembler.Assemble(file, content, unitsGiven: units.Count > 0, diagnostics, asOf);
    }

    private static bool Named(string name, IReadOnlyList<string> names) => names.Any(n => TextKey.Header(n) == TextKey.Header(name));

    private static bool HasAny(SheetRow row, SheetKind kind, params ColumnField[] fields)
    {
        for (var c = 0; c < row.Width; c++)
        {
            if (row[c].Kind == CellKind.Text && ColumnMap.Match(row[c].Text, kind) is { Role: ColumnRole.Field } match && fields.Contains(match.Field))
            {
                return true;
            }
        }

        return false;
    }

    private static SheetSource Source(string file, (string Name, WorksheetPart Part) sheet, WorkbookContext context) => new()
    {
        File = file,
        Sheet = sheet.Name,
        Rows = Rows(sheet.Part, context, file, sheet.Name),
        Date1904 = context.Date1904,
    };

    /// <summary>
    /// The info sheet: each row is a label and, in the next non-blank cell to its right, a value. <c>Năm</c>/<c>year</c>
    /// and <c>Ngày tính</c>/<c>asOf</c> are read; other rows (agency name, notes) are left alone.
    /// </summary>
    private static void ReadInfo(SheetSource source, TableContent content, DiagnosticBag diagnostics)
    {
        foreach (var row in source.Rows)
        {
            var label = -1;
            for (var c = 0; c < row.Width; c++)
            {
                if (!row[c].IsBlank)
                {
                    label = c;
                    break;
                }
            }

            if (label < 0 || row[label].Kind != CellKind.Text)
            {
                continue;
            }

            var match = ColumnMap.Match(row[label].Text, SheetKind.Individuals);
            if (match is not { Role: ColumnRole.Field, Field: ColumnField.Year or ColumnField.AsOf })
            {
                continue;
            }

            var valueColumn = label + 1;
            while (valueColumn < row.Width && row[valueColumn].IsBlank)
            {
                valueColumn++;
            }

            var cell = row[valueColumn];
            var span = source.SpanOf(row.Number, valueColumn < row.Width ? valueColumn : label + 1);
            if (match.Field == ColumnField.Year)
            {
                if (CellParser.TryNumber(cell, out var year) && year == decimal.Truncate(year) && year is >= 1900 and <= 2200)
                {
                    content.Years.Add(new((int)year, span, row[label].Text));
                }
                else
                {
                    SubjectTableReader.ReportBadCell(diagnostics, span, row[label].Text, SubjectTableReader.ExpectedYear, cell);
                }
            }
            else if (CellParser.TryDate(cell, source.Date1904, out var asOf))
            {
                content.AsOfs.Add(new(asOf, span, row[label].Text));
            }
            else
            {
                SubjectTableReader.ReportBadCell(diagnostics, span, row[label].Text, SubjectTableReader.ExpectedDate, cell);
            }
        }
    }

    /// <summary>The rows of a worksheet (see the overload with the file and sheet names, which name the place of a refusal).</summary>
    internal static IEnumerable<SheetRow> Rows(WorksheetPart part, WorkbookContext context) => Rows(part, context, "", "");

    /// <summary>
    /// The rows of a worksheet, read lazily with <see cref="OpenXmlReader"/>, one cell element at a time (a row of
    /// millions of empty cells is refused after 16,384, never loaded whole); rows and cells without a reference follow
    /// the previous one. A sheet beyond a bound of <see cref="WorkbookLimits"/> stops with its diagnostic at the place.
    /// </summary>
    internal static IEnumerable<SheetRow> Rows(WorksheetPart part, WorkbookContext context, string file, string sheet)
    {
        var source = new SheetSource { File = file, Sheet = sheet, Rows = [] };
        var merged = new MergeFill(MergedRanges(part, source));
        using var reader = OpenXmlReader.Create(part);
        var previousRow = 0;
        var rows = 0;
        var cells = new List<(int Column, SheetCell Cell)>();

        // LoadCurrentElement leaves the reader on the node after the element, so the loops read on only when nothing was loaded.
        var pending = reader.Read();
        while (pending)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                pending = reader.Read();
                continue;
            }

            var index = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
            var number = uint.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= int.MaxValue ? (int)r : previousRow + 1;
            previousRow = number;
            if (++rows > WorkbookLimits.MaxRows || number > WorkbookLimits.MaxRows)
            {
                throw WorkbookLimits.Refuse(DiagnosticCodes.SheetTooManyRows, source.SpanOf(Math.Min(number, WorkbookLimits.MaxRows + 1), 0), WorkbookLimits.MaxRows);
            }

            cells.Clear();
            var previousColumn = -1;
            var width = 0;
            var count = 0;
            var depth = reader.Depth;
            pending = reader.Read();
            while (pending && reader.Depth > depth)
            {
                if (reader.ElementType != typeof(Cell) || !reader.IsStartElement)
                {
                    pending = reader.Read();
                    continue;
                }

                if (++count > WorkbookLimits.MaxCellsPerRow)
                {
                    throw WorkbookLimits.Refuse(DiagnosticCodes.SheetRowTooWide, source.SpanOf(number, 0), WorkbookLimits.MaxCellsPerRow);
                }

                var cell = (Cell)reader.LoadCurrentElement()!;
                pending = !reader.EOF;
                var column = CellReference.TryParse(cell.CellReference?.Value, out var c, out _) ? c : previousColumn + 1;
                previousColumn = column;
                if (column >= CellReference.MaxColumns)
                {
                    continue;
                }

                var value = context.Value(cell);
                if (value.Text.Length > WorkbookLimits.MaxCellLength)
                {
                    throw WorkbookLimits.Refuse(DiagnosticCodes.SheetCellTooLong, source.SpanOf(number, column), WorkbookLimits.MaxCellLength);
                }

                if (!value.IsBlank)
                {
                    cells.Add((column, value));
                    width = Math.Max(width, column + 1);
                }
            }

            var dense = new SheetCell[width];
            foreach (var (column, value) in cells)
            {
                dense[column] = value;
            }

            yield return merged.Apply(number, dense);
        }
    }

    /// <summary>The most merged ranges a sheet may declare (one per row of a full sheet).</summary>
    internal const int MaxMergedRanges = WorkbookLimits.MaxRows;

    /// <summary>
    /// The merged ranges of a worksheet (<c>&lt;mergeCells&gt;</c>, which Excel writes after the cells), read in a first
    /// pass that skips the cells without loading them; at most <see cref="MaxMergedRanges"/>.
    /// </summary>
    private static List<MergedRange> MergedRanges(WorksheetPart part, SheetSource source)
    {
        var ranges = new List<MergedRange>();
        using var reader = OpenXmlReader.Create(part);
        var pending = reader.Read();
        while (pending)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SheetData))
            {
                reader.Skip();
                pending = !reader.EOF;
                continue;
            }

            if (reader.IsStartElement && reader.ElementType == typeof(MergeCell)
                && MergedRange.TryParse(reader.Attributes.FirstOrDefault(a => a.LocalName == "ref").Value, out var range)
                && range.Top <= WorkbookLimits.MaxRows)
            {
                if (ranges.Count >= MaxMergedRanges)
                {
                    throw WorkbookLimits.Refuse(DiagnosticCodes.SheetTooManyMergedRanges, source.SpanOf(range.Top, range.Left), MaxMergedRanges);
                }

                ranges.Add(range);
            }

            pending = reader.Read();
        }

        ranges.Sort((a, b) => a.Top != b.Top ? a.Top.CompareTo(b.Top) : a.Left.CompareTo(b.Left));
        return ranges;
    }

    /// <summary>
    /// Gives every cell of a merged range the value of its top-left cell, as Excel shows it: a unit's name merged down
    /// over its people's rows is read on each of them, and a header merged over several columns names each.
    /// </summary>
    private sealed class MergeFill(List<MergedRange> ranges)
    {
        private readonly List<(MergedRange Range, SheetCell Value)> _active = [];
        private int _next;

        public SheetRow Apply(int number, SheetCell[] cells)
        {
            if (ranges.Count == 0)
            {
                return new SheetRow(number, cells);
            }

            _active.RemoveAll(a => a.Range.Bottom < number);
            while (_next < ranges.Count && ranges[_next].Top <= number)
            {
                var range = ranges[_next++];
                if (range.Bottom >= number)
                {
                    // A range whose top row holds no cell element shows nothing.
                    _active.Add((range, range.Top == number && range.Left < cells.Length ? cells[range.Left] : default));
                }
            }

            if (_active.Count == 0)
            {
                return new SheetRow(number, cells);
            }

            var width = Math.Max(cells.Length, _active.Where(a => !a.Value.IsBlank).Select(a => Math.Min(a.Range.Right, CellReference.MaxColumns - 1) + 1).DefaultIfEmpty(0).Max());
            if (width > cells.Length)
            {
                Array.Resize(ref cells, width);
            }

            var spanned = false;
            foreach (var (range, value) in _active)
            {
                if (value.IsBlank)
                {
                    continue;
                }

                for (var c = range.Left; c <= Math.Min(range.Right, width - 1); c++)
                {
                    if (cells[c].IsBlank)
                    {
                        cells[c] = value;
                    }
                }

                // The row's only content is this range's text over several columns: a group heading or a title.
                if (range.Right > range.Left && value.Kind == CellKind.Text && !spanned)
                {
                    spanned = OnlyContent(cells, range);
                }
            }

            return new SheetRow(number, cells) { IsSpannedText = spanned };
        }

        private static bool OnlyContent(SheetCell[] cells, MergedRange range)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                if (!cells[c].IsBlank && (c < range.Left || c > range.Right))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>What every sheet of a workbook shares: the shared strings, which cell styles are dates, the date system.</summary>
    internal sealed class WorkbookContext
    {
        private readonly string[] _sharedStrings;
        private readonly bool[] _dateStyles;

        public WorkbookContext(WorkbookPart workbook, string file)
        {
            Date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.InnerText is "1" or "true";
            _sharedStrings = workbook.SharedStringTablePart is { } table ? SharedStrings(table, file) : [];

            var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
            var customFormats = new Dictionary<uint, string>();
            foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            {
                if (Number(format.NumberFormatId) is { } id)
                {
                    customFormats[id] = format.FormatCode?.Value ?? "";
                }
            }

            _dateStyles = [.. (stylesheet?.CellFormats?.Elements<CellFormat>() ?? []).Select(f =>
                Number(f.NumberFormatId) is { } id && IsDateFormat(id, customFormats.GetValueOrDefault(id)))];
        }

        public bool Date1904 { get; }

        /// <summary>
        /// An unsigned attribute as written; null when absent or not a number. The attribute's text is read, not its
        /// <c>Value</c>, which throws on a malformed value: a damaged file is a cell problem, not an exception.
        /// </summary>
        private static uint? Number(UInt32Value? value) =>
            uint.TryParse(value?.InnerText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        public SheetCell Value(Cell cell)
        {
            var raw = cell.CellValue?.Text;
            // The type's text, not its Value (which throws on a type that is not one): an unknown type is an error cell.
            var type = cell.DataType?.InnerText switch
            {
                null or "" or "n" => CellValues.Number,
                "s" => CellValues.SharedString,
                "inlineStr" => CellValues.InlineString,
                "str" => CellValues.String,
                "d" => CellValues.Date,
                "b" => CellValues.Boolean,
                "e" => CellValues.Error,
                _ => (CellValues?)null,
            };
            if (type is null)
            {
                return new SheetCell(CellKind.Error, "#t=" + cell.DataType!.InnerText);
            }

            // OpenXml 3: CellValues is a struct of known values, not an enum, so the cases are compared, not switched on.
            if (type == CellValues.SharedString)
            {
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Length
                    ? SheetCell.FromText(_sharedStrings[index])
                    : new SheetCell(CellKind.Error, "#shared-string-" + raw);
            }

            if (type == CellValues.InlineString)
            {
                return cell.InlineString is { } inline ? SheetCell.FromText(ItemText(inline)) : default;
            }

            if (type == CellValues.String || type == CellValues.Date)
            {
                // A Date cell is ISO 8601 text, rare (Strict Open XML); read as text, which accepts yyyy-MM-dd.
                return raw is null ? default : SheetCell.FromText(raw);
            }

            if (type == CellValues.Boolean)
            {
                return raw is null ? default : new SheetCell(CellKind.Boolean, raw.Trim() is "1" or "true" ? "1" : "0");
            }

            if (type == CellValues.Error)
            {
                return new SheetCell(CellKind.Error, raw ?? "#ERROR");
            }

            if (string.IsNullOrWhiteSpace(raw))
            {
                return default;
            }

            var style = Number(cell.StyleIndex) is { } s && s < _dateStyles.Length && _dateStyles[s];
            return new SheetCell(CellKind.Number, raw.Trim(), style);
        }

        /// <summary>
        /// The shared strings, read one item at a time (the table is never loaded whole), at most
        /// <see cref="WorkbookLimits.MaxSharedStrings"/>; a text longer than a cell may hold is kept cut one character
        /// past the limit, so that the cell that uses it is refused at its place.
        /// </summary>
        private static string[] SharedStrings(SharedStringTablePart part, string file)
        {
            var strings = new List<string>();
            using var reader = OpenXmlReader.Create(part);
            var pending = reader.Read();
            while (pending)
            {
                if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement)
                {
                    pending = reader.Read();
                    continue;
                }

                if (strings.Count >= WorkbookLimits.MaxSharedStrings)
                {
                    throw WorkbookLimits.Refuse(DiagnosticCodes.SheetTooManySharedStrings, new SourceSpan(file, 0, 0), WorkbookLimits.MaxSharedStrings);
                }

                var text = ItemText((SharedStringItem)reader.LoadCurrentElement()!);
                pending = !reader.EOF;
                strings.Add(text.Length > WorkbookLimits.MaxCellLength ? text[..(WorkbookLimits.MaxCellLength + 1)] : text);
            }

            return [.. strings];
        }

        /// <summary>The text of a shared or inline string: its own text and that of its rich-text runs, without phonetic hints.</summary>
        private static string ItemText(OpenXmlCompositeElement item)
        {
            var builder = new StringBuilder();
            foreach (var child in item.ChildElements)
            {
                switch (child)
                {
                    case Text text:
                        builder.Append(text.Text);
                        break;
                    case Run run:
                        builder.Append(run.Text?.Text);
                        break;
                    default:
                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// Whether a number format shows a date: the built-in date formats (14–22, 27–36, 45–47, 50–58), or a custom code
        /// with a day or year part once quoted text, escapes and [brackets] are removed.
        /// </summary>
        private static bool IsDateFormat(uint id, string? code)
        {
            if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
            {
                return true;
            }

            if (string.IsNullOrEmpty(code))
            {
                return false;
            }

            var inQuotes = false;
            var inBrackets = false;
            for (var i = 0; i < code.Length; i++)
            {
                var c = code[i];
                if (inQuotes)
                {
                    inQuotes = c != '"';
                }
                else if (inBrackets)
                {
                    inBrackets = c != ']';
                }
                else if (c == '"')
                {
                    inQuotes = true;
                }
                else if (c == '[')
                {
                    inBrackets = true;
                }
                else if (c == '\\')
                {
                    i++;
                }
                else if (c is 'd' or 'D' or 'y' or 'Y')
                {
                    return true;
                }
            }

            return false;
        }
    }
}
