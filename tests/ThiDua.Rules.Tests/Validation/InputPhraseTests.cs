using System.Text.RegularExpressions;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Validation;

/// <summary>
/// The words of input problems come from the catalog: a JSON mistake without its own code (TDR001) says in Vietnamese
/// what is wrong at its line and column, never Newtonsoft.Json's English; a file that cannot be read says why (missing,
/// a folder, access denied, in use) in the user's language, never the operating system's text; JSON kinds, limits and
/// rule-file values are phrases with both languages.
/// </summary>
public sealed partial class InputPhraseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Letters only Vietnamese has: English messages must hold none.
    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ]")]
    private static partial Regex VietnameseLetter();

    private static bool HasEnglish(string vietnamese) =>
        VietnameseMessagesTests.EnglishWord().IsMatch(Regex.Replace(vietnamese.Replace("JSON", "", StringComparison.Ordinal), "'[^']*'", "''"));

    private static void AssertBothLanguages(Diagnostic d)
    {
        var vi = d.Message(Language.Vi);
        var en = d.Message(Language.En);
        Assert.False(HasEnglish(vi), d.Code + " (vi): " + vi);
        Assert.False(VietnameseLetter().IsMatch(en), d.Code + " (en): " + en);
        Assert.NotEqual(vi, en);
    }

    public static TheoryData<string, string, int, int> MisspeltJson => new()
    {
        // The document, the phrase expected, and the line and column of the mistake.
        { "{\n  \"year\": tru\n}", "json.bad-literal", 2, 11 },
        { "{\n  \"year\": nul\n}", "json.bad-literal", 2, 11 },
        { "{\n  \"year\": 2024 /x\n}", "json.bad-comment", 2, 16 },
        { "{\n  \"year\": 2024 /* không đóng\n", "json.unterminated-comment", 3, 1 },
    };

    [Theory]
    [MemberData(nameof(MisspeltJson))]
    public void MalformedJson_WithoutItsOwnCode_IsTdr001WithACatalogPhraseAtItsPlace(string json, string phrase, int line, int column)
    {
        var error = Assert.Single(SubjectDataLoader.LoadText(json, "d.json").Diagnostics, d => d.Code == DiagnosticCodes.InvalidJson);

        Assert.Equal(DiagnosticCodes.InvalidJson, error.Code);
        Assert.Equal(DiagnosticCatalog.Phrase(phrase), Assert.Single(error.Arguments));
        Assert.Equal(("d.json", line), (error.Span.File, error.Span.Line));
        Assert.InRange(error.Span.Column, 1, column + 1);
        AssertBothLanguages(error);
    }

    [Theory]
    [InlineData("Unexpected state: ArrayStart. Path '', line 1, position 1.")]
    [InlineData("Error reading JObject from JsonReader. Current JsonReader item is not an object: StartArray. Path '', line 1, position 1.")]
    [InlineData("Something Newtonsoft.Json may say in a later version.")]
    public void AnyOtherReaderMessage_IsTheCatalogSentenceOnStructure_NeverTheReadersText(string message)
    {
        var (code, arguments) = ThiDua.Rules.Loading.Json.JsonSyntax.Classify(message);

        Assert.Equal(DiagnosticCodes.InvalidJson, code);
        Assert.Equal(DiagnosticCatalog.Phrase("json.structure"), Assert.Single(arguments));
        var d = Diagnostic.Create(code, Model.SourceSpan.None, arguments);
        Assert.DoesNotContain(message[..10], d.Message(Language.En), StringComparison.Ordinal);
        AssertBothLanguages(d);
    }

    [Theory]
    [InlineData("{ \"year\": 2024, \"individuals\": { } }")]
    [InlineData("[ 1 ]")]
    [InlineData("{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\", \"monthsWorked\": \"12\" } ] }")]
    [InlineData("{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\", \"pendingReview\": 1 } ] }")]
    [InlineData("{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\", \"history\": { \"2023\": 5 } } ] }")]
    [InlineData("{ \"year\": 2024.5 }")]
    [InlineData("{ \"year\": 2024, \"asOf\": new Date(2024) }")]
    [InlineData("{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\", \"facts\": { \"x\": [ 1 ] } } ] }")]
    public void WrongJsonKinds_AreCatalogPhrasesInBothLanguages(string json)
    {
        var errors = SubjectDataLoader.LoadText(json, "d.json").Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, AssertBothLanguages);
        Assert.Contains(errors, e => e.Arguments.Any(a => a.Length > 0 && a[0] == DiagnosticCatalog.PhraseMarker));
    }

    [Fact]
    public void RuleFileValues_AreCatalogPhrasesInBothLanguages()
    {
        var json = TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'"))
            .Replace("\"effective\": { \"from\": \"2024-01-01\" }", "\"effective\": { \"from\": \"2024-01-01\", \"to\": \"2023-01-01\" }", StringComparison.Ordinal)
            .Replace("{ \"id\": \"cap\", \"type\": \"number\", \"value\": \"15%\" }", "{ \"id\": \"so-nam\", \"type\": \"number\", \"value\": \"muoi-lam\" }", StringComparison.Ordinal)
            .Replace("\"id\": \"bonusPoints\", \"subject\": \"individual\", \"type\": \"number\"", "\"id\": \"bonusPoints\", \"subject\": \"individual\", \"type\": \"numbr\"", StringComparison.Ordinal);

        var errors = RuleSetLoader.LoadText(json, "r.json").Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

        Assert.Contains(errors, e => e.Code == DiagnosticCodes.InvalidEffectivePeriod);
        Assert.Contains(errors, e => e.Arguments.Contains(DiagnosticCatalog.Phrase("value.identifier", "so-nam")));
        Assert.Contains(errors, e => e.Arguments.Contains(DiagnosticCatalog.Phrase("value.not-number-or-percent", "muoi-lam")));
        Assert.Contains(errors, e => e.Arguments.Contains(DiagnosticCatalog.Phrase("value.not-one-of", "numbr", "bool, number, string, date, scale")));
        Assert.All(errors, AssertBothLanguages);
    }

    [Fact]
    public void MissingFile_IsTdr023SayingSoInTheUsersLanguage()
    {
        var path = _folder.PathOf("khong-co.json");

        var error = Assert.Single(SubjectDataLoader.Load(path).Diagnostics);

        Assert.Equal(DiagnosticCodes.FileNotReadable, error.Code);
        Assert.Equal(path, error.Span.File);
        Assert.Equal(DiagnosticCatalog.Phrase("file.not-found"), Assert.Single(error.Arguments));
        AssertBothLanguages(error);
    }

    public static TheoryData<Exception, string> SystemErrors => new()
    {
        // The system's English text is given only to show that it never reaches the message.
        { new FileNotFoundException("Could not find file '/srv/a.json'.", "/srv/a.json"), "file.not-found" },
        { new DirectoryNotFoundException("Could not find a part of the path '/srv/x/a.json'."), "file.folder-not-found" },
        { new UnauthorizedAccessException("Access to the path '/srv/a.json' is denied."), "file.access-denied" },
        { new PathTooLongException("The path '/srv/a.json' is too long."), "file.path-too-long" },
        { new IOException("The process cannot access the file '/srv/a.json' because it is being used by another process.", OperatingSystem.IsWindows() ? unchecked((int)0x80070020) : OperatingSystem.IsMacOS() ? 35 : 11), "file.in-use" },
        { new IOException("No space left on device : '/srv/a.json'", OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28), "file.disk-full" },
        { new IOException("Input/output error : '/srv/a.json'", 5), "file.io-error" },
    };

    [Theory]
    [MemberData(nameof(SystemErrors))]
    public void ReadFailure_IsTdr023WithTheCatalogsReason_NeverTheSystemsText(Exception exception, string phrase)
    {
        var d = InputLimitException.Of(exception, "/srv/a.json");

        Assert.Equal(DiagnosticCodes.FileNotReadable, d.Code);
        Assert.Equal("/srv/a.json", d.Span.File);
        Assert.Equal(DiagnosticCatalog.Phrase(phrase), Assert.Single(d.Arguments));
        Assert.DoesNotContain(exception.Message[..12], d.Format(Language.En), StringComparison.Ordinal);
        AssertBothLanguages(d);
    }

    [Fact]
    public void ReadFailure_OfAFolder_SaysItIsAFolder()
    {
        var d = InputLimitException.Of(new UnauthorizedAccessException("Access to the path is denied."), _folder.Root);

        Assert.Equal(DiagnosticCatalog.Phrase("file.is-folder"), Assert.Single(d.Arguments));
    }

    [Theory]
    [InlineData("Could not find file '/srv/a.json'.", "/srv/a.json")]
    [InlineData("Access to the path '/srv/b c.json' is denied.", "/srv/b c.json")]
    [InlineData("Sharing violation on path 'x' and '/srv/c.json'", "/srv/c.json")]
    [InlineData("Disk full.", null)]
    public void PathOf_TakesOnlyTheQuotedPath(string message, string? path) =>
        Assert.Equal(path, DiagnosticCatalog.PathOf(new IOException(message)));

    [Fact]
    public void TooManySubjects_IsAPhraseWithTheLimit()
    {
        var json = "{ \"year\": 2024, \"individuals\": [ { \"id\": \"A\" }, { \"id\": \"B\" }, { \"id\": \"C\" } ] }";

        var result = SubjectDataLoader.LoadText(json, "d.json", DataLimits.Default with { MaxSubjects = 2 });

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InputTooLarge);
        Assert.Equal(DiagnosticCatalog.Phrase("limit.subjects", "2"), Assert.Single(error.Arguments));
        AssertBothLanguages(error);
    }
}
