using NodaTime;
using NodaTime.Text;

namespace ThiDua.Rules.Model;

/// <summary>
/// The one date form of the formats (design §3): <c>YYYY-MM-DD</c>, ISO calendar. Every reader, the type checker, the
/// compiler's constants and the plug-in arguments parse dates here, so a date means the same thing wherever it is written.
/// </summary>
internal static class IsoDate
{
    /// <summary>Writes <paramref name="date"/> as <c>YYYY-MM-DD</c>.</summary>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Parses exactly <c>YYYY-MM-DD</c> (a real calendar day); anything else is false.</summary>
    public static bool TryParse(string text, out LocalDate date)
    {
        // The common form, YYYY-MM-DD in digits, without the pattern parser's allocations; the same dates are accepted.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && Digits(text, 0, 4, out var year) && Digits(text, 5, 2, out var month)
            && Digits(text, 8, 2, out var day))
        {
            var valid = month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month);
            date = valid ? new LocalDate(year, month, day) : default;
            return valid;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success && text.Length == 10;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
