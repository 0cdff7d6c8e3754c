using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Reporting.Writing;
using ThiDua.Rules.Tests.Builders;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

/// <summary>
/// What the CLI writes can never destroy an input nor be turned against whoever opens it: an output that is an input
/// (however spelled) or not an ordinary file is refused before any work, CSV cells cannot run as formulas, XLSX cells
/// stay text, names cannot drive a terminal or forge a diagnostic line, and an empty path is a usage error.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("ldtt", "rating >= 'HTTNV'") + "," +
        TestRules.Award("tap-the", "members.ratio(m => m.has('ldtt')) >= 70%", "unit"));

    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "U", "name": "=HYPERLINK(\"http://x\",\"y\")" } ],
          "individuals": [
            { "id": "A", "name": "=1+1", "unit": "U", "rating": "HTXSNV" },
            { "id": "B", "name": "+cmd|' /C calc'!A0", "unit": "U", "rating": "HTXSNV" },
            { "id": "C", "name": "@SUM(A1)", "unit": "U", "rating": "HTXSNV" },
            { "id": "D", "name": "-2+3", "unit": "U", "rating": "HTXSNV" },
            { "id": "E", "name": "\u001b[31mĐỏ\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\\rX", "unit": "U", "rating": "HTXSNV" } ] }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> InputSpellings() => ["same", "dot-slash", "symlink", "hardlink"];

    [Theory]
    [MemberData(nameof(InputSpellings))]
    public void Check_OutIsTheDataFileUnderAnySpelling_RefusedBeforeWorkAndDataUnchanged(string spelling)
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);
        var before = Hash(data);
        var output = spelling switch
        {
            "same" => data,
            "dot-slash" => Path.Combine(_folder.Root, ".", "sub", "..", "d.json"),
            "symlink" => File.CreateSymbolicLink(_folder.PathOf("link.json"), data).FullName,
            _ => HardLink(data, _folder.PathOf("hard.json")),
        };
        Directory.CreateDirectory(_folder.PathOf("sub"));

        var (code, stdout, error) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--out", output, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"thidua: {output} TDR067 the output '{output}' is the same file as the input '{data}'", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal("", stdout);
        Assert.Equal(before, Hash(data));
        Assert.DoesNotContain(_folder.Files(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_OutIsTheRuleFileOrABaseItExtends_RefusedAndRulesUnchanged()
    {
        var baseRules = _folder.Write("base/quoc-gia.json", Rules);
        var plan = _folder.Write("plan/tinh.json", """{ "id": "tinh", "name": "Tỉnh", "effective": { "from": "2024-01-01" }, "extends": "../base/quoc-gia.json" }""");
        var data = _folder.Write("d.json", Data);
        var before = (Hash(baseRules), Hash(plan));

        var onRules = Run("check", "--rules", plan, "--data", data, "--out", plan, "--lang", "en");
        var onBase = Run("check", "--rules", plan, "--data", data, "--format", "json", "--out", baseRules, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, onRules.ExitCode);
        Assert.Contains("TDR067", onRules.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, onBase.ExitCode);
        Assert.Contains($"{baseRules} TDR067 ", onBase.Error, StringComparison.Ordinal);
        Assert.Equal(before, (Hash(baseRules), Hash(plan)));
    }

    [Theory]
    [InlineData("/dev/null")]
    [InlineData("folder")]
    public void Check_OutIsNotAnOrdinaryFile_RefusedAndLeftAsItIs(string target)
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);
        var output = target == "folder" ? Directory.CreateDirectory(_folder.PathOf("folder")).FullName : target;

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--out", output, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{output} TDR068 the output '{output}' exists and is not an ordinary file", error, StringComparison.Ordinal);
        Assert.True(target != "folder" || Directory.Exists(output));
        Assert.Equal(["d.json", "rules.json"], _folder.Files());
    }

    [Fact]
    public void Check_OutNamedWith250Characters_IsWrittenWithAShortTemporaryName()
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);
        var output = _folder.PathOf(new string('k', 245) + ".json");

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--out", output);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("\"results\"", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(3, _folder.Files().Count);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--data")]
    [InlineData("--rules")]
    public void Check_EmptyPath_IsAUsageErrorNamingTheOption(string option)
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);
        string[] args = ["check", "--rules", rules, "--data", data, "--out", _folder.PathOf("r.json"), "--lang", "en"];
        args[Array.IndexOf(args, option) + 1] = "";

        var (code, _, error) = Run(args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"thidua: TDR069 {option} needs a value, but the value given is empty\n", error);
        Assert.Equal(["d.json", "rules.json"], _folder.Files());
    }

    [Fact]
    public void Check_NamesThatStartWithFormulaTriggers_CsvCellsCannotRunAsFormulas()
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);

        var (code, output, error) = Run("check", "--rules", rules, "--data", data, "--format", "csv", "--include", "all");

        Assert.True(code == ExitCodes.Success, error);
        var cells = output.Split(["\r\n"], StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .SelectMany(line => line.Split(',')).Select(c => c.Trim('"')).ToList();
        Assert.Contains("'=1+1", cells);
        Assert.Contains("'@SUM(A1)", cells);
        Assert.Contains("'-2+3", cells);
        Assert.Contains(cells, c => c.StartsWith("'+cmd|", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '@' or '\t' or '\r' && c != "'");
        Assert.DoesNotContain(cells, c => c.StartsWith('-') && !decimal.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "+1")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("-", "'-")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("Nguyễn Văn A", "Nguyễn Văn A")]
    [InlineData("", "")]
    public void Neutralise_Cell_PrefixesFormulaTriggersButNotNumbers(string cell, string expected) =>
        Assert.Equal(expected, CsvResultWriter.Neutralise(cell));

    [Fact]
    public void Check_NamesThatLookLikeFormulas_XlsxCellsAreTextNotFormulas()
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);
        var output = _folder.PathOf("r.xlsx");

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--format", "xlsx", "--include", "all", "--out", output);

        Assert.True(code == ExitCodes.Success, error);
        using var document = SpreadsheetDocument.Open(output, false);
        var cells = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        Assert.Contains(cells, c => c.DataType?.Value == CellValues.InlineString && c.InnerText == "=1+1");
    }

    [Fact]
    public void Check_NamesWithTerminalEscapes_TableShowsThemEscaped()
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", Data);

        var (code, output, error) = Run("check", "--rules", rules, "--data", data, "--include", "all");

        Assert.True(code == ExitCodes.Success, error);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\r', output);
        Assert.Contains("\\u001B[31mĐỏ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AwardIdWithALineBreakAndEscapes_CannotForgeADiagnosticLine()
    {
        var rules = _folder.Write("rules.json", Rules);
        var data = _folder.Write("d.json", """
            { "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "U", "name": "U" } ],
              "individuals": [ { "id": "A", "unit": "U", "rating": "HTXSNV",
                "history": { "2023": { "awards": [ "x\nd.json:1:1 TDR001 forged\u001b[2J" ] } } } ] }
            """);

        var (code, _, error) = Run("check", "--rules", rules, "--data", data, "--format", "json", "--out", _folder.PathOf("r.json"), "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.DoesNotContain(error.Split('\n'), line => line.StartsWith("d.json:1:1 TDR001", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("x\\nd.json:1:1 TDR001 forged\\u001B[2J", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TerminalSafeWriter_ControlCharacters_AreWrittenVisiblyExceptLineFeedAndTab()
    {
        using var inner = new StringWriter();
        using var writer = new TerminalSafeWriter(inner);

        writer.Write("a\u001b[1mb\r\u009b\u202ec\td\n");
        writer.Write('\u0007');

        Assert.Equal("a\\u001B[1mb\\u000D\\u009B\\u202Ec\td\n\\u0007", inner.ToString());
    }

    private static string HardLink(string existing, string link)
    {
        using var process = System.Diagnostics.Process.Start("ln", [existing, link])!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return link;
    }
}
