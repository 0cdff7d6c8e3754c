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
        if (zip.GetEntry("[Content_Types].xml") is null)
        {
            // Every Office Open XML package has it: without it the file is some other zip (or a damaged one).
            diagnostics.Add(DiagnosticCodes.SpreadsheetInvalid, new SourceSpan(file, 0, 0), DiagnosticCatalog.Term(NoContentTypes));
            return false;
        }

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

        return RelationshipsResolve(zip, file, diagnostics);
    }

    /// <summary>
    /// Whether every internal relationship of the package points at a part that is in it (the package reader stops with
    /// an exception of its own on one that does not): checked here, so that it is a diagnostic, not a caught defect.
    /// </summary>
    /// <exception cref="System.Xml.XmlException">A relationships part is not well-formed XML (the caller reports it).</exception>
    private static bool RelationshipsResolve(ZipArchive zip, string file, DiagnosticBag diagnostics)
    {
        var parts = new HashSet<string>(zip.Entries.Select(e => e.FullName), StringComparer.OrdinalIgnoreCase);
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            // xl/_rels/workbook.xml.rels holds the relationships of xl/workbook.xml; targets are relative to its folder.
            var name = entry.FullName;
            var folder = name.LastIndexOf("_rels/", StringComparison.Ordinal) is var at and >= 0 ? name[..at] : "";
            var source = new Uri("http://package/" + folder + Path.GetFileNameWithoutExtension(name));
            using var stream = entry.Open();
            using var reader = System.Xml.XmlReader.Create(stream, settings);
            while (reader.Read())
            {
                if (reader.NodeType != System.Xml.XmlNodeType.Element || reader.LocalName != "Relationship"
                    || string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var target = reader.GetAttribute("Target");
                if (target is null || !Uri.TryCreate(source, target, out var resolved) || resolved.Host != "package"
                    || !parts.Contains(Uri.UnescapeDataString(resolved.AbsolutePath).TrimStart('/')))
                {
                    diagnostics.Add(DiagnosticCodes.SpreadsheetInvalid, new SourceSpan(file, 0, 0), DiagnosticCatalog.Term(MissingPart));
                    return false;
                }
            }
        }

        return true;
    }

    private const string MissingPart = "a relationship of the package points at a part that is not in it";

    private const string NoContentTypes = "the package has no [Content_Types].xml part";

    /// <summary>
    /// Why a workbook cannot be read, for the exceptions that the zip, XML and Open XML package readers define to signal a
    /// malformed file (a zip that is damaged or is not one, a part that is not well-formed XML, a package that is not a
    /// workbook); null for any other exception, which is a defect and is not turned into a user's diagnostic.
    /// </summary>
    public static string? Malformed(Exception exception) => exception switch
    {
        InvalidDataException => DiagnosticCatalog.Term("the file is not a zip package, or it is damaged"),
        System.Xml.XmlException => DiagnosticCatalog.Term("a part of the workbook is not well-formed XML"),
        DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException => DiagnosticCatalog.Term("the package is not an Office Open XML workbook, or it is damaged"),
        _ => null,
    };

    /// <summary>The exception that stops reading at a limit.</summary>
    public static InputLimitException Refuse(DiagnosticCode code, SourceSpan span, long limit) =>
        new(Diagnostic.Create(code, span, Number(limit)));

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
