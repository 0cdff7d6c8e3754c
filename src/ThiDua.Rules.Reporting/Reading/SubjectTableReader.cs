using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>A value found in a cell, with where it was found (for year and as-of date, which must agree everywhere).</summary>
internal readonly record struct Located<T>(T Value, SourceSpan Span, string Header);

/// <summary>What one table gave: its subjects and the year and as-of values found in its columns.</summary>
internal sealed class TableContent
{
    public List<Individual> Individuals { get; } = [];

    public List<Unit> Units { get; } = [];

    /// <summary>Each unit id named in a <c>unit</c> column, with the first cell naming it, in order of appearance.</summary>
    public List<Located<string>> UnitReferences { get; } = [];

    public List<Located<int>> Years { get; } = [];

    public List<Located<LocalDate>> AsOfs { get; } = [];

    /// <summary>The text of the title rows above each table's header (where the evaluated year may be written).</summary>
    public List<Located<string>> Titles { get; } = [];

    /// <summary>The name of each sheet read (a year in it is the last place the evaluated year is looked for).</summary>
    public List<Located<string>> SheetNames { get; } = [];

    /// <summary>The ids made from names and units where a sheet has no id column (folded as unit names are), with the
    /// cell of the first person given each, so that two people of one name in one unit are found across sheets too.</summary>
    public Dictionary<string, SourceSpan> MadeIds { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Turns the rows of one table (a worksheet or a CSV file) into individuals or units, using <see cref="ColumnMap"/> for
/// the headers and <see cref="CellParser"/> and <see cref="Vocabulary"/> for the cells. Every bad cell becomes a
/// diagnostic at the cell, saying what was expected; the row is still read, without that value.
/// </summary>
/// <remarks>Shared by <see cref="XlsxSubjectReader"/> and <see cref="CsvSubjectReader"/>. Not thread-safe (one per file).</remarks>
internal sealed partial class SubjectTableReader(DiagnosticBag diagnostics)
{
    /// <summary>How many rows above the header are searched for it (titles, agency name, blank rows).</summary>
    public const int HeaderSearchRows = 20;

    private const string ExpectedId = "an id (not empty)";
    private const string ExpectedName = "the person's full name (not empty)";
    internal const string ExpectedDate = "a date such as 15/03/2015";
    private const string ExpectedNumber = "a number such as 12 or 12,5";
    private const string ExpectedNonNegative = "a number, not negative";
    internal const string ExpectedYear = "a year such as 2024";
    private const string ExpectedBool = "yes or no (có/không, x, đúng/sai)";
    private const string ExpectedKind = "'Đơn vị' (unit) or 'Doanh nghiệp' (enterprise)";
    private const string ExpectedWorks = "a list such as 'co-so 15/10/2024: name; tinh 01/03/2024'";
    private const string ExpectedAwards = "award ids such as 'lao-dong-tien-tien; bang-khen-cap-tinh (20/05/2023)'";
    private const string ExpectedDisciplineLevel = "a discipline level, since a discipline date is given";
    private const string ExpectedValue = "a value";
    private const string ExpectedFullDate = "the full date, such as 01/03/2014";
    private const string ExpectedRating = "a rating: HTXSNV, HTTNV, HTNV or KHTNV (or 'Chưa đánh giá' for none)";

    // A date at the end of an item: d/m/yyyy (also with . or -) or yyyy-m-d. Matched only on the last ten characters, so
    // that reading an item is linear in its length (a lazy prefix before an optional date made a cell of 100,000 spaces
    // take 50 seconds).
    [GeneratedRegex(@"^(?:[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabId();

    /// <summary>
    /// Splits a trimmed item into what comes before a trailing date and the date: "tinh 22/06/2024" → ("tinh", "22/06/2024"),
    /// "co-so" → ("co-so", null); with <paramref name="parentheses"/>, also "bang-khen (20/05/2023)" → ("bang-khen",
    /// "20/05/2023"). The longest date wins ("115/10/2024" → ("1", "15/10/2024")). Linear in the length of the item.
    /// </summary>
    internal static (string Head, string? Date) SplitTrailingDate(string item, bool parentheses)
    {
        if (parentheses && item.EndsWith(')'))
        {
            var open = item.LastIndexOf('(');
            if (open >= 0 && item.AsSpan(open + 1, item.Length - open - 2).IndexOfAny('(', ')') < 0)
            {
                return (item[..open].TrimEnd(), item[(open + 1)..^1]);
            }
        }

        for (var length = Math.Min(10, item.Length); length >= 8; length--)
        {
            var tail = item[^length..];
            if (DateShape().IsMatch(tail))
            {
                return (item[..^length].TrimEnd(), tail);
            }
        }

        return (item, null);
    }

    /// <summary>Splits <paramref name="text"/> at <paramref name="separators"/> outside parentheses, trimmed, without empty parts:
    /// "LĐTT, CSTĐCS (QĐ số 15, ngày 20/01/2024)" → "LĐTT", "CSTĐCS (QĐ số 15, ngày 20/01/2024)".</summary>
    internal static List<string> SplitOutsideParentheses(string text, char[] separators)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                var c = text[i];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth > 0)
                {
                    depth--;
                }

                if (depth > 0 || Array.IndexOf(separators, c) < 0)
                {
                    continue;
                }
            }

            var part = text[start..i].Trim();
            if (part.Length > 0)
            {
                parts.Add(part);
            }

            start = i + 1;
        }

        return parts;
    }

    // The decision written after an award: "(QĐ số 15/QĐ-BQL ngày 20/01/2024)", "- Quyết định 15/QĐ-UBND ngày 20/01/2024".
    // No leading white space in the pattern: a cell of 30,000 spaces would make the search quadratic.
    [GeneratedRegex(@"\b(?:QĐ|Qđ|QD|Quyết định|Quyet dinh|quyết định)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DecisionStart();

    [GeneratedRegex(@"[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{4}", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex DateInText();

    /// <summary>
    /// Splits an award item into the award and its decision date: "bang-khen (20/05/2023)" → ("bang-khen",
    /// "20/05/2023"); "CSTĐCS (QĐ số 15/QĐ-BQL ngày 20/01/2024)" and "LĐTT - QĐ số 15 ngày 20/01/2024" → the date of the
    /// decision (its number is not kept); "LĐTT (QĐ số 15)" → no date. A date written after a space is read as before.
    /// </summary>
    internal static (string Award, string? Date) SplitDecision(string item)
    {
        if (item.EndsWith(')'))
        {
            var open = item.LastIndexOf('(');
            if (open > 0)
            {
                var inner = item[(open + 1)..^1].Trim();
                var head = item[..open].TrimEnd();
                if (DateShape().IsMatch(inner) || CellParser.TryParseDate(inner, out _))
                {
                    return (head, inner);
                }

                if (DecisionStart().IsMatch(inner) || inner.Contains("ngày", StringComparison.OrdinalIgnoreCase))
                {
                    var date = DateInText().Match(inner);
                    return (head, date.Success ? date.Value : null);
                }
            }
        }

        var decision = DecisionStart().Match(item);
        if (decision.Success && decision.Index > 0)
        {
            var date = DateInText().Match(item, decision.Index, item.Length - decision.Index);
            return (item[..decision.Index].TrimEnd(' ', '-', '–', '—', ':'), date.Success ? date.Value : null);
        }

        return SplitTrailingDate(item, parentheses: true);
    }

    /// <summary>Reads every row of <paramref name="source"/> as subjects of <paramref name="kind"/> into <paramref name="content"/>.</summary>
    public void Read(SheetSource source, SheetKind kind, TableContent content)
    {
        using var rows = source.Rows.GetEnumerator();
        if (source.Sheet is not null)
        {
            content.SheetNames.Add(new(source.Sheet, source.SpanOf(1, 0), source.Sheet));
        }

        var (header, pending) = FindHeader(rows, kind, source, content);
        if (header is null)
        {
            return; // an empty sheet holds nobody
        }

        var columns = BindColumns(source, header, kind);
        var idColumn = Array.FindIndex(columns, c => c is { Role: ColumnRole.Field, Field: ColumnField.Id });
        var namesAreIds = false;
        var idsFromNames = false;
        if (idColumn < 0 && kind == SheetKind.Individuals)
        {
            // A list without codes, its people numbered by STT: each is known by name and unit (the STT changes when the
            // list is sorted or numbered per group, a name and unit do not). Said in a warning once the first id is made.
            idColumn = Array.FindIndex(columns, c => c is { Role: ColumnRole.Field, Field: ColumnField.Name });
            idsFromNames = idColumn >= 0;
        }
        else if (idColumn < 0 && kind == SheetKind.Units)
        {
            // A units sheet without a code column: each unit is known by its name (individuals name it the same way).
            idColumn = Array.FindIndex(columns, c => c is { Role: ColumnRole.Field, Field: ColumnField.Name });
            namesAreIds = idColumn >= 0;
            if (namesAreIds)
            {
                diagnostics.Add(DiagnosticCodes.SheetUnitsWithoutCodes, source.SpanOf(header.Number, idColumn), source.Sheet ?? Path.GetFileName(source.File));
            }
        }

        if (idColumn < 0)
        {
            var first = Enumerable.Range(0, header.Width).FirstOrDefault(c => !header[c].IsBlank);
            diagnostics.Add(DiagnosticCodes.SheetMissingColumn, source.SpanOf(header.Number, first), ColumnMap.Definition(ColumnField.Id, kind).Headers[0],
                ColumnMap.AcceptedHeaders(ColumnField.Id, kind));
            return;
        }

        var row = new RowReader(this, source, columns, idColumn, header, namesAreIds, idsFromNames);

        // Without a unit column, a group heading ("Phòng Tổ chức – Hành chính", "I. Văn phòng") is the unit of the people
        // under it, as the clerk meant it; the units so given are said in one note.
        var unitsFromHeadings = kind == SheetKind.Individuals && !Array.Exists(columns, c => c is { Role: ColumnRole.Field, Field: ColumnField.Unit });
        var headingUnits = new List<Located<string>>();
        var skipped = new SkippedRows();
        var blanks = new List<int>();
        var signature = false;
        while (pending is not null || rows.MoveNext())
        {
            var current = pending ?? rows.Current;
            pending = null;
            if (signature)
            {
                // Everything below the signature block's first line is the block (titles, signers' names).
                if (!current.IsBlank)
                {
                    skipped.Signature.Add(current.Number);
                }

                continue;
            }

            if (current.IsBlank)
            {
                blanks.Add(current.Number);
                continue;
            }

            switch (RowShape.Of(current, idColumn))
            {
                case RowShape.Kind.Signature:
                    signature = true;
                    skipped.Signature.Add(current.Number);
                    continue;
                case RowShape.Kind.Totals:
                    skipped.Totals.Add(current.Number);
                    continue;
                case RowShape.Kind.Heading:
                    skipped.Headings.Add(current.Number);
                    if (unitsFromHeadings && RowShape.HeadingText(current) is { Length: > 0 } group)
                    {
                        row.Group = new(group, source.SpanOf(current.Number, FirstFilled(current)), group);
                    }

                    continue;
                default:
                    break;
            }

            // Blank rows count as skipped only between rows that are read (not the empty tail of a sheet).
            skipped.Blank.AddRange(blanks);
            blanks.Clear();
            row.Start(current);
            if (kind == SheetKind.Individuals)
            {
                if (row.ReadIndividual(content) is { } individual)
                {
                    content.Individuals.Add(individual);
                    if (row.Group is { } used && individual.Unit == used.Value && (headingUnits.Count == 0 || headingUnits[^1].Span != used.Span))
                    {
                        headingUnits.Add(used);
                    }
                }
            }
            else if (row.ReadUnit(content) is { } unit)
            {
                content.Units.Add(unit);
            }
        }

        var sheetName = source.Sheet ?? Path.GetFileName(source.File);
        if (headingUnits.Count > 0)
        {
            diagnostics.Add(DiagnosticCodes.SheetUnitsFromHeadings, headingUnits[0].Span, sheetName,
                string.Join(", ", headingUnits.Select(h => "'" + h.Value + "'").Distinct(StringComparer.Ordinal).Take(10)) + (headingUnits.Count > 10 ? ", …" : ""));
        }

        if (row.FirstMadeId is { } example)
        {
            diagnostics.Add(DiagnosticCodes.SheetIdsFromNames, source.SpanOf(header.Number, idColumn), sheetName, example);
        }

        if (skipped.First is { } firstSkipped)
        {
            diagnostics.Add(DiagnosticCodes.SheetRowsSkipped, source.SpanOf(firstSkipped, 0),
                DiagnosticCatalog.Term(kind == SheetKind.Individuals ? "individuals" : "units"),
                SkippedRows.Format(skipped.Totals), SkippedRows.Format(skipped.Signature), SkippedRows.Format(skipped.Headings), SkippedRows.Format(skipped.Blank));
        }
    }

    private static int FirstFilled(SheetRow row)
    {
        var c = 0;
        while (c < row.Width && row[c].IsBlank)
        {
            c++;
        }

        return c;
    }

    /// <summary>The rows of a table that are not subjects, by why (for the one note that lists them).</summary>
    private sealed class SkippedRows
    {
        public List<int> Totals { get; } = [];

        public List<int> Signature { get; } = [];

        public List<int> Headings { get; } = [];

        public List<int> Blank { get; } = [];

        public int? First => Totals.Concat(Signature).Concat(Headings).Concat(Blank).Select(n => (int?)n).Min();

        /// <summary>Row numbers with runs shortened: <c>25, 27–31</c>; an em dash for none.</summary>
        public static string Format(List<int> rows)
        {
            if (rows.Count == 0)
            {
                return "—";
            }

            var parts = new List<string>();
            var start = rows[0];
            var end = rows[0];
            foreach (var n in rows.Skip(1).Append(int.MinValue))
            {
                if (n == end + 1)
                {
                    end = n;
                    continue;
                }

                parts.Add(start == end ? start.ToString(CultureInfo.InvariantCulture) : start.ToString(CultureInfo.InvariantCulture) + "–" + end.ToString(CultureInfo.InvariantCulture));
                start = end = n;
            }

            return string.Join(", ", parts);
        }
    }

    /// <summary>
    /// The header row: the first row, among the first <see cref="HeaderSearchRows"/>, with an id column; otherwise the
    /// first non-blank row (which then lacks the id column, and says so). Rows above it (titles) are kept in
    /// <see cref="TableContent.Titles"/>. A second header level under it (<c>Năm 2022 | Năm 2023</c> under a merged
    /// <c>Kết quả đánh giá, xếp loại</c>) is joined to it, and a row of column numbers (<c>(1) (2) (3)</c>) is skipped.
    /// </summary>
    /// <returns>The header, and the first row after it when that row was read to look for a second level.</returns>
    private static (SheetRow? Header, SheetRow? Pending) FindHeader(IEnumerator<SheetRow> rows, SheetKind kind, SheetSource source, TableContent content)
    {
        SheetRow? firstNonBlank = null;
        var searched = 0;
        var titles = new List<SheetRow>();
        while (searched < HeaderSearchRows && rows.MoveNext())
        {
            var row = rows.Current;
            if (row.IsBlank)
            {
                continue;
            }

            searched++;
            firstNonBlank ??= row;
            if (IsHeader(row, kind) || (kind == SheetKind.Units ? IsUnitNameHeader(row) : IsPersonNameHeader(row)))
            {
                foreach (var title in titles)
                {
                    for (var c = 0; c < title.Width; c++)
                    {
                        if (title[c].Kind == CellKind.Text)
                        {
                            content.Titles.Add(new(title[c].Text, source.SpanOf(title.Number, c), source.Sheet ?? ""));
                            break;
                        }
                    }
                }

                return Levels(rows, row, kind);
            }

            titles.Add(row);
        }

        // No id column: reading stops at the header problem, so the rows already taken from the enumerator are not needed.
        return (firstNonBlank, null);
    }

    private static (SheetRow? Header, SheetRow? Pending) Levels(IEnumerator<SheetRow> rows, SheetRow header, SheetKind kind)
    {
        if (!rows.MoveNext())
        {
            return (header, null);
        }

        var next = rows.Current;
        if (HeaderLevels.IsColumnNumbers(next))
        {
            return (header, rows.MoveNext() ? rows.Current : null);
        }

        if (!HeaderLevels.IsSecondLevel(header, next, kind))
        {
            return (header, next);
        }

        var joined = HeaderLevels.Join(header, next, kind);
        if (!rows.MoveNext())
        {
            return (joined, null);
        }

        next = rows.Current;
        return HeaderLevels.IsColumnNumbers(next) ? (joined, rows.MoveNext() ? rows.Current : null) : (joined, next);
    }

    /// <summary>Whether <paramref name="row"/> has a cell that names the id column of <paramref name="kind"/>.</summary>
    public static bool IsHeader(SheetRow row, SheetKind kind)
    {
        for (var c = 0; c < row.Width; c++)
        {
            if (row[c].Kind == CellKind.Text && ColumnMap.Match(row[c].Text, kind) is { Role: ColumnRole.Field, Field: ColumnField.Id })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="row"/> is the header of people listed without codes: a name column headed <c>Họ …</c>
    /// (<c>Họ và tên</c>, <c>Họ tên</c>), the people numbered by <c>STT</c> only.
    /// </summary>
    public static bool IsPersonNameHeader(SheetRow row)
    {
        for (var c = 0; c < row.Width; c++)
        {
            if (row[c].Kind == CellKind.Text && ColumnMap.Match(row[c].Text, SheetKind.Individuals) is { Role: ColumnRole.Field, Field: ColumnField.Name }
                && TextKey.Header(row[c].Text).StartsWith("ho ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="row"/> is the header of units named without codes: a unit name column headed
    /// <c>Tên …</c> (<c>Tên đơn vị</c>, <c>Tên tập thể</c>) and no column only individuals have.
    /// </summary>
    public static bool IsUnitNameHeader(SheetRow row)
    {
        var name = false;
        for (var c = 0; c < row.Width; c++)
        {
            if (row[c].Kind != CellKind.Text)
            {
                continue;
            }

            if (ColumnMap.Match(row[c].Text, SheetKind.Units) is { Role: ColumnRole.Field, Field: ColumnField.Name } && TextKey.Header(row[c].Text).StartsWith("ten", StringComparison.Ordinal))
            {
                name = true;
            }
            else if (ColumnMap.Match(row[c].Text, SheetKind.Individuals) is { Role: ColumnRole.Field, Field: ColumnField.StartDate or ColumnField.EmployeeType or ColumnField.Id })
            {
                return false;
            }
        }

        return name;
    }

    private ColumnMatch[] BindColumns(SheetSource source, SheetRow header, SheetKind kind)
    {
        var columns = new ColumnMatch[header.Width];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Width; c++)
        {
            var cell = header[c];
            if (cell.IsBlank)
            {
                columns[c] = new ColumnMatch(ColumnRole.Ignored);
                continue;
            }

            var text = CellParser.Text(cell);
            var match = ColumnMap.Match(text, kind);
            var span = source.SpanOf(header.Number, c);
            switch (match.Role)
            {
                case ColumnRole.Unknown:
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.SheetUnknownColumn, span, match.Suggestion, text));
                    break;
                case ColumnRole.Fact when match.Suggestion is not null:
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.SheetColumnReadAsFact, span, match.Suggestion, text, match.Fact!));
                    break;
                default:
                    break;
            }

            if (match.Role is not (ColumnRole.Unknown or ColumnRole.Ignored))
            {
                var name = match.CanonicalName;
                if (seen.TryGetValue(name, out var earlier))
                {
                    diagnostics.Add(DiagnosticCodes.SheetDuplicateColumn, span, text, CellParser.Text(header[earlier]), name);
                    match = new ColumnMatch(ColumnRole.Ignored);
                }
                else
                {
                    seen.Add(name, c);
                }
            }

            columns[c] = match;
        }

        return columns;
    }

    private void Bad(SourceSpan span, string header, string expected, in SheetCell cell) => ReportBadCell(diagnostics, span, header, expected, cell);

    private void Guess(SourceSpan span, string header, in SheetCell cell, string reading) =>
        diagnostics.Add(DiagnosticCodes.SheetCellGuess, span, header, cell.Display, reading);

    private void Ambiguous(SourceSpan span, string header, in SheetCell cell, string write) =>
        diagnostics.Add(DiagnosticCodes.SheetAmbiguousCell, span, header, cell.Display, DiagnosticCatalog.Term(write));

    private DiagnosticBag Diagnostics => diagnostics;

    /// <summary>Reports a cell that does not hold what its column needs: TDR201 with the header as written, what was
    /// expected (a term translated when rendered) and what the cell holds.</summary>
    internal static void ReportBadCell(DiagnosticBag diagnostics, SourceSpan span, string header, string expected, in SheetCell cell)
    {
        if (CellParser.IsNumberOutOfRange(cell))
        {
            // A number, but beyond what a decimal holds (1E+29): say so, rather than "must be a number".
            diagnostics.Add(DiagnosticCodes.SheetNumberOutOfRange, span, cell.Display, header);
            return;
        }

        diagnostics.Add(DiagnosticCodes.SheetInvalidCell, span, header, DiagnosticCatalog.Term(expected), cell.IsBlank ? DiagnosticCatalog.Term("empty") : cell.Display);
    }

    /// <summary>Reads the cells of one row; reused for every row of a table.</summary>
    private sealed class RowReader(SubjectTableReader owner, SheetSource source, ColumnMatch[] columns, int idColumn, SheetRow header, bool namesAreIds, bool idsFromNames)
    {
        /// <summary>The unit the last group heading gave (where the table has no unit column), with its cell.</summary>
        public Located<string>? Group { get; set; }

        /// <summary>The first id made from a name and unit (where the table has no id column), for the warning that says how.</summary>
        public string? FirstMadeId { get; private set; }

        // Past years of the current row: year → column of its rating / awards.
        private readonly SortedDictionary<int, int> _ratings = [];
        private readonly SortedDictionary<int, int> _awards = [];

        // The headers as written, for messages ("'Ngày tuyển dụng' must be a date …").
        private readonly string[] _headers = [.. Enumerable.Range(0, columns.Length).Select(c => CellParser.Text(header[c]))];

        // The discipline level's column (or -1): a discipline date without a level is reported there.
        private readonly int _disciplineColumn = Array.FindIndex(columns, c => c is { Role: ColumnRole.Field, Field: ColumnField.DisciplineLevel });

        private readonly Dictionary<(WordList, string), string> _words = [];

        // Where each built-in field of this table is, so that binding can name a field's own cell (shared by every row).
        private readonly RowCells _cells = new(
            Enumerable.Range(0, columns.Length)
                .Where(c => (columns[c].Role == ColumnRole.Field && columns[c].CanonicalName.Length > 0 && !columns[c].CanonicalName.Contains('.', StringComparison.Ordinal))
                    || columns[c].Role == ColumnRole.Fact)
                .GroupBy(c => columns[c].CanonicalName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            source.SpanOf);

        private SheetRow _row = new(0, []);

        public void Start(SheetRow row) => _row = row;

        public Individual? ReadIndividual(TableContent content)
        {
            var id = Id();
            string? name = null, unit = null, rating = null, employeeType = null, disciplineLevel = null;
            LocalDate? startDate = null, disciplineDate = null, disciplineEnd = null;
            decimal? monthsWorked = null, daysAbsent = null;
            bool? pendingReview = null;
            var disciplineDateColumn = -1;
            var initiatives = ImmutableArray<Initiative>.Empty;
            var researchWorks = ImmutableArray<Initiative>.Empty;
            var facts = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
            _plain.Clear();
            _ratings.Clear();
            _awards.Clear();

            for (var c = 0; c < columns.Length; c++)
            {
                var cell = _row[c];
                var match = columns[c];
                if (cell.IsBlank || c == idColumn)
                {
                    continue;
                }

                switch (match.Role)
                {
                    case ColumnRole.Field:
                        switch (match.Field)
                        {
                            case ColumnField.Name:
                                name = Text(c);
                                break;
                            case ColumnField.Unit:
                                unit = Text(c);
                                if (unit is not null)
                                {
                                    content.UnitReferences.Add(new(unit, Span(c), Header(c)));
                                }

                                break;
                            case ColumnField.Rating:
                                rating = Rating(c);
                                break;
                            case ColumnField.EmployeeType:
                                employeeType = Word(c, Vocabulary.EmployeeType);
                                break;
                            case ColumnField.StartDate:
                                startDate = Date(c);
                                break;
                            case ColumnField.MonthsWorked:
                                monthsWorked = InRange(c, "monthsWorked", id);
                                break;
                            case ColumnField.DaysAbsent:
                                daysAbsent = InRange(c, "daysAbsent", id);
                                break;
                            case ColumnField.Plain:
                                Plain(c, match.Schema!);
                                break;
                            case ColumnField.PendingReview:
                                pendingReview = Bool(c);
                                break;
                            case ColumnField.DisciplineLevel:
                                disciplineLevel = Word(c, Vocabulary.Discipline);
                                break;
                            case ColumnField.DisciplineDate:
                                disciplineDate = Date(c);
                                disciplineDateColumn = disciplineDateColumn < 0 ? c : disciplineDateColumn;
                                break;
                            case ColumnField.DisciplineEndDate:
                                disciplineEnd = Date(c);
                                disciplineDateColumn = disciplineDateColumn < 0 ? c : disciplineDateColumn;
                                break;
                            case ColumnField.Initiatives:
                                initiatives = Works(c);
                                break;
                            case ColumnField.ResearchWorks:
                                researchWorks = Works(c);
                                break;
                            default:
                                Common(c, match.Field, content);
                                break;
                        }

                        break;
                    default:
                        Other(c, match, facts);
                        break;
                }
            }

            Discipline? discipline = null;
            if (disciplineLevel is not null)
            {
                discipline = new Discipline(disciplineLevel, disciplineDate, disciplineEnd, Span(_disciplineColumn));
            }
            else if (disciplineDate is not null || disciplineEnd is not null)
            {
                // A date without a level is a discipline whose level was forgotten: reading it as "no discipline"
                // could propose someone who must not be.
                var at = _disciplineColumn >= 0 ? _disciplineColumn : disciplineDateColumn;
                owner.Bad(Span(at), _disciplineColumn >= 0 ? Header(at) : ColumnMap.Definition(ColumnField.DisciplineLevel).Headers[0], ExpectedDisciplineLevel, default);
            }

            if (unit is null && Group is { } group)
            {
                unit = group.Value;
                content.UnitReferences.Add(group);
            }

            if (idsFromNames && id is not null)
            {
                name = id;
                id = MadeId(id, unit, content);
            }

            if (id is null)
            {
                return null;
            }

            Individual person = new()
            {
                Id = id,
                Name = name,
                Unit = unit,
                Rating = rating,
                EmployeeType = employeeType,
                StartDate = startDate,
                MonthsWorked = monthsWorked,
                DaysAbsent = daysAbsent,
                Discipline = discipline,
                PendingReview = pendingReview,
                Initiatives = initiatives,
                ResearchWorks = researchWorks,
                Facts = facts.ToImmutable(),
                History = History(),
                Span = Span(idColumn) with { Fields = _cells },
            };
            foreach (var (field, value) in WithBlankProposals())
            {
                person = (Individual)field.With!(person, value);
            }

            return person;
        }

        private readonly List<(SubjectField Field, object Value)> _plain = [];

        /// <summary>The plain fields read, with an empty list for a proposals column left blank on the row (the
        /// column is there, so the unit has said it proposes nothing).</summary>
        private List<(SubjectField Field, object Value)> WithBlankProposals()
        {
            foreach (var match in columns)
            {
                if (match.Schema is { Type: SubjectValueType.AwardList } field && !_plain.Exists(p => p.Field == field))
                {
                    _plain.Add((field, Array.Empty<string>()));
                }
            }

            return _plain;
        }

        /// <summary>A field of the subject schema read generically (such as <c>position</c>), by its type.</summary>
        private void Plain(int column, SubjectField field)
        {
            object? value = field.Type switch
            {
                SubjectValueType.Number => NonNegative(column),
                SubjectValueType.Date => Date(column),
                SubjectValueType.YesNo => Bool(column),
                // A blank cell in a proposals column proposes nothing: the column is there, so the unit has said.
                SubjectValueType.AwardList => (Text(column) ?? "").Split([';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                _ => Text(column),
            };
            if (value is not null && field.With is not null)
            {
                _plain.Add((field, value));
            }
        }

        /// <summary>A number checked against the schema field's range at its cell.</summary>
        private decimal? InRange(int column, string name, string? id) =>
            SubjectChecks.Number(SubjectSchema.Find(true, name)!, NonNegative(column), id, Span(column), owner.Diagnostics);

        public Unit? ReadUnit(TableContent content)
        {
            var id = Id();
            string? name = null, parent = null, cluster = null, rating = null;
            var kind = SubjectKind.Unit;
            var facts = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
            _plain.Clear();
            _ratings.Clear();
            _awards.Clear();
            for (var c = 0; c < columns.Length; c++)
            {
                var cell = _row[c];
                var match = columns[c];
                if (cell.IsBlank || c == idColumn)
                {
                    continue;
                }

                if (match.Role != ColumnRole.Field)
                {
                    Other(c, match, facts);
                    continue;
                }

                switch (match.Field)
                {
                    case ColumnField.Name:
                        name = Text(c);
                        break;
                    case ColumnField.Parent:
                        parent = Text(c);
                        break;
                    case ColumnField.Cluster:
                        cluster = Text(c);
                        break;
                    case ColumnField.Rating:
                        rating = Rating(c);
                        break;
                    case ColumnField.Kind:
                        var text = CellParser.Text(cell);
                        if (cell.Kind == CellKind.Text && Vocabulary.Kind.Contains(text))
                        {
                            kind = Vocabulary.Kind.Map(text) == "enterprise" ? SubjectKind.Enterprise : SubjectKind.Unit;
                        }
                        else
                        {
                            owner.Bad(Span(c), Header(c), ExpectedKind, cell);
                        }

                        break;
                    case ColumnField.Plain:
                        Plain(c, match.Schema!);
                        break;
                    default:
                        Common(c, match.Field, content);
                        break;
                }
            }

            if (id is null)
            {
                return null;
            }

            Unit collective = new()
            {
                Id = id,
                Name = name ?? (namesAreIds ? id : null),
                Parent = parent,
                Kind = kind,
                Cluster = cluster,
                Rating = rating,
                Facts = facts.ToImmutable(),
                History = History(),
                Span = Span(idColumn) with { Fields = _cells },
            };
            foreach (var (field, value) in WithBlankProposals())
            {
                collective = (Unit)field.With!(collective, value);
            }

            return collective;
        }

        private SourceSpan Span(int column) => source.SpanOf(_row.Number, column);

        private string Header(int column) => _headers[column];

        private string? Id()
        {
            var cell = _row[idColumn];
            if (cell.IsBlank || cell.Kind == CellKind.Error)
            {
                owner.Bad(Span(idColumn), Header(idColumn), idsFromNames ? ExpectedName : ExpectedId, cell);
                return null;
            }

            return CellParser.Text(cell);
        }

        /// <summary>
        /// The id of a person listed without a code: the name, and the unit in parentheses (<c>Nguyễn Văn An (Văn phòng)</c>).
        /// A second person of the same name and unit (compared as unit names are) is an error at the name's cell; null.
        /// </summary>
        private string? MadeId(string name, string? unit, TableContent content)
        {
            var id = unit is null ? name : name + " (" + unit + ")";
            if (content.MadeIds.TryGetValue(SubjectAssembler.NameKey(id), out var first))
            {
                owner.Diagnostics.Add(DiagnosticCodes.SheetDuplicateNameWithoutIds, Span(idColumn), id, first.Cell ?? first.ToString());
                return null;
            }

            content.MadeIds.Add(SubjectAssembler.NameKey(id), Span(idColumn));
            FirstMadeId ??= id;
            return id;
        }

        private string? Text(int column)
        {
            var cell = _row[column];
            if (cell.Kind == CellKind.Error)
            {
                owner.Bad(Span(column), Header(column), ExpectedValue, cell);
                return null;
            }

            return CellParser.Text(cell);
        }

        private string Map(WordList words, string text)
        {
            // Ratings and award names repeat on every row: fold each distinct text once.
            if (!_words.TryGetValue((words, text), out var id))
            {
                id = words.Map(text);
                if (_words.Count < 10_000)
                {
                    _words.Add((words, text), id);
                }
            }

            return id;
        }

        private string? Word(int column, WordList words)
        {
            return Text(column) is { } text ? Map(words, text) : null;
        }

        private LocalDate? Date(int column)
        {
            var cell = _row[column];
            if (cell.Kind == CellKind.Number && !cell.DateStyled && CellParser.TryNumber(cell, out var number) && number is >= SubjectSchema.MinYear and <= SubjectSchema.MaxYear && number == decimal.Truncate(number))
            {
                // 2014 in a date column is a year, not the Excel serial date 06/07/1905.
                owner.Ambiguous(Span(column), Header(column), cell, ExpectedFullDate);
                return null;
            }

            if (CellParser.TryDate(cell, source.Date1904, out var date))
            {
                return date;
            }

            if (cell.Kind == CellKind.Text && CellParser.TryParseMonth(cell.Text, out var month))
            {
                // 03/2014: only the month is known; the first day is taken, and the clerk is told.
                owner.Guess(Span(column), Header(column), cell, CellParser.FormatDate(month));
                return month;
            }

            if (cell.Kind == CellKind.Text && CellParser.IsYearOnly(cell.Text))
            {
                owner.Ambiguous(Span(column), Header(column), cell, ExpectedFullDate);
                return null;
            }

            owner.Bad(Span(column), Header(column), ExpectedDate, cell);
            return null;
        }

        private readonly Dictionary<string, (RatingReading Reading, string? Id)> _ratingWords = new(StringComparer.Ordinal);

        /// <summary>A rating as clerks write it: the ids, the full or abbreviated words; <c>Chưa đánh giá</c> is none;
        /// a single word such as <c>Tốt</c> is a guess (a warning at the cell); <c>Khá</c> or two ratings are an error.</summary>
        private string? Rating(int column)
        {
            if (Text(column) is not { } text)
            {
                return null;
            }

            if (!_ratingWords.TryGetValue(text, out var read))
            {
                read = Vocabulary.ReadRating(text);
                if (_ratingWords.Count < 10_000)
                {
                    _ratingWords.Add(text, read);
                }
            }

            switch (read.Reading)
            {
                case RatingReading.Guess:
                    owner.Guess(Span(column), Header(column), _row[column], "'" + read.Id + "'");
                    return read.Id;
                case RatingReading.Ambiguous:
                    owner.Ambiguous(Span(column), Header(column), _row[column], ExpectedRating);
                    return null;
                default:
                    return read.Id;
            }
        }

        private decimal? NonNegative(int column)
        {
            var cell = _row[column];
            if (CellParser.TryNumber(cell, out var value) && value >= 0)
            {
                return value;
            }

            owner.Bad(Span(column), Header(column), CellParser.TryNumber(cell, out _) ? ExpectedNonNegative : ExpectedNumber, cell);
            return null;
        }

        private bool? Bool(int column)
        {
            var cell = _row[column];
            if (CellParser.TryBool(cell, out var value))
            {
                return value;
            }

            owner.Bad(Span(column), Header(column), ExpectedBool, cell);
            return null;
        }

        /// <summary>Year and as-of date, which may be columns of any table.</summary>
        private void Common(int column, ColumnField field, TableContent content)
        {
            var cell = _row[column];
            if (field == ColumnField.Year)
            {
                if (TryYear(cell, out var year))
                {
                    content.Years.Add(new(year, Span(column), Header(column)));
                }
                else
                {
                    owner.Bad(Span(column), Header(column), ExpectedYear, cell);
                }
            }
            else if (field == ColumnField.AsOf && Date(column) is { } asOf)
            {
                content.AsOfs.Add(new(asOf, Span(column), Header(column)));
            }
        }

        private void Other(int column, ColumnMatch match, ImmutableDictionary<string, object?>.Builder facts)
        {
            var cell = _row[column];
            switch (match.Role)
            {
                case ColumnRole.Fact:
                    if (cell.Kind == CellKind.Error)
                    {
                        owner.Bad(Span(column), Header(column), ExpectedValue, cell);
                    }
                    else
                    {
                        facts[match.Fact!] = CellParser.Fact(cell, source.Date1904);
                    }

                    break;
                case ColumnRole.HistoryRating:
                    _ratings[match.Year] = column;
                    break;
                case ColumnRole.HistoryAwards:
                    _awards[match.Year] = column;
                    break;
                default:
                    break;
            }
        }

        private ImmutableArray<HistoryYear> History()
        {
            if (_ratings.Count == 0 && _awards.Count == 0)
            {
                return [];
            }

            var years = _ratings.Keys.Union(_awards.Keys).Order();
            var builder = ImmutableArray.CreateBuilder<HistoryYear>();
            foreach (var year in years)
            {
                string? rating = null;
                int? first = null;
                if (_ratings.TryGetValue(year, out var ratingColumn))
                {
                    first = ratingColumn;
                    rating = Rating(ratingColumn);
                }

                var awards = ImmutableArray<AwardRecord>.Empty;
                if (_awards.TryGetValue(year, out var awardsColumn))
                {
                    first ??= awardsColumn;
                    awards = Awards(awardsColumn);
                }

                builder.Add(new HistoryYear(year, rating, awards, Span(first!.Value)));
            }

            return builder.ToImmutable();
        }

        private ImmutableArray<AwardRecord> Awards(int column)
        {
            var cell = _row[column];
            var span = Span(column);
            if (cell.Kind != CellKind.Text)
            {
                owner.Bad(span, Header(column), ExpectedAwards, cell);
                return [];
            }

            var builder = ImmutableArray.CreateBuilder<AwardRecord>();
            foreach (var part in SplitOutsideParentheses(cell.Text, [';', ',', '\n', '\r']))
            {
                var (award, dateText) = SplitDecision(part);
                LocalDate? decided = null;
                if (dateText is not null)
                {
                    if (CellParser.TryParseDate(dateText.Trim(), out var date))
                    {
                        decided = date;
                    }
                    else
                    {
                        award = "";
                    }
                }

                if (award.Length == 0)
                {
                    owner.Bad(span, Header(column), ExpectedAwards, cell);
                    return [];
                }

                builder.Add(new AwardRecord(Map(Vocabulary.Award, award), decided, span));
            }

            return builder.ToImmutable();
        }

        /// <summary>Reads a Sáng kiến / Đề tài cell: items separated by ';' or line breaks, each <c>scope date: name</c>.</summary>
        private ImmutableArray<Initiative> Works(int column)
        {
            var cell = _row[column];
            var span = Span(column);
            if (cell.Kind != CellKind.Text)
            {
                owner.Bad(span, Header(column), ExpectedWorks, cell);
                return [];
            }

            var builder = ImmutableArray.CreateBuilder<Initiative>();
            foreach (var item in cell.Text.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = item.IndexOf(':', StringComparison.Ordinal);
                var head = (colon < 0 ? item : item[..colon]).Trim();
                var name = colon < 0 ? null : item[(colon + 1)..].Trim();
                var (scopeText, dateText) = SplitTrailingDate(head, parentheses: false);
                LocalDate? date = null;
                if (dateText is not null)
                {
                    if (!CellParser.TryParseDate(dateText, out var d))
                    {
                        owner.Bad(span, Header(column), ExpectedWorks, cell);
                        return [];
                    }

                    date = d;
                }

                // The scope is a known word or an id; an item that starts otherwise is a title written without a scope
                // ("Số hóa hồ sơ", "Số hóa hồ sơ (cấp tỉnh, 15/10/2024)"): the whole item is the name, and a scope or
                // date in parentheses at its end is read. Without a scope, criteria that need it stay unknown.
                string? scope = null;
                if (scopeText.Length > 0)
                {
                    if (Vocabulary.Scope.Contains(scopeText))
                    {
                        scope = Vocabulary.Scope.Map(scopeText);
                    }
                    else if (KebabId().IsMatch(scopeText))
                    {
                        scope = scopeText;
                    }
                    else
                    {
                        var (title, titleScope, titleDate) = Unscoped(item);
                        builder.Add(new Initiative(title, titleScope, titleDate, span));
                        continue;
                    }
                }

                if (scope is null && date is null && string.IsNullOrEmpty(name))
                {
                    owner.Bad(span, Header(column), ExpectedWorks, cell);
                    return [];
                }

                builder.Add(new Initiative(string.IsNullOrEmpty(name) ? null : name, scope, date, span));
            }

            return builder.ToImmutable();
        }

        /// <summary>A work written as a title: "Số hóa hồ sơ (cấp tỉnh, 15/10/2024)" → its name, and the scope and date in
        /// the parentheses at its end (each read only when it is one); "Số hóa hồ sơ 15/10/2024" → the date at its end.</summary>
        private static (string? Name, string? Scope, LocalDate? Date) Unscoped(string item)
        {
            if (item.EndsWith(')') && item.LastIndexOf('(') is var open and > 0)
            {
                string? scope = null;
                LocalDate? date = null;
                var recognised = true;
                foreach (var piece in item[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (scope is null && Vocabulary.Scope.Contains(piece))
                    {
                        scope = Vocabulary.Scope.Map(piece);
                    }
                    else if (date is null && CellParser.TryParseDate(piece, out var d))
                    {
                        date = d;
                    }
                    else
                    {
                        recognised = false;
                    }
                }

                if (recognised && (scope is not null || date is not null))
                {
                    return (item[..open].Trim(), scope, date);
                }
            }

            var (head, dateText) = SplitTrailingDate(item, parentheses: false);
            return dateText is not null && head.Length > 0 && CellParser.TryParseDate(dateText, out var at) ? (head, null, at) : (item, null, null);
        }

        private static bool TryYear(in SheetCell cell, out int year)
        {
            year = 0;
            if (!CellParser.TryNumber(cell, out var value) || value != decimal.Truncate(value) || value < 1900 || value > 2200)
            {
                return false;
            }

            year = (int)value;
            return true;
        }
    }
}
