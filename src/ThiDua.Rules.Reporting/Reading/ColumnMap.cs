using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>Which table a sheet (or CSV file) holds.</summary>
internal enum SheetKind
{
    /// <summary>One row per person (sheet <c>Cá nhân</c>).</summary>
    Individuals,

    /// <summary>One row per unit or enterprise (sheet <c>Đơn vị</c>).</summary>
    Units,
}

/// <summary>A built-in field of design §3 that a column can hold.</summary>
internal enum ColumnField
{
    Id,
    Name,
    Unit,
    Rating,
    EmployeeType,
    StartDate,
    MonthsWorked,
    DaysAbsent,
    PendingReview,
    DisciplineLevel,
    DisciplineDate,
    DisciplineEndDate,
    Initiatives,
    ResearchWorks,
    Parent,
    Kind,
    Cluster,
    Year,
    AsOf,

    /// <summary>A field of the subject schema read generically (such as <c>position</c>): see <see cref="ColumnMatch.Schema"/>.</summary>
    Plain,
}

/// <summary>What a column means once its header is matched.</summary>
internal enum ColumnRole
{
    /// <summary>A built-in field (<see cref="ColumnMatch.Field"/>).</summary>
    Field,

    /// <summary>A fact (<see cref="ColumnMatch.Fact"/>).</summary>
    Fact,

    /// <summary>The rating of a past year (<see cref="ColumnMatch.Year"/>).</summary>
    HistoryRating,

    /// <summary>The awards of a past year (<see cref="ColumnMatch.Year"/>).</summary>
    HistoryAwards,

    /// <summary>A column clerks keep for themselves (STT, Ghi chú): skipped without a word.</summary>
    Ignored,

    /// <summary>Not recognised: skipped with a warning (and a did-you-mean in <see cref="ColumnMatch.Suggestion"/>).</summary>
    Unknown,
}

/// <summary>One row of the mapping table: a canonical field and the headers accepted for it.</summary>
/// <param name="Field">The field.</param>
/// <param name="Name">The canonical name (design §3, as in the JSON), which is itself always accepted as a header.</param>
/// <param name="Kind">The sheet it belongs to, or null for both.</param>
/// <param name="Headers">The Vietnamese headers accepted, the preferred one first.</param>
/// <param name="Format">How the cell is written, for the documentation.</param>
/// <param name="Schema">The schema's declaration, for a field of the subject schema.</param>
internal sealed record ColumnDefinition(ColumnField Field, string Name, SheetKind? Kind, ImmutableArray<string> Headers, string Format, SubjectField? Schema = null)
{
    /// <summary>Whether the definition applies to sheets of <paramref name="kind"/>.</summary>
    public bool AppliesTo(SheetKind kind) => Kind is null || Kind == kind;
}

/// <summary>The meaning of one header.</summary>
/// <param name="Role">Field, fact, history, ignored or unknown.</param>
/// <param name="Field">The field, for <see cref="ColumnRole.Field"/>.</param>
/// <param name="Fact">The fact id, for <see cref="ColumnRole.Fact"/>.</param>
/// <param name="Year">The past year, for <see cref="ColumnRole.HistoryRating"/> and <see cref="ColumnRole.HistoryAwards"/>.</param>
/// <param name="Suggestion">A did-you-mean: the closest accepted header, for an unknown column or a fact whose id is
/// one typo away from a built-in field.</param>
/// <param name="Schema">For <see cref="ColumnField.Plain"/>: the schema field the column holds.</param>
internal readonly record struct ColumnMatch(ColumnRole Role, ColumnField Field = default, string? Fact = null, int Year = 0, string? Suggestion = null, SubjectField? Schema = null)
{
    /// <summary>The canonical name of what the column holds, such as <c>startDate</c>, <c>facts.conduct</c> or <c>rating2023</c>.</summary>
    public string CanonicalName => Role switch
    {
        ColumnRole.Field => Schema?.Name ?? ColumnMap.Definition(Field).Name,
        ColumnRole.Fact => "facts." + Fact,
        ColumnRole.HistoryRating => "rating" + Year.ToString(CultureInfo.InvariantCulture),
        ColumnRole.HistoryAwards => "awards" + Year.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };
}

/// <summary>
/// The one table that maps spreadsheet headers to the canonical data model (design §3): every built-in field with the
/// Vietnamese headers clerks write, the history columns (<c>Xếp loại 2023</c>, <c>Danh hiệu 2023</c>), facts, and the
/// columns that are skipped. <c>docs/spreadsheets.md</c> documents this table; a test keeps the two in step.
/// </summary>
/// <remarks>
/// Headers are compared after <see cref="TextKey.Header"/>: case-insensitive, trimmed, NFC, with or without
/// diacritics. A header may also end with the canonical name in parentheses, such as <c>Tự lực, đoàn kết (conduct)</c>,
/// so that a sheet can show a Vietnamese label and still name a fact exactly. Thread-safe (immutable).
/// </remarks>
internal static partial class ColumnMap
{
    private const string DateFormat = "dd/MM/yyyy (15/03/2015), yyyy-MM-dd or an Excel date";

    /// <summary>Every built-in column, in the order the sample workbook writes them: the subject schema's fields with
    /// headers (individuals, then units), the parts of a discipline, and the year and as-of columns.</summary>
    public static ImmutableArray<ColumnDefinition> Definitions { get; } =
    [
        .. FromSchema(SheetKind.Individuals).Take(4),
        .. FromSchema(SheetKind.Units),
        .. FromSchema(SheetKind.Individuals).Skip(4),
        new(ColumnField.DisciplineLevel, "discipline.level", SheetKind.Individuals, ["Hình thức kỷ luật", "Kỷ luật", "discipline", "disciplineLevel"], "Khiển trách / khien-trach, Cảnh cáo, Hạ bậc lương, Giáng chức, Cách chức, Buộc thôi việc (blank: none)"),
        new(ColumnField.DisciplineDate, "discipline.date", SheetKind.Individuals, ["Ngày kỷ luật", "Ngày quyết định kỷ luật", "disciplineDate"], DateFormat),
        new(ColumnField.DisciplineEndDate, "discipline.endDate", SheetKind.Individuals, ["Ngày hết hạn kỷ luật", "Ngày hết thời hạn kỷ luật", "disciplineEndDate"], DateFormat),
        new(ColumnField.Year, "year", null, ["Năm", "Năm đánh giá", "Năm xét"], "a year such as 2024, the same on every row"),
        new(ColumnField.AsOf, "asOf", null, ["Ngày tính", "Ngày xét", "Tính đến ngày"], DateFormat + ", the same on every row"),
    ];

    /// <summary>The columns of the subject schema's fields that have spreadsheet headers.</summary>
    private static IEnumerable<ColumnDefinition> FromSchema(SheetKind kind) =>
        SubjectSchema.Of(kind == SheetKind.Individuals)
            .Where(f => !f.Headers.IsDefaultOrEmpty)
            .Select(f => new ColumnDefinition(FieldOf(f), f.Name, kind, f.Headers, f.CellFormat, f));

    private static ColumnField FieldOf(SubjectField field) => field.Name switch
    {
        "id" => ColumnField.Id,
        "name" => ColumnField.Name,
        "unit" => ColumnField.Unit,
        "parent" => ColumnField.Parent,
        "kind" => ColumnField.Kind,
        "cluster" => ColumnField.Cluster,
        "rating" => ColumnField.Rating,
        "employeeType" => ColumnField.EmployeeType,
        "startDate" => ColumnField.StartDate,
        "monthsWorked" => ColumnField.MonthsWorked,
        "daysAbsent" => ColumnField.DaysAbsent,
        "pendingReview" => ColumnField.PendingReview,
        "initiatives" => ColumnField.Initiatives,
        "researchWorks" => ColumnField.ResearchWorks,
        _ => ColumnField.Plain,
    };

    /// <summary>
    /// Headers of columns clerks keep for themselves or that personnel lists always carry; they are skipped without a
    /// warning (a misleading did-you-mean, such as 'Ngày tính' for 'Ngày sinh', would be worse than none).
    /// </summary>
    public static ImmutableArray<string> IgnoredHeaders { get; } =
        ["STT", "TT", "Số TT", "Số thứ tự", "Ghi chú", "note", "notes", "Ngày sinh", "Năm sinh", "Giới tính"];

    /// <summary>Prefixes of the history columns, followed by a year (<c>Xếp loại 2023</c>, <c>rating2023</c>, <c>Danh hiệu năm 2023</c>).</summary>
    public static ImmutableArray<string> HistoryRatingPrefixes { get; } =
    [
        "rating", "Xếp loại", "Xếp loại chất lượng", "Kết quả xếp loại", "Kết quả xếp loại chất lượng", "Kết quả đánh giá, xếp loại",
        "Kết quả đánh giá, xếp loại chất lượng", "Đánh giá, xếp loại", "Đánh giá, xếp loại chất lượng", "Mức độ hoàn thành nhiệm vụ",
    ];

    /// <inheritdoc cref="HistoryRatingPrefixes"/>
    public static ImmutableArray<string> HistoryAwardPrefixes { get; } =
    [
        "awards", "Danh hiệu", "Danh hiệu thi đua", "Khen thưởng", "Danh hiệu đã đạt", "Danh hiệu thi đua đã đạt", "Hình thức khen thưởng",
        "Danh hiệu thi đua, hình thức khen thưởng", "Thành tích khen thưởng",
    ];

    /// <summary>The facts of the standard vocabulary named by a Vietnamese header (<see cref="SubjectSchema.StandardFacts"/>), per sheet kind.</summary>
    private static readonly FrozenDictionary<SheetKind, FrozenDictionary<string, string>> FactHeaders =
        new[] { SheetKind.Individuals, SheetKind.Units }.ToFrozenDictionary(kind => kind, kind =>
            SubjectSchema.StandardFacts.Where(f => f.ForIndividuals == (kind == SheetKind.Individuals))
                .SelectMany(f => f.Headers.Select(h => (Key: TextKey.Header(h), f.Id)))
                .GroupBy(x => x.Key, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal));

    private static readonly FrozenDictionary<ColumnField, ColumnDefinition> ByField =
        Definitions.Where(d => d.Field != ColumnField.Plain).GroupBy(d => d.Field).ToFrozenDictionary(g => g.Key, g => g.First());

    private static readonly FrozenDictionary<SheetKind, FrozenDictionary<string, ColumnDefinition>> ByHeader =
        new[] { SheetKind.Individuals, SheetKind.Units }.ToFrozenDictionary(kind => kind, kind =>
            Definitions.Where(d => d.AppliesTo(kind))
                .SelectMany(d => d.Headers.Prepend(d.Name).Select(h => (Key: TextKey.Header(h), Definition: d)))
                .GroupBy(x => x.Key, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.First().Definition, StringComparer.Ordinal));

    private static readonly FrozenSet<string> Ignored = IgnoredHeaders.Select(TextKey.Header).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AllFieldNames =
        Definitions.SelectMany(d => d.Headers.Where(TextKey.IsIdentifier).Prepend(d.Name)).Select(TextKey.Header).ToFrozenSet(StringComparer.Ordinal);

    // "xep loai 2023", "rating2023", "danh hieu nam 2023", "history.2023.awards"
    [GeneratedRegex(@"^(?<prefix>[a-z ,]+?)[ _.\-]*(?:nam[ _.\-]*)?(?<year>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex HistoryHeader();

    [GeneratedRegex(@"^history\.(?<year>\d{4})\.(?<what>rating|awards)$", RegexOptions.CultureInvariant)]
    private static partial Regex HistoryPath();

    [GeneratedRegex(@"\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingYear();

    // "Tự lực, đoàn kết (conduct)": a label with the canonical name in parentheses at the end.
    [GeneratedRegex(@"^.*\((?<name>[A-Za-z_][A-Za-z0-9_.]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameInParentheses();

    /// <summary>The definition of a field (the first, when individuals and units differ only by headers).</summary>
    public static ColumnDefinition Definition(ColumnField field) => ByField[field];

    /// <summary>The definition of <paramref name="field"/> on sheets of <paramref name="kind"/>.</summary>
    public static ColumnDefinition Definition(ColumnField field, SheetKind kind) => Definitions.First(d => d.Field == field && d.AppliesTo(kind));

    /// <summary>The headers accepted for <paramref name="field"/>, for a diagnostic: <c>Mã cán bộ, Mã, …, id</c>.</summary>
    public static string AcceptedHeaders(ColumnField field, SheetKind kind)
    {
        var definition = Definition(field, kind);
        return string.Join(", ", definition.Headers.Append(definition.Name));
    }

    /// <summary>Matches a header of a sheet of <paramref name="kind"/>.</summary>
    public static ColumnMatch Match(string header, SheetKind kind)
    {
        var match = MatchExact(header, kind);
        if (match.Role != ColumnRole.Unknown)
        {
            return match;
        }

        // "Họ và tên (name)", "Tự lực, đoàn kết (conduct)": the name in parentheses decides.
        var labelled = NameInParentheses().Match(TextKey.Clean(header));
        if (labelled.Success)
        {
            var inner = MatchExact(labelled.Groups["name"].Value, kind);
            if (inner.Role != ColumnRole.Unknown)
            {
                return inner with { Suggestion = null };
            }
        }

        return match;
    }

    private static ColumnMatch MatchExact(string header, SheetKind kind)
    {
        var clean = TextKey.Clean(header);
        var key = TextKey.Header(clean);
        if (key.Length == 0 || Ignored.Contains(key))
        {
            return new(ColumnRole.Ignored);
        }

        if (ByHeader[kind].TryGetValue(key, out var definition))
        {
            return new(ColumnRole.Field, definition.Field, Schema: definition.Field == ColumnField.Plain ? definition.Schema : null);
        }

        if (FactHeaders[kind].TryGetValue(key, out var fact))
        {
            return new(ColumnRole.Fact, Fact: fact);
        }

        if (History(key) is { } history)
        {
            return history;
        }

        if (clean.StartsWith("facts.", StringComparison.OrdinalIgnoreCase) && clean.Length > "facts.".Length)
        {
            return new(ColumnRole.Fact, Fact: clean["facts.".Length..].Trim());
        }

        if (TextKey.IsIdentifier(clean))
        {
            // A field name of the other sheet ('kind' among individuals) is a misplaced column, not a fact.
            if (AllFieldNames.Contains(key))
            {
                return new(ColumnRole.Unknown);
            }

            // 'monthWorked' is read as a fact, but it is probably a typo of 'monthsWorked': say so.
            var near = Closest(key, Definitions.Where(d => d.AppliesTo(kind)).Select(d => d.Name));
            return new(ColumnRole.Fact, Fact: clean, Suggestion: near);
        }

        // A misspelt history header ('Xep loaii 2021') is compared with the history headers of the same year.
        var candidates = Definitions.Where(d => d.AppliesTo(kind)).SelectMany(d => d.Headers.Prepend(d.Name));
        var year = TrailingYear().Match(key);
        if (year.Success)
        {
            candidates = candidates.Concat(HistoryRatingPrefixes.Concat(HistoryAwardPrefixes).Select(p => p + " " + year.Value));
        }

        return new(ColumnRole.Unknown, Suggestion: Closest(key, candidates));
    }

    private static ColumnMatch? History(string key)
    {
        var path = HistoryPath().Match(key);
        if (path.Success)
        {
            var year = int.Parse(path.Groups["year"].Value, CultureInfo.InvariantCulture);
            return path.Groups["what"].Value == "rating" ? new(ColumnRole.HistoryRating, Year: year) : new(ColumnRole.HistoryAwards, Year: year);
        }

        var match = HistoryHeader().Match(key);
        if (!match.Success)
        {
            return null;
        }

        var prefix = match.Groups["prefix"].Value.Trim();
        var y = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (y is < 1900 or > 2200)
        {
            return null;
        }

        if (HistoryRatingPrefixes.Any(p => TextKey.Header(p) == prefix))
        {
            return new(ColumnRole.HistoryRating, Year: y);
        }

        return HistoryAwardPrefixes.Any(p => TextKey.Header(p) == prefix) ? new(ColumnRole.HistoryAwards, Year: y) : null;
    }

    /// <summary>The candidate whose folded form is closest to <paramref name="key"/>, shown as written in the table.</summary>
    private static string? Closest(string key, IEnumerable<string> candidates)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            byKey.TryAdd(TextKey.Header(candidate), candidate);
        }

        var best = Suggestions.Closest(key, byKey.Keys);
        return best is null ? null : byKey[best];
    }
}
