using System.Globalization;
using CsvHelper;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Reporting.Writing;

/// <summary>
/// Writes the results as CSV: one row per listed (subject, award) pair, for spreadsheets and for other tools.
/// </summary>
/// <remarks>
/// <para>
/// Columns, in this order, with these fixed header names with <see cref="Language.En"/> (Vietnamese headers from the
/// report catalog with <see cref="Language.Vi"/>, the default: <c>Mã</c>, <c>Họ tên / Tên</c>, <c>Đối tượng</c>…): <c>subject</c>, <c>name</c>, <c>subjectKind</c>
/// (<c>individual</c> | <c>unit</c> | <c>enterprise</c>), <c>unit</c>, <c>award</c>, <c>awardName</c>, <c>outcome</c>
/// (the fixed kebab-case names of design §5), <c>rank</c>, <c>quotaPlaces</c>, <c>reasons</c> (the messages of the
/// criteria that did not pass, joined by <c>"; "</c>, in the chosen language), <c>basis</c> (the award's legal basis) and
/// <c>supersededBy</c> (for a recommended pair of an exclusive group, the higher award proposed instead; else empty) and
/// <c>council</c> (<c>approved</c> or <c>not-approved</c> for a pair the council voted on with <c>--votes</c>; else empty)
/// , <c>position</c> (the person's position, chức vụ) and <c>proposalCheck</c> (where the unit's own proposal, the
/// data's <c>proposals</c>, disagrees with the rules: <c>proposed-not-eligible</c> or <c>eligible-not-proposed</c>). With <see cref="Language.Vi"/> the subject kind, the outcome and
/// the council's decision are the catalog's Vietnamese words (<c>cá nhân</c>, <c>Đề nghị</c>, <c>thông qua</c>…);
/// with <see cref="Language.En"/> they are the fixed names (<c>individual</c>, <c>recommended</c>, <c>approved</c>).
/// Rows follow the documented order of <see cref="EvaluationResult.Results(ResultInclusion)"/>.
/// </para>
/// <para>
/// Only results are written. Plan targets and scores have other columns, and a second table in the same file is not
/// something CSV readers understand; use the JSON, XLSX or HTML output for them.
/// </para>
/// <para>
/// Invariant culture; RFC 4180 quoting (a field with a comma, a quote or a line break is quoted, quotes doubled) and
/// CRLF line ends. The text goes to the output writer in its own encoding: open it as UTF-8 (with a BOM if
/// the file is for Excel). Streams: explanations are built row by row, so memory does not grow with the data.
/// The same result always gives the same text.
/// </para>
/// <para>
/// No cell can run as a formula when the file is opened in a spreadsheet: a cell that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return (or their full-width forms) and is not a plain number is written
/// with a leading apostrophe, as OWASP recommends against CSV injection (<c>=HYPERLINK(…)</c>, <c>+cmd|' /C calc'!A0</c>).
/// </para>
/// </remarks>
public static class CsvResultWriter
{
    /// <summary>The header row with <see cref="Language.En"/> (the fixed names), in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["subject", "name", "subjectKind", "unit", "award", "awardName", "outcome", "rank", "quotaPlaces", "reasons", "basis", "supersededBy", "council", "position", "proposalCheck"];

    /// <summary>The header row in <paramref name="language"/>: the catalog's words for <see cref="Columns"/>.</summary>
    internal static IEnumerable<string> Headers(Language language) => Columns.Select(c => ReportCatalog.Get("csv." + c, language));

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>; the writer is flushed, not closed.</summary>
    /// <param name="result">The evaluation to write.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="include">Which pairs to list.</param>
    /// <param name="language">The language of <c>awardName</c> (English when the rule file gives one) and of <c>reasons</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="output"/> is null.</exception>
    public static void Write(EvaluationResult result, TextWriter output, ResultInclusion include = ResultInclusion.Decided, Language language = Language.Vi)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var renderer = new ExplanationRenderer(language);
        var englishNames = language == Language.En
            ? result.RuleSet.Awards.Where(a => a.NameEn is not null).ToDictionary(a => a.Id, a => a.NameEn!, StringComparer.Ordinal)
            : [];
        // RFC 4180 (CRLF, quotes only where needed, quotes doubled) in the invariant culture, stated rather than implied.
        var options = CsvWriterOptions.Default with { NewLine = "\r\n", Quoting = CsvQuoting.WhenNeeded, FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        var vi = language == Language.Vi;
        csv.WriteRecord([.. Headers(language)]);
        foreach (var award in result.Results(include))
        {
            WriteRecord(
            [
                award.Subject,
                award.SubjectName ?? "",
                vi ? ReportCatalog.Get(ReportCatalog.KindKey(award.SubjectKind), language) : award.SubjectKind.ToString().ToLowerInvariant(),
                award.Unit ?? "",
                award.Award,
                englishNames.TryGetValue(award.Award, out var en) ? en : award.AwardName,
                vi ? ReportCatalog.Get(ReportCatalog.OutcomeKey(award.Outcome), language) : award.Outcome.ToName(),
                award.Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
                award.QuotaPlaces?.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Join("; ", award.Criteria.Where(c => c.Status != CriterionStatus.Pass).Select(renderer.Message)),
                award.Basis,
                award.SupersededBy ?? "",
                award.Council is { } council ? vi ? ReportCatalog.Get(ReportCatalog.CouncilKey(council), language) : council.ToName() : "",
                award.Position ?? "",
                award.ProposalCheck is { } check ? vi ? ReportCatalog.Get(ReportCatalog.ProposalKey(check), language) : check.ToName() : "",
            ]);
        }

        csv.Flush();

        void WriteRecord(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Neutralise(cells[i]);
            }

            csv.WriteRecord(cells);
        }
    }

    /// <summary>
    /// A cell's text made inert for spreadsheets: prefixed with an apostrophe when it starts with a formula trigger and
    /// is not a plain number (<c>-5</c> and <c>+0.5</c> stay numbers).
    /// </summary>
    /// <param name="cell">The cell's text.</param>
    /// <returns>The text to write.</returns>
    internal static string Neutralise(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length == 0 || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20'))
        {
            return cell;
        }

        return decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? cell
            : "'" + cell;
    }
}
