using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.Corpus;
using ThiDua.Rules.Tests.PropertyBased;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Validation;

/// <summary>
/// Vietnamese messages are Vietnamese: every diagnostic of the malformed-input corpus and of generated data documents,
/// rendered in Vietnamese, holds no English sentence (the values quoted from the corpus are ids, numbers and member
/// names, which hold none of the words looked for).
/// </summary>
public sealed partial class VietnameseMessagesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Words that only English prose has; Vietnamese messages may name JSON members and ids, which are masked or not words.
    [GeneratedRegex(@"\b(the|must|is|are|expected|an|of|with|not|between|use|found|unexpected|encountered|while|after|cannot|should|invalid|missing|unknown|too|write|remove)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex EnglishWord();

    private static IEnumerable<string> EnglishIn(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Message(Language.Vi))
            .Where(text => EnglishWord().IsMatch(text.Replace("JSON", "", StringComparison.Ordinal).Replace("CSV UTF-8 (Comma delimited)", "", StringComparison.Ordinal)));

    [Fact]
    public void EveryCorpusDiagnostic_InVietnamese_HasNoEnglishSentence()
    {
        var names = ((IEnumerable<object?[]>)MalformedInputCorpus.FileNames()).Concat(MalformedInputCorpus.GeneratedCaseNames()).Select(row => (string)row[0]!);
        var diagnostics = names.SelectMany(name => MalformedInputCorpus.Check(MalformedInputCorpus.Get(name, _folder))).ToList();

        Assert.True(diagnostics.Count > 50, "the corpus gave only " + diagnostics.Count + " diagnostics");
        var english = EnglishIn(diagnostics).Distinct().ToList();
        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    [Fact]
    public void EveryDiagnosticOfGeneratedData_InVietnamese_HasNoEnglishSentence()
    {
        var documents = Gen.Sample(DocumentGenerators.DataDocument(), 300, new Rnd(5UL, 9UL), 20);
        var diagnostics = documents.SelectMany(text => SubjectDataLoader.LoadText(text, "d.json").Diagnostics).ToList();

        Assert.NotEmpty(diagnostics);
        var english = EnglishIn(diagnostics).Distinct().ToList();
        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    [Fact]
    public void EveryCatalogMessage_InVietnamese_WithTypicalArguments_HasNoEnglishSentence()
    {
        // Every code's template with values such as a file's ids and numbers (no words of either language): what remains
        // is the catalog's own text.
        var english = DiagnosticCatalog.All
            .Select(entry => (entry.Code, Text: Diagnostic.Create(entry.Code, Model.SourceSpan.None, [.. Enumerable.Range(0, 10).Select(i => "NV00" + i)]).Message(Language.Vi)))
            .Where(m => EnglishIn(m.Text))
            .Select(m => m.Code + " " + m.Text)
            .ToList();

        Assert.True(DiagnosticCatalog.All.Count > 150, "the catalog has only " + DiagnosticCatalog.All.Count + " codes");
        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    [Fact]
    public void EveryPhrase_HasBothLanguagesAndTheSamePlaceholders_AndItsVietnameseNoEnglish()
    {
        var phrases = DiagnosticCatalog.AllPhrases.ToList();

        Assert.NotEmpty(phrases);
        Assert.All(phrases, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Vi) || string.IsNullOrWhiteSpace(p.En), p.Key);
            Assert.Equal(Placeholders(p.En), Placeholders(p.Vi));
            var arguments = Placeholders(p.En).Select(_ => "NV001").ToArray();
            var vietnamese = DiagnosticCatalog.Localize(DiagnosticCatalog.Phrase(p.Key, arguments), Language.Vi);
            Assert.False(EnglishIn(System.Text.RegularExpressions.Regex.Replace(vietnamese, "'[^']*'", "''")), p.Key + ": " + vietnamese); // member names are quoted
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, p.En, arguments), DiagnosticCatalog.Localize(DiagnosticCatalog.Phrase(p.Key, arguments), Language.En));
        });
    }

    [Fact]
    public void Phrase_InsideAPhrase_IsRenderedInTheLanguageOfTheMessage()
    {
        // "argument 2 of had must be a number, but is a list of individuals": roles and types are phrases, nested.
        var d = Diagnostic.Create(DiagnosticCodes.ExpressionWrongType, Model.SourceSpan.None,
            DiagnosticCatalog.Phrase("role.argument", "2", "had"), DiagnosticCatalog.Phrase("type.number"), DiagnosticCatalog.Phrase("type.list-individual"));

        Assert.Equal("argument 2 of had must be a number, but is a list of individuals", d.Message(Language.En));
        Assert.Equal("đối số thứ 2 của had phải là một số, nhưng là danh sách cá nhân", d.Message(Language.Vi));
    }

    [GeneratedRegex(@"DiagnosticCatalog\.(?<kind>Term|Phrase)\(""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex CatalogCall();

    [Fact]
    public void EveryTermAndPhraseTheSourceNames_IsInTheCatalog()
    {
        // A term or phrase missing from the catalog would be shown as its English key (a term) or fail at run time (a
        // phrase): every literal key in src/ is checked, so none waits for the one input that reaches it.
        var source = Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "src");
        var calls = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => CatalogCall().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Kind: m.Groups["kind"].Value, Key: Regex.Unescape(m.Groups["key"].Value))))
            .ToList();
        var phrases = DiagnosticCatalog.AllPhrases.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        Assert.True(calls.Count > 100, "found only " + calls.Count + " calls");
        var missing = calls.Where(c => c.Kind == "Term" ? !DiagnosticCatalog.IsTerm(c.Key, out _) : !phrases.Contains(c.Key))
            .Select(c => c.File + ": " + c.Kind + "(\"" + c.Key + "\")").Distinct().ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    private static SortedSet<string> Placeholders(string template) =>
        new(System.Text.RegularExpressions.Regex.Matches(template, @"\{\d+\}").Select(m => m.Value));

    private static bool EnglishIn(string text) =>
        EnglishWord().IsMatch(text.Replace("JSON", "", StringComparison.Ordinal).Replace("CSV UTF-8 (Comma delimited)", "", StringComparison.Ordinal));

    [Fact]
    public void Check_FindsEnglishProseThatIsNotInTheCatalog()
    {
        // The check itself can fail: English prose passed as a plain argument is caught, a catalog phrase is not.
        var prose = Diagnostic.Create(DiagnosticCodes.InvalidValue, Model.SourceSpan.None, "x", "the value is not what was expected");
        var value = Diagnostic.Create(DiagnosticCodes.InvalidValue, Model.SourceSpan.None, "x", DiagnosticCatalog.Phrase("value.not-negative"));

        Assert.Single(EnglishIn([prose]));
        Assert.Empty(EnglishIn([value]));
    }
}
