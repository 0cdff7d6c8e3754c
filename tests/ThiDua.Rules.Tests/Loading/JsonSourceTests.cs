using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Text;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

/// <summary>Reading JSON text: where each kind of mistake is reported (the first character of the offending token), and the limits.</summary>
public sealed class JsonSourceTests
{
    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        // text, the token the error must point at (its first occurrence), the code, a word of the advice
        { """{ "year": NaN }""", "NaN", "TDR125", "is not a number in JSON" },
        { """{ "year": -Infinity }""", "-Infinity", "TDR125", "finite number" },
        { """{ "year": Infinity }""", "Infinity", "TDR125", "finite number" },
        { """{ "year": 1e400 }""", "1e400", "TDR126", "28 significant digits" },
        { """{ "year": 12a }""", "12a", "TDR126", "plain number" },
        { """{ "year": tru }""", "tru", "TDR001", "" },
        { """{ "year": HTTNV }""", "HTTNV", "TDR131", "double quotes" },
        { """{ "year":    HTTNV }""", "HTTNV", "TDR131", "double quotes" },
        { """{ "year": 2024 "asOf": "2024-12-31" }""", "\"asOf\"", "TDR132", "separated by a comma" },
        { """{ "year" 2024 }""", "2024", "TDR133", "colon" },
        { """{ "year": 2024, "year" : 2025 }""", "\"year\" :", "TDR129", "delete one" },
        { """{ "name": "a\qb" }""", "\\q", "TDR134", "escape" },
        { """{ "year": 123456789012345678901234567890123 }""", "123456789012345678901234567890123", "TDR124", "out of range" },
        { """{ "facts": { "a": 1, "b": 99999999999999999999999999999999, "c": 88888888888888888888888888888888 } }""", "99999999999999999999999999999999", "TDR124", "out of range" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Parse_Mistake_IsReportedAtTheFirstCharacterOfTheOffendingTokenUnderItsOwnCode(string json, string token, string code, string advice)
    {
        var error = Assert.Single(SubjectDataLoader.LoadText(json, "d.json").Errors);

        Assert.Equal(code, error.Code.ToString());
        Assert.Equal((1, json.IndexOf(token, StringComparison.Ordinal) + 1), (error.Span.Line, error.Span.Column));
        Assert.Contains(advice, error.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MistakeOnALaterLine_IsReportedOnThatLine()
    {
        var error = Assert.Single(RuleSetLoader.LoadText("{\n  \"id\": \"r\",\n  \"name\": NaN\n}", "r.json").Errors);

        Assert.Equal((3, 11), (error.Span.Line, error.Span.Column));
    }

    [Theory]
    [InlineData(JsonSource.MaxDepth, true)]
    [InlineData(JsonSource.MaxDepth + 1, false)]
    public void Parse_NestingAtAndBeyondTheLimit_IsAcceptedThenRefusedAsTooDeep(int depth, bool accepted)
    {
        // The root object is the first level; the rest are arrays inside a fact.
        var json = """{ "year": 2024, "x": """ + new string('[', depth - 1) + new string(']', depth - 1) + " }";

        var errors = SubjectDataLoader.LoadText(json, "d.json").Errors.ToList();

        if (accepted)
        {
            Assert.DoesNotContain(errors, e => e.Code == DiagnosticCodes.JsonTooDeep || e.Code == DiagnosticCodes.InvalidJson);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(DiagnosticCodes.JsonTooDeep, error.Code);
            Assert.Equal(json.IndexOf('[', StringComparison.Ordinal) + depth - 1, error.Span.Column);
            Assert.Contains("64 levels", error.Message(Language.En), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{ "year": 12.5 }""", "a whole number is expected")]
    [InlineData("""{ "year": 99999999999 }""", "too large for a whole number")]
    public void Load_YearNotAWholeNumberOrTooLarge_SaysWhich(string json, string message)
    {
        var error = Assert.Single(SubjectDataLoader.LoadText(json, "d.json").Errors);

        Assert.Equal(DiagnosticCodes.DataInvalidNumber, error.Code);
        Assert.Contains(message, error.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentsAndAByteOrderMark_AreAccepted()
    {
        var loaded = SubjectDataLoader.LoadText("\uFEFF// dữ liệu mẫu\n{ \"year\": 2024 /* năm */ }", "d.json");

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
    }

    private static bool PatternParses(string text, out NodaTime.LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success && text.Length == 10;
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2000-02-29")]
    [InlineData("0000-02-29")]
    [InlineData("0000-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-04-31")]
    [InlineData("2024-04-00")]
    [InlineData("-001-01-01")]
    [InlineData("+2024-1-01")]
    [InlineData("2024-1-1")]
    [InlineData("2024/12/31")]
    [InlineData("２０２４-12-31")]
    [InlineData("")]
    public void TryParseDate_KnownTexts_AcceptsWhatTheIsoPatternAccepts(string text)
    {
        var expected = PatternParses(text, out var expectedDate);

        Assert.Equal(expected, IsoDate.TryParse(text, out var date));
        Assert.Equal(expectedDate, date);
    }

    [Property(MaxTest = 5_000)]
    public Property TryParseDate_AnyTenCharacters_AcceptsWhatTheIsoPatternAccepts()
    {
        var texts = Gen.Elements("0123456789-+ x".ToCharArray()).ArrayOf(10).Select(c => new string(c));
        var dates = Gen.Zip(Gen.Choose(0, 9999), Gen.Zip(Gen.Choose(0, 13), Gen.Choose(0, 32)))
            .Select(t => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Item1:D4}-{t.Item2.Item1:D2}-{t.Item2.Item2:D2}"));
        return Prop.ForAll(Arb.From(Gen.OneOf(texts, dates)), text =>
            {
                var expected = PatternParses(text, out var expectedDate);
                return IsoDate.TryParse(text, out var date) == expected && date == expectedDate;
            })
            ;
    }
}
