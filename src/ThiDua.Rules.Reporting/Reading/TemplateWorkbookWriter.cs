using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// Writes the blank workbook a clerk fills in for a rule set (<c>thidua template</c>): a sheet <c>Cá nhân</c> and a
/// sheet <c>Đơn vị</c> with a column for every built-in field the subject schema declares and every fact the rule set
/// declares, under the Vietnamese headers <see cref="XlsxSubjectReader"/> recognises, with drop-down lists (ratings,
/// employee types, yes/no facts, discipline levels, unit kinds, the units of the units sheet), number and date formats,
/// the history of the five years before the evaluated one, an information sheet (year, as-of date, agency) and an
/// instructions sheet, in Vietnamese (the help and instructions in English with <see cref="Language.En"/>; the sheet
/// names and headers are the reader's and stay Vietnamese). A filled template is read without a warning.
/// </summary>
/// <remarks>The bytes depend only on the rule set, the as-of date and the language (fixed ids and zip timestamps,
/// declaration order); the words come from <see cref="ReportCatalog"/>.</remarks>
internal static class TemplateWorkbookWriter
{
    /// <summary>How many past years get a rating and an awards column (the longest streak of the national packs is 5).</summary>
    public const int HistoryYears = 5;

    /// <summary>The rows data validations and formats cover (a sheet may hold more; those are still read).</summary>
    private const int Rows = 2000;

    private const uint TextStyle = 3;
    private const uint NumberStyle = 4;

    /// <summary>One column of the template: its header, how its cells are checked, and the instruction line for it.</summary>
    private sealed record TemplateColumn(string Header, string Help, string? List = null, (decimal Min, decimal Max)? Range = null, bool Date = false, bool Text = false);

    /// <summary>Writes the template of <paramref name="ruleSet"/> for the evaluated <paramref name="asOf"/> date's year.</summary>
    public static void Write(RuleSet ruleSet, LocalDate asOf, Stream output, Language language = Language.Vi)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(output);
        var year = asOf.Year;
        var ratings = ruleSet.Scales.FirstOrDefault(s => s.Id == "rating") is { } scale ? scale.Levels.Reverse().Select(l => l.Id).ToArray() : ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];
        var individuals = Columns(true, ruleSet, year, ratings, language);
        var units = Columns(false, ruleSet, year, ratings, language);

        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var strings = new SampleWorkbookWriter.SharedStrings();
            workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = Styles();

            var sheets = new List<(string Name, Worksheet Sheet)>
            {
                (XlsxSubjectReader.IndividualSheetNames[0], Table(individuals, strings, selected: true, language)),
                (XlsxSubjectReader.UnitSheetNames[0], Table(units, strings, selected: false, language)),
                (XlsxSubjectReader.InfoSheetNames[0], Plain(
                    [[ColumnMap.Definition(ColumnField.Year).Headers[0], (decimal)year], [ColumnMap.Definition(ColumnField.AsOf).Headers[0], asOf], [W(language, "template.agency"), null], [W(language, "template.rule-set"), ruleSet.Name]],
                    strings)),
                (XlsxSubjectReader.NotesSheetNames[0], Plain(Instructions(ruleSet, year, individuals, units, language), strings)),
            };

            var sheetList = new Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var id = "rIdSheet" + (i + 1).ToString(CultureInfo.InvariantCulture);
                workbookPart.AddNewPart<WorksheetPart>(id).Worksheet = sheets[i].Sheet;
                sheetList.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = id });
            }

            workbookPart.Workbook.Append(new BookViews(new WorkbookView()), sheetList);
            workbookPart.AddNewPart<SharedStringTablePart>("rIdStrings").SharedStringTable = strings.Table();
        }

        SampleWorkbookWriter.Normalize(package, output);
    }

    /// <summary>The columns of one sheet: the schema's fields with headers, the discipline (individuals), the rule set's
    /// facts, then a rating and an awards column for each of the <see cref="HistoryYears"/> past years.</summary>
    private static List<TemplateColumn> Columns(bool individual, RuleSet ruleSet, int year, string[] ratings, Language language)
    {
        var evaluated = year.ToString(CultureInfo.InvariantCulture);
        var columns = new List<TemplateColumn>();
        foreach (var field in SubjectSchema.Of(individual).Where(f => !f.Headers.IsDefaultOrEmpty))
        {
            columns.Add(field.Name switch
            {
                "id" => new(field.Headers[0], W(language, individual ? "template.help-id-individual" : "template.help-id-unit"), Text: true),
                "unit" => new(field.Headers[0], W(language, "template.help-unit"), List: "'" + XlsxSubjectReader.UnitSheetNames[0] + "'!$A$2:$A$" + Rows.ToString(CultureInfo.InvariantCulture)),
                "parent" => new(field.Headers[0], W(language, "template.help-parent"), Text: true),
                "rating" => new(field.Headers[0], W(language, "template.help-rating", [evaluated, string.Join(", ", ratings)]), List: Quoted(ratings)),
                "employeeType" => new(field.Headers[0], W(language, "template.help-employee-type"), List: Quoted(["Công chức", "Viên chức", "Người lao động"])),
                "kind" => new(field.Headers[0], W(language, "template.help-kind"), List: Quoted(["Đơn vị", "Doanh nghiệp"])),
                "pendingReview" => new(field.Headers[0], W(language, "template.help-pending-review"), List: Quoted(["có", "không"])),
                "initiatives" or "researchWorks" => new(field.Headers[0], W(language, "template.help-works")),
                _ => field.Type switch
                {
                    SubjectValueType.Date => new(field.Headers[0], W(language, "template.help-date"), Date: true),
                    SubjectValueType.Number => new(field.Headers[0], W(language, "template.help-number", [(field.Minimum ?? 0).ToString(CultureInfo.InvariantCulture), field.Maximum?.ToString(CultureInfo.InvariantCulture)]), Range: (field.Minimum ?? 0, field.Maximum ?? decimal.MaxValue)),
                    SubjectValueType.YesNo => new(field.Headers[0], W(language, "template.help-yes-no"), List: Quoted(["có", "không"])),
                    _ => new(field.Headers[0], W(language, "template.help-text"), Text: true),
                },
            });
        }

        if (individual)
        {
            columns.Add(new(ColumnMap.Definition(ColumnField.DisciplineLevel).Headers[0], W(language, "template.help-discipline"),
                List: Quoted(["Khiển trách", "Cảnh cáo", "Hạ bậc lương", "Giáng chức", "Cách chức", "Buộc thôi việc"])));
            columns.Add(new(ColumnMap.Definition(ColumnField.DisciplineDate).Headers[0], W(language, "template.help-discipline-date"), Date: true));
            columns.Add(new(ColumnMap.Definition(ColumnField.DisciplineEndDate).Headers[0], W(language, "template.help-discipline-end"), Date: true));
        }

        var subject = individual ? SubjectKind.Individual : SubjectKind.Unit;
        foreach (var fact in ruleSet.Facts.Where(f => f.Subject == subject || (!individual && f.Subject == SubjectKind.Enterprise)).DistinctBy(f => f.Id))
        {
            var standard = SubjectSchema.StandardFacts.FirstOrDefault(s => s.Id == fact.Id && s.ForIndividuals == individual);
            var header = standard?.Headers[0] ?? (fact.Label is { Length: > 0 } label ? $"{label} ({fact.Id})" : fact.Id);
            var help = fact.Label ?? fact.Id;
            columns.Add(fact.Type switch
            {
                ValueKind.Bool => new(header, W(language, "template.help-fact-yes-no", [help]), List: Quoted(["có", "không"])),
                ValueKind.Number => new(header, W(language, "template.help-fact-number", [help]), Range: (decimal.MinValue, decimal.MaxValue)),
                ValueKind.Date => new(header, W(language, "template.help-fact-date", [help]), Date: true),
                ValueKind.Scale when fact.Scale is { } id && ruleSet.Scales.FirstOrDefault(s => s.Id == id) is { } levels
                    => new(header, W(language, "template.help-fact-scale", [help, string.Join(", ", levels.Levels.Reverse().Select(l => l.Id))]), List: Quoted([.. levels.Levels.Reverse().Select(l => l.Id)])),
                _ => new(header, help, Text: true),
            });
        }

        for (var y = year - 1; y >= year - HistoryYears; y--)
        {
            var text = y.ToString(CultureInfo.InvariantCulture);
            columns.Add(new(ColumnMap.HistoryRatingPrefixes[1] + " " + text, W(language, "template.help-history-rating", [text, string.Join(", ", ratings)]), List: Quoted(ratings)));
            columns.Add(new(ColumnMap.HistoryAwardPrefixes[1] + " " + text, W(language, "template.help-history-awards", [text])));
        }

        return columns;
    }

    private static string W(Language language, string key, params object?[] args) => ReportCatalog.Format(key, language, args);

    private static string Quoted(IEnumerable<string> values) => "\"" + string.Join(",", values) + "\"";

    /// <summary>A table sheet: the header row, frozen; each column's format and check over <see cref="Rows"/> rows.</summary>
    private static Worksheet Table(List<TemplateColumn> columns, SampleWorkbookWriter.SharedStrings strings, bool selected, Language language)
    {
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < columns.Count; c++)
        {
            header.Append(SampleWorkbookWriter.Cell(columns[c].Header, CellReference.Format(c, 1), strings, header: true)!);
        }

        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        view.Append(new Pane { HorizontalSplit = 1, VerticalSplit = 1, TopLeftCell = "B2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen });
        var widths = new Columns();
        for (var c = 0; c < columns.Count; c++)
        {
            var style = columns[c] switch
            {
                { Date: true } => SampleWorkbookWriter.DateStyle,
                { Text: true } => TextStyle,
                { Range: not null } => NumberStyle,
                _ => 0u,
            };
            var column = new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(columns[c].Header.Length + 2, 12, 40), CustomWidth = true };
            if (style != 0)
            {
                column.Style = style;
            }

            widths.Append(column);
        }

        var validations = new DataValidations();
        for (var c = 0; c < columns.Count; c++)
        {
            if (Validation(columns[c], CellReference.Letters(c), language) is { } validation)
            {
                validations.Append(validation);
            }
        }

        validations.Count = (uint)validations.ChildElements.Count;
        var worksheet = new Worksheet(new SheetViews(view), widths, new SheetData(header));
        if (validations.Count > 0)
        {
            worksheet.Append(validations);
        }

        return worksheet;
    }

    private static DataValidation? Validation(TemplateColumn column, string letters, Language language)
    {
        var range = new ListValue<StringValue> { InnerText = $"{letters}2:{letters}{Rows.ToString(CultureInfo.InvariantCulture)}" };
        if (column.List is { } list)
        {
            return new DataValidation(new Formula1(list))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true,
                SequenceOfReferences = range, ErrorTitle = W(language, "template.invalid-value"), Error = W(language, "template.choose-from-list"),
                PromptTitle = Short(column.Header), Prompt = Short(column.Help),
            };
        }

        if (column.Range is { } bounds && bounds.Max != decimal.MaxValue)
        {
            return new DataValidation(
                new Formula1(bounds.Min.ToString(CultureInfo.InvariantCulture)), new Formula2(bounds.Max.ToString(CultureInfo.InvariantCulture)))
            {
                Type = DataValidationValues.Decimal, Operator = DataValidationOperatorValues.Between, AllowBlank = true, ShowErrorMessage = true,
                ShowInputMessage = true, SequenceOfReferences = range, ErrorTitle = W(language, "template.invalid-value"),
                Error = W(language, "template.enter-number", [bounds.Min.ToString(CultureInfo.InvariantCulture), bounds.Max.ToString(CultureInfo.InvariantCulture)]),
                PromptTitle = Short(column.Header), Prompt = Short(column.Help),
            };
        }

        if (column.Date)
        {
            // 01/01/1900 to 31/12/9999: any date, but not text that only looks like one.
            return new DataValidation(new Formula1("1"), new Formula2("2958465"))
            {
                Type = DataValidationValues.Date, Operator = DataValidationOperatorValues.Between, AllowBlank = true, ShowErrorMessage = true,
                ShowInputMessage = true, SequenceOfReferences = range, ErrorTitle = W(language, "template.invalid-date"), Error = W(language, "template.enter-date"),
                PromptTitle = Short(column.Header), Prompt = Short(column.Help),
            };
        }

        return null;
    }

    // Excel refuses a prompt title over 32 characters and a prompt over 255.
    private static string Short(string text) => text.Length <= 32 && !text.Contains('\n') ? text : text.Length <= 255 ? text : text[..254] + "…";

    /// <summary>A sheet of label/value rows (information, instructions); a date value is written as an Excel date.</summary>
    private static Worksheet Plain(List<object?[]> rows, SampleWorkbookWriter.SharedStrings strings)
    {
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (SampleWorkbookWriter.Cell(rows[r][c], CellReference.Format(c, r + 1), strings, header: false) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        return new Worksheet(
            new SheetViews(new SheetView { WorkbookViewId = 0 }),
            new Columns(new Column { Min = 1, Max = 1, Width = 28, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 100, CustomWidth = true }),
            data);
    }

    private static List<object?[]> Instructions(RuleSet ruleSet, int year, List<TemplateColumn> individuals, List<TemplateColumn> units, Language language)
    {
        var rows = new List<object?[]>
        {
            new object?[] { W(language, "template.instructions-title"), null },
            new object?[] { W(language, "template.rule-set"), ruleSet.Name + " (" + ruleSet.Id + ")" },
            new object?[] { W(language, "template.how-to-use"), W(language, "template.how-to-use-text", [year.ToString(CultureInfo.InvariantCulture)]) },
            new object?[] { W(language, "template.checking"), W(language, "template.check-command") },
            new object?[] { null, null },
            new object?[] { W(language, "template.sheet-individuals"), null },
        };
        rows.AddRange(individuals.Select(c => new object?[] { c.Header, c.Help }));
        rows.Add([null, null]);
        rows.Add([W(language, "template.sheet-units"), null]);
        rows.AddRange(units.Select(c => new object?[] { c.Header, c.Help }));
        return rows;
    }

    /// <summary>The sample writer's styles and two more: 3 text (<c>@</c>, so that ids such as 001 keep their zeros), 4 number.</summary>
    private static Stylesheet Styles()
    {
        var styles = SampleWorkbookWriter.Styles();
        var formats = styles.CellFormats!;
        formats.Append(new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        formats.Append(new CellFormat { NumberFormatId = 2, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        formats.Count = (uint)formats.ChildElements.Count;
        return styles;
    }
}
