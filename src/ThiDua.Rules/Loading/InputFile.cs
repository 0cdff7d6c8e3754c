using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading;

/// <summary>
/// The one way an input file is opened, whichever reader or option names it (rule files, data files, the council's
/// votes, the decision archive, plug-ins, RulesEngine workflows): only an ordinary file is read. A folder, device, FIFO
/// or socket is refused by its kind before anything opens it (opening a FIFO blocks until a writer comes; a device such
/// as <c>/dev/zero</c> never ends), and the size limit is checked from the file system and enforced again while
/// reading, whatever the file system reported.
/// </summary>
internal static class InputFile
{
    /// <summary>What to report for a file that is refused: the codes of the file's kind of input, and its size limit.</summary>
    /// <param name="MaxBytes">The largest size accepted.</param>
    /// <param name="NotRegular">The code of a path that is not an ordinary file (its argument: the path).</param>
    /// <param name="TooLarge">The code of a file above <paramref name="MaxBytes"/> (its argument: the limit, formatted).</param>
    internal sealed record Rules(long MaxBytes, DiagnosticCode NotRegular, DiagnosticCode TooLarge)
    {
        /// <summary>The diagnostic of a file above the limit.</summary>
        public Diagnostic TooLargeAt(string path) =>
            Diagnostic.Create(TooLarge, new SourceSpan(path, 0, 0), MaxBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A data file (or a votes file) within <paramref name="limits"/>.</summary>
    public static Rules Data(DataLimits limits) => new(limits.MaxFileBytes, DiagnosticCodes.DataFileNotRegular, DiagnosticCodes.DataFileTooLarge);

    /// <summary>A rule file (or a file a rule file names, such as a workflow) within <see cref="RuleSetLoader.MaxRuleFileBytes"/>.</summary>
    public static Rules RuleFile { get; } = new(RuleSetLoader.MaxRuleFileBytes, DiagnosticCodes.RuleFileNotRegular, DiagnosticCodes.RuleFileTooLarge);

    /// <summary>
    /// Whether <paramref name="path"/> names an ordinary file within the limit of <paramref name="rules"/>: its length, or
    /// null after reporting why not (a missing file is <see cref="DiagnosticCodes.FileNotReadable"/>).
    /// </summary>
    public static long? Check(string path, Rules rules, DiagnosticBag diagnostics)
    {
        if (Refusal(path, rules, out var length) is { } refusal)
        {
            diagnostics.Add(refusal);
            return null;
        }

        return length;
    }

    /// <summary>Why <paramref name="path"/> is not read (null when it is an ordinary file within the limit); <paramref name="length"/> is its size.</summary>
    public static Diagnostic? Refusal(string path, Rules rules, out long length)
    {
        length = 0;
        var span = new SourceSpan(path, 0, 0);
        var status = FileStatus.Of(path);
        if (status.Kind == FileKind.Missing)
        {
            return Diagnostic.Create(DiagnosticCodes.FileNotReadable, span, DiagnosticCatalog.Phrase("file.not-found"));
        }

        if (status.Kind != FileKind.Regular)
        {
            return Diagnostic.Create(rules.NotRegular, span, path);
        }

        length = new FileInfo(status.FullPath).Length;
        return length > rules.MaxBytes ? rules.TooLargeAt(path) : null;
    }

    /// <summary>
    /// Opens a file that <see cref="Check"/> accepted: a stream that stops with <see cref="InputLimitException"/> (the limit's
    /// diagnostic) once more than the limit has been read.
    /// </summary>
    public static Stream Open(string path, Rules rules, int bufferSize = 1 << 16) =>
        new LimitedReadStream(
            new FileStream(path, new FileStreamOptions { BufferSize = bufferSize, Options = FileOptions.SequentialScan }),
            rules.MaxBytes,
            () => rules.TooLargeAt(path));

    /// <summary>Reads a whole file that <see cref="Check"/> accepted into memory through the limit (for readers that must seek, such as a workbook's).</summary>
    public static MemoryStream ReadAll(string path, Rules rules)
    {
        var buffer = new MemoryStream();
        using (var file = Open(path, rules))
        {
            file.CopyTo(buffer);
        }

        buffer.Position = 0;
        return buffer;
    }
}
