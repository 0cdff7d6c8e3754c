using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ThiDua.Rules.Cli;

/// <summary>
/// A write-only stream that hands its bytes, in large blocks, to a thread of its own that writes them to the stream
/// underneath: formatting results (one core) and the file system's work (another) overlap. Bytes arrive in order. A
/// failure of the underlying stream is thrown by the next <see cref="Write(ReadOnlySpan{byte})"/>, <see cref="Flush"/>
/// or <see cref="Dispose(bool)"/>.
/// </summary>
internal sealed class BackgroundWriteStream : Stream
{
    private const int BlockSize = 1 << 20;
    private const int BlocksAhead = 8;

    private readonly Stream _inner;
    private readonly BlockingCollection<(byte[] Block, int Length, ManualResetEventSlim? Flushed)> _blocks = new(BlocksAhead);
    private readonly Thread _writer;
    private byte[] _block = ArrayPool<byte>.Shared.Rent(BlockSize);
    private int _length;
    private long _position;
    private volatile ExceptionDispatchInfo? _failure;
    private bool _disposed;

    public BackgroundWriteStream(Stream inner)
    {
        _inner = inner;
        _writer = new Thread(WriteBlocks) { IsBackground = true, Name = "ThiDua output" };
        _writer.Start();
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _failure?.Throw();
        _position += buffer.Length;
        while (buffer.Length > 0)
        {
            var n = Math.Min(buffer.Length, _block.Length - _length);
            buffer[..n].CopyTo(_block.AsSpan(_length));
            _length += n;
            buffer = buffer[n..];
            if (_length == _block.Length)
            {
                HandOver(null);
            }
        }
    }

    /// <summary>Waits until every byte written so far has been written to, and flushed by, the stream underneath.</summary>
    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var flushed = new ManualResetEventSlim();
        HandOver(flushed);
        flushed.Wait();
        _failure?.Throw();
    }

    private void HandOver(ManualResetEventSlim? flushed)
    {
        _blocks.Add((_block, _length, flushed));
        _block = ArrayPool<byte>.Shared.Rent(BlockSize);
        _length = 0;
    }

    private void WriteBlocks()
    {
        foreach (var (block, length, flushed) in _blocks.GetConsumingEnumerable())
        {
            try
            {
                if (_failure is null)
                {
                    _inner.Write(block, 0, length);
                    if (flushed is not null)
                    {
                        _inner.Flush();
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(block);
                flushed?.Set();
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            if (_length > 0)
            {
                _blocks.Add((_block, _length, null));
            }
            else
            {
                ArrayPool<byte>.Shared.Return(_block);
            }

            _blocks.CompleteAdding();
            _writer.Join();
            _blocks.Dispose();
            _failure?.Throw();
        }

        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
