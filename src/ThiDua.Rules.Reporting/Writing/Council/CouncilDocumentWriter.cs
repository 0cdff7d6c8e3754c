using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ThiDua.Rules.Reporting.Writing.Council;

/// <summary>What the council's documents need beyond the evaluation: names the data gives and the session's particulars.</summary>
public sealed record CouncilDocumentInfo
{
    /// <summary>The issuing body (the agency the council belongs to), printed above the council's name; null leaves a dotted line.</summary>
    public string? AgencyName { get; init; }

    /// <summary>Each person's position (chức vụ) by subject id; missing positions are left blank.</summary>
    public IReadOnlyDictionary<string, string> Positions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Unit names by unit id; a unit without a name is shown by its id.</summary>
    public IReadOnlyDictionary<string, string> UnitNames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The documents' language: Vietnamese (the default: the administrative documents a council signs), or English (a
    /// translation for readers who do not read Vietnamese, e.g. a foreign-invested enterprise's board). Every word comes
    /// from the report catalog; award names in English where the rule set gives them; names, positions, units and the
    /// titles of legal documents stay as the data and the rule set write them.
    /// </summary>
    public Language Language { get; init; } = Language.Vi;
}

/// <summary>
/// Writes the council's three Word documents (design §8) in the administrative format of Nghị định 30/2020/NĐ-CP:
/// <c>danh-sach-de-nghi.docx</c> (the proposals, grouped by form, with each person's position and unit and the vote),
/// <c>to-trinh.docx</c> (the submission) and <c>bien-ban-hop.docx</c> (the minutes: members, attendance, each vote).
/// Numbers and dates the data does not give are left as dotted blanks to fill by hand. Vietnamese by default; English
/// with <see cref="CouncilDocumentInfo.Language"/> (the same layout, the catalog's English words and English number format).
/// </summary>
/// <remarks>
/// Times New Roman 13–14 pt on A4 (margins 20/15/30/20 mm as ND 30/2020 Phụ lục I); the Quốc hiệu and tiêu ngữ top right,
/// the issuing body top left, số/ký hiệu under it, place and date under the tiêu ngữ, the signature block bottom right.
/// Only proposed pairs are listed (recommended, not superseded, not rejected by the council). The same result gives the
/// same bytes: parts are written in a fixed order with fixed relationship ids, and the zip entries carry a fixed time.
/// </remarks>
public static class CouncilDocumentWriter
{
    /// <summary>The file names of the three documents, as design §8 fixes them.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["danh-sach-de-nghi.docx", "to-trinh.docx", "bien-ban-hop.docx"];

    /// <summary>Writes the proposal list.</summary>
    public static void WriteProposalList(EvaluationResult result, CouncilDocumentInfo info, Stream output) =>
        Write(output, result, Body(result, info, (s, b) => s.ProposalList(b)));

    /// <summary>Writes the submission (tờ trình).</summary>
    public static void WriteSubmission(EvaluationResult result, CouncilDocumentInfo info, Stream output) =>
        Write(output, result, Body(result, info, (s, b) => s.Submission(b)));

    /// <summary>Writes the minutes of the council's meeting (biên bản họp).</summary>
    public static void WriteMinutes(EvaluationResult result, CouncilDocumentInfo info, Stream output) =>
        Write(output, result, Body(result, info, (s, b) => s.Minutes(b)));

    /// <summary>Writes document <paramref name="fileName"/> (one of <see cref="FileNames"/>).</summary>
    public static void Write(string fileName, EvaluationResult result, CouncilDocumentInfo info, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(output);
        switch (fileName)
        {
            case "danh-sach-de-nghi.docx":
                WriteProposalList(result, info, output);
                break;
            case "to-trinh.docx":
                WriteSubmission(result, info, output);
                break;
            case "bien-ban-hop.docx":
                WriteMinutes(result, info, output);
                break;
            default:
                throw new ArgumentException("not a council document: " + fileName, nameof(fileName));
        }
    }

    private static Body Body(EvaluationResult result, CouncilDocumentInfo info, Action<Session, Body> content)
    {
        var all = result.Results(ResultInclusion.All).ToList();
        var forms = result.RuleSet.Awards.Where(a => a.Subject != SubjectKind.Individual).Concat(result.RuleSet.Awards.Where(a => a.Subject == SubjectKind.Individual)).ToList();
        var order = forms.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var proposed = all.Where(r => r.IsProposed).OrderBy(r => order[r.Award]).ThenBy(r => r.Subject, StringComparer.Ordinal).ToList();
        var voted = all.Where(r => r.Vote is not null).OrderBy(r => order[r.Award]).ThenBy(r => r.Subject, StringComparer.Ordinal).ToList();
        var body = new Body();
        content(new Session(result, info, proposed, voted, forms, info.Language), body);
        body.Append(new SectionProperties(
            new W.PageSize { Width = 11906U, Height = 16838U },
            // ND 30/2020 Phụ lục I: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 567U, Footer = 567U, Gutter = 0U }));
        return body;
    }

    /// <summary>One document being written: the evaluation, the data's names, the pairs it lists and its language.</summary>
    private sealed record Session(EvaluationResult Result, CouncilDocumentInfo Info, List<AwardResult> Proposed, List<AwardResult> Voted, List<AwardDefinition> Forms, Language Language)
    {
        private CultureInfo Culture => Language == Language.En ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("vi-VN");

        // Every word of the documents comes from the report catalog, in the documents' language.
        private string W_(string id) => ReportCatalog.Get("doc." + id, Language);

        private string F(string id, params object[] args) => ReportCatalog.Format("doc." + id, Language, args);

        private string N(decimal n) => n.ToString(n == decimal.Truncate(n) ? "#,##0" : "#,##0.#", Culture);

        private string FormName(AwardDefinition form) => form.NameIn(Language);

        public void Header(Body body, string symbol)
        {
            var agency = Info.AgencyName is { Length: > 0 } name ? name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")) : W_("dots");
            var left = new[]
            {
                Para(agency, size: 26, center: true),
                Para(W_("council"), size: 26, bold: true, center: true, underline: true),
                Para(F("number-blank", symbol), size: 26, center: true),
            };
            var right = new[]
            {
                Para(W_("national-title"), size: 24, bold: true, center: true),
                Para(W_("motto"), size: 26, bold: true, center: true, underline: true),
                Para(W_("place-date-blank"), size: 26, italic: true, center: true),
            };
            body.Append(Grid([3600, 5800], borders: false, [left, right]));
            body.Append(Para(""));
        }

        public void Signature(Body body, string? leftTitle, string rightTitle, string? onBehalf, bool seal)
        {
            var left = leftTitle is null
                ? new[] { Para(W_("recipients"), size: 24, bold: true, italic: true), Para(W_("recipient-above"), size: 22), Para(W_("recipient-file"), size: 22) }
                : new[] { Para(leftTitle, size: 26, bold: true, center: true), Para(W_("sign-note"), size: 24, italic: true, center: true), Para(""), Para(""), Para(W_("dots"), size: 26, center: true) };
            var right = new List<Paragraph>();
            if (onBehalf is not null)
            {
                right.Add(Para(onBehalf, size: 26, bold: true, center: true));
            }

            right.Add(Para(rightTitle, size: 26, bold: true, center: true));
            right.Add(Para(W_(seal ? "sign-seal-note" : "sign-note"), size: 24, italic: true, center: true));
            right.Add(Para(""));
            right.Add(Para(""));
            right.Add(Para(W_("dots"), size: 26, center: true));
            body.Append(Para(""));
            body.Append(Grid([4700, 4700], borders: false, [left, [.. right]]));
        }

        public void ProposalList(Body body)
        {
            var year = Result.Year.ToString(CultureInfo.InvariantCulture);
            Header(body, W_("list-symbol"));
            body.Append(Para(F("list-title", year), size: 28, bold: true, center: true));
            body.Append(Para(F("list-subtitle", W_("submission-symbol")), size: 26, italic: true, center: true));
            body.Append(Para(""));
            if (Proposed.Count == 0)
            {
                body.Append(Para(W_("none"), size: 26));
            }

            var number = 0;
            foreach (var form in Forms)
            {
                var rows = Proposed.Where(r => r.Award == form.Id).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                var individual = form.Subject == SubjectKind.Individual;
                body.Append(Para(F("form-heading", Roman(++number), FormName(form), N(rows.Count)), size: 26, bold: true));
                var header = individual
                    ? new[] { W_("col-no"), W_("col-name"), W_("col-position"), W_("col-unit"), W_("col-vote") }
                    : new[] { W_("col-no"), W_("col-collective"), W_("col-parent"), W_("col-vote") };
                var table = new List<string[]> { header };
                var i = 0;
                foreach (var r in rows)
                {
                    var vote = VoteCell(r);
                    table.Add(individual
                        ? [N(++i), r.SubjectName ?? r.Subject, Position(r.Subject), UnitName(r.Unit), vote]
                        : [N(++i), r.SubjectName ?? r.Subject, UnitName(r.Unit), vote]);
                }

                body.Append(Table(individual ? [700, 2600, 2100, 2400, 1600] : [700, 4000, 3000, 1700], table));
                if (BonusTotal.Of(rows, [form]) is [var bonus])
                {
                    body.Append(Para(bonus.Amount is { } amount
                        ? F("bonus-line", N(bonus.Multiple), N(bonus.TotalMultiple), N(amount))
                        : F("bonus-line-multiple", N(bonus.Multiple), N(bonus.TotalMultiple)), size: 26, italic: true));
                }

                body.Append(Para(""));
            }

            Signature(body, null, W_("chair"), W_("on-behalf"), seal: true);
        }

        public void Submission(Body body)
        {
            var year = Result.Year.ToString(CultureInfo.InvariantCulture);
            Header(body, W_("submission-symbol"));
            body.Append(Para(W_("submission"), size: 28, bold: true, center: true));
            body.Append(Para(F("submission-about", year), size: 28, bold: true, center: true));
            body.Append(Para(W_("submission-to-blank"), size: 28, center: true));
            body.Append(Para(""));
            foreach (var document in Result.RuleSet.Basis)
            {
                body.Append(Para(F("basis-line", document.Title), size: 28, italic: true, indent: true));
            }

            body.Append(Para(Voted.Count > 0 ? W_("basis-meeting") : W_("basis-meeting-no-votes"), size: 28, italic: true, indent: true));
            var collectives = Proposed.Count(r => r.SubjectKind != SubjectKind.Individual);
            var people = Proposed.Count - collectives;
            var agency = Info.AgencyName ?? "";
            body.Append(Para(F("submission-body", agency, N(collectives), N(people), year).Replace("  ", " ", StringComparison.Ordinal), size: 28, indent: true, justify: true));
            foreach (var form in Forms)
            {
                var rows = Proposed.Where(r => r.Award == form.Id).ToList();
                if (rows.Count > 0)
                {
                    var c = rows.Count(r => r.SubjectKind != SubjectKind.Individual);
                    body.Append(Para(F("submission-form", FormName(form), N(c), N(rows.Count - c)), size: 28, indent: true));
                }
            }

            body.Append(Para(W_("submission-attached"), size: 28, italic: true, indent: true));
            body.Append(Para(W_("submission-closing"), size: 28, indent: true));
            Signature(body, null, W_("chair"), W_("on-behalf"), seal: true);
        }

        public void Minutes(Body body)
        {
            var year = Result.Year.ToString(CultureInfo.InvariantCulture);
            Header(body, W_("minutes-symbol"));
            body.Append(Para(W_("minutes"), size: 28, bold: true, center: true));
            body.Append(Para(F("minutes-about", year), size: 28, bold: true, center: true));
            body.Append(Para(""));
            body.Append(Para(W_("minutes-time"), size: 28, indent: true));
            body.Append(Para(W_("minutes-place"), size: 28, indent: true));
            var members = Voted.Select(r => r.Vote!.Members).Distinct().ToList();
            body.Append(Para(members.Count == 1 ? F("minutes-members", N(members[0])) : W_("minutes-members-blank"), size: 28, indent: true));
            body.Append(Para(W_("minutes-chair"), size: 28, indent: true));
            body.Append(Para(F("minutes-content", year), size: 28, indent: true));
            body.Append(Para(W_("minutes-results"), size: 28, bold: true, indent: true));
            if (Voted.Count == 0)
            {
                body.Append(Para(W_("minutes-no-votes"), size: 28, italic: true, indent: true));
            }
            else
            {
                var table = new List<string[]> { new[] { W_("col-no"), W_("col-name"), W_("col-position"), W_("col-unit"), W_("col-award"), W_("col-yes"), W_("col-share"), W_("col-result") } };
                var i = 0;
                foreach (var r in Voted)
                {
                    var vote = r.Vote!;
                    table.Add([N(++i), r.SubjectName ?? r.Subject, Position(r.Subject), UnitName(r.SubjectKind == SubjectKind.Individual ? r.Unit : r.Unit ?? r.Subject), r.NameIn(Language),
                        N(vote.Yes) + "/" + N(vote.Members), Percent((decimal)vote.Yes / vote.Members) + (r.CouncilShare is { } share ? " (≥ " + Percent(share) + ")" : ""),
                        r.Council switch { CouncilDecision.Approved => W_("approved"), CouncilDecision.NotApproved => W_("not-approved"), _ => W_("not-judged") }]);
                }

                body.Append(Table([500, 1700, 1300, 1300, 1600, 1000, 1100, 1100], table));
                body.Append(Para(W_("minutes-rule"), size: 24, italic: true));
            }

            var disagreements = Result.Results(ResultInclusion.Decided).Where(r => r.ProposalCheck is not null).ToList();
            if (disagreements.Count > 0)
            {
                body.Append(Para(F("minutes-proposals", N(disagreements.Count(r => r.ProposalCheck == ProposalCheck.ProposedNotEligible)),
                    N(disagreements.Count(r => r.ProposalCheck == ProposalCheck.EligibleNotProposed))), size: 28, indent: true, justify: true));
                foreach (var r in disagreements)
                {
                    body.Append(Para(F("minutes-proposal-line", r.SubjectName ?? r.Subject, UnitName(r.Unit), r.NameIn(Language),
                        ReportCatalog.Get(ReportCatalog.ProposalKey(r.ProposalCheck!.Value), Language)), size: 26, indent: true));
                }
            }

            body.Append(Para(F("minutes-conclusion", N(Proposed.Count)), size: 28, indent: true, justify: true));
            body.Append(Para(W_("minutes-end"), size: 28, indent: true, justify: true));
            Signature(body, W_("secretary"), W_("chair"), null, seal: false);
        }

        private string VoteCell(AwardResult r) => r.Vote is { } vote
            ? F("vote-cell", N(vote.Yes), N(vote.Members), Percent((decimal)vote.Yes / vote.Members))
            : "";

        private string Percent(decimal share) => N(Math.Round(share * 100m, 1, MidpointRounding.AwayFromZero)) + "%";

        private string Position(string subject) => Info.Positions.TryGetValue(subject, out var p) ? p : "";

        private string UnitName(string? unit) => unit is null ? "" : Info.UnitNames.TryGetValue(unit, out var n) && n.Length > 0 ? n : unit;

        private static string Roman(int n) => n switch
        {
            1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", 10 => "X",
            11 => "XI", 12 => "XII", _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static Paragraph Para(string text, int size = 26, bool bold = false, bool italic = false, bool center = false, bool underline = false, bool indent = false, bool justify = false)
    {
        var runProperties = new RunProperties(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        if (italic)
        {
            runProperties.Append(new Italic());
        }

        if (underline)
        {
            runProperties.Append(new Underline { Val = UnderlineValues.Single });
        }

        runProperties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "60", Line = "288", LineRule = LineSpacingRuleValues.Auto });
        if (indent)
        {
            properties.Append(new Indentation { FirstLine = "567" });
        }

        properties.Append(new Justification { Val = center ? JustificationValues.Center : justify ? JustificationValues.Both : JustificationValues.Left });
        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A table of text cells, the first row a bold header repeated on each page; thin borders.</summary>
    private static W.Table Table(int[] widths, List<string[]> rows)
    {
        var table = new W.Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U }, new BottomBorder { Val = BorderValues.Single, Size = 4U },
                new LeftBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new TableRow();
            if (r == 0)
            {
                row.Append(new TableRowProperties(new TableHeader()));
            }

            for (var c = 0; c < widths.Length; c++)
            {
                row.Append(new TableCell(
                    new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                    Para(c < rows[r].Length ? rows[r][c] : "", size: 24, bold: r == 0, center: r == 0 || c == 0)));
            }

            table.Append(row);
        }

        return table;
    }

    /// <summary>A layout grid without borders (the two-column header and the signature block).</summary>
    private static W.Table Grid(int[] widths, bool borders, Paragraph[][] columns)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        _ = borders;
        var table = new W.Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed }, none));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var row = new TableRow();
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            cell.Append(columns[c].Length > 0 ? columns[c] : [Para("")]);
            row.Append(cell);
        }

        table.Append(row);
        return table;
    }

    /// <summary>The package: one main part with a fixed relationship id, written to memory, then zipped again with a fixed time.</summary>
    private static void Write(Stream output, EvaluationResult result, Body body)
    {
        using var package = new MemoryStream();
        using (var document = WordprocessingDocument.Create(package, WordprocessingDocumentType.Document))
        {
            // An explicit relationship id: the SDK's generated ones are random, which would break byte-identical output.
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            main.Document = new Document(body);
            main.Document.Save();
        }

        var asOf = result.AsOf;
        var stamp = new DateTimeOffset(Math.Clamp(asOf.Year, 1980, 2107), asOf.Month, asOf.Day, 0, 0, 0, TimeSpan.Zero);
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = stamp;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
