using System.Text.RegularExpressions;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Cli;

/// <summary>
/// The help speaks the user's language: Vietnamese by default, English with --lang en, for the tool and every command,
/// every description from the report catalog and System.CommandLine's headings said again from it.
/// </summary>
public sealed partial class CliHelpTests
{
    // Words only English prose has (option names, values such as 'table' or 'decided', file names and the tool's own
    // names are masked first).
    [GeneratedRegex(@"\b(the|must|is|are|of|with|not|use|show|file|files|folder|write|rule|rules|data|date|default|usage|options|commands|required|description|examples?|each|every|and|or|for|this|than|refuse|load|information|help|version)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWord();

    // Vietnamese letters with diacritics that English text never has (the sheet names 'Cá nhân', 'Đơn vị', 'Thông tin',
    // 'Hướng dẫn', 'tờ trình', 'biên bản họp', 'số quyết định' and 'QĐ' are names, masked first).
    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ]")]
    private static partial Regex VietnameseLetter();

    // Option names (--as-of), placeholders (<as-of>, <PATH>), example command lines and quoted names.
    [GeneratedRegex(@"--[a-z][a-z-]*|<[^>]*>|^\s*thidua .*$|'[^']*'|\b[\w./-]+\.(json|xlsx|csv|docx|dll|db|md)\b|docs/spreadsheets|-\?|-h\b|\bthidua\b", RegexOptions.Multiline)]
    private static partial Regex Names();

    public static TheoryData<string> Commands => ["", "check", "validate", "test", "explain", "diff", "record", "documents", "import-rulesengine", "describe", "template"];

    private static string[] Help(string command, params string[] more) =>
        command.Length == 0 ? ["--help", .. more] : [command, "--help", .. more];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_InVietnamese_HasNoEnglishSentence(string command)
    {
        var run = CliHarness.Run(Help(command));

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("Cách dùng:", run.Output, StringComparison.Ordinal);
        var english = run.Output.Split('\n').Select(line => (Line: line, Masked: Names().Replace(line, " ")))
            .Where(l => EnglishWord().IsMatch(l.Masked)).Select(l => l.Line).ToList();
        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_InEnglish_HasNoVietnamese(string command)
    {
        var run = CliHarness.Run(Help(command, "--lang", "en"));

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        var names = new[] { "Cá nhân", "Đơn vị", "Thông tin", "Hướng dẫn", "tờ trình", "biên bản họp", "số quyết định", "QĐ" };
        var vietnamese = run.Output.Split('\n').Select(line => (Line: line, Masked: names.Aggregate(Names().Replace(line, " "), (t, n) => t.Replace(n, " ", StringComparison.Ordinal))))
            .Where(l => VietnameseLetter().IsMatch(l.Masked)).Select(l => l.Line).ToList();
        Assert.True(vietnamese.Count == 0, string.Join("\n", vietnamese));
    }

    [Fact]
    public void Check_FindsEnglishInAVietnameseHelpLine()
    {
        // The checks themselves can fail.
        Assert.Matches(EnglishWord(), Names().Replace("  --rules <rules>   Rule file or folder.", " "));
        Assert.Matches(VietnameseLetter(), "Tệp dữ liệu.");
        Assert.DoesNotMatch(EnglishWord(), Names().Replace("  --rules <rules> (bắt buộc)   Tệp hoặc thư mục quy tắc.", " "));
    }

    [Fact]
    public void EveryOptionAndArgumentOfEveryCommand_HasItsTextInTheCatalog()
    {
        // Building the commands sets each description from the catalog; a symbol without a key would throw there, so the
        // help of every command above is the proof; here the keys are checked to have both languages.
        Assert.All(ReportCatalog.Keys.Where(k => k.StartsWith("help.", StringComparison.Ordinal)), key =>
        {
            var (vi, en) = ReportCatalog.Entry(key);
            Assert.False(string.IsNullOrWhiteSpace(vi) || string.IsNullOrWhiteSpace(en), key);
        });
        Assert.Equal("Cách dùng:", CliHelp.Translate("Usage:", Language.Vi));
        Assert.Equal("  thidua check [tùy chọn]", CliHelp.Translate("  thidua check [options]", Language.Vi));
        Assert.Equal("Usage:", CliHelp.Translate("Usage:", Language.En));
    }
}
