using System.Text;
using System.Text.RegularExpressions;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.ShippedRules;

/// <summary>
/// The guide's table of codes (<c>rules/README.md</c> §7) is the catalog's: every code the catalog has is one row with its
/// severity and Vietnamese text, in order, and no code that is no longer reported appears anywhere in the guide.
/// </summary>
public sealed partial class RulesGuideCodeTableTests
{
    private const string Start = "<!-- tdr-codes:start -->";
    private const string End = "<!-- tdr-codes:end -->";

    [GeneratedRegex(@"\bTDR\d{3}\b")]
    private static partial Regex Code();

    private static string Guide => File.ReadAllText(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "README.md"), Encoding.UTF8)
        .Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Table(string guide)
    {
        var start = guide.IndexOf(Start, StringComparison.Ordinal);
        var end = guide.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "rules/README.md has no " + Start + " … " + End + " section");
        return guide[(start + Start.Length)..end].Trim('\n');
    }

    /// <summary>The table the catalog gives: one row per code still reported, in the order of the numbers.</summary>
    private static string Expected()
    {
        var rows = new StringBuilder("| mã | mức | nội dung thông báo |\n|---|---|---|\n");
        foreach (var entry in DiagnosticCatalog.All.Where(e => !DiagnosticCatalog.Retired.Contains(e.Code)).OrderBy(e => e.Code.Number))
        {
            var severity = entry.Severity switch { Severity.Error => "lỗi", Severity.Warning => "cảnh báo", _ => "thông tin" };
            rows.Append("| `").Append(entry.Code).Append("` | ").Append(severity).Append(" | ")
                .Append(entry.Vi.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)).Append(" |\n");
        }

        return rows.ToString().TrimEnd('\n');
    }

    [Fact]
    public void CodeTable_ListsEveryCodeOfTheCatalog_WithItsSeverityAndVietnameseText()
    {
        var expected = Expected();
        var actual = Table(Guide);

        if (actual != expected)
        {
            // The rows to paste between the markers, for whoever added or changed a code.
            var file = Path.Combine(Path.GetTempPath(), "thidua-tdr-codes.md");
            File.WriteAllText(file, expected + "\n", new UTF8Encoding(false));
            var missing = Code().Matches(expected).Select(m => m.Value).Except(Code().Matches(actual).Select(m => m.Value)).ToList();
            var extra = Code().Matches(actual).Select(m => m.Value).Except(Code().Matches(expected).Select(m => m.Value)).ToList();
            Assert.Fail($"rules/README.md's table of codes differs from the catalog (missing: {string.Join(", ", missing)}; not in the catalog: {string.Join(", ", extra)}); the table the catalog gives is in {file}");
        }
    }

    [Fact]
    public void Guide_NamesNoRetiredCode_AndOnlyCodesOfTheCatalog()
    {
        var named = Code().Matches(Guide).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var catalog = DiagnosticCatalog.All.Select(e => e.Code.ToString()).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(DiagnosticCatalog.Retired);
        Assert.Empty(named.Intersect(DiagnosticCatalog.Retired.Select(c => c.ToString())));
        Assert.Empty(named.Except(catalog));
    }
}
