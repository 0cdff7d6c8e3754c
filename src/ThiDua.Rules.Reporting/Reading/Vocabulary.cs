using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// The Vietnamese words clerks write for the fixed values of design §3, and the ids they stand for: "Hoàn thành tốt
/// nhiệm vụ" or "HTT" → <c>HTTNV</c>, "Công chức" → <c>cong-chuc</c>, "Khiển trách" → <c>khien-trach</c>, "cấp tỉnh" →
/// <c>tinh</c>, "LĐTT" → <c>lao-dong-tien-tien</c>. A value that is not listed is kept as written, so that ids of other
/// rule sets pass through and the rule set's own check (with its did-you-mean) still applies.
/// </summary>
internal static class Vocabulary
{
    /// <summary>Ratings (<c>xếp loại chất lượng</c>).</summary>
    public static WordList Rating { get; } = new("rating",
        ("HTXSNV", ["HTXSNV", "HTXS", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành xuất sắc", "Hoàn thành xuất sắc NV", "Hoàn thành XS NV", "Hoàn thành XSNV", "HTXS NV"]),
        ("HTTNV", ["HTTNV", "HTT", "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt", "Hoàn thành tốt NV", "HTT NV"]),
        ("HTNV", ["HTNV", "HT", "Hoàn thành nhiệm vụ", "Hoàn thành NV", "HT NV", "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"]),
        ("KHTNV", ["KHTNV", "KHT", "Không hoàn thành nhiệm vụ", "Không hoàn thành NV", "KHT NV"]));

    /// <summary>What a clerk writes where a person has not been rated yet: read as no rating (the value is missing).</summary>
    public static ImmutableArray<string> NoRating { get; } = ["Chưa đánh giá", "Chưa xếp loại", "Không xếp loại", "Không đánh giá", "Chưa đánh giá, xếp loại"];

    /// <summary>One word that most probably means a rating: read as it, with a warning at the cell.</summary>
    public static WordList RatingGuesses { get; } = new("rating",
        ("HTXSNV", ["Xuất sắc"]),
        ("HTTNV", ["Tốt"]),
        ("HTNV", ["Hoàn thành"]),
        ("KHTNV", ["Không hoàn thành"]));

    /// <summary>Grades of other scales (a school's, the old civil-service grades) that map onto no rating: an error.</summary>
    public static ImmutableArray<string> NotRatings { get; } = ["Khá", "Trung bình", "Yếu", "Kém", "Đạt", "Không đạt"];

    private static readonly FrozenSet<string> NoRatingKeys = NoRating.Select(TextKey.Word).ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> NotRatingKeys = NotRatings.Select(TextKey.Word).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Reads a rating cell's text: an id, none, a guess, an ambiguous value, or a value kept as written.</summary>
    public static (RatingReading Reading, string? Id) ReadRating(string text)
    {
        var key = TextKey.Word(text);
        if (Rating.Contains(text))
        {
            return (RatingReading.Read, Rating.Map(text));
        }

        if (NoRatingKeys.Contains(key))
        {
            return (RatingReading.None, null);
        }

        if (RatingGuesses.Contains(text))
        {
            return (RatingReading.Guess, RatingGuesses.Map(text));
        }

        // "Khá", or two ratings in one cell ("HTT/HTXS"): no reading would be more than a guess.
        var parts = text.Split(['/', ';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (NotRatingKeys.Contains(key) || (parts.Length > 1 && parts.All(Rating.Contains)))
        {
            return (RatingReading.Ambiguous, null);
        }

        return (RatingReading.Read, text);
    }

    /// <summary>Employee types.</summary>
    public static WordList EmployeeType { get; } = new("employeeType",
        ("cong-chuc", ["Công chức", "CC"]),
        ("vien-chuc", ["Viên chức", "VC"]),
        ("nguoi-lao-dong", ["Người lao động", "NLĐ", "Lao động hợp đồng", "Hợp đồng lao động"]));

    /// <summary>Discipline levels, mildest first.</summary>
    public static WordList Discipline { get; } = new("discipline.level",
        ("khien-trach", ["Khiển trách"]),
        ("canh-cao", ["Cảnh cáo"]),
        ("ha-bac-luong", ["Hạ bậc lương"]),
        ("giang-chuc", ["Giáng chức"]),
        ("cach-chuc", ["Cách chức"]),
        ("buoc-thoi-viec", ["Buộc thôi việc"]));

    /// <summary>Scopes of initiatives and research works.</summary>
    public static WordList Scope { get; } = new("scope",
        ("co-so", ["Cơ sở", "Cấp cơ sở"]),
        ("tinh", ["Tỉnh", "Cấp tỉnh", "Cấp bộ", "Bộ, ban, ngành, tỉnh", "Cấp bộ, ban, ngành, tỉnh"]),
        ("toan-quoc", ["Toàn quốc", "Cấp toàn quốc", "Quốc gia"]));

    /// <summary>Unit kinds.</summary>
    public static WordList Kind { get; } = new("kind",
        ("unit", ["unit", "Đơn vị", "Tập thể", "Cơ quan"]),
        ("enterprise", ["enterprise", "Doanh nghiệp", "DN"]));

    /// <summary>Award titles and their usual abbreviations (the ids of the national packs, design §4).</summary>
    public static WordList Award { get; } = new("awards",
        ("lao-dong-tien-tien", ["Lao động tiên tiến", "LĐTT"]),
        ("chien-si-thi-dua-co-so", ["Chiến sĩ thi đua cơ sở", "CSTĐCS", "CSTĐ cơ sở"]),
        ("chien-si-thi-dua-cap-tinh", ["Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua cấp bộ", "CSTĐ cấp tỉnh"]),
        ("chien-si-thi-dua-toan-quoc", ["Chiến sĩ thi đua toàn quốc", "CSTĐ toàn quốc"]),
        ("tap-the-lao-dong-tien-tien", ["Tập thể lao động tiên tiến", "TTLĐTT"]),
        ("tap-the-lao-dong-xuat-sac", ["Tập thể lao động xuất sắc", "TTLĐXS"]),
        ("co-thi-dua-cap-tinh", ["Cờ thi đua cấp tỉnh", "Cờ thi đua cấp bộ"]),
        ("co-thi-dua-chinh-phu", ["Cờ thi đua của Chính phủ", "Cờ thi đua Chính phủ"]),
        ("giay-khen", ["Giấy khen"]),
        ("bang-khen-cap-tinh", ["Bằng khen cấp tỉnh", "Bằng khen cấp bộ", "Bằng khen UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh"]),
        ("bang-khen-thu-tuong", ["Bằng khen của Thủ tướng Chính phủ", "Bằng khen Thủ tướng", "Bằng khen Thủ tướng Chính phủ"]),
        ("huan-chuong-lao-dong-hang-ba", ["Huân chương Lao động hạng Ba", "Huân chương lao động hạng 3"]));

    /// <summary>Every word list, for the documentation test.</summary>
    public static ImmutableArray<WordList> All { get; } = [Rating, EmployeeType, Discipline, Scope, Kind, Award];
}

/// <summary>How a rating cell was read.</summary>
internal enum RatingReading
{
    /// <summary>A rating (or a value kept as written, which the rule set's scale then checks).</summary>
    Read,

    /// <summary>No rating yet (<c>Chưa đánh giá</c>).</summary>
    None,

    /// <summary>A probable rating: read, with a warning.</summary>
    Guess,

    /// <summary>No reading is safe: an error at the cell.</summary>
    Ambiguous,
}

/// <summary>One list of words and the ids they stand for.</summary>
internal sealed class WordList
{
    private readonly FrozenDictionary<string, string> _byWord;

    public WordList(string field, params (string Id, string[] Words)[] entries)
    {
        Field = field;
        Entries = [.. entries.Select(e => (e.Id, ImmutableArray.Create(e.Words)))];
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, words) in entries)
        {
            map[TextKey.Word(id)] = id;
            foreach (var word in words)
            {
                map[TextKey.Word(word)] = id;
            }
        }

        _byWord = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The field whose values the list holds.</summary>
    public string Field { get; }

    /// <summary>Each id with the words written for it.</summary>
    public ImmutableArray<(string Id, ImmutableArray<string> Words)> Entries { get; }

    /// <summary>The id <paramref name="text"/> stands for, or <paramref name="text"/> itself when it is not in the list.</summary>
    public string Map(string text) => _byWord.TryGetValue(TextKey.Word(text), out var id) ? id : text;

    /// <summary>Whether <paramref name="text"/> is in the list (as an id or a word).</summary>
    public bool Contains(string text) => _byWord.ContainsKey(TextKey.Word(text));
}
