using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text;

namespace ThiDua.Rules.Writing;

/// <summary>
/// Writes the items of a long JSON array in blocks built on the thread pool and handed to the writer in order: the same
/// text, byte for byte, as writing the items one by one on one thread, in a fraction of the time on several cores.
/// </summary>
/// <remarks>
/// At most a few blocks are in flight at once (twice the parallelism), each in a buffer that is reused, so memory
/// stays bounded whatever the number of items. The item writer must only read shared state (it runs on several threads).
/// </remarks>
internal static class OrderedBlocks
{
    /// <summary>Items per block: large enough to amortise a task, small enough to keep a few blocks in memory.</summary>
    public const int BlockSize = 1024;

    /// <summary>Writes <paramref name="items"/> into the innermost array open in <paramref name="json"/>.</summary>
    /// <param name="json">The writer, inside the array.</param>
    /// <param name="indented">Whether <paramref name="json"/> indents.</param>
    /// <param name="parallelism">How many blocks may be built at once; 1 writes every item on the calling thread.</param>
    /// <param name="items">The items, in order.</param>
    /// <param name="writeItem">Writes one item's values (any number, none included).</param>
    public static void Write<T>(CanonicalJsonWriter json, bool indented, int parallelism, IReadOnlyList<T> items, Action<CanonicalJsonWriter, T> writeItem)
    {
        var window = parallelism * 2;
        if (parallelism <= 1 || items.Count <= BlockSize)
        {
            foreach (var item in items)
            {
                writeItem(json, item);
            }

            return;
        }

        var depth = json.Depth;
        var blocks = (items.Count + BlockSize - 1) / BlockSize;
        var free = new ConcurrentBag<Block>();
        var pending = new Queue<Job<T>>(window);
        var next = 0;
        try
        {
            for (var b = 0; b < blocks; b++)
            {
                while (next < blocks && pending.Count < window)
                {
                    var from = next++ * BlockSize;
                    var job = new Job<T>(depth, from, Math.Min(items.Count, from + BlockSize), items, writeItem, free, indented);
                    job.Start();
                    pending.Enqueue(job);
                }

                // Rather than wait for the next block, this thread builds the blocks no worker has started yet, in
                // order: on a machine with few cores a waiting thread is a core lost.
                var head = pending.Peek();
                foreach (var job in pending)
                {
                    if (head.IsDone)
                    {
                        break;
                    }

                    job.TryBuild();
                }

                var done = pending.Dequeue().Take();
                json.WriteFragment(done.Text);
                free.Add(done);
            }
        }
        finally
        {
            // After a failure, the blocks still being built finish before the caller goes on (they read its result).
            foreach (var job in pending)
            {
                job.Finish();
            }

            foreach (var block in free)
            {
                block.Dispose();
            }
        }
    }

    /// <summary>One block to build, by a worker or by the writing thread, whichever claims it first.</summary>
    private sealed class Job<T>(int depth, int from, int to, IReadOnlyList<T> items, Action<CanonicalJsonWriter, T> writeItem, ConcurrentBag<Block> free, bool indented) : IDisposable
    {
        private readonly ManualResetEventSlim _done = new(false, spinCount: 1);
        private int _claimed;
        private Block? _block;
        private ExceptionDispatchInfo? _failure;

        public bool IsDone => _done.IsSet;

        public void Start() => ThreadPool.UnsafeQueueUserWorkItem(static job => job.TryBuild(), this, preferLocal: false);

        /// <summary>Builds the block unless another thread has claimed it.</summary>
        public void TryBuild()
        {
            if (Interlocked.Exchange(ref _claimed, 1) != 0)
            {
                return;
            }

            try
            {
                var block = free.TryTake(out var reused) ? reused : new Block(indented);
                block.Build(depth, from, to, items, writeItem);
                _block = block;
            }
            catch (Exception ex)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                _done.Set();
            }
        }

        /// <summary>The built block, once built; the building's exception if it failed.</summary>
        public Block Take()
        {
            TryBuild();
            _done.Wait();
            Dispose();
            _failure?.Throw();
            return _block!;
        }

        public void Dispose() => _done.Dispose();

        /// <summary>Waits for a worker that may be building this block, without taking it.</summary>
        public void Finish()
        {
            if (Interlocked.Exchange(ref _claimed, 1) == 0)
            {
                _done.Set();
            }

            _done.Wait();
            Dispose();
        }
    }

    /// <summary>One block's text, in a buffer kept from block to block.</summary>
    private sealed class Block : IDisposable
    {
        private readonly CharBuffer _text = new();
        private readonly CanonicalJsonWriter _json;

        public Block(bool indented)
        {
            _json = new CanonicalJsonWriter(_text, indented);
        }

        public ReadOnlySpan<char> Text => _text.Written;

        public void Dispose() => _text.Dispose();

        public void Build<T>(int depth, int from, int to, IReadOnlyList<T> items, Action<CanonicalJsonWriter, T> writeItem)
        {
            _text.Clear();
            _json.StartFragment(depth);
            for (var i = from; i < to; i++)
            {
                writeItem(_json, items[i]);
            }

            _json.Hand();
        }
    }

    /// <summary>A text writer into one growing character array, kept between uses (no chunks, no copies to a string).</summary>
    private sealed class CharBuffer : TextWriter
    {
        private char[] _chars = new char[1 << 16];
        private int _length;

        public CharBuffer()
        {
            CoreNewLine = ['\n'];
        }

        public override Encoding Encoding => Encoding.UTF8;

        public ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

        public void Clear() => _length = 0;

        public override void Write(char value)
        {
            Grow(1);
            _chars[_length++] = value;
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Grow(buffer.Length);
            buffer.CopyTo(_chars.AsSpan(_length));
            _length += buffer.Length;
        }

        private void Grow(int room)
        {
            if (_length + room > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + room));
            }
        }
    }
}
