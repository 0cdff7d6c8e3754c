using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading;

/// <summary>
/// Thrown while reading when an input passes a limit (its size, a text's length, a workbook's rows): reading stops at
/// once and the reader that catches it reports <see cref="Diagnostic"/>. An <see cref="IOException"/>, so that every
/// place that already turns a failed read into a diagnostic stays safe.
/// </summary>
internal sealed class InputLimitException(Diagnostic diagnostic) : IOException(diagnostic.Message(Language.En))
{
    /// <summary>The limit passed, and where.</summary>
    public Diagnostic Diagnostic { get; } = diagnostic;

    /// <summary>The diagnostic of a read failure: the limit's own, or <see cref="DiagnosticCodes.FileNotReadable"/> saying
    /// in the catalog's words why the file cannot be read (never the operating system's English text).</summary>
    public static Diagnostic Of(Exception ex, string file) => ex is InputLimitException limit
        ? limit.Diagnostic
        : Diagnostic.Create(DiagnosticCodes.FileNotReadable, new Model.SourceSpan(file, 0, 0), DiagnosticCatalog.FileProblem(ex, file));
}

/// <summary>A read-only stream over another that throws <see cref="InputLimitException"/> once more than a number of bytes have been read.</summary>
internal sealed class LimitedReadStream(Stream inner, long maxBytes, Func<Diagnostic> tooLarge) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int n)
    {
        _read += n;
        if (_read > maxBytes)
        {
            throw new InputLimitException(tooLarge());
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
