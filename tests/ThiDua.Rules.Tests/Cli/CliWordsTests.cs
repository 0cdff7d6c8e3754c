using System.Text.RegularExpressions;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.Validation;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

/// <summary>
/// The command line's own lines outside diagnostics speak the user's language: --verbose's timings (words and numbers),
/// and a file that cannot be written (its path and why, never the operating system's English).
/// </summary>
public sealed partial class CliWordsTests : IDisposable
{
    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "U", "name": "Phòng Tổng hợp" } ],
          "individuals": [ { "id": "A", "name": "Nguyễn Văn A", "unit": "U", "rating": "HTXSNV" } ] }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ]")]
    private static partial Regex VietnameseLetter();

    private static bool HasEnglish(string vietnamese) =>
        VietnameseMessagesTests.EnglishWord().IsMatch(Regex.Replace(vietnamese, "'[^']*'", "''"));

    [Fact]
    public void TimingLine_InVietnamese_HasVietnameseWordsAndNumbers()
    {
        var line = CliContext.TimingLine(Language.Vi, "cli.timing-read", TimeSpan.FromMilliseconds(1500), 12345, 7);

        Assert.Contains("12.345", line, StringComparison.Ordinal);
        Assert.Contains("1,50", line, StringComparison.Ordinal);
        Assert.False(HasEnglish(line), line);
        Assert.DoesNotMatch(@"\d s$", line);
    }

    [Fact]
    public void TimingLine_InEnglish_HasEnglishWordsAndNumbers()
    {
        var line = CliContext.TimingLine(Language.En, "cli.timing-read", TimeSpan.FromMilliseconds(1500), 12345, 7);

        Assert.Contains("12,345", line, StringComparison.Ordinal);
        Assert.Contains("1.50", line, StringComparison.Ordinal);
        Assert.DoesNotMatch(VietnameseLetter(), line);
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void Check_Verbose_TimingsInTheLanguageAsked(string language)
    {
        var rules = _folder.Write("rules.json", TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'")));
        var data = _folder.Write("data.json", Data);

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--out", _folder.PathOf("r.csv"), "--verbose", "--lang", language);

        Assert.Equal(ExitCodes.Success, code);
        var timings = error.Split('\n').Where(l => l.StartsWith("thidua: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, timings.Count);
        Assert.All(timings, line =>
        {
            if (language == "vi")
            {
                Assert.False(HasEnglish(line), line);
                Assert.EndsWith(" giây", line.TrimEnd('\r'), StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotMatch(VietnameseLetter(), line);
            }
        });
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void Check_OutputIntoAMissingFolder_NamesThePathAndWhyInTheLanguageAsked(string language)
    {
        var rules = _folder.Write("rules.json", TestRules.RuleFile(TestRules.Award("ldtt", "rating >= 'HTTNV'")));
        var data = _folder.Write("data.json", Data);
        var output = Path.Combine(_folder.Root, "khong-co", "r.csv");

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--out", output, "--lang", language);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("khong-co", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", error, StringComparison.Ordinal);
        if (language == "vi")
        {
            Assert.False(HasEnglish(error), error);
        }
        else
        {
            Assert.DoesNotMatch(VietnameseLetter(), error);
        }
    }
}
