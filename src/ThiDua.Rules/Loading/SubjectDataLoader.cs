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
/// bound to a compiled rule set.</remarks>
public static class SubjectDataLoader
{
    /// <summary>The largest data file accepted, in bytes (configurable per call).</summary>
    public const long DefaultMaxBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Loads a data file.</summary>
    public static LoadResult<SubjectData> Load(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new DiagnosticBag();
        SubjectData? data = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Add(DiagnosticCodes.FileNotReadable, new SourceSpan(path, 0, 0), "no such file");
            }
            else if (info.Length > maxBytes)
            {
                diagnostics.Add(DiagnosticCodes.InputTooLarge, new SourceSpan(path, 0, 0), $"the data file has {info.Length} bytes; the limit is {maxBytes}");
            }
            else if (info.Length == 0)
            {
                diagnostics.Add(DiagnosticCodes.InvalidJson, new SourceSpan(path, 1, 1), "the file is empty");
            }
            else
            {
                using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
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
    public static LoadResult<SubjectData> LoadText(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var diagnostics = new DiagnosticBag();
        var data = Read(new StringReader(json), fileName, diagnostics);
        return new LoadResult<SubjectData>(data, diagnostics.ToSortedArray());
    }

    private static SubjectData? Read(TextReader reader, string file, DiagnosticBag diagnostics)
    {
        var root = JsonSource.Parse(reader, file, diagnostics);
        return root is null ? null : SubjectJsonReader.ReadDocument(root, file, diagnostics);
    }
}
