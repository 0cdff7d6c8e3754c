using System.Text.RegularExpressions;
using ThiDua.Rules.Model;
using ThiDua.Rules.RulesEngine;
using ThiDua.Rules.Tests.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.RulesEngine;

/// <summary>
/// The RulesEngine companion's words come from its catalog (ImportCatalog), tested as the core's catalogs are: both
/// languages with the same placeholders, no English in the Vietnamese; and what the importer says (its notes, why a
/// workflow file cannot be read) and writes into a rule file is the catalog's.
/// </summary>
public sealed partial class ImportCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-import-words-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ]")]
    private static partial Regex VietnameseLetter();

    // RulesEngine's own names (GlobalParams, RuleName, input1.x) and quoted values are names, not prose.
    private static bool HasEnglish(string vietnamese) =>
        VietnameseMessagesTests.EnglishWord().IsMatch(Regex.Replace(vietnamese, @"'[^']*'|\b(GlobalParams|WorkflowsToInject|LocalParams|WorkflowName|RuleName|Rules|Expression|RulesEngine|JSON|input1(\.\w+)?)\b", ""));

    private static string[] Placeholders(string text) => [.. Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    public static TheoryData<string> Keys => [.. ImportCatalog.All.Select(e => e.Key)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Entry_HasBothLanguages_TheSamePlaceholders_AndNoEnglishInItsVietnamese(string key)
    {
        var (_, vi, en) = ImportCatalog.All.Single(e => e.Key == key);

        Assert.False(string.IsNullOrWhiteSpace(vi) || string.IsNullOrWhiteSpace(en), key);
        Assert.Equal(Placeholders(en), Placeholders(vi));
        Assert.False(HasEnglish(vi), key + ": " + vi);
        Assert.DoesNotMatch(VietnameseLetter(), en);
    }

    private ImportResult Import(string workflow)
    {
        var path = Path.Combine(_folder, "wf.json");
        File.WriteAllText(path, workflow);
        return WorkflowImporter.Import(path, Path.Combine(_folder, "out.json"), null, new Dictionary<string, ValueKind>());
    }

    [Fact]
    public void Notes_AreTheCatalogsInBothLanguages()
    {
        var result = Import("""
            [ { "WorkflowName": "LDTT", "GlobalParams": [ { "Name": "x", "Expression": "1" } ], "Rules": [
                { "RuleName": "A", "Expression": "input1.bonusPoints > 3" },
                { "RuleName": "B", "Expression": "input1.name.Length > 3" },
                { "RuleName": "C", "Expression": "DateTime.Now.Year > 2000" },
                { "RuleName": "D", "LocalParams": [ { "Name": "y", "Expression": "1" } ], "Expression": "y > 0" },
                { "RuleName": "E", "Expression": "input1.rating == \"HTTNV\" # 1" },
                { "RuleName": "F" } ] } ]
            """);

        Assert.NotNull(result.RuleFile);
        Assert.Equal(7, result.Notes.Length);
        Assert.All(result.Notes, n =>
        {
            Assert.False(HasEnglish(n.Vi), n.Vi);
            Assert.DoesNotMatch(VietnameseLetter(), n.En);
            Assert.NotEqual(n.En, n.Vi);
        });
        Assert.Contains(result.Notes, n => n.Vi == ImportCatalog.Format("note.local-params", Language.Vi));
        Assert.Contains(result.Notes, n => (n.En, n.Vi) == ImportCatalog.Pair("note.fact-declared", "bonusPoints", "number"));
    }

    [Fact]
    public void RuleFile_SaysTheMissingLegalBasisInVietnamese_WithoutEnglish()
    {
        var result = Import("""[ { "WorkflowName": "LDTT", "Rules": [ { "RuleName": "A", "Expression": "input1.rating == \"HTTNV\"" }, { "RuleName": "B", "Expression": "DateTime.Now.Year > 2000" } ] } ]""");

        var file = Newtonsoft.Json.Linq.JObject.Parse(result.RuleFile!);
        var texts = file.SelectTokens("$..basis").Concat(file.SelectTokens("$..name")).Select(t => (string)t!).ToList();
        Assert.Contains(texts, t => t.StartsWith("Chưa có căn cứ pháp lý", StringComparison.Ordinal));
        Assert.All(texts.Where(t => t is not ("LDTT" or "A" or "B")), t => Assert.False(HasEnglish(t), t));
    }

    [Theory]
    [InlineData("[ { \"WorkflowName\": \"LDTT\", \"Rules\": [ ")]
    [InlineData("[ { \"WorkflowName\": \"LDTT\", \"Rules\": [ ] } ] x")]
    [InlineData("[ { \"WorkflowName\": \"LDTT\", \"Rules\": [ { \"RuleName\": \"A\", \"Expression\": tru } ] } ]")]
    [InlineData("[ 1 ]")]
    [InlineData("[ { \"WorkflowName\": \"LDTT\" } ]")]
    [InlineData("[ { \"WorkflowName\": \"LDTT\", \"Rules\": [ { \"RuleName\": 1 } ] } ]")]
    [InlineData("[ { \"WorkflowName\": \"LDTT\", \"Rules\": [ { \"RuleName\": \"A\", \"Expression\": 1 } ] } ]")]
    public void UnreadableWorkflow_SaysWhyInBothLanguages_NeverNewtonsoftsText(string workflow)
    {
        var result = Import(workflow);

        Assert.Null(result.RuleFile);
        var (en, vi) = result.Problem!.Value;
        Assert.False(HasEnglish(vi), vi);
        Assert.DoesNotMatch(VietnameseLetter(), en);
        Assert.DoesNotContain("Path '", en, StringComparison.Ordinal);
        Assert.DoesNotContain("line ", en, StringComparison.Ordinal);
    }
}
