using NodaTime;
using ThiDua.Rules.Reporting.Reading;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

public sealed class CellParserTests
{
    public static TheoryData<string, LocalDate> DatesAsWritten => new()
    {
        { "15/03/2015", new LocalDate(2015, 3, 15) },
        { "01/03/2024", new LocalDate(2024, 3, 1) },     // day first, as in Vietnam: 1 March, not 3 January
        { "1/3/2024", new LocalDate(2024, 3, 1) },
        { "31.12.2024", new LocalDate(2024, 12, 31) },
        { "31-12-2024", new LocalDate(2024, 12, 31) },
        { "2024-12-31", new LocalDate(2024, 12, 31) },
        { "2024-12-31T00:00:00", new LocalDate(2024, 12, 31) },
        { "15/03/2015 00:00:00", new LocalDate(2015, 3, 15) },
        { "29/02/2024", new LocalDate(2024, 2, 29) },
    };

    [Theory]
    [MemberData(nameof(DatesAsWritten))]
    public void TryParseDate_VietnameseAndIsoText_ReadsDayFirst(string text, LocalDate expected)
    {
        Assert.True(CellParser.TryParseDate(text, out var date));
        Assert.Equal(expected, date);
    }

    [Theory]
    [InlineData("31/02/2015")]
    [InlineData("03/15/2024")] // month first is not how Vietnamese users write dates
    [InlineData("15/03/15")]
    [InlineData("2015")]
    [InlineData("29/02/2023")]
    [InlineData("hôm qua")]
    public void TryParseDate_NotADate_Fails(string text) => Assert.False(CellParser.TryParseDate(text, out _));

    [Theory]
    [InlineData(1d, 1900, 1, 1)]
    [InlineData(59d, 1900, 2, 28)]
    [InlineData(61d, 1900, 3, 1)]     // after Excel's fictitious 29/02/1900
    [InlineData(45292d, 2024, 1, 1)]
    [InlineData(45657d, 2024, 12, 31)]
    [InlineData(45657.75d, 2024, 12, 31)] // the time of day is dropped
    public void TrySerialDate_Excel1900Serial_IsTheDateExcelShows(double serial, int year, int month, int day)
    {
        Assert.True(CellParser.TrySerialDate(serial, date1904: false, out var date));
        Assert.Equal(new LocalDate(year, month, day), date);
    }

    [Fact]
    public void TrySerialDate_Excel1904Serial_CountsFrom1904()
    {
        Assert.True(CellParser.TrySerialDate(43830, date1904: true, out var date));
        Assert.Equal(new LocalDate(2024, 1, 1), date);
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(60d)] // 29/02/1900 never existed
    [InlineData(-5d)]
    [InlineData(3e6)]
    public void TrySerialDate_OutOfRange_Fails(double serial) => Assert.False(CellParser.TrySerialDate(serial, date1904: false, out _));

    [Theory]
    [InlineData(1900, 1, 1)]
    [InlineData(1900, 2, 28)]
    [InlineData(1900, 3, 1)]
    [InlineData(2015, 3, 15)]
    [InlineData(2024, 12, 31)]
    public void ToSerial_RoundTripsThroughTrySerialDate(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);

        Assert.True(CellParser.TrySerialDate(CellParser.ToSerial(date), date1904: false, out var back));
        Assert.Equal(date, back);
    }

    public static TheoryData<string, decimal> NumbersAsWritten => new()
    {
        { "12", 12m },
        { "12,5", 12.5m },
        { "12.5", 12.5m },
        { "-3,25", -3.25m },
        { "0,963", 0.963m },
        { "96,3%", 0.963m },
        { "100%", 1m },
        { "1.234,5", 1234.5m },
        { "1,234.5", 1234.5m },
        { "1.234.567", 1234567m },
        { " 7 ", 7m },
    };

    [Theory]
    [MemberData(nameof(NumbersAsWritten))]
    public void TryParseNumber_DecimalCommaOrPoint_ReadsTheNumber(string text, decimal expected)
    {
        Assert.True(CellParser.TryParseNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12,5,3.1")]
    [InlineData("1.23.4")]
    [InlineData("12 tháng")]
    [InlineData("")]
    [InlineData(",5")]
    [InlineData("5,")]
    public void TryParseNumber_NotANumber_Fails(string text) => Assert.False(CellParser.TryParseNumber(text, out _));

    [Theory]
    [InlineData("0.96299999999999997", "0.963")] // Excel stores 17 significant digits; the clerk typed 0,963
    [InlineData("12.5", "12.5")]
    [InlineData("23850", "23850")]
    [InlineData("1E-3", "0.001")]
    public void TryStoredNumber_ExcelDouble_IsTheNumberExcelShows(string raw, string expected)
    {
        Assert.True(CellParser.TryStoredNumber(raw, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("có", true)]
    [InlineData("Có", true)]
    [InlineData("co", true)]
    [InlineData("x", true)]
    [InlineData("X", true)]
    [InlineData("đúng", true)]
    [InlineData("TRUE", true)]
    [InlineData("không", false)]
    [InlineData("KHÔNG", false)]
    [InlineData("sai", false)]
    [InlineData("false", false)]
    public void TryParseBoolWord_VietnameseYesNo_IsRead(string text, bool expected)
    {
        Assert.True(CellParser.TryParseBoolWord(text, out var value));
        Assert.Equal(expected, value);
    }

    /// <summary>A cell, as "kind:text" (text, number, date-styled number, boolean, blank), and the fact value it gives.</summary>
    public static TheoryData<string, object?> FactCells => new()
    {
        { "text:có", true },
        { "text:x", true },
        { "text:không", false },
        { "text:12,5", 12.5m },
        { "text:12/06/2024", new LocalDate(2024, 6, 12) },
        { "text:2024-06-12", new LocalDate(2024, 6, 12) },
        { "text:HTXSNV", "HTXSNV" },
        { "number:39", 39m },
        { "date:45455", new LocalDate(2024, 6, 12) },
        { "boolean:1", true },
        { "blank:", null },
    };

    [Theory]
    [MemberData(nameof(FactCells))]
    public void Fact_Cell_IsTypedFromTheCell(string cell, object? expected)
    {
        var (kind, text) = (cell[..cell.IndexOf(':', StringComparison.Ordinal)], cell[(cell.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var sheetCell = kind switch
        {
            "text" => SheetCell.FromText(text),
            "number" => new SheetCell(CellKind.Number, text),
            "date" => new SheetCell(CellKind.Number, text, dateStyled: true),
            "boolean" => new SheetCell(CellKind.Boolean, text),
            _ => default,
        };

        Assert.Equal(expected, CellParser.Fact(sheetCell, date1904: false));
    }
}
