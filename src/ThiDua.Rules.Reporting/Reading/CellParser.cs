using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// Reads cell values the way Vietnamese clerks write them: dates as dd/MM/yyyy (also yyyy-MM-dd and Excel serial dates),
/// numbers with a decimal comma or point, yes/no as có/không, x, đúng/sai.
/// </summary>
/// <remarks>Every method is pure and culture-independent (no <see cref="CultureInfo.CurrentCulture"/>).</remarks>
internal static partial class CellParser
{
    // Excel's 1900 date system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, has a 29 February 1900 (day 60)
    // that never existed: from day 61 on, day n is 1899-12-30 + n.
    private static readonly LocalDate Epoch1900 = new(1899, 12, 30);
    private static readonly LocalDate Epoch1904 = new(1904, 1, 1);

    /// <summary>The largest serial Excel accepts (31/12/9999).</summary>
    private const double MaxSerial = 2_958_465;

    private static readonly HashSet<string> TrueWords = new(StringComparer.Ordinal) { "co", "x", "dung", "true", "yes", "✓" };
    private static readonly HashSet<string> FalseWords = new(StringComparer.Ordinal) { "khong", "sai", "false", "no" };

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})[/.\-](?<m>[0-9]{1,2})[/.\-](?<y>[0-9]{4})(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?Z?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    /// <summary>Formats a date as Vietnamese users write it: <c>15/03/2015</c>.</summary>
    public static string FormatDate(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date from a text cell (dd/MM/yyyy, d/M/yyyy, yyyy-MM-dd) or a number cell (an Excel serial date).</summary>
    public static bool TryDate(in SheetCell cell, bool date1904, out LocalDate date)
    {
        date = default;
        return cell.Kind switch
        {
            CellKind.Text => TryParseDate(cell.Text, out date),
            CellKind.Number => double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && TrySerialDate(serial, date1904, out date),
            _ => false,
        };
    }

    /// <summary>Parses <c>15/03/2015</c> (day first, as in Vietnam; also with <c>.</c> or <c>-</c>) or <c>2015-03-15</c>.</summary>
    public static bool TryParseDate(string text, out LocalDate date)
    {
        date = default;
        text = AsciiDigits(text);
        var match = DayMonthYear().Match(text);
        if (!match.Success)
        {
            match = IsoDate().Match(text);
        }

        return match.Success && TryCreate(
            int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture),
            out date);
    }

    [GeneratedRegex(@"^(?<m>[0-9]{1,2})[/.\-](?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    /// <summary>Parses a month written without its day (<c>03/2014</c>, <c>3/2014</c>) as the first day of that month.</summary>
    public static bool TryParseMonth(string text, out LocalDate date)
    {
        date = default;
        var match = MonthYear().Match(AsciiDigits(text).Trim());
        return match.Success && TryCreate(
            int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture),
            1,
            out date);
    }

    /// <summary>Whether <paramref name="text"/> is a year alone (<c>2014</c>), which is not a date.</summary>
    public static bool IsYearOnly(string text)
    {
        var trimmed = AsciiDigits(text).Trim();
        return trimmed.Length == 4 && trimmed.All(char.IsAsciiDigit);
    }

    /// <summary>Converts an Excel serial date (the time of day, if any, is dropped).</summary>
    public static bool TrySerialDate(double serial, bool date1904, out LocalDate date)
    {
        date = default;
        if (double.IsNaN(serial) || serial < 1 || serial > MaxSerial)
        {
            return false;
        }

        var days = (int)Math.Floor(serial);
        if (date1904)
        {
            // The 1904 system counts from 1904-01-01: its largest serial (31/12/9999) is 1,462 days smaller.
            if (days > MaxSerial - 1462)
            {
                return false;
            }

            date = Epoch1904.PlusDays(days);
            return true;
        }

        if (days == 60)
        {
            return false; // 29/02/1900 does not exist
        }

        date = Epoch1900.PlusDays(days < 60 ? days + 1 : days);
        return true;
    }

    /// <summary>The Excel serial of a date (1900 system), as the sample writer stores dates.</summary>
    public static int ToSerial(LocalDate date)
    {
        var days = Period.Between(Epoch1900, date, PeriodUnits.Days).Days;
        return days < 61 ? days - 1 : days;
    }

    /// <summary>A number from a number cell, or from text written with a decimal comma or point (<c>12,5</c>, <c>12.5</c>, <c>96,3%</c>).</summary>
    public static bool TryNumber(in SheetCell cell, out decimal value)
    {
        value = 0;
        return cell.Kind switch
        {
            CellKind.Number => TryStoredNumber(cell.Text, out value),
            CellKind.Text => TryParseNumber(cell.Text, out value),
            _ => false,
        };
    }

    /// <summary>
    /// Parses a number as a clerk types it. A single <c>,</c> or <c>.</c> is the decimal separator (<c>12,5</c> = <c>12.5</c>).
    /// With both, the last is the decimal separator and the other groups thousands (<c>1.234,5</c> = <c>1,234.5</c>);
    /// several of one kind group thousands (<c>1.234.567</c>). A trailing <c>%</c> divides by 100.
    /// </summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        value = 0;
        var s = AsciiDigits(text).Trim();
        var percent = s.EndsWith('%');
        if (percent)
        {
            s = s[..^1].TrimEnd();
        }

        if (s.Length == 0)
        {
            return false;
        }

        var negative = s[0] == '-';
        if (s[0] is '-' or '+')
        {
            s = s[1..];
        }

        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        var dots = s.Count(c => c == '.');
        var commas = s.Count(c => c == ',');
        char? decimalSeparator = (dots, commas) switch
        {
            (0, 0) => null,
            (1, 0) => '.',
            (0, 1) => ',',
            (> 1, 0) or (0, > 1) => null, // grouping only: 1.234.567
            _ => lastDot > lastComma ? '.' : ',',
        };
        char? grouping = (dots, commas) switch
        {
            (> 1, 0) => '.',
            (0, > 1) => ',',
            (> 0, > 0) => decimalSeparator == '.' ? ',' : '.',
            _ => null,
        };
        if (decimalSeparator is not null && s.Count(c => c == decimalSeparator) > 1)
        {
            return false;
        }

        var integerPart = decimalSeparator is { } ds ? s[..s.LastIndexOf(ds)] : s;
        var fraction = decimalSeparator is { } ds2 ? s[(s.LastIndexOf(ds2) + 1)..] : "";
        if (grouping is { } g)
        {
            var groups = integerPart.Split(g);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(x => x.Length != 3))
            {
                return false;
            }

            integerPart = string.Concat(groups);
        }

        if (integerPart.Length == 0 || !integerPart.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)
            || (decimalSeparator is not null && fraction.Length == 0))
        {
            return false;
        }

        if (!decimal.TryParse(fraction.Length > 0 ? integerPart + "." + fraction : integerPart, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        if (percent)
        {
            value /= 100;
        }

        return true;
    }

    /// <summary>
    /// A number as Excel stores it. Excel writes doubles with up to 17 significant digits (<c>0.96299999999999997</c>);
    /// those are rounded to the 15 digits Excel shows, so that the value is the one the clerk typed.
    /// </summary>
    public static bool TryStoredNumber(string raw, out decimal value)
    {
        value = 0;
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            // (double)decimal.MaxValue rounds up past decimal.MaxValue: a value equal to it does not convert either.
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || double.IsInfinity(d)
                || Math.Abs(d) >= (double)decimal.MaxValue)
            {
                return false;
            }

            value = (decimal)d;
            return true;
        }

        // Significant digits of the mantissa: leading zeros do not count.
        var digits = 0;
        foreach (var c in raw)
        {
            if (c is 'e' or 'E')
            {
                break;
            }

            if (char.IsAsciiDigit(c) && (digits > 0 || c != '0'))
            {
                digits++;
            }
        }

        value = digits > 15 && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var rounded) && Math.Abs(rounded) < (double)decimal.MaxValue
            ? (decimal)rounded
            : exact;
        return true;
    }

    /// <summary>Whether a cell holds a number that is well formed but beyond the range of a decimal (<c>1E+29</c>, 30 digits).</summary>
    public static bool IsNumberOutOfRange(in SheetCell cell)
    {
        var text = cell.Kind switch
        {
            CellKind.Number => cell.Text,
            CellKind.Text => AsciiDigits(cell.Text).Trim().Replace(" ", "", StringComparison.Ordinal),
            _ => null,
        };
        return text is { Length: > 0 and <= 400 }
            && !TryNumber(cell, out _)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && !double.IsNaN(d)
            && Math.Abs(d) >= (double)decimal.MaxValue;
    }

    /// <summary>
    /// The text with every decimal digit of another script (Arabic-Indic ٠١٢, full-width ０１２, Devanagari …) replaced by
    /// the ASCII digit of the same value, so that a number or date typed with them is read as such.
    /// </summary>
    public static string AsciiDigits(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsAscii(text[i]) || !char.IsDigit(text[i])))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (!char.IsAscii(chars[i]) && char.IsDigit(chars[i]))
            {
                chars[i] = (char)('0' + (int)char.GetNumericValue(chars[i]));
            }
        }

        return new string(chars);
    }

    /// <summary>A yes/no value: an Excel boolean, <c>1</c>/<c>0</c>, or a word (có/không, x, đúng/sai, true/false, yes/no).</summary>
    public static bool TryBool(in SheetCell cell, out bool value)
    {
        value = false;
        switch (cell.Kind)
        {
            case CellKind.Boolean:
                value = cell.Text == "1";
                return true;
            case CellKind.Number when TryStoredNumber(cell.Text, out var n) && n is 0 or 1:
                value = n == 1;
                return true;
            case CellKind.Text when cell.Text is "1" or "0":
                value = cell.Text == "1";
                return true;
            case CellKind.Text:
                return TryParseBoolWord(cell.Text, out value);
            default:
                return false;
        }
    }

    /// <summary>Parses có/không, x, đúng/sai, true/false, yes/no (any case, with or without diacritics).</summary>
    public static bool TryParseBoolWord(string text, out bool value)
    {
        value = false;
        if (text.Length > 6)
        {
            return false; // the longest word is 'không' (or 'khong' written as NFD): most text is rejected before folding
        }

        var key = TextKey.Fold(text);
        value = TrueWords.Contains(key);
        return value || FalseWords.Contains(key);
    }

    /// <summary>The text of a cell for a text field: numbers as written in invariant culture (<c>12345</c>), booleans as TRUE/FALSE.</summary>
    public static string Text(in SheetCell cell) => cell.Kind switch
    {
        CellKind.Number => TryStoredNumber(cell.Text, out var n) ? n.ToString(CultureInfo.InvariantCulture) : cell.Text,
        CellKind.Boolean => cell.Text == "1" ? "TRUE" : "FALSE",
        _ => cell.Text,
    };

    /// <summary>
    /// A fact value, typed from the cell alone (the data is read before the rule set says what each fact is): a boolean
    /// or a yes/no word → <see cref="bool"/>; a date cell or date text → <see cref="LocalDate"/>; a number or number text →
    /// <see cref="decimal"/>; other text → <see cref="string"/>.
    /// </summary>
    public static object? Fact(in SheetCell cell, bool date1904)
    {
        switch (cell.Kind)
        {
            case CellKind.Boolean:
                return cell.Text == "1";
            case CellKind.Number when cell.DateStyled && TryDate(cell, date1904, out var serialDate):
                return serialDate;
            case CellKind.Number:
                return TryStoredNumber(cell.Text, out var number) ? number : null;
            case CellKind.Text:
                if (TryParseBoolWord(cell.Text, out var flag))
                {
                    return flag;
                }

                if (TryParseDate(cell.Text, out var date))
                {
                    return date;
                }

                return TryParseNumber(cell.Text, out var parsed) ? parsed : cell.Text;
            default:
                return null;
        }
    }

    private static bool TryCreate(int year, int month, int day, out LocalDate date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }
}
