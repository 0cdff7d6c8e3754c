using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Reporting.Writing;

/// <summary>
/// Writes the results as an Excel workbook for the council's clerks: one sheet per outcome group, the plan targets,
/// the scores and the rule set that was applied.
/// </summary>
/// <remarks>
/// <para>
/// Sheets, in tab order (English names with <see cref="Language.En"/>): <c>Đề nghị khen thưởng</c> (recommended;
/// collective awards first, then individual ones, each grouped by unit), <c>Vượt chỉ tiêu</c> (eligible over quota),
/// <c>Chưa đủ dữ liệu</c> (with the missing values), <c>Không đủ điều kiện</c> (with every reason and its legal
/// basis), <c>Chỉ tiêu</c> (plan targets: unit, target, status, actual, required, basis, deadline), <c>Điểm</c>
/// (scores; only when the rule set has a scoring table) and <c>Thông tin</c> (rule set id, version, name, base, year
/// and as-of date). Each sheet has a bold, filtered, frozen header row, set column widths and prints on A4 landscape,
/// one page wide, with the header repeated.
/// </para>
/// <para>
/// Numbers are numbers (shares as percentages, dates as dates), texts are inline strings: no formulas, so no data
/// can turn into one. The package has no document properties and every zip entry carries the as-of date as its
/// time stamp, so the same result always gives the same bytes. The workbook is built in memory (it is meant for a
/// council's list, not for a million rows) and then copied to the output stream, which needs only to be
/// writable.
/// </para>
/// </remarks>
public static class XlsxResultWriter
{
    // Cell formats of the style sheet below (cellXfs indexes).
    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint IntegerStyle = 3;
    private const uint PercentStyle = 4;
    private const uint NumberStyle = 5;
    private const uint DateStyle = 6;
    private const uint KeyStyle = 7;
    private const uint GoodStyle = 8;
    private const uint BadStyle = 9;
    private const uint UndecidedStyle = 10;

    private const string SheetMainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/> as an .xlsx package; the stream is not closed.</summary>
    /// <param name="result">The evaluation to write.</param>
    /// <param name="output">A writable stream.</param>
    /// <param name="include">Which pairs to list.</param>
    /// <param name="language">Sheet names, headers and explanations in Vietnamese (default) or English.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not writable.</exception>
    public static void Write(EvaluationResult result, Stream output, ResultInclusion include = ResultInclusion.Decided, Language language = Language.Vi)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        var context = new ReportContext(result, include, language);
        var sheets = Sheets(context);
        using var package = new MemoryStream();
        WritePackage(package, sheets);
        Normalize(package, output, result.AsOf);
    }

    private static List<SheetModel> Sheets(ReportContext c)
    {
        var sheets = new List<SheetModel>
        {
            Recommended(c, c.Word("report.sheet-recommended"), Outcome.Recommended),
            Superseded(c, c.Word("report.superseded")),
            Recommended(c, c.Word("report.over-quota"), Outcome.EligibleOverQuota),
            Insufficient(c, c.Word("report.insufficient-data")),
            c.Include == ResultInclusion.All
                ? NotEligible(c, c.Word("report.not-eligible"), _ => true)
                : NotEligible(c, c.Word("report.near-misses"), c.Renderer.IsNearMiss),
            Targets(c, c.Word("report.targets")),
        };
        if (BonusTotal.Of(c.Results, c.CouncilOrder) is { Count: > 0 } bonuses)
        {
            sheets.Insert(sheets.Count - 1, Bonuses(c, c.Word("report.bonus"), bonuses));
        }

        if (c.Results.Any(r => r.UnitProposed is not null))
        {
            sheets.Insert(1, ProposalCheck(c, c.Word("report.sheet-proposal-check")));
        }

        if (c.Scores.Length > 0)
        {
            sheets.Add(Scores(c, c.Word("report.sheet-scores")));
        }

        sheets.Add(About(c, c.Word("report.about")));
        return sheets;
    }

    /// <summary>The rows of one outcome, as the council reads them: collective awards, then individual ones; by unit, then rank and name.</summary>
    /// <remarks>A recommended pair superseded by a higher form of its exclusive group is not a proposal: it is listed
    /// only in the sheet of superseded pairs.</remarks>
    private static IEnumerable<AwardResult> Listed(ReportContext c, Outcome outcome) =>
        Listed(c, r => r.Outcome == outcome && r.SupersededBy is null);

    private static IEnumerable<AwardResult> Listed(ReportContext c, Func<AwardResult, bool> filter) =>
        c.CouncilOrder.SelectMany(award => c.ByUnit(c.Results.Where(r => r.Award == award.Id && filter(r)))
            .SelectMany(group => c.InPresentationOrder(group)));

    /// <summary>Recommended pairs not proposed because a higher form of the same exclusive group is (design §8).</summary>
    private static SheetModel Superseded(ReportContext c, string name)
    {
        var columns = SubjectColumns(c);
        columns.Add(new(c.Word("report.proposed-instead"), 40));
        var sheet = new SheetModel(name, columns);
        var number = 0;
        foreach (var r in Listed(c, r => r.SupersededBy is not null))
        {
            var cells = SubjectCells(c, r, ++number).ToList();
            cells.Add(CellModel.Of(c.AwardName(r.SupersededBy!)));
            sheet.Rows.Add([.. cells]);
        }

        return sheet;
    }

    private static List<ColumnModel> SubjectColumns(ReportContext c) =>
    [
        new(c.Word("report.number"), 6),
        new(c.Word("report.award-short"), 34),
        new(c.Word("report.unit"), 30),
        new(c.Word("report.id"), 10),
        new(c.Word("report.name-or-title"), 30),
        new(c.Word("report.position"), 22),
        new(c.Word("report.subject"), 12),
    ];

    private static CellModel[] SubjectCells(ReportContext c, AwardResult r, int number) =>
    [
        CellModel.Of(number),
        CellModel.Of(c.AwardName(r.Award)),
        CellModel.Of(c.UnitName(ReportContext.GroupUnit(r))),
        CellModel.Of(r.Subject),
        CellModel.Of(r.SubjectName ?? ""),
        CellModel.Of(r.Position ?? ""),
        CellModel.Of(c.SubjectKindLabel(r.SubjectKind)),
    ];

    private static SheetModel Recommended(ReportContext c, string name, Outcome outcome)
    {
        var columns = SubjectColumns(c);
        columns.Add(new(c.Word("report.rank"), 8));
        columns.Add(new(c.Word("report.places"), 9));
        if (outcome != Outcome.Recommended)
        {
            columns.Add(new(c.Word("report.reason"), 50));
        }

        columns.Add(new(c.Word("report.basis"), 50));
        var sheet = new SheetModel(name, columns);
        var number = 0;
        foreach (var r in Listed(c, outcome))
        {
            var cells = SubjectCells(c, r, ++number).ToList();
            cells.Add(r.Rank is { } rank ? CellModel.Of(rank) : CellModel.Empty);
            cells.Add(r.QuotaPlaces is { } places ? CellModel.Of(places) : CellModel.Empty);
            if (outcome != Outcome.Recommended)
            {
                cells.Add(CellModel.Of(Lines(r.Criteria.Where(x => x.Status != CriterionStatus.Pass).Select(c.Message))));
            }

            cells.Add(CellModel.Of(r.Basis));
            sheet.Rows.Add([.. cells]);
        }

        return sheet;
    }

    private static SheetModel Insufficient(ReportContext c, string name)
    {
        var columns = SubjectColumns(c);
        columns.Add(new(c.Word("report.undecided-criteria-short"), 50));
        columns.Add(new(c.Word("report.missing-values"), 24));
        columns.Add(new(c.Word("report.basis"), 40));
        var sheet = new SheetModel(name, columns);
        var number = 0;
        foreach (var r in Listed(c, Outcome.InsufficientData))
        {
            var undecided = r.Criteria.Where(x => x.Status == CriterionStatus.Unknown).ToList();
            var cells = SubjectCells(c, r, ++number).ToList();
            cells.Add(CellModel.Of(Lines(undecided.Select(c.Message))));
            cells.Add(CellModel.Of(Lines(undecided.SelectMany(x => x.Missing).Distinct(StringComparer.Ordinal))));
            cells.Add(CellModel.Of(Lines(Bases(r, undecided))));
            sheet.Rows.Add([.. cells]);
        }

        return sheet;
    }

    /// <summary>The pairs where the unit's own proposal (column Đề nghị) and the rules disagree, with the outcome and the reasons.</summary>
    private static SheetModel ProposalCheck(ReportContext c, string name)
    {
        var columns = SubjectColumns(c);
        columns.Add(new(c.Word("report.proposal-comparison"), 34));
        columns.Add(new(c.Word("report.outcome"), 18));
        columns.Add(new(c.Word("report.reasons"), 60));
        var sheet = new SheetModel(name, columns);
        var number = 0;
        foreach (var r in Listed(c, r => r.ProposalCheck is not null))
        {
            var cells = SubjectCells(c, r, ++number).ToList();
            cells.Add(CellModel.Of(Capitalize(c.Word(ReportCatalog.ProposalKey(r.ProposalCheck!.Value)))));
            cells.Add(CellModel.Of(c.Word(ReportCatalog.OutcomeKey(r.Outcome))));
            cells.Add(CellModel.Of(Lines(r.Criteria.Where(x => x.Status != CriterionStatus.Pass).Select(c.Message))));
            sheet.Rows.Add([.. cells]);
        }

        return sheet;
    }

    private static SheetModel NotEligible(ReportContext c, string name, Func<AwardResult, bool> only)
    {
        var columns = SubjectColumns(c);
        columns.Add(new(c.Word("report.reasons"), 60));
        columns.Add(new(c.Word("report.basis"), 45));
        var sheet = new SheetModel(name, columns);
        var number = 0;
        foreach (var r in Listed(c, r => r.Outcome == Outcome.NotEligible && only(r)))
        {
            var failing = r.Criteria.Where(x => x.Status != CriterionStatus.Pass).ToList();
            var cells = SubjectCells(c, r, ++number).ToList();
            cells.Add(CellModel.Of(Lines(failing.Select(c.MessageWithGap))));
            cells.Add(CellModel.Of(Lines(Bases(r, failing))));
            sheet.Rows.Add([.. cells]);
        }

        return sheet;
    }

    /// <summary>The distinct citations of the criteria that decided the outcome, or the award's when none is given.</summary>
    internal static IEnumerable<string> Bases(AwardResult result, IEnumerable<CriterionResult> criteria)
    {
        var bases = criteria.Select(x => x.Basis).Where(b => !string.IsNullOrWhiteSpace(b)).Distinct(StringComparer.Ordinal).ToList();
        return bases.Count > 0 ? bases : [result.Basis];
    }

    /// <summary>The bonuses of the proposals totalled per form, with a total row.</summary>
    private static SheetModel Bonuses(ReportContext c, string name, List<BonusTotal> totals)
    {
        var sheet = new SheetModel(name,
        [
            new(c.Word("report.award"), 40),
            new(c.Word("report.bonus-cases"), 12),
            new(c.Word("report.bonus-multiple"), 14),
            new(c.Word("report.bonus-total-multiple"), 14),
            new(c.Word("report.bonus-base-salary"), 16),
            new(c.Word("report.bonus-amount"), 18),
            new(c.Word("report.basis"), 50),
        ]);
        static CellModel Number(decimal? n) => n is { } v ? CellModel.Of(v) : CellModel.Empty;
        foreach (var t in totals)
        {
            sheet.Rows.Add([CellModel.Of(c.AwardName(t.Award)), CellModel.Of(t.Cases), Number(t.Multiple), Number(t.TotalMultiple), Number(t.BaseSalary), Number(t.Amount), CellModel.Of(c.BonusBasis(t))]);
        }

        var amount = totals.All(t => t.Amount is not null) ? totals.Sum(t => t.Amount!.Value) : (decimal?)null;
        sheet.Rows.Add([new CellModel(c.Word("report.sum"), null, KeyStyle), CellModel.Of(totals.Sum(t => t.Cases)), CellModel.Empty, Number(totals.Sum(t => t.TotalMultiple)), CellModel.Empty, Number(amount), CellModel.Empty]);
        return sheet;
    }

    private static SheetModel Targets(ReportContext c, string name)
    {
        var sheet = new SheetModel(name,
        [
            new(c.Word("report.number"), 6),
            new(c.Word("report.unit"), 30),
            new(c.Word("report.target"), 50),
            new(c.Word("report.status"), 14),
            new(c.Word("report.actual"), 14),
            new(c.Word("report.required-title"), 16),
            new(c.Word("report.detail"), 50),
            new(c.Word("report.basis"), 45),
            new(c.Word("report.due-title"), 12),
        ]);
        var number = 0;
        foreach (var t in c.Targets)
        {
            sheet.Rows.Add(
            [
                CellModel.Of(++number),
                CellModel.Of(c.UnitName(t.Unit)),
                CellModel.Of(c.TargetName(t)),
                StatusCell(c, t.Status),
                ValueCell(c, t.Actual),
                CellModel.Of(t.Required is { } required ? c.Renderer.Format(required) : ""),
                CellModel.Of(c.Message(t)),
                CellModel.Of(t.Basis),
                t.Due is { } due ? CellModel.Of(due) : CellModel.Empty,
            ]);
        }

        return sheet;
    }

    private static SheetModel Scores(ReportContext c, string name)
    {
        var columns = new List<ColumnModel>
        {
            new(c.Word("report.scoring-table"), 30),
            new(c.Word("report.cluster"), 14),
            new(c.Word("report.rank"), 8),
            new(c.Word("report.id"), 10),
            new(c.Word("report.title-name"), 34),
            new(c.Word("report.points"), 10),
        };

        // One column per scoring item, across tables, in rule-file order; a row leaves other tables' items empty.
        var items = c.Result.RuleSet.Scoring.SelectMany(t => t.Items.Select(i => (Table: t.Id, Item: i.Id, Header: i.Name + " (" + c.Renderer.Format(new ExplainedValue(i.MaxPoints)) + ")"))).ToList();
        columns.AddRange(items.Select(i => new ColumnModel(i.Header, 16)));
        var sheet = new SheetModel(name, columns);
        var tables = c.Result.RuleSet.Scoring.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var s in c.Scores)
        {
            var cells = new List<CellModel>
            {
                CellModel.Of(tables.TryGetValue(s.Table, out var table) ? table.Name : s.Table),
                CellModel.Of(s.Cluster ?? ""),
                s.Rank is { } rank ? CellModel.Of(rank) : CellModel.Empty,
                CellModel.Of(s.Subject),
                CellModel.Of(c.UnitName(s.Subject)),
                s.Score is { } score ? CellModel.Of(score) : CellModel.Empty,
            };
            foreach (var (tableId, itemId, _) in items)
            {
                var points = tableId == s.Table ? s.Items.FirstOrDefault(i => i.Id == itemId)?.Points : null;
                cells.Add(points is { } p ? CellModel.Of(p) : CellModel.Empty);
            }

            sheet.Rows.Add([.. cells]);
        }

        return sheet;
    }

    private static SheetModel About(ReportContext c, string name)
    {
        var rules = c.Result.RuleSet;
        var sheet = new SheetModel(name, [new(c.Word("report.item"), 26), new(c.Word("report.value"), 90)]) { HasFilter = false };
        void Add(string key, CellModel value) => sheet.Rows.Add([new CellModel(key, null, KeyStyle), value]);
        Add(c.Word("report.rule-set"), CellModel.Of(rules.Id));
        Add(c.Word("report.version-title"), CellModel.Of(rules.Version));
        Add(c.Word("report.title-name"), CellModel.Of(rules.Name));
        if (rules.Base is { } b)
        {
            Add(c.Word("report.based-on"), CellModel.Of(b.Id + " " + b.Version));
        }

        Add(c.Word("report.year"), CellModel.Of(c.Result.Year));
        Add(c.Word("report.as-of"), CellModel.Of(c.Result.AsOf));
        Add(c.Word("report.listed"), CellModel.Of(c.Include == ResultInclusion.All
            ? c.Word("report.listed-all")
            : c.Word("report.listed-decided-short")));
        foreach (var outcome in new[] { Outcome.Recommended, Outcome.EligibleOverQuota, Outcome.InsufficientData, Outcome.NotEligible })
        {
            Add(Capitalize(c.Renderer.Outcome(outcome)), CellModel.Of(c.Results.Count(r => r.Outcome == outcome)));
        }

        Add(c.Word("report.written-by"), CellModel.Of("ThiDua.Rules"));
        return sheet;
    }

    private static CellModel StatusCell(ReportContext c, CriterionStatus status) =>
        new(Capitalize(c.Renderer.Status(status)), null, status switch
        {
            CriterionStatus.Pass => GoodStyle,
            CriterionStatus.Fail => BadStyle,
            _ => UndecidedStyle,
        });

    /// <summary>A value as a typed cell: shares as percentages, numbers as numbers, dates as dates, anything else as the renderer's text.</summary>
    private static CellModel ValueCell(ReportContext c, ExplainedValue? value) => value?.Value switch
    {
        null => CellModel.Empty,
        Fraction f => new CellModel(null, f.ToDecimal(), PercentStyle),
        decimal d when value.IsPercent => new CellModel(null, d, PercentStyle),
        decimal d => CellModel.Of(d),
        LocalDate date => CellModel.Of(date),
        _ => CellModel.Of(c.Renderer.Format(value)),
    };

    internal static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);

    private static void WritePackage(Stream package, List<SheetModel> sheets)
    {
        using var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook);

        // Explicit relationship ids everywhere: the SDK's generated ones are random, which would break byte-identical output.
        var workbookPart = document.AddNewPart<WorkbookPart>(SheetMainContentType, "rId1");
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
        stylesPart.Stylesheet = Stylesheet();
        var sheetElements = new Sheets();
        var definedNames = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var relationshipId = "rIdSheet" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>(relationshipId);
            worksheetPart.Worksheet = Worksheet(sheet, selected: i == 0);
            sheetElements.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = relationshipId });
            var quoted = "'" + sheet.Name.Replace("'", "''", StringComparison.Ordinal) + "'";
            if (sheet.HasFilter)
            {
                definedNames.Append(new DefinedName(quoted + "!" + FilterRange(sheet)) { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
            }

            definedNames.Append(new DefinedName(quoted + "!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
        }

        workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0U }),
            sheetElements,
            definedNames);
    }

    private static string FilterRange(SheetModel sheet) =>
        "$A$1:$" + ColumnName(sheet.Columns.Count - 1) + "$" + (sheet.Rows.Count + 1).ToString(CultureInfo.InvariantCulture);

    private static Worksheet Worksheet(SheetModel sheet, bool selected)
    {
        var columns = new Columns();
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Width(sheet, i), CustomWidth = true });
        }

        var data = new SheetData();
        data.Append(Row(1, sheet.Columns.Select(col => new CellModel(col.Header, null, HeaderStyle)).ToArray()));
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            data.Append(Row(r + 2, sheet.Rows[r]));
        }

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = selected, WorkbookViewId = 0U }),
            new SheetFormatProperties { DefaultRowHeight = 15D },
            columns,
            data);
        if (sheet.HasFilter)
        {
            worksheet.Append(new AutoFilter { Reference = FilterRange(sheet).Replace("$", "", StringComparison.Ordinal) });
        }

        worksheet.Append(
            new PageMargins { Left = 0.5D, Right = 0.5D, Top = 0.6D, Bottom = 0.6D, Header = 0.3D, Footer = 0.3D },
            new PageSetup { PaperSize = 9U, Orientation = OrientationValues.Landscape, FitToWidth = 1U, FitToHeight = 0U });
        return worksheet;
    }

    /// <summary>A column's width in characters: the longest line of its header or cells, within [8, the column's maximum].</summary>
    private static double Width(SheetModel sheet, int column)
    {
        var longest = LongestLine(sheet.Columns[column].Header) + 2;
        foreach (var row in sheet.Rows)
        {
            var cell = row[column];
            var length = cell.Text is { } text ? LongestLine(text) : cell.Number is { } n ? n.ToString(CultureInfo.InvariantCulture).Length + 2 : 0;
            longest = Math.Max(longest, length + 1);
        }

        return Math.Clamp(longest, 8, Math.Max(8, sheet.Columns[column].MaxWidth));
    }

    private static int LongestLine(string text) => text.Split('\n').Max(line => line.Length);

    private static Row Row(int index, IReadOnlyList<CellModel> cells)
    {
        var row = new Row { RowIndex = (uint)index };
        for (var i = 0; i < cells.Count; i++)
        {
            var model = cells[i];
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            if (model.Number is { } number)
            {
                row.Append(new Cell
                {
                    CellReference = reference,
                    StyleIndex = model.Style == 0 ? NumberStyle : model.Style,
                    CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                });
            }
            else if (!string.IsNullOrEmpty(model.Text))
            {
                row.Append(new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    StyleIndex = model.Style == 0 ? TextStyle : model.Style,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(model.Text)) { Space = SpaceProcessingModeValues.Preserve }),
                });
            }
            else
            {
                // An empty cell still carries the border, so the table reads as one block when printed.
                row.Append(new Cell { CellReference = reference, StyleIndex = TextStyle });
            }
        }

        return row;
    }

    /// <summary>Drops characters that XML 1.0 cannot hold (control characters from odd data would otherwise abort the write).</summary>
    internal static string XmlSafe(string text)
    {
        if (!text.Any(ch => IsInvalidXml(ch)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(ch).Append(text[++i]);
            }
            else if (!IsInvalidXml(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    private static bool IsInvalidXml(char ch) =>
        (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == '\uFFFE' || ch == '\uFFFF' || char.IsSurrogate(ch);

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Stylesheet()
    {
        static Font Font(bool bold = false, string? color = null)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = 11D });
            font.Append(color is null ? new Color { Theme = 1U } : new Color { Rgb = color });
            font.Append(new FontName { Val = "Calibri" });
            font.Append(new FontFamilyNumbering { Val = 2 });
            return font;
        }

        static CellFormat Format(uint font, uint fill, uint numberFormat, bool wrap, VerticalAlignmentValues vertical) =>
            new(new Alignment { WrapText = wrap, Vertical = vertical })
            {
                FontId = font,
                FillId = fill,
                BorderId = 1U,
                NumberFormatId = numberFormat,
                FormatId = 0U,
                ApplyFont = font != 0,
                ApplyFill = fill != 0,
                ApplyBorder = true,
                ApplyNumberFormat = numberFormat != 0,
                ApplyAlignment = true,
            };

        var thin = new Color { Rgb = "FFBFBFBF" };
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164U, FormatCode = "0.0%" },
                new NumberingFormat { NumberFormatId = 165U, FormatCode = "dd/mm/yyyy" })
            { Count = 2U },
            new Fonts(Font(), Font(bold: true), Font(color: "FF1E7B34"), Font(color: "FFB3261E"), Font(color: "FF9A6200")) { Count = 5U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE3EA" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
            { Count = 3U },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder((Color)thin.CloneNode(true)) { Style = BorderStyleValues.Thin },
                    new RightBorder((Color)thin.CloneNode(true)) { Style = BorderStyleValues.Thin },
                    new TopBorder((Color)thin.CloneNode(true)) { Style = BorderStyleValues.Thin },
                    new BottomBorder((Color)thin.CloneNode(true)) { Style = BorderStyleValues.Thin },
                    new DiagonalBorder()))
            { Count = 2U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                Format(1U, 2U, 0U, wrap: true, VerticalAlignmentValues.Center),  // Header
                Format(0U, 0U, 0U, wrap: true, VerticalAlignmentValues.Top),     // Text
                Format(0U, 0U, 1U, wrap: false, VerticalAlignmentValues.Top),    // Integer ("0")
                Format(0U, 0U, 164U, wrap: false, VerticalAlignmentValues.Top),  // Percent
                Format(0U, 0U, 0U, wrap: false, VerticalAlignmentValues.Top),    // Number (General)
                Format(0U, 0U, 165U, wrap: false, VerticalAlignmentValues.Top),  // Date
                Format(1U, 0U, 0U, wrap: true, VerticalAlignmentValues.Top),     // Key
                Format(2U, 0U, 0U, wrap: true, VerticalAlignmentValues.Top),     // Good
                Format(3U, 0U, 0U, wrap: true, VerticalAlignmentValues.Top),     // Bad
                Format(4U, 0U, 0U, wrap: true, VerticalAlignmentValues.Top))     // Undecided
            { Count = 11U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }

    /// <summary>
    /// Copies the package entry by entry into a fresh zip whose entries all carry the as-of date, in the order the SDK
    /// wrote them: System.IO.Packaging stamps each entry with the current time, which would make two writes differ.
    /// </summary>
    private static void Normalize(MemoryStream package, Stream output, LocalDate asOf)
    {
        var stamp = new DateTimeOffset(Math.Clamp(asOf.Year, 1980, 2107), asOf.Month, asOf.Day, 0, 0, 0, TimeSpan.Zero);
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = stamp;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    private sealed record ColumnModel(string Header, int MaxWidth);

    /// <summary>A cell: text, or a number with its format; <see cref="Style"/> 0 means the default for its kind.</summary>
    private readonly record struct CellModel(string? Text, decimal? Number, uint Style)
    {
        public static CellModel Empty => default;

        public static CellModel Of(string text) => new(text, null, 0);

        public static CellModel Of(int number) => new(null, number, IntegerStyle);

        public static CellModel Of(decimal number) => new(null, number, NumberStyle);

        public static CellModel Of(LocalDate date) => new(null, (decimal)date.ToDateTimeUnspecified().ToOADate(), DateStyle);
    }

    private sealed class SheetModel(string name, List<ColumnModel> columns)
    {
        public string Name { get; } = name;

        public List<ColumnModel> Columns { get; } = columns;

        public List<CellModel[]> Rows { get; } = [];

        public bool HasFilter { get; init; } = true;
    }
}
