using System.Text;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Corpus;

/// <summary>
/// Every malformed file of the corpus gets its exact first error (code, line, column, did-you-mean) from the library,
/// and from the CLI exit code 2 (1 for invalid rules), <c>file:line:col TDR###</c> on stderr, no stack trace and
/// nothing at <c>--out</c>; a slip that is only a warning gets its warning from validate, and the check still runs.
/// </summary>
public sealed class MalformedInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Files() => MalformedInputCorpus.FileNames();

    public static TheoryData<string> Generated() => MalformedInputCorpus.GeneratedCaseNames();

    [Theory]
    [MemberData(nameof(Files))]
    [MemberData(nameof(Generated))]
    public void Load_MalformedInput_FirstErrorHasTheExpectedCodeAndPosition(string name)
    {
        var corpusCase = MalformedInputCorpus.Get(name, _folder);

        var diagnostics = MalformedInputCorpus.Check(corpusCase);

        var error = diagnostics.FirstOrDefault(d => d.Severity == (corpusCase.IsWarning ? Severity.Warning : Severity.Error));
        Assert.True(error is not null, "no " + (corpusCase.IsWarning ? "warning" : "error") + " for " + name + ":\n" + string.Join("\n", diagnostics.Select(d => d.Format(Language.En))));
        Assert.Equal((corpusCase.Code, corpusCase.Path, corpusCase.Place), (error.Code.ToString(), error.Span.File, error.Span.ToString()));
        if (corpusCase.Cell is null)
        {
            Assert.Equal((corpusCase.Line, corpusCase.Column), (error.Span.Line, error.Span.Column));
        }
        Assert.Equal(corpusCase.Suggestion, error.Suggestion);
        Assert.All(diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message(Language.Vi)) || string.IsNullOrWhiteSpace(d.Message(Language.En))));
    }

    [Theory]
    [MemberData(nameof(Files))]
    [MemberData(nameof(Generated))]
    public void Check_MalformedInput_ExitsWithPositionAndCodeAndLeavesNothingAtOut(string name)
    {
        var corpusCase = MalformedInputCorpus.Get(name, _folder);
        var root = ShippedRulesTests.RepositoryRoot;
        var rules = corpusCase.IsRuleFile ? corpusCase.Path : Path.Combine(root, corpusCase.Rules);
        var data = corpusCase.IsRuleFile ? Path.Combine(root, MalformedInputCorpus.SampleData) : corpusCase.Path;
        var outFolder = Directory.CreateDirectory(_folder.PathOf("out")).FullName;
        var before = Hash(corpusCase.Path);

        if (corpusCase.IsWarning)
        {
            // Only a warning: validate says it where it is and succeeds; check runs as usual.
            var (validated, said, _) = Run("validate", corpusCase.Path, "--lang", "en");
            Assert.Equal(ExitCodes.Success, validated);
            Assert.Contains($"{corpusCase.Place} {corpusCase.Code} warning: ", said, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Success, Run("check", "--rules", rules, "--data", data, "--format", "json", "--out", Path.Combine(outFolder, "ket-qua.json")).ExitCode);
            Assert.Equal(before, Hash(corpusCase.Path));
            return;
        }

        var (code, output, error) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--out", Path.Combine(outFolder, "ket-qua.json"), "--lang", "en");

        Assert.Equal(corpusCase.IsRuleFile ? ExitCodes.RulesFailed : ExitCodes.BadInput, code);
        Assert.Contains($"{corpusCase.Place} {corpusCase.Code} ", error, StringComparison.Ordinal);
        Assert.Equal(before, Hash(corpusCase.Path));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outFolder));
    }

    [Fact]
    public void Manifest_ListsEveryCorpusFileAndNothingElse()
    {
        var onDisk = Directory.EnumerateFiles(MalformedInputCorpus.Folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".json" or ".csv" or ".xlsx")
            .Select(f => Path.GetRelativePath(MalformedInputCorpus.Folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != "expected.json")
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, MalformedInputCorpus.Files().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Contains(MalformedInputCorpus.Files(), f => f.IsRuleFile);
        Assert.Contains(MalformedInputCorpus.Files(), f => !f.IsRuleFile);
    }

    [Fact]
    public void Load_EmptyTextOrWhitespace_SaysTheFileIsEmpty()
    {
        foreach (var text in new[] { "", "  \n\t", "\uFEFF" })
        {
            var rules = Assert.Single(RuleSetLoader.LoadText(text, "r.json").Errors);
            var data = Assert.Single(SubjectDataLoader.LoadText(text, "d.json").Errors);

            Assert.Equal((DiagnosticCodes.JsonEmptyFile, 1, 1), (rules.Code, rules.Span.Line, rules.Span.Column));
            Assert.Equal((DiagnosticCodes.JsonEmptyFile, 1, 1), (data.Code, data.Span.Line, data.Span.Column));
            Assert.Contains("empty", rules.Message(Language.En), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\", \"monthsWorked\": NaN } ] }", "TDR125", "or null when the value is not known")]
    [InlineData("{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\", \"monthsWorked\": Infinity } ] }", "TDR125", "write a finite number")]
    [InlineData("{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\", \"monthsWorked\": 1e400 } ] }", "TDR126", "at most 28 significant digits")]
    [InlineData("{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\", \"name\": \"An", "TDR127", "close the double quote")]
    [InlineData("{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\" }", "TDR128", "was the file cut short?")]
    [InlineData("{ \"year\": 2024, \"year\": 2025 }", "TDR129", "delete one of them")]
    [InlineData("{ \"year\": 2024 } { \"year\": 2025 }", "TDR123", "exactly one JSON value")]
    public void LoadText_CommonHandMadeMistake_HasItsOwnCodeAndSaysWhatToDo(string json, string code, string advice)
    {
        var error = Assert.Single(SubjectDataLoader.LoadText(json, "d.json").Errors);

        Assert.Equal(code, error.Code.ToString());
        Assert.Contains(advice, error.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DataWithByteOrderMarkAndDecomposedVietnamese_MatchesTheComposedIdsOfTheRules()
    {
        // Some spreadsheets export Vietnamese in NFD (base letter + combining marks); ids and text must still match.
        var composed = "PHÒNG-KẾ-TOÁN";
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        var rules = _folder.Write("rules.json", TestRules.RuleFile(
            TestRules.Award("ldtt", $"rating >= 'HTTNV' && unitId == '{decomposed}' && position == 'Kế toán trưởng'") + "," +
            TestRules.Award("tap-the", "members.ratio(m => m.has('ldtt')) >= 70%", "unit")), byteOrderMark: true);
        var data = _folder.Write("data.json", $$"""
            { "year": 2024, "asOf": "2024-12-31",
              "units": [ { "id": "{{composed}}", "name": "Phòng Kế toán" } ],
              "individuals": [ { "id": "A", "unit": "{{decomposed}}", "rating": "HTTNV", "position": "{{"Kế toán trưởng".Normalize(NormalizationForm.FormD)}}" } ] }
            """, byteOrderMark: true);

        var (code, output, error) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--include", "all", "--lang", "en");

        Assert.True(code == ExitCodes.Success, error);
        var results = Newtonsoft.Json.Linq.JObject.Parse(output)["results"]!;
        Assert.Equal("recommended", (string?)results.Single(r => (string?)r["subject"] == "A")["outcome"]);
        Assert.Equal("recommended", (string?)results.Single(r => (string?)r["subject"] == composed)["outcome"]);
    }

    [Fact]
    public void LoadText_TextStartingWithAByteOrderMark_IsAccepted()
    {
        var loaded = RuleSetLoader.LoadText("\uFEFF" + TestRules.RuleFile(TestRules.Award("a", "true")), "r.json");

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.True(SubjectDataLoader.LoadText("\uFEFF{ \"year\": 2024 }", "d.json").Succeeded);
    }

    [Fact]
    public void Compile_ValidBaseOfTheRuleCorpus_HasNoError()
    {
        // Each rule file of the corpus is this valid file with one mistake; the base itself must be clean, or the
        // expected first errors would say nothing.
        var json = File.ReadAllText(Path.Combine(MalformedInputCorpus.Folder, "rules", "expression-ends-early.json"), Encoding.UTF8)
            .Replace("rating >= 'HTTNV' &&\"", "rating >= 'HTTNV' && monthsWorked >= 10\"", StringComparison.Ordinal);

        var compiled = RuleSetCompiler.Compile(RuleSetLoader.LoadText(json, "base.json").GetValueOrThrow().Versions.Single());

        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Diagnostics));
    }
}
