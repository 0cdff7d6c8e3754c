using System.Collections.Immutable;
using System.Text;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading;

/// <summary>
/// Loads the canonical data JSON (design §3) into <see cref="SubjectData"/>. Never throws for bad input.
/// </summary>
/// <remarks>Thread-safe. Checks that need the rule set (ratings on the scale, declared facts) happen when the data is
/// bound to a compiled rule set. To evaluate a file too large to hold, use <see cref="SubjectDataFile"/>, which binds
/// each individual as it is read.</remarks>
public static class SubjectDataLoader
{
    /// <summary>Loads a data file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Size limits; null for <see cref="DataLimits.Default"/>.</param>
    public static LoadResult<SubjectData> Load(string path, DataLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= DataLimits.Default;
        var diagnostics = new DiagnosticBag();
        SubjectData? data = null;
        try
        {
            if (OpenFile(path, limits, diagnostics) is { } text)
            {
                using var reader = new SubjectJsonStreamReader(text, path, limits);
                data = Read(reader, path, diagnostics);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Utf8Text.Report(ex, path, diagnostics);
        }

        return new LoadResult<SubjectData>(data, diagnostics.ToSortedArray());
    }

    /// <summary>Loads data from JSON text; <paramref name="fileName"/> is used in diagnostics.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="fileName">The name to give positions.</param>
    /// <param name="limits">Size limits (the number of subjects); null for <see cref="DataLimits.Default"/>.</param>
    public static LoadResult<SubjectData> LoadText(string json, string fileName, DataLimits? limits = null) =>
        LoadText(json, fileName, limits, fastPath: true);

    /// <summary>As the public overload; <paramref name="fastPath"/> false loads every individual as a JSON tree (for tests).</summary>
    internal static LoadResult<SubjectData> LoadText(string json, string fileName, DataLimits? limits, bool fastPath)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        var diagnostics = new DiagnosticBag();
        using var reader = new SubjectJsonStreamReader(new StringReader(json), fileName, limits ?? DataLimits.Default, fastPath);
        var data = Read(reader, fileName, diagnostics);
        return new LoadResult<SubjectData>(data, diagnostics.ToSortedArray());
    }

    /// <summary>The size (bytes) above which a data file is read ahead on a thread of its own.</summary>
    internal const long ReadAheadFrom = 1 << 20;

    /// <summary>
    /// Opens a data file for reading after checking that it is an ordinary file (not a folder, device, FIFO or socket,
    /// which could block or never end) within the size limit. The limit is enforced again while reading, whatever the
    /// file system reported, and so are the lengths of names and texts (<see cref="JsonLimitReader"/>).
    /// </summary>
    internal static TextReader? OpenFile(string path, DataLimits limits, DiagnosticBag diagnostics)
    {
        if (InputFile.Check(path, InputFile.Data(limits), diagnostics) is not { } length)
        {
            return null;
        }

        if (length == 0)
        {
            diagnostics.Add(DiagnosticCodes.JsonEmptyFile, new SourceSpan(path, 1, 1));
            return null;
        }

        // A large file is decoded and scanned for the limits on a thread of its own while it is parsed.
        var stream = InputFile.Open(path, InputFile.Data(limits));
        var text = new JsonLimitReader(Utf8Text.Reader(stream, 1 << 16), path, limits);
        return length > ReadAheadFrom ? new ReadAheadTextReader(text) : text;
    }

    private static SubjectData? Read(SubjectJsonStreamReader reader, string file, DiagnosticBag diagnostics)
    {
        reader.ReadHeader();
        var individuals = reader.Broken ? [] : reader.Individuals().ToImmutableArray();
        diagnostics.AddRange(reader.Diagnostics);
        return reader.Year is { } year && !reader.Broken
            ? new SubjectData { Year = year, AsOf = reader.AsOf, Units = reader.Units, Individuals = individuals, Span = new SourceSpan(file, 1, 1) }
            : null;
    }
}
