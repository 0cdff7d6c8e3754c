using System.Collections.Frozen;
using System.Globalization;

namespace ThiDua.Rules.Validation;

/// <content>
/// Phrases: parts of a message that vary with the case (which side of an operator, which type, which limit), each
/// declared once with its Vietnamese and English text and its own placeholders. A diagnostic argument made with
/// <see cref="Phrase"/> is rendered in the language of the message that holds it; nothing is translated from English.
/// </content>
internal static partial class DiagnosticCatalog
{
    /// <summary>Marks an argument as a phrase of the catalog: its key, then its arguments, separated by <see cref="NestedSeparator"/>.</summary>
    internal const char PhraseMarker = '\u0005';

    /// <summary>Stands for <see cref="NestedSeparator"/> inside a phrase's argument (a phrase inside a phrase).</summary>
    private const char InnerSeparator = '\u0006';

    private static readonly FrozenDictionary<string, (string Vi, string En)> PhraseTable =
        ExpressionPhrases.Concat(GeneralPhrases).Concat(InputPhrases).ToFrozenDictionary(p => p.Key, p => (p.Vi, p.En), StringComparer.Ordinal);

    /// <summary>Every phrase: its key and both texts.</summary>
    internal static IEnumerable<(string Key, string Vi, string En)> AllPhrases => PhraseTable.Select(p => (p.Key, p.Value.Vi, p.Value.En));

    /// <summary>An argument that renders the phrase <paramref name="key"/> with <paramref name="arguments"/> (which may be
    /// terms or phrases themselves) in the language of the message.</summary>
    internal static string Phrase(string key, params string[] arguments)
    {
        if (!PhraseTable.ContainsKey(key))
        {
            throw new ArgumentException("no phrase '" + key + "' in the catalog", nameof(key));
        }

        return PhraseMarker + string.Join(NestedSeparator, [key, .. arguments.Select(a => a.Replace(NestedSeparator, InnerSeparator))]);
    }

    /// <summary>The phrase <paramref name="key"/> (without arguments) in <paramref name="language"/>.</summary>
    internal static string PhraseText(string key, Language language) => RenderPhrase(Phrase(key), language);

    private static string RenderPhrase(string argument, Language language)
    {
        var parts = argument[1..].Split(NestedSeparator);
        if (!PhraseTable.TryGetValue(parts[0], out var phrase))
        {
            return parts[0];
        }

        var values = parts[1..].Select(a => (object)Localize(a.Replace(InnerSeparator, NestedSeparator), language)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, language == Language.En ? phrase.En : phrase.Vi, values);
    }

    /// <summary>Phrases of the rule-set checks outside expressions.</summary>
    private static (string Key, string Vi, string En)[] GeneralPhrases =>
    [
        ("value.scale-needs-level", "một thang cần ít nhất một mức", "a scale needs at least one level"),
        ("value.not-negative", "không được âm", "must not be negative"),
        ("value.vote-share", "tỷ lệ trên số thành viên hội đồng phải lớn hơn 0% và không quá 100%", "a share of the council's members must be above 0% and at most 100%"),
        ("value.quota-share-outside", "{0} nằm ngoài khoảng 0%–100% (ghi \"count\": true khi là số lượng đối tượng)", "{0} is outside 0%–100% (write \"count\": true for a number of subjects)"),
        ("value.quota-count-negative", "{0} nhỏ hơn 0 suất", "{0} is below 0 places"),
        ("subject.scoring-individual", "cá nhân (bảng chấm điểm xếp hạng đơn vị hoặc doanh nghiệp)", "individual (scoring tables rank units or enterprises)"),
        ("owner.award-criteria", "các tiêu chí của danh hiệu '{0}'", "the criteria of award '{0}'"),
        ("owner.targets", "các chỉ tiêu kế hoạch", "the targets"),
    ];
}
