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
    public void Check_FindsEnglishProseThatIsNotInTheCatalog()
    {
        // The check itself can fail: English prose passed as a plain argument is caught, a catalog phrase is not.
        var prose = Diagnostic.Create(DiagnosticCodes.InvalidValue, Model.SourceSpan.None, "x", "the value is not what was expected");
        var value = Diagnostic.Create(DiagnosticCodes.InvalidValue, Model.SourceSpan.None, "x", "must not be negative");

        Assert.Single(EnglishIn([prose]));
        Assert.Empty(EnglishIn([value]));
    }
}
