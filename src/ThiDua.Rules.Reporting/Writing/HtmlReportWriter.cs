using System.Globalization;
using System.Text;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Reporting.Writing;

/// <summary>
/// Writes the printable report that a council reads: one self-contained HTML file, Vietnamese by default, laid out
/// for A4.
/// </summary>
/// <remarks>
/// <para>
/// Contents, in order: the title (<c>Báo cáo xét thi đua, khen thưởng năm …</c>), the rule set (name, id, version
/// and the base it extends) and the as-of date; I. a summary per award (the count of each outcome) and per unit (the
/// recommendations per award); II. the nomination list as councils present it (collective awards, then individual
/// ones; within an award by unit in organisation order, then rank and name), with those eligible but over the quota
/// after each award; III. <c>Không đủ điều kiện</c>: every "no" with each reason and its legal basis; IV.
/// <c>Chưa đủ dữ liệu</c>: the undecided criteria and the missing values; V. the plan targets, each with its status
/// and a bar (the share reached, or the actual value against the requirement; text only for yes/no, levels and
/// dates); VI. scores, when the rule set has a scoring table; warnings about the data; a footer.
/// </para>
/// <para>
/// Self-contained: inline CSS, no scripts, no fonts, images or links to fetch. Printing: <c>@page</c> A4 with 15 mm
/// margins, page numbers, each main section on a new page, table headers repeated and rows never split. Every text
/// from the rules or the data is HTML-escaped. The same result always gives the same text (LF line ends, no clock,
/// explicit cultures).
/// </para>
/// </remarks>
public static class HtmlReportWriter
{
    /// <summary>Writes the report for <paramref name="result"/>; the writer is flushed, not closed.</summary>
    /// <param name="result">The evaluation to report.</param>
    /// <param name="output">Where to write the HTML (UTF-8 is declared in the document, so write it as UTF-8).</param>
    /// <param name="include">Which pairs to list; with <see cref="ResultInclusion.Decided"/> the "no" list leaves out those that fail only a prerequisite award.</param>
    /// <param name="language">Vietnamese (default) or English.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="output"/> is null.</exception>
    public static void Write(EvaluationResult result, TextWriter output, ResultInclusion include = ResultInclusion.Decided, Language language = Language.Vi)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        new Report(new ReportContext(result, include, language), output).Write();
        output.Flush();
    }

    /// <summary>Escapes text for HTML content and attribute values, dropping characters HTML cannot carry.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        text = XlsxResultWriter.XmlSafe(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            builder.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A CSS string literal; everything but letters, digits and spaces is escaped, so no text can end the style sheet.</summary>
    internal static string CssString(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var ch in XlsxResultWriter.XmlSafe(text))
        {
            if (char.IsLetterOrDigit(ch) || ch == ' ' || ch == '.' || ch == ',' || ch == '-' || ch == '/' || ch == ':' || ch == '(' || ch == ')')
            {
                builder.Append(ch);
            }
            else
            {
                builder.Append('\\').Append(((int)ch).ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>One write: the context, the writer and the section numbering.</summary>
    private sealed class Report(ReportContext c, TextWriter w)
    {
        private static readonly Outcome[] Outcomes = [Outcome.Recommended, Outcome.EligibleOverQuota, Outcome.InsufficientData, Outcome.NotEligible];
        private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
        private int _section;

        private bool En => c.English;

        private string W(string key) => c.Word(key);

        private string W(string key, params object?[] args) => c.Word(key, args);

        private void Line(string html) => w.Write(html + "\n");

        private string N(int n) => c.Renderer.Format(new ExplainedValue((decimal)n));

        private string Date(NodaTime.LocalDate date) => c.Renderer.Format(new ExplainedValue(date));

        private string Title => W("report.html-title", c.Result.Year.ToString(CultureInfo.InvariantCulture));

        public void Write()
        {
            Line("<!DOCTYPE html>");
            Line($"<html lang=\"{(En ? "en" : "vi")}\">");
            Line("<head>");
            Line("<meta charset=\"utf-8\">");
            Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            Line("<meta name=\"generator\" content=\"ThiDua.Rules\">");
            Line($"<title>{Escape(Title)}</title>");
            Line("<style>");
            // The style sheet is a raw literal: its line ends are the source file's, so pin them to LF like the rest.
            w.Write(Css.ReplaceLineEndings("\n"));
            Line(PageCss());
            Line("</style>");
            Line("</head>");
            Line("<body>");
            Line("<main class=\"report\">");
            Masthead();
            Summary();
            Nominations();
            ProposalCheck();
            if (c.Include == ResultInclusion.All)
            {
                NotEligible();
            }
            else
            {
                NearMisses();
            }

            Insufficient();
            Targets();
            Scores();
            Warnings();
            Footer();
            Line("</main>");
            Line("</body>");
            Line("</html>");
        }

        /// <summary>The print footer of every page: the rule set version and the as-of date on the left, the page number on the right.</summary>
        private string PageCss()
        {
            var left = c.Result.RuleSet.Id + " " + c.Result.RuleSet.Version + " · " + W("report.footer-as-of") + Date(c.Result.AsOf);
            return "@page { @bottom-left { content: " + CssString(left) + "; } @bottom-right { content: " + CssString(W("report.page")) +
                " counter(page) \" / \" counter(pages); } }";
        }

        private void Masthead()
        {
            var rules = c.Result.RuleSet;
            Line("<header class=\"masthead\">");
            Line("<div class=\"issuer\">");
            Line($"<div class=\"agency\">{Escape(c.AgencyName ?? W("report.council"))}</div>");
            Line($"<div class=\"dateline\">{Escape(W("report.data-of"))}{Escape(c.Result.Year.ToString(CultureInfo.InvariantCulture))}{Escape(W("report.masthead-as-of"))}{Escape(Date(c.Result.AsOf))}</div>");
            Line("</div>");
            Line($"<h1>{Escape(Title)}</h1>");
            Line($"<p class=\"subtitle\">{Escape(W("report.subtitle"))}</p>");
            Line("<table class=\"meta\">");
            Meta(W("report.rule-set"), Escape(rules.Name));
            Meta(W("report.id-version"), $"<span class=\"code\">{Escape(rules.Id)}</span> · {W("report.version")} <strong class=\"version\">{Escape(rules.Version)}</strong>");
            if (rules.Base is { } b)
            {
                Meta(W("report.based-on"), $"<span class=\"code\">{Escape(b.Id)}</span> · {W("report.version")} <strong>{Escape(b.Version)}</strong>");
            }

            Meta(W("report.year"), Escape(c.Result.Year.ToString(CultureInfo.InvariantCulture)));
            Meta(W("report.as-of"), $"<strong class=\"as-of\">{Escape(Date(c.Result.AsOf))}</strong>");
            Meta(W("report.listed"), Escape(c.Include == ResultInclusion.All
                ? W("report.listed-all")
                : W("report.listed-decided")));
            Line("</table>");
            Line("</header>");
        }

        private void Meta(string key, string valueHtml) => Line($"<tr><th>{Escape(key)}</th><td>{valueHtml}</td></tr>");

        private void SectionStart(string id, string title)
        {
            Line($"<section id=\"{id}\">");
            Line($"<h2><span class=\"no\">{Roman[Math.Min(_section++, Roman.Length - 1)]}.</span> {Escape(title)}</h2>");
        }

        private void SectionEnd() => Line("</section>");

        private void Empty(string text) => Line($"<p class=\"empty\">{Escape(text)}</p>");

        private int Count(string award, Outcome outcome) => c.Results.Count(r => r.Award == award && r.Outcome == outcome);

        /// <summary>The short outcome names of the report's headings (the XLSX sheet names), not the longer explanation words.</summary>
        private string OutcomeLabel(Outcome outcome) => outcome switch
        {
            Outcome.Recommended => W("report.recommended"),
            Outcome.EligibleOverQuota => W("report.over-quota"),
            Outcome.InsufficientData => W("report.insufficient-data"),
            _ => W("report.not-eligible"),
        };

        private void Summary()
        {
            SectionStart("tong-hop", W("report.summary"));
            Line("<div class=\"kpis\">");
            foreach (var outcome in Outcomes)
            {
                Line($"<div class=\"kpi {OutcomeClass(outcome)}\"><span class=\"value\">{N(c.Results.Count(r => r.Outcome == outcome))}</span><span class=\"label\">{Escape(OutcomeLabel(outcome))}</span></div>");
            }

            if (c.Targets.Length > 0)
            {
                var reached = c.Targets.Count(t => t.Status == CriterionStatus.Pass);
                Line($"<div class=\"kpi targets\"><span class=\"value\">{N(reached)}/{N(c.Targets.Length)}</span><span class=\"label\">{Escape(W("report.targets-reached"))}</span></div>");
            }

            Line("</div>");

            Line($"<h3>1. {Escape(W("report.by-award"))}</h3>");
            Line("<table class=\"summary-awards\">");
            Line("<thead><tr>" +
                $"<th class=\"num stt\">{Escape(W("report.number"))}</th><th>{Escape(W("report.award"))}</th><th>{Escape(W("report.for"))}</th>" +
                string.Concat(Outcomes.Select(o => $"<th class=\"num\">{Escape(OutcomeLabel(o))}</th>")) +
                $"<th class=\"num\">{Escape(W("report.total"))}</th></tr></thead>");
            Line("<tbody>");
            var number = 0;
            foreach (var award in c.Awards)
            {
                var counts = Outcomes.Select(o => Count(award.Id, o)).ToList();
                Line($"<tr><td class=\"num\">({N(++number)})</td><td>{Escape(c.AwardName(award))}</td><td class=\"kind\">{Escape(c.SubjectKindLabel(award.Subject))}</td>" +
                    string.Concat(counts.Select((n, i) => CountCell(n, i == 0))) + CountCell(counts.Sum(), strong: false, total: true) + "</tr>");
            }

            Line("</tbody>");
            Line("<tfoot><tr><td></td><th colspan=\"2\">" + Escape(W("report.sum")) + "</th>" +
                string.Concat(Outcomes.Select((o, i) => CountCell(c.Results.Count(r => r.Outcome == o), i == 0))) + CountCell(c.Results.Length, strong: false, total: true) + "</tr></tfoot>");
            Line("</table>");
            if (c.Include == ResultInclusion.Decided)
            {
                Line($"<p class=\"note\">{Escape(W("report.note-prerequisite"))}</p>");
            }

            UnitSummary();
            SectionEnd();
        }

        private string CountCell(int n, bool strong, bool total = false) =>
            n == 0
                ? $"<td class=\"num zero{(total ? " total" : "")}\">–</td>"
                : $"<td class=\"num{(strong ? " strong" : "")}{(total ? " total" : "")}\">{N(n)}</td>";

        private void UnitSummary()
        {
            Line($"<h3>2. {Escape(W("report.recommendations-by-unit"))}</h3>");
            var units = c.Units.ToList();
            if (units.Count == 0)
            {
                Empty(W("report.the-data-has-no-units"));
                return;
            }

            // Columns are the awards by their number in table 1, so that a dozen awards fit an A4 page; awards that
            // nobody is recommended for would be columns of dashes and are left out.
            var awards = c.Awards.Select((a, i) => (Award: a, Number: i + 1))
                .Where(a => c.Results.Any(r => r.Award == a.Award.Id && r.IsProposed)).ToList();
            if (awards.Count == 0)
            {
                Empty(W("report.nobody-is-recommended"));
                return;
            }

            var recommended = c.Results.Where(r => r.IsProposed)
                .GroupBy(r => (Unit: ReportContext.OwnUnit(r) ?? "", r.Award))
                .ToDictionary(g => g.Key, g => g.Count());
            int Recommended(string unit, string award) => recommended.TryGetValue((unit, award), out var n) ? n : 0;

            Line("<table class=\"summary-units\">");
            Line($"<thead><tr><th>{Escape(W("report.unit"))}</th>" +
                string.Concat(awards.Select(a => $"<th class=\"num\" title=\"{Escape(c.AwardName(a.Award))}\">({N(a.Number)})</th>")) +
                $"<th class=\"num\">{Escape(W("report.sum"))}</th></tr></thead>");
            Line("<tbody>");
            foreach (var unit in units)
            {
                var counts = awards.Select(a => Recommended(unit, a.Award.Id)).ToList();
                var depth = Math.Min(c.UnitDepth(unit), 4);
                Line($"<tr><td class=\"unit depth-{depth}\">{Escape(c.UnitName(unit))}</td>" +
                    string.Concat(counts.Select(n => CountCell(n, strong: false))) + CountCell(counts.Sum(), strong: true, total: true) + "</tr>");
            }

            Line("</tbody>");
            Line("<tfoot><tr><th>" + Escape(W("report.sum")) + "</th>" +
                string.Concat(awards.Select(a => CountCell(units.Sum(u => Recommended(u, a.Award.Id)), strong: false))) +
                CountCell(units.Sum(u => awards.Sum(a => Recommended(u, a.Award.Id))), strong: true, total: true) + "</tr></tfoot>");
            Line("</table>");
            Line($"<p class=\"note\">{Escape(W("report.note-unit-columns"))}</p>");
        }

        private void Nominations()
        {
            SectionStart("de-nghi", W("report.nominations"));
            var parts = new[]
            {
                (Title: W("report.a-collective-awards"), Awards: c.CouncilOrder.Where(a => a.Subject != SubjectKind.Individual).ToList()),
                (Title: W("report.b-individual-awards"), Awards: c.CouncilOrder.Where(a => a.Subject == SubjectKind.Individual).ToList()),
            };
            foreach (var (title, awards) in parts.Where(p => p.Awards.Count > 0))
            {
                Line($"<h3 class=\"part\">{Escape(title)}</h3>");
                var number = 0;
                foreach (var award in awards)
                {
                    var recommended = c.Results.Where(r => r.Award == award.Id && r.IsProposed).ToList();
                    var superseded = c.Results.Where(r => r.Award == award.Id && r.SupersededBy is not null).ToList();
                    var over = c.Results.Where(r => r.Award == award.Id && r.Outcome == Outcome.EligibleOverQuota).ToList();
                    Line("<div class=\"award\">");
                    Line($"<h4><span class=\"no\">{N(++number)}.</span> {Escape(c.AwardName(award))} <span class=\"badge\">{N(recommended.Count)} {Escape(W("report.badge-recommended"))}</span></h4>");
                    Line($"<p class=\"basis\">{Escape(W("report.basis-prefix"))}{Escape(award.Basis)}</p>");
                    if (recommended.Count == 0)
                    {
                        Empty(W("report.none-recommended"));
                    }
                    else
                    {
                        SubjectTable(award, recommended, showRank: award.Quota is not null && recommended.Any(r => r.Rank is not null), reasons: false);
                    }

                    if (superseded.Count > 0)
                    {
                        Line($"<p class=\"subhead\">{Escape(W("report.superseded-line"))}" +
                            string.Join(", ", superseded.OrderBy(r => r.Subject, StringComparer.Ordinal).Select(r => Escape((r.SubjectName ?? r.Subject) + " → " + c.AwardName(r.SupersededBy!)))) + "</p>");
                    }

                    if (over.Count > 0)
                    {
                        Line($"<p class=\"subhead\">{Escape(W("report.over-quota-line"))}</p>");
                        SubjectTable(award, over, showRank: true, reasons: false, muted: true);
                    }

                    Line("</div>");
                }
            }

            Bonuses();
            SectionEnd();
        }

        /// <summary>The bonuses of the proposals, totalled per form; nothing when no proposed form carries a bonus.</summary>
        private void Bonuses()
        {
            var totals = BonusTotal.Of(c.Results, c.CouncilOrder);
            if (totals.Count == 0)
            {
                return;
            }

            Line($"<h3 class=\"part\">{Escape(W("report.bonus"))}</h3>");
            Line($"<p class=\"lead\">{Escape(W("report.bonus-lead"))}</p>");
            Line("<table class=\"bonus\">");
            Line($"<thead><tr><th>{Escape(W("report.award"))}</th><th class=\"num\">{Escape(W("report.bonus-cases"))}</th><th class=\"num\">{Escape(W("report.bonus-multiple"))}</th>" +
                $"<th class=\"num\">{Escape(W("report.bonus-total-multiple"))}</th><th class=\"num\">{Escape(W("report.bonus-base-salary"))}</th><th class=\"num\">{Escape(W("report.bonus-amount"))}</th><th>{Escape(W("report.basis"))}</th></tr></thead>");
            Line("<tbody>");
            foreach (var t in totals)
            {
                Line($"<tr><td>{Escape(c.AwardName(t.Award))}</td><td class=\"num\">{N(t.Cases)}</td><td class=\"num\">{Escape(Amount(t.Multiple))}</td><td class=\"num\">{Escape(Amount(t.TotalMultiple))}</td>" +
                    $"<td class=\"num\">{Escape(Amount(t.BaseSalary))}</td><td class=\"num strong\">{Escape(Amount(t.Amount))}</td><td class=\"basis-cell\">{Escape(c.BonusBasis(t))}</td></tr>");
            }

            Line("</tbody>");
            var amount = totals.All(t => t.Amount is not null) ? totals.Sum(t => t.Amount!.Value) : (decimal?)null;
            Line($"<tfoot><tr><th>{Escape(W("report.sum"))}</th><td class=\"num\">{N(totals.Sum(t => t.Cases))}</td><td></td><td class=\"num\">{Escape(Amount(totals.Sum(t => t.TotalMultiple)))}</td><td></td>" +
                $"<td class=\"num strong\">{Escape(Amount(amount))}</td><td></td></tr></tfoot>");
            Line("</table>");
            if (totals.Any(t => t.BaseSalary is null))
            {
                Line($"<p class=\"note\">{Escape(W("report.bonus-unknown-salary"))}</p>");
            }
        }

        private string Amount(decimal? value) => value is { } v ? c.Renderer.Format(new ExplainedValue(v)) : "";

        /// <summary>A list of subjects of one award, grouped by unit with a heading row per unit, numbered across the award.</summary>
        private void SubjectTable(AwardDefinition award, List<AwardResult> rows, bool showRank, bool reasons, bool muted = false, bool missing = false, bool outcome = false)
        {
            var individual = award.Subject == SubjectKind.Individual;
            var columns = 2 + (individual ? 1 : 0) + (outcome ? 1 : 0) + (showRank ? 1 : 0) + (reasons ? 1 : 0) + (missing ? 2 : 0);
            Line($"<table class=\"list{(muted ? " muted" : "")}{(reasons || missing ? " reasons" : "")}\">");
            var head = $"<th class=\"num stt\">{Escape(W("report.number"))}</th><th class=\"name\">{Escape(individual ? W("report.name") : W("report.collective"))}</th>";
            if (individual)
            {
                head += $"<th class=\"position\">{Escape(W("report.position"))}</th>";
            }

            if (outcome)
            {
                head += $"<th class=\"outcome\">{Escape(W("report.outcome"))}</th>";
            }

            if (showRank)
            {
                head += $"<th class=\"num rank\">{Escape(W("report.rank-places"))}</th>";
            }

            if (reasons)
            {
                head += $"<th>{Escape(W("report.reasons-and-basis"))}</th>";
            }

            if (missing)
            {
                head += $"<th>{Escape(W("report.undecided-criteria"))}</th><th class=\"missing\">{Escape(W("report.missing-values"))}</th>";
            }

            Line($"<thead><tr>{head}</tr></thead>");
            Line("<tbody>");
            var number = 0;
            foreach (var group in c.ByUnit(rows))
            {
                var groupName = group.Key.Length == 0 ? W("report.no-unit") : c.UnitName(group.Key);
                Line($"<tr class=\"group\"><td colspan=\"{columns}\">{Escape(groupName)} <span class=\"group-count\">({N(group.Count())})</span></td></tr>");
                foreach (var r in c.InPresentationOrder(group))
                {
                    var cells = $"<td class=\"num stt\">{N(++number)}</td><td class=\"name\">{Escape(r.SubjectName ?? r.Subject)}<span class=\"id\">{Escape(r.Subject)}</span></td>";
                    if (individual)
                    {
                        cells += $"<td class=\"position\">{Escape(r.Position)}</td>";
                    }

                    if (outcome)
                    {
                        cells += $"<td class=\"outcome\">{Escape(OutcomeLabel(r.Outcome))}" +
                            (r.ProposalCheck is { } check ? $"<span class=\"id\">{Escape(W(ReportCatalog.ProposalKey(check)))}</span>" : "") + "</td>";
                    }

                    if (showRank)
                    {
                        cells += r.Rank is { } rank
                            ? $"<td class=\"num rank\">{N(rank)} / {N(r.QuotaPlaces ?? 0)}</td>"
                            : "<td class=\"num rank\"></td>";
                    }

                    if (reasons)
                    {
                        cells += "<td>" + Reasons(r.Criteria.Where(x => x.Status != CriterionStatus.Pass)) + "</td>";
                    }

                    if (missing)
                    {
                        var undecided = r.Criteria.Where(x => x.Status == CriterionStatus.Unknown).ToList();
                        cells += "<td>" + Reasons(undecided) + "</td>";
                        cells += "<td class=\"missing\">" + string.Join("<br>", undecided.SelectMany(x => x.Missing).Distinct(StringComparer.Ordinal)
                            .Select(m => $"<span class=\"code\">{Escape(m)}</span>")) + "</td>";
                    }

                    Line($"<tr>{cells}</tr>");
                }
            }

            Line("</tbody>");
            Line("</table>");
        }

        private string Reasons(IEnumerable<CriterionResult> criteria) =>
            "<ul class=\"reasons\">" + string.Concat(criteria.Select(x =>
                $"<li class=\"{StatusClass(x.Status)}\"><span class=\"mark\">{(x.Status == CriterionStatus.Fail ? "✗" : "?")}</span>{Escape(c.Message(x))}" +
                (c.Renderer.Gap(x) is { } gap ? Escape(" — " + gap) : "") +
                $"<cite>{Escape(W("report.basis-prefix"))}{Escape(x.Basis)}</cite></li>")) + "</ul>";

        private void NotEligible()
        {
            SectionStart("khong-du-dieu-kien", W("report.not-eligible"));
            Line($"<p class=\"lead\">{Escape(W("report.lead-not-eligible"))}</p>");
            AwardLists(Outcome.NotEligible, reasons: true, missing: false, W("report.no-case-is-ineligible"));
            SectionEnd();
        }

        private void Insufficient()
        {
            SectionStart("chua-du-du-lieu", W("report.insufficient-data"));
            Line($"<p class=\"lead\">{Escape(W("report.lead-insufficient"))}</p>");
            AwardLists(Outcome.InsufficientData, reasons: false, missing: true, W("report.no-case-lacks-data"));
            SectionEnd();
        }

        /// <summary>Near misses (one criterion short) instead of every "no": the full list only with <c>--include all</c>.</summary>
        private void NearMisses()
        {
            SectionStart("suyt-dat", W("report.near-misses"));
            Line($"<p class=\"lead\">{Escape(W("report.near-misses-lead"))}</p>");
            AwardLists(Outcome.NotEligible, reasons: true, missing: false, W("report.no-near-misses"), c.Renderer.IsNearMiss);
            SectionEnd();
        }

        /// <summary>The pairs where the unit's own proposal (column Đề nghị) and the rules disagree; only when the data has proposals.</summary>
        private void ProposalCheck()
        {
            if (!c.Results.Any(r => r.UnitProposed is not null))
            {
                return;
            }

            SectionStart("doi-chieu-de-nghi", W("report.proposal-check"));
            Line($"<p class=\"lead\">{Escape(W("report.proposal-check-lead"))}</p>");
            var any = false;
            foreach (var award in c.CouncilOrder)
            {
                var rows = c.Results.Where(r => r.Award == award.Id && r.ProposalCheck is not null).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                any = true;
                Line("<div class=\"award\">");
                Line($"<h4>{Escape(c.AwardName(award))} <span class=\"badge not-eligible\">{N(rows.Count)}</span></h4>");
                SubjectTable(award, rows, showRank: false, reasons: true, outcome: true);
                Line("</div>");
            }

            if (!any)
            {
                Empty(W("report.proposal-check-none"));
            }

            SectionEnd();
        }

        private void AwardLists(Outcome outcome, bool reasons, bool missing, string none, Func<AwardResult, bool>? only = null)
        {
            var any = false;
            foreach (var award in c.CouncilOrder)
            {
                var rows = c.Results.Where(r => r.Award == award.Id && r.Outcome == outcome && (only is null || only(r))).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                any = true;
                Line("<div class=\"award\">");
                Line($"<h4>{Escape(c.AwardName(award))} <span class=\"badge {OutcomeClass(outcome)}\">{N(rows.Count)}</span></h4>");
                SubjectTable(award, rows, showRank: false, reasons, missing: missing);
                Line("</div>");
            }

            if (!any)
            {
                Empty(none);
            }
        }

        private void Targets()
        {
            SectionStart("chi-tieu", W("report.plan-targets"));
            if (c.Targets.Length == 0)
            {
                Empty(W("report.no-targets"));
                SectionEnd();
                return;
            }

            var reached = c.Targets.Count(t => t.Status == CriterionStatus.Pass);
            var missed = c.Targets.Count(t => t.Status == CriterionStatus.Fail);
            Line($"<p class=\"lead\">{Escape(W("report.targets-lead", N(reached), N(missed), N(c.Targets.Length - reached - missed), N(c.Targets.Length)))}</p>");
            var number = 0;
            foreach (var group in c.Targets.GroupBy(t => t.Target, StringComparer.Ordinal))
            {
                var first = group.First();
                var groupReached = group.Count(t => t.Status == CriterionStatus.Pass);
                Line("<div class=\"target\">");
                Line($"<h4><span class=\"no\">{N(++number)}.</span> {Escape(c.TargetName(first))}</h4>");
                var due = first.Due is { } d ? " · " + W("report.due") + Date(d) : "";
                Line($"<p class=\"basis\">{Escape(W("report.basis-prefix"))}{Escape(first.Basis)}{Escape(due)}</p>");
                Line("<table class=\"targets\">");
                Line($"<thead><tr><th class=\"unit\">{Escape(W("report.unit"))}</th><th class=\"status\">{Escape(W("report.status"))}</th><th>{Escape(W("report.achievement"))} <span class=\"group-count\">({Escape(W("report.reached"))} {N(groupReached)}/{N(group.Count())})</span></th></tr></thead>");
                Line("<tbody>");
                foreach (var t in group.OrderBy(t => c.UnitOrder(t.Unit)).ThenBy(t => t.Unit, StringComparer.Ordinal))
                {
                    Line($"<tr><td class=\"unit\">{Escape(c.UnitName(t.Unit))}</td><td class=\"status\">{Chip(t.Status)}</td><td>{Achievement(t)}</td></tr>");
                }

                Line("</tbody>");
                Line("</table>");
                Line("</div>");
            }

            SectionEnd();
        }

        /// <summary>
        /// A bar for a share (its width is the share, with a mark at a required share) or for a number against a
        /// positive minimum (its width is the part of the minimum reached); text alone for anything else.
        /// </summary>
        private string Achievement(TargetResult t)
        {
            var text = new StringBuilder();
            if (t.Required is { } required)
            {
                text.Append("<span class=\"actual\">").Append(Escape(c.Renderer.Format(t.Actual))).Append("</span> — <span class=\"required\">")
                    .Append(Escape(W("report.required"))).Append(Escape(c.Renderer.Format(required))).Append("</span>");
            }
            else
            {
                text.Append("<span class=\"actual\">").Append(Escape(c.Renderer.Format(t.Actual))).Append("</span>");
            }

            if (t.Missing.Length > 0)
            {
                text.Append("<span class=\"missing-line\">").Append(Escape(W("report.missing")))
                    .Append(string.Join(", ", t.Missing.Select(m => $"<span class=\"code\">{Escape(m)}</span>"))).Append("</span>");
            }

            decimal? width = null;
            decimal? mark = null;
            string? caption = null;
            var share = t.Actual?.Value switch
            {
                Fraction f when f.Denominator != 0 => f.ToDecimal(),
                decimal d when t.Actual.IsPercent => d,
                _ => (decimal?)null,
            };
            if (share is { } s)
            {
                width = s;
                if (t.Required?.Value is { IsPercent: true, Value: decimal r })
                {
                    mark = r;
                }
            }
            else if (t.Actual?.Value is decimal actual && t.Required is { Operator: "≥" or ">" or "=", Value.Value: decimal minimum } && minimum > 0)
            {
                width = actual / minimum;
                mark = 1m;
                caption = W("report.achievement-caption", c.Renderer.Format(new ExplainedValue(Math.Max(0m, actual / minimum), IsPercent: true)));
            }

            if (width is not { } fill)
            {
                return "<div class=\"achievement text-only\">" + text + "</div>";
            }

            var bar = $"<div class=\"bar {StatusClass(t.Status)}\" role=\"img\" aria-label=\"{Escape(c.Message(t))}\"><span class=\"fill\" style=\"width:{Percent(fill)}\"></span>" +
                (mark is { } m && m > 0 && m <= 1 ? $"<span class=\"target-mark\" style=\"left:{Percent(m)}\"></span>" : "") + "</div>";
            return "<div class=\"achievement\">" + bar + "<div class=\"figures\">" + text +
                (caption is null ? "" : $"<span class=\"caption\">{Escape(caption)}</span>") + "</div></div>";
        }

        private static string Percent(decimal share) =>
            Math.Round(Math.Clamp(share, 0m, 1m) * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "%";

        private void Scores()
        {
            if (c.Scores.Length == 0)
            {
                return;
            }

            SectionStart("diem", W("report.scores"));
            var tables = c.Result.RuleSet.Scoring.ToDictionary(t => t.Id, StringComparer.Ordinal);
            foreach (var group in c.Scores.GroupBy(s => s.Table, StringComparer.Ordinal))
            {
                tables.TryGetValue(group.Key, out var table);
                var items = table?.Items ?? [];
                Line("<div class=\"award\">");
                Line($"<h4>{Escape(table?.Name ?? group.Key)}</h4>");
                if (table?.Basis is { } basis)
                {
                    Line($"<p class=\"basis\">{Escape(W("report.basis-prefix"))}{Escape(basis)}</p>");
                }

                // A fixed layout gives the unit names the room the items leave, as long as the items leave some.
                Line($"<table class=\"scores{(items.Length <= 6 ? " fixed" : "")}\">");
                Line($"<thead><tr><th class=\"cluster\">{Escape(W("report.cluster"))}</th><th class=\"num rank\">{Escape(W("report.rank"))}</th><th>{Escape(W("report.unit"))}</th><th class=\"num total\">{Escape(W("report.score"))}</th>" +
                    string.Concat(items.Select(i => $"<th class=\"num item\">{Escape(i.Name)}<span class=\"max\">{Escape(W("report.max"))}{Escape(c.Renderer.Format(new ExplainedValue(i.MaxPoints)))}</span></th>")) + "</tr></thead>");
                Line("<tbody>");
                foreach (var s in group)
                {
                    Line($"<tr><td>{Escape(s.Cluster ?? "")}</td><td class=\"num\">{(s.Rank is { } rank ? N(rank) : "")}</td><td class=\"unit\">{Escape(c.UnitName(s.Subject))}</td>" +
                        $"<td class=\"num strong\">{Escape(c.Renderer.Format(new ExplainedValue(s.Score)))}</td>" +
                        string.Concat(items.Select(i => s.Items.FirstOrDefault(x => x.Id == i.Id) is { Points: { } p } ? $"<td class=\"num\">{Escape(c.Renderer.Format(new ExplainedValue(p)))}</td>" : "<td class=\"num zero\">–</td>")) + "</tr>");
                }

                Line("</tbody>");
                Line("</table>");
                Line("</div>");
            }

            SectionEnd();
        }

        private void Warnings()
        {
            if (c.Result.Warnings.Length == 0)
            {
                return;
            }

            Line("<aside class=\"warnings\">");
            Line($"<h3>{Escape(W("report.notes-on-the-data"))}</h3>");
            Line("<ul>");
            foreach (var warning in c.Result.Warnings)
            {
                Line($"<li>{Escape(warning.Format(c.Language))}</li>");
            }

            Line("</ul>");
            Line("</aside>");
        }

        private void Footer()
        {
            var rules = c.Result.RuleSet;
            var based = rules.Base is { } b ? W("report.footer-based-on") + b.Id + " " + b.Version : "";
            Line("<footer>");
            Line($"<p>{Escape(W("report.footer-written-by"))}<span class=\"code\">{Escape(rules.Id)}</span> " +
                $"{Escape(W("report.version-prefix"))}{Escape(rules.Version)}{Escape(based)}{Escape(W("report.footer-data-of"))}{Escape(c.Result.Year.ToString(CultureInfo.InvariantCulture))}" +
                $"{Escape(W("report.footer-data-as-of"))}{Escape(Date(c.Result.AsOf))}.</p>");
            Line($"<p>{Escape(W("report.footer-disclaimer"))}</p>");
            Line("</footer>");
        }

        private static string StatusClass(CriterionStatus status) => status switch
        {
            CriterionStatus.Pass => "pass",
            CriterionStatus.Fail => "fail",
            _ => "unknown",
        };

        private static string OutcomeClass(Outcome outcome) => outcome switch
        {
            Outcome.Recommended => "recommended",
            Outcome.EligibleOverQuota => "over-quota",
            Outcome.InsufficientData => "insufficient",
            _ => "not-eligible",
        };

        private string Chip(CriterionStatus status) =>
            $"<span class=\"chip {StatusClass(status)}\">{Escape(XlsxResultWriter.Capitalize(c.Renderer.Status(status)))}</span>";
    }

    /// <summary>The style sheet: A4 pages on screen and on paper, serif text as in administrative documents, sans-serif headings.</summary>
    private const string Css = """
        @page { size: A4; margin: 15mm; }
        @page { @bottom-left { font: 7.5pt/1.2 "Liberation Sans", Arial, sans-serif; color: #6b7480; }
                @bottom-right { font: 7.5pt/1.2 "Liberation Sans", Arial, sans-serif; color: #6b7480; } }
        :root { --ink: #1d232b; --muted: #5d6874; --rule: #c6ced8; --soft: #f2f5f8; --head: #e3e9f0; --accent: #8a1c14;
                --pass: #1f7a35; --fail: #b3261e; --unknown: #9a6200; --neutral: #8792a0; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #e6eaee; color: var(--ink);
               font: 10.5pt/1.45 "Times New Roman", "Liberation Serif", Tinos, "DejaVu Serif", serif; }
        .report { width: 210mm; margin: 0 auto; padding: 15mm; background: #fff; }
        @media screen { .report { margin: 6mm auto; box-shadow: 0 1px 8px rgba(0, 0, 0, .18); } }
        @media print { body { background: none; } .report { width: auto; margin: 0; padding: 0; } }
        h1, h2, h3, h4, th, .kpi, .chip, .badge, .subhead { font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; }
        .masthead { margin-bottom: 6mm; }
        .issuer { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; align-items: start; text-align: center; }
        .issuer .agency { font-size: 10pt; font-weight: bold; text-transform: uppercase; line-height: 1.3; }
        .issuer .agency::after { content: ""; display: block; width: 28mm; margin: 1.5mm auto 0; border-top: .8pt solid var(--ink); }
        .issuer .dateline { font-size: 10pt; font-style: italic; color: var(--muted); }
        h1 { margin: 7mm 0 1mm; text-align: center; font-size: 16pt; line-height: 1.25; color: var(--accent); text-transform: uppercase; letter-spacing: .02em; }
        .subtitle { margin: 0 0 5mm; text-align: center; font-style: italic; color: var(--muted); }
        table.meta { width: 100%; border-collapse: collapse; border-top: 1.2pt solid var(--accent); border-bottom: .6pt solid var(--rule); font-size: 10pt; }
        table.meta th { width: 32mm; text-align: left; font-size: 8.5pt; font-weight: normal; color: var(--muted); text-transform: uppercase;
                        letter-spacing: .03em; padding: 1.2mm 2mm 1.2mm 0; vertical-align: top; border: 0; background: none; }
        table.meta td { padding: 1.2mm 0; border: 0; }
        section { margin-top: 10mm; }
        section:first-of-type { margin-top: 0; }
        @media print { section { margin-top: 0; } section + section { break-before: page; } }
        h2 { margin: 0 0 4mm; padding-bottom: 1.5mm; font-size: 12.5pt; color: var(--accent); text-transform: uppercase;
             border-bottom: 1.2pt solid var(--accent); break-after: avoid; }
        h2 .no { margin-right: 1.5mm; }
        h3 { margin: 6mm 0 2mm; font-size: 10.5pt; break-after: avoid; }
        h3.part { font-size: 11pt; color: var(--ink); border-bottom: .6pt solid var(--rule); padding-bottom: 1mm; }
        h4 { margin: 4.5mm 0 .8mm; font-size: 10pt; break-after: avoid; }
        h4 .no { color: var(--muted); }
        .basis { margin: 0 0 1.8mm; font-size: 8.8pt; font-style: italic; color: var(--muted); break-after: avoid; }
        .lead { margin: 0 0 3mm; color: var(--muted); }
        .note { margin: -2mm 0 3mm; font-size: 8.5pt; font-style: italic; color: var(--muted); }
        .empty { margin: 1mm 0 3mm; font-style: italic; color: var(--muted); }
        .subhead { margin: 2.5mm 0 1mm; font-size: 8.8pt; font-weight: bold; color: var(--muted); break-after: avoid; }
        .code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: .88em; }
        .kpis { display: flex; gap: 3mm; margin: 0 0 2mm; }
        .kpi { flex: 1; border: .6pt solid var(--rule); border-top: 1.6mm solid var(--neutral); border-radius: 1mm; padding: 2mm 2.5mm; }
        .kpi .value { display: block; font-size: 17pt; font-weight: bold; line-height: 1.1; }
        .kpi .label { display: block; font-size: 8pt; color: var(--muted); }
        .kpi.recommended { border-top-color: var(--pass); } .kpi.recommended .value { color: var(--pass); }
        .kpi.over-quota { border-top-color: #3a6ea5; }
        .kpi.insufficient { border-top-color: var(--unknown); }
        .kpi.not-eligible { border-top-color: var(--fail); }
        .kpi.targets { border-top-color: var(--accent); }
        table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9.4pt; }
        th, td { border: .6pt solid var(--rule); padding: 1.1mm 1.8mm; text-align: left; vertical-align: top; }
        thead th { background: var(--head); font-size: 8.3pt; vertical-align: bottom; line-height: 1.25; }
        thead { display: table-header-group; }
        tfoot th, tfoot td { background: var(--soft); font-weight: bold; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.zero { color: #b0b8c2; }
        td.strong { font-weight: bold; }
        td.total { background: var(--soft); }
        table.summary-awards td.strong { color: var(--pass); }
        table.summary-awards thead th.num { width: 19mm; white-space: normal; text-align: right; }
        table.summary-awards thead th.stt { width: 10mm; }
        table.summary-awards td.kind { width: 18mm; }
        table.summary-units td.unit.depth-1 { padding-left: 5mm; }
        table.summary-units td.unit.depth-2 { padding-left: 8mm; }
        table.summary-units td.unit.depth-3, table.summary-units td.unit.depth-4 { padding-left: 11mm; }
        table.summary-units th.num, table.summary-units td.num { width: 9mm; }
        table.list td.stt, table.list th.stt { width: 10mm; }
        table.list.reasons th.name { width: 50mm; }
        table.list td { padding-top: .8mm; padding-bottom: .8mm; }
        table.list th.rank { width: 30mm; }
        table.list .id { display: block; font-size: 7.8pt; color: var(--muted); font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; }
        table.list:not(.reasons) .id { display: inline; margin-left: 2mm; }
        table.list.muted td { color: var(--muted); }
        tr.group td { background: var(--soft); font-weight: bold; font-size: 9pt; break-after: avoid; }
        .group-count { font-weight: normal; color: var(--muted); }
        th.missing, td.missing { width: 38mm; }
        ul.reasons { margin: 0; padding: 0; list-style: none; }
        ul.reasons li { position: relative; padding-left: 4.2mm; margin: 0 0 .8mm; }
        ul.reasons li:last-child { margin-bottom: 0; }
        ul.reasons .mark { position: absolute; left: 0; font-weight: bold; }
        ul.reasons li.fail .mark { color: var(--fail); }
        ul.reasons li.unknown .mark { color: var(--unknown); }
        ul.reasons cite { display: block; font-size: 8.2pt; color: var(--muted); }
        .badge { display: inline-block; margin-left: 1.5mm; padding: .2mm 1.8mm; border-radius: 2mm; font-size: 7.8pt; font-weight: bold;
                 color: var(--pass); background: #e6f2e9; vertical-align: .3mm; }
        .badge.not-eligible { color: var(--fail); background: #f8e7e6; }
        .badge.insufficient { color: var(--unknown); background: #f8efdf; }
        .chip { display: inline-block; padding: .2mm 1.8mm; border-radius: 1.2mm; font-size: 8pt; font-weight: bold; border: .6pt solid; white-space: nowrap; }
        .chip.pass { color: var(--pass); background: #e6f2e9; border-color: #b5d6bd; }
        .chip.fail { color: var(--fail); background: #f8e7e6; border-color: #e5b7b3; }
        .chip.unknown { color: var(--unknown); background: #f8efdf; border-color: #e6cf9f; }
        table.targets th.unit { width: 55mm; }
        table.targets th.status { width: 24mm; }
        .achievement .bar { position: relative; height: 3.2mm; margin: .8mm 0 1.2mm; background: #e9edf1; border-radius: 1.6mm; }
        .bar .fill { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 1.6mm; background: var(--neutral); }
        .bar.pass .fill { background: var(--pass); }
        .bar.fail .fill { background: var(--fail); }
        .bar .target-mark { position: absolute; top: -.8mm; bottom: -.8mm; margin-left: -.3mm; border-left: .7mm solid var(--ink); }
        .figures .required, .figures .caption { color: var(--muted); }
        .figures .caption { margin-left: 2mm; font-size: 8.3pt; }
        .missing-line { display: block; font-size: 8.3pt; color: var(--unknown); }
        table.scores.fixed { table-layout: fixed; }
        table.scores th.item { white-space: normal; width: 19mm; text-align: center; }
        table.scores th.item .max { display: block; font-weight: normal; color: var(--muted); }
        table.scores th.cluster { width: 15mm; }
        table.scores th.rank { width: 11mm; }
        table.scores th.total { width: 16mm; white-space: normal; }
        .warnings { margin-top: 8mm; padding: 2mm 3mm; border-left: 1mm solid var(--unknown); background: #fbf7ef; font-size: 8.5pt; color: var(--muted); break-inside: avoid; }
        .warnings h3 { margin: 0 0 1mm; font-size: 9pt; color: var(--ink); }
        .warnings ul { margin: 0; padding-left: 4mm; }
        footer { margin-top: 8mm; padding-top: 2mm; border-top: .6pt solid var(--rule); font-size: 8.5pt; color: var(--muted); break-inside: avoid; }
        footer p { margin: 0 0 1mm; }

        """;
}
