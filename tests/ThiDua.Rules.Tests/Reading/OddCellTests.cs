using System.Diagnostics;
using NodaTime;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

/// <summary>
/// Odd cells are read as a person means them or refused at their cell, never as a broken workbook or an internal error:
/// digits of other scripts, numbers beyond a decimal, the largest dates of the 1904 system, and long runs of spaces
/// (read in linear time). Faulty plug-ins and very long names fail in one line, in bounded time.
/// </summary>
public sealed class OddCellTests
{
    [Theory]
    [InlineData("١٢", 12)]
    [InlineData("１２,５", 12.5)]
    [InlineData("۴۵%", 0.45)]
    public void TryParseNumber_DigitsOfOtherScripts_AreReadAsDigits(string text, double expected)
    {
        Assert.True(CellParser.TryParseNumber(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("١٥/٠٣/٢٠١٥")]
    [InlineData("２０１５-０３-１５")]
    public void TryParseDate_DigitsOfOtherScripts_AreReadAsDigits(string text)
    {
        Assert.True(CellParser.TryParseDate(text, out var date));
        Assert.Equal(new LocalDate(2015, 3, 15), date);
    }

    [Theory]
    [InlineData("1E+29")]
    [InlineData("79228162514264337593543950335.5E+1")]
    [InlineData("-7.9228162514264338E+28")]
    public void TryStoredNumber_BeyondADecimal_IsFalseAndSaidToBeOutOfRange(string raw)
    {
        Assert.False(CellParser.TryStoredNumber(raw, out _));
        Assert.True(CellParser.IsNumberOutOfRange(new SheetCell(CellKind.Number, raw)));
    }

    [Fact]
    public void TrySerialDate_LargestSerialsOfThe1904System_AreRefusedNotThrown()
    {
        Assert.False(CellParser.TrySerialDate(2_958_465, date1904: true, out _));
        Assert.True(CellParser.TrySerialDate(2_957_003, date1904: true, out var last));
        Assert.Equal(new LocalDate(9999, 12, 31), last);
        Assert.True(CellParser.TrySerialDate(45_291, date1904: true, out var date));
        Assert.Equal(new LocalDate(2028, 1, 1), date);
    }

    [Fact]
    public void Load_WorkbookWithANumberBeyondADecimalAndA1904Date_ReportsTheCellAndReadsTheDate()
    {
        var workbook = new TestWorkbook { Date1904 = true }
            .Sheet("Thông tin", ["Năm", 2024], ["Ngày tính", new XlDate(new LocalDate(2024, 12, 31))])
            .Sheet("Cá nhân", ["Mã cán bộ", "Đơn vị", "Số ngày nghỉ"], ["NV1", "VP", 1e29]);

        var loaded = workbook.Load();

        var error = Assert.Single(loaded.Errors);
        Assert.Equal((DiagnosticCodes.SheetNumberOutOfRange, "ban.xlsx:Cá nhân!C2"), (error.Code, error.Span.ToString()));
        var fine = new TestWorkbook { Date1904 = true }
            .Sheet("Thông tin", ["Năm", 2024], ["Ngày tính", new XlDate(new LocalDate(2024, 12, 31))])
            .Sheet("Cá nhân", ["Mã cán bộ", "Đơn vị", "Ngày tuyển dụng", "Số ngày nghỉ"], ["NV1", "VP", new XlDate(new LocalDate(2015, 3, 1)), "٢"]).Load();
        Assert.True(fine.Succeeded, string.Join("\n", fine.Diagnostics));
        Assert.Equal(new LocalDate(2024, 12, 31), fine.GetValueOrThrow().AsOf);
        Assert.Equal(new LocalDate(2015, 3, 1), fine.GetValueOrThrow().Individuals[0].StartDate);
        Assert.Equal(2m, fine.GetValueOrThrow().Individuals[0].DaysAbsent);
    }

    [Theory]
    [InlineData("tinh 22/06/2024", "tinh", "22/06/2024")]
    [InlineData("co-so", "co-so", null)]
    [InlineData("15/10/2024", "", "15/10/2024")]
    [InlineData("115/10/2024", "1", "15/10/2024")]
    [InlineData("Cấp tỉnh 2024-3-1", "Cấp tỉnh", "2024-3-1")]
    public void SplitTrailingDate_Item_SplitsAsTheFormatSays(string item, string head, string? date) =>
        Assert.Equal((head, date), SubjectTableReader.SplitTrailingDate(item, parentheses: false));

    [Fact]
    public void SplitTrailingDate_AwardWithDateInParentheses_Splits() =>
        Assert.Equal(("bang-khen-cap-tinh", "20/05/2023"), SubjectTableReader.SplitTrailingDate("bang-khen-cap-tinh (20/05/2023)", parentheses: true));

    [Fact]
    public void Load_InitiativeAndAwardCellsOfThirtyThousandSpaces_ReadInLinearTime()
    {
        var spaces = "x" + new string(' ', 30_000) + "y";
        var workbook = new TestWorkbook()
            .Sheet("Thông tin", ["Năm", 2024])
            .Sheet("Cá nhân", ["Mã cán bộ", "Đơn vị", "Sáng kiến", "Danh hiệu 2023"], ["NV1", "VP", spaces, spaces]);
        var clock = Stopwatch.StartNew();

        var loaded = workbook.Load();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.All(loaded.Diagnostics, d => Assert.True(d.Message(Language.En).Length < 2_000, "a cell is echoed whole"));
    }

    [Fact]
    public void Closest_InputOfMillionsOfCharacters_GivesNoSuggestionAtOnce()
    {
        var clock = Stopwatch.StartNew();

        Assert.Null(Suggestions.Closest(new string('m', 5_000_000), ["monthsWorked", "rating"]));
        Assert.Equal("monthsWorked", Suggestions.Closest("monthWorked", ["monthsWorked", "rating"]));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), clock.Elapsed.ToString());
    }

    [Fact]
    public void Message_ArgumentWithControlCharactersOrOfAMillionCharacters_IsEscapedAndCut()
    {
        var forged = Diagnostic.Create(DiagnosticCodes.UnknownAward, Model.SourceSpan.None, "a\nb.json:1:1 TDR001 x\u001b[2J");
        var huge = Diagnostic.Create(DiagnosticCodes.UnknownAward, Model.SourceSpan.None, new string('z', 1_000_000));

        Assert.Equal("unknown award 'a\\nb.json:1:1 TDR001 x\\u001B[2J'", forged.Message(Language.En));
        Assert.True(huge.Message(Language.En).Length < 1_100);
        Assert.EndsWith("…'", huge.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void With_PluginWhoseNameOrParametersThrow_ThrowsPluginExceptionNamingIt()
    {
        var name = Assert.Throws<PluginException>(() => PluginRegistry.Default.With(new ThrowingName()));
        var parameters = Assert.Throws<PluginException>(() => PluginRegistry.Default.With(new ThrowingParameters()));

        Assert.Equal(DiagnosticCodes.PluginFailed, name.Diagnostic.Code);
        Assert.Equal($"TDR066 plug-in '{typeof(ThrowingName).FullName}' failed (Name): boom", name.Diagnostic.Format(Language.En));
        Assert.Equal("TDR066 plug-in 'params' failed (Parameters): boom", parameters.Diagnostic.Format(Language.En));
    }

    [Fact]
    public void Evaluate_PluginFunctionThatThrows_FailsWithThePluginNamed()
    {
        var registry = PluginRegistry.Default.With(new ThrowingInvoke());
        var rules = Builders.TestRules.RuleSet(Builders.TestRules.RuleFile(Builders.TestRules.Award("ldtt", "boom(1) > 0")));
        var compiled = Compilation.RuleSetCompiler.Compile(rules, registry).GetValueOrThrow();
        var data = Builders.TestRules.Data("""{ "year": 2024, "units": [ { "id": "U" } ], "individuals": [ { "id": "A", "unit": "U" } ] }""");

        var thrown = Record.Exception(() => compiled.Evaluate(data));

        var plugin = ThiDua.Rules.Cli.CliContext.PluginFailure(thrown);
        Assert.NotNull(plugin);
        Assert.Equal("TDR066 plug-in 'boom' failed (Invoke): boom", plugin.Diagnostic.Format(Language.En));
    }

    public sealed class ThrowingName : IExpressionFunction
    {
        public string Name => throw new InvalidOperationException("boom");

        public string Description => "";

        public IReadOnlyList<ArgumentKind> Parameters => [];

        public ArgumentKind ReturnKind => ArgumentKind.Number;

        public object? Invoke(ReadOnlySpan<object?> arguments) => null;
    }

    public sealed class ThrowingParameters : IExpressionFunction
    {
        public string Name => "params";

        public string Description => "";

        public IReadOnlyList<ArgumentKind> Parameters => throw new InvalidOperationException("boom");

        public ArgumentKind ReturnKind => ArgumentKind.Number;

        public object? Invoke(ReadOnlySpan<object?> arguments) => null;
    }

    public sealed class ThrowingInvoke : IExpressionFunction
    {
        public string Name => "boom";

        public string Description => "";

        public IReadOnlyList<ArgumentKind> Parameters => [ArgumentKind.Number];

        public ArgumentKind ReturnKind => ArgumentKind.Number;

        public object? Invoke(ReadOnlySpan<object?> arguments) => throw new InvalidOperationException("boom");
    }
}
