using System.Text.RegularExpressions;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Writing;

/// <summary>
/// The one report catalog: every key has a Vietnamese and an English text with the same placeholders, the Vietnamese
/// texts hold no English sentence, and every key the code names exists.
/// </summary>
public sealed partial class ReportCatalogTests
{
    // Words only English prose has (as in VietnameseMessagesTests), looked for in the Vietnamese texts.
    [GeneratedRegex(@"\b(the|must|is|are|expected|an|of|with|not|between|use|found|none|cannot|should|invalid|missing|unknown|recommended|eligible|award|unit|council|year|basis|name|total|reasons|page|listed|collective|individual|proposed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWord();

    // A command-line option (--year, --as-of) is a name, not English prose; so are an example command line of the help
    // and a quoted value or column name ('reasons', 'award').
    [GeneratedRegex(@"--[a-z][a-z-]*|^\s*thidua .*$|'[^']*'", RegexOptions.Multiline)]
    private static partial Regex OptionName();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // A key named in the code: "report.…", "table.…" and the other prefixes, or a document word W_("…")/F("…").
    [GeneratedRegex(@"""((?:report|table|explain|diff|test|record|kind|council|template|quota|parameter|describe|cli)\.[a-z0-9-]+)""|\b(?:W_|F)\(""([a-z0-9-]+)""")]
    private static partial Regex KeyInCode();

    public static TheoryData<string> Keys => [.. ReportCatalog.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Entry_HasVietnameseAndEnglish_WithTheSamePlaceholders(string key)
    {
        var (vi, en) = ReportCatalog.Entry(key);

        Assert.False(string.IsNullOrWhiteSpace(vi), key + ": no Vietnamese text");
        Assert.False(string.IsNullOrWhiteSpace(en), key + ": no English text");
        Assert.Equal(Placeholders(en), Placeholders(vi));
    }

    [Fact]
    public void VietnameseTexts_HoldNoEnglishSentence()
    {
        var english = ReportCatalog.Keys.Select(k => (Key: k, Text: ReportCatalog.Get(k, Language.Vi)))
            .Where(e => EnglishWord().IsMatch(OptionName().Replace(e.Text.Replace("ThiDua.Rules", "", StringComparison.Ordinal).Replace("--include all", "", StringComparison.Ordinal), "")))
            .Select(e => e.Key + ": " + e.Text).ToList();

        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    [Fact]
    public void Check_FindsEnglishInAVietnameseText()
    {
        // The check itself can fail.
        Assert.Matches(EnglishWord(), "Eligible but over the quota");
        Assert.DoesNotMatch(EnglishWord(), ReportCatalog.Get("report.over-quota-line", Language.Vi));
    }

    [Fact]
    public void EveryKeyTheCodeNames_IsInTheCatalog()
    {
        var src = Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "src");
        var named = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("ReportCatalog", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyInCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : "doc." + m.Groups[2].Value))
            .Distinct(StringComparer.Ordinal).ToList();

        Assert.True(named.Count > 100, "found only " + named.Count + " keys in the code");
        var known = ReportCatalog.Keys.ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(named, k => !known.Contains(k));
        Assert.All(ThiDua.Rules.Reporting.Writing.CsvResultWriter.Columns, c => Assert.Contains("csv." + c, known));
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];
}
