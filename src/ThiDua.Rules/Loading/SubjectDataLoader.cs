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
            diagnostics.Add(DiagnosticCodes.FileNotReadable, new SourceSpan(path, 0, 0), ex.Message);
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

    /// <summary>Opens a data file for reading after checking that it exists and is within the size limit.</summary>
    internal static TextReader? OpenFile(string path, DataLimits limits, DiagnosticBag diagnostics)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            diagnostics.Add(DiagnosticCodes.FileNotReadable, new SourceSpan(path, 0, 0), "no such file");
            return null;
        }

        if (info.Length > limits.MaxFileBytes)
        {
            diagnostics.Add(DiagnosticCodes.InputTooLarge, new SourceSpan(path, 0, 0),
                $"the data file has {info.Length:N0} bytes; the limit is {limits.MaxFileBytes:N0} (DataLimits.MaxFileBytes, thidua --max-file-size)");
            return null;
        }

        if (info.Length == 0)
        {
            diagnostics.Add(DiagnosticCodes.InvalidJson, new SourceSpan(path, 1, 1), "the file is empty");
            return null;
        }

        return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
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
