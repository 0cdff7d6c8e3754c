using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Tests.Validation;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

/// <summary>
/// Every usage error a user can make on the command line (System.CommandLine's own, the values of options, plug-ins that
/// cannot be loaded, outputs that cannot be written) is one catalog line with its code: Vietnamese by default, with no
/// English sentence in it, and English with <c>--lang en</c>; exit 2.
/// </summary>
public sealed partial class UsageErrorTests : IDisposable
{
    private static readonly string Rules = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn");

    private static readonly string Data = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Each usage error: its arguments ({rules}, {data} and {folder} replaced at run time) and its code.</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { "chek", "TDR266" },
        { "", "TDR267" },
        { "check --rules {rules}", "TDR267" },
        { "check --rules {rules} --data {data} --format pdf", "TDR268" },
        { "check --rules {rules} --data {data} --format", "TDR269" },
        { "check --rules {rules} --rules {rules} --data {data}", "TDR269" },
        { "check --rules {rules} --data {data} --max-file-size 12XB", "TDR261" },
        { "check --rules {rules} --data {data} --max-subjects abc", "TDR261" },
        { "check --rules {rules} --data {data} --max-criterion-work 0", "TDR261" },
        { "check --rules {rules} --data {data} --as-of 2024-13-01", "TDR261" },
        { "check --rules {rules} --data {data} --detail reasons", "TDR262" },
        { "check --rules {rules} --data {data} --format xlsx", "TDR263" },
        { "check --rules {rules} --data {data} --out {folder}/khong-co/r.json", "TDR264" },
        { "check --rules {rules} --data {data} --out {data}", "TDR067" },
        { "check --rules {rules} --data {folder}", "TDR140" },
        { "check --rules {rules} --data {data} --votes {folder}", "TDR140" },
        { "record --rules {rules} --data {data} --decision 1/QĐ --decided-on 31-31-2024 --archive {folder}/a.db", "TDR261" },
        { "--plugin {folder}/khong-co.dll validate {rules}", "TDR065" },
        { "--plugin {folder} validate {rules}", "TDR065" },
        { "--plugin {folder}/van-ban.dll validate {rules}", "TDR065" },
        { "validate {folder}/khong-co", "TDR023" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void UsageError_ByDefault_IsOneVietnameseCatalogLineWithoutEnglish(string arguments, string code)
    {
        var vi = Run(Arguments(arguments));
        var en = Run(["--lang", "en", .. Arguments(arguments)]);

        Assert.True(vi.ExitCode == ExitCodes.BadInput, $"exit {vi.ExitCode}:\n{vi.Error}");
        Assert.Equal(ExitCodes.BadInput, en.ExitCode);
        var errors = vi.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.Contains(" cảnh báo: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(errors, line => (" " + line.Replace("thidua: ", "", StringComparison.Ordinal)).Contains(" " + code + " ", StringComparison.Ordinal));
        Assert.Contains(" " + code + " ", en.Error, StringComparison.Ordinal);
        // Paths, option names (--as-of) and the values given are not prose.
        var english = errors.Where(line => VietnameseMessagesTests.EnglishWord().IsMatch(OptionName().Replace(line.Replace(_folder.Root, "", StringComparison.Ordinal), ""))).ToList();
        Assert.True(english.Count == 0, "English in the Vietnamese output:\n" + string.Join("\n", english));
        Assert.NotEqual(vi.Error, en.Error);
        Assert.DoesNotContain("   at ", vi.Error + en.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageError_EnglishWordCheck_FindsSystemCommandLinesOwnWords()
    {
        // The check above can fail: System.CommandLine's own message, as the CLI printed it before, is caught.
        Assert.Matches(VietnameseMessagesTests.EnglishWord(), "thidua: Option '--data' is required.");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"--[a-z][a-z-]*")]
    private static partial System.Text.RegularExpressions.Regex OptionName();

    private string[] Arguments(string arguments)
    {
        _folder.Write("van-ban.dll", "not an assembly");
        return arguments.Length == 0
            ? []
            : [.. arguments.Split(' ').Select(a => a.Replace("{rules}", Rules, StringComparison.Ordinal).Replace("{data}", Data, StringComparison.Ordinal).Replace("{folder}", _folder.Root, StringComparison.Ordinal))];
    }
}
