using Newtonsoft.Json.Linq;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Cli.Commands;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

/// <summary>
/// <c>thidua describe</c>: the reference of a rule set. The national pack's reference, docs/reference/vn-tdkt.md (linked
/// from the README), is this command's output and must stay so: regenerate it with <c>THIDUA_UPDATE_DOCS=1</c>.
/// </summary>
public sealed class DescribeCommandTests
{
    private static string NationalPack => Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn");

    private static string Reference => Path.Combine(ShippedRulesTests.RepositoryRoot, "docs", "reference", "vn-tdkt.md");

    [Fact]
    public void Markdown_NationalPack_IsTheCheckedInReference()
    {
        var generated = DescribeCommand.Markdown(RuleSetLoader.Load(NationalPack).GetValueOrThrow(), Language.En);
        if (Environment.GetEnvironmentVariable("THIDUA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(Reference, generated);
        }

        Assert.Equal(generated, File.ReadAllText(Reference).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Describe_NationalPack_ListsEveryAwardFactScaleAndParameterOfBothRegimes()
    {
        var library = RuleSetLoader.Load(NationalPack).GetValueOrThrow();
        var (code, output, _) = Run("describe", NationalPack, "--format", "json");

        Assert.Equal(ExitCodes.Success, code);
        var versions = JArray.Parse(output);
        Assert.Equal(library.Versions.Length, versions.Count);
        foreach (var version in library.Versions)
        {
            var described = versions.Single(v => (string?)v["version"] == version.Version);
            Assert.Equal(version.Awards.Select(a => a.Id), described["awards"]!.Select(a => (string)a["id"]!));
            Assert.Equal(version.Facts.Select(f => f.Id).Order(StringComparer.Ordinal), described["facts"]!.Select(f => (string)f["id"]!).Order(StringComparer.Ordinal));
            Assert.Equal(version.Scales.Select(s => s.Id), described["scales"]!.Select(s => (string)s["id"]!));
            Assert.Equal(version.Parameters.Select(p => p.Id), described["parameters"]!.Select(p => (string)p["id"]!));
        }

        var ldtt = versions.Single(v => (string?)v["version"] == "2024-01-01")["awards"]!.Single(a => (string)a["id"]! == "lao-dong-tien-tien");
        Assert.Equal("Advanced worker", (string?)ldtt["nameEn"]);
        Assert.Equal("individual", (string?)ldtt["subject"]);
        Assert.Contains("lao-dong-tien-tien/khong-dang-xem-xet-ky-luat", versions.Last()["pluginTypes"]!["no-pending-review"]!.Select(t => (string)t!));
    }

    [Fact]
    public void Describe_BrokenRuleFile_ExitsOneWithTheDiagnostic()
    {
        using var folder = new TempFolder();
        var file = folder.Write("broken.json", "{ \"id\": ");

        var (code, _, error) = Run("describe", file);

        Assert.Equal(ExitCodes.RulesFailed, code);
        Assert.Contains("TDR128", error, StringComparison.Ordinal);
    }

    /// <summary>The rows of the built-in fields table: field name → its cells.</summary>
    private static Dictionary<string, string[]> FieldRows(string markdown)
    {
        var section = markdown[markdown.IndexOf("\n## ", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        return section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Trim('|', ' ').Split(" | "))
            .ToDictionary(cells => cells[0].Trim('`'), cells => cells);
    }

    [Theory]
    [InlineData(Language.Vi)]
    [InlineData(Language.En)]
    public void Markdown_BuiltInFields_AreTheSubjectSchemasWithTheirLabelsInTheLanguage(Language language)
    {
        var rows = FieldRows(DescribeCommand.Markdown(RuleSetLoader.Load(NationalPack).GetValueOrThrow(), language));

        var declared = ThiDua.Rules.Schema.SubjectSchema.Individuals.Concat(ThiDua.Rules.Schema.SubjectSchema.Units).Where(f => f.Type != ThiDua.Rules.Schema.SubjectValueType.Derived).ToList();
        Assert.Equal(declared.Select(f => f.Name).ToHashSet(), rows.Keys.ToHashSet());
        Assert.All(declared, field => Assert.Contains(language == Language.En ? field.LabelEn : field.LabelVi, rows[field.Name][3], StringComparison.Ordinal));
        Assert.Contains("scale `rating`", rows["rating"][2], StringComparison.Ordinal);
        Assert.Contains("`cong-chuc`", rows["employeeType"][2], StringComparison.Ordinal);
        Assert.Contains("`unitId`", rows["unit"][3], StringComparison.Ordinal);
        Assert.Equal(("number", "list", "object"), (rows["monthsWorked"][2], rows["initiatives"][2], rows["history"][2]));
    }

    [Fact]
    public void Markdown_InVietnamese_HeadingsAndFieldsHaveNoEnglish_AndInEnglishNoVietnamese()
    {
        var library = RuleSetLoader.Load(NationalPack).GetValueOrThrow();
        static IEnumerable<string> Ours(string markdown) => markdown.Split('\n')
            .Where(l => l.StartsWith('#') && !l.StartsWith("# ", StringComparison.Ordinal) || l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| `", StringComparison.Ordinal))
            .Concat(FieldRows(markdown).Values.Select(cells => string.Join(" | ", cells)))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, "`[^`]*`|\\b(string|number|date|bool|scale|list|object)\\b", ""));

        var vietnamese = Ours(DescribeCommand.Markdown(library, Language.Vi)).ToList();
        var english = Ours(DescribeCommand.Markdown(library, Language.En)).ToList();

        Assert.True(vietnamese.Count > 20, "only " + vietnamese.Count + " lines");
        Assert.DoesNotContain(vietnamese, l => Validation.VietnameseMessagesTests.EnglishWord().IsMatch(l));
        Assert.DoesNotContain(english, l => System.Text.RegularExpressions.Regex.IsMatch(l, "[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ]"));
    }
}
