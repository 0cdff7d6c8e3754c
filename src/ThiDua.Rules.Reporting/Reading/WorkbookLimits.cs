using System.Globalization;
using System.IO.Compression;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// The bounds of a workbook, each Excel's own limit or a guard against a compressed file that unpacks to gigabytes: a
/// file beyond one is refused with its own diagnostic at the place, while it is read, before memory or time run out.
/// </summary>
internal static class WorkbookLimits
{
    /// <summary>The most characters in a cell (Excel's limit, 32,767); also applied to CSV cells.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>The most cells in a row (Excel's 16,384 columns).</summary>
    public const int MaxCellsPerRow = CellReference.MaxColumns;

    /// <summary>The most rows in a sheet (Excel's 1,048,576).</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>The most shared strings in a workbook: two per row of a full sheet (names and ids are the texts that differ).</summary>
    public const int MaxSharedStrings = 2 * MaxRows;

    /// <summary>The longest name of a part (zip member) of the package.</summary>
    public const int MaxPartNameLength = 1_024;

    /// <summary>How many times its packed size a part may unpack to (as Apache POI's zip-bomb check), plus a small allowance.</summary>
    public const int MaxExpansion = 100;

    private const long ExpansionAllowance = 10L << 20;

    /// <summary>No part may unpack to more than 4 GiB, whatever its packed size.</summary>
    public const long MaxPartBytes = 4L << 30;

    /// <summary>
    /// Reads every part of the package once through a counter (nothing is kept) and refuses a part name longer than
    /// <see cref="MaxPartNameLength"/> or a part that unpacks beyond <see cref="MaxExpansion"/> times its packed size.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not a zip package (the caller reports a broken workbook).</exception>
    public static bool CheckPackage(Stream stream, string file, DiagnosticBag diagnostics)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var buffer = new byte[1 << 16];
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.Length > MaxPartNameLength)
            {
                diagnostics.Add(DiagnosticCodes.SheetPartNameTooLong, new SourceSpan(file, 0, 0), Number(MaxPartNameLength));
                return false;
            }

            var allowed = Math.Min(MaxPartBytes, (MaxExpansion * Math.Max(entry.CompressedLength, 0)) + ExpansionAllowance);
            using var part = entry.Open();
            long total = 0;
            int n;
            while ((n = part.Read(buffer)) > 0)
            {
                total += n;
                if (total > allowed)
                {
                    diagnostics.Add(DiagnosticCodes.SheetPartTooLarge, new SourceSpan(file, 0, 0), entry.FullName, Number(allowed));
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The exception that stops reading at a limit.</summary>
    public static InputLimitException Refuse(DiagnosticCode code, SourceSpan span, long limit) =>
        new(Diagnostic.Create(code, span, Number(limit)));

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
