using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ThiDua.Rules.Loading;

/// <summary>
/// Reads a text on a thread of its own, a few chunks ahead of the consumer, so that decoding a large file's UTF-8 and
/// scanning it for the limits run on one core while the JSON reader parses on another. The consumer reads exactly the
/// characters it would read from the inner reader, and meets the inner reader's exception (bytes that are not UTF-8,
/// a limit passed) at the same place: after the characters read before it, never sooner.
/// </summary>
/// <remarks>Memory is bounded: at most <see cref="ChunksAhead"/> chunks wait. Not thread-safe (one consumer).
/// Dispose stops the reading thread and disposes the inner reader.</remarks>
internal sealed class ReadAheadTextReader(TextReader inner) : TextReader
{
    /// <summary>Characters per chunk.</summary>
    public const int ChunkLength = 1 << 16;

    /// <summary>Chunks read and not yet consumed, at most.</summary>
    public const int ChunksAhead = 4;

    private readonly BlockingCollection<Chunk> _filled = new(ChunksAhead);
    private readonly ConcurrentQueue<char[]> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private Thread? _reader;
    private char[]? _chars;
    private int _length;
    private int _offset;
    private bool _ended;
    private ExceptionDispatchInfo? _failure;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Available())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _length - _offset);
        _chars.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override int Read() => Available() ? _chars![_offset++] : -1;

    public override int Peek() => Available() ? _chars![_offset] : -1;

    /// <summary>Whether a character is at hand, taking the next chunk when the current one is used up.</summary>
    private bool Available()
    {
        while (_offset == _length)
        {
            _failure?.Throw();
            if (_ended)
            {
                return false;
            }

            _reader ??= Start();
            if (_chars is not null)
            {
                _free.Enqueue(_chars);
                _chars = null;
            }

            _length = _offset = 0;
            if (!_filled.TryTake(out var chunk, Timeout.Infinite))
            {
                _ended = true;
                return false;
            }

            _chars = chunk.Chars;
            _length = chunk.Length;
            _failure = chunk.Failure;
        }

        return true;
    }

    private Thread Start()
    {
        var thread = new Thread(Produce) { IsBackground = true, Name = "ThiDua text read-ahead" };
        thread.Start();
        return thread;
    }

    private void Produce()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var chars = _free.TryDequeue(out var reused) ? reused : new char[ChunkLength];
                int n;
                try
                {
                    n = inner.Read(chars, 0, chars.Length);
                }
                catch (Exception ex)
                {
                    _filled.Add(new Chunk(chars, 0, ExceptionDispatchInfo.Capture(ex)), _stop.Token);
                    return;
                }

                if (n == 0)
                {
                    return;
                }

                _filled.Add(new Chunk(chars, n, null), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer is done: nothing more to hand over.
        }
        finally
        {
            _filled.CompleteAdding();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            _reader?.Join();
            inner.Dispose();
            _filled.Dispose();
            _stop.Dispose();
        }

        base.Dispose(disposing);
    }

    private readonly record struct Chunk(char[] Chars, int Length, ExceptionDispatchInfo? Failure);
}
