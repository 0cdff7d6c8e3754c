using ThiDua.Rules.Cli;
using ThiDua.Rules.Loading;
using Xunit;

namespace ThiDua.Rules.Tests.Streaming;

/// <summary>The two helpers that put the second core to work: reading ahead, and writing behind.</summary>
public sealed class BackgroundWorkTests
{
    [Fact]
    public void ReadAhead_GivesEveryItemInOrder()
    {
        var items = ReadAhead.Of(Enumerable.Range(0, 100_000), CancellationToken.None).ToList();

        Assert.Equal(Enumerable.Range(0, 100_000), items);
    }

    [Fact]
    public void ReadAhead_SourceThrows_TheConsumerGetsTheItemsBeforeAndThenTheException()
    {
        IEnumerable<int> Failing()
        {
            for (var i = 0; i < 1000; i++)
            {
                yield return i;
            }

            throw new InvalidDataException("broken at 1000");
        }

        var seen = new List<int>();
        var ex = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(), CancellationToken.None))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("broken at 1000", ex.Message);
        Assert.Equal(Enumerable.Range(0, 1000), seen);
    }

    [Fact]
    public void ReadAhead_ConsumerStopsEarly_TheSourceIsNotReadAfterwards()
    {
        var produced = 0;
        IEnumerable<int> Counting()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }

        var first = ReadAhead.Of(Counting(), CancellationToken.None).Take(10).ToList();
        var after = Volatile.Read(ref produced);
        Thread.Sleep(50);

        Assert.Equal(Enumerable.Range(0, 10), first);
        Assert.Equal(after, Volatile.Read(ref produced));
    }

    [Fact]
    public void ReadAhead_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var items = ReadAhead.Of(Enumerable.Range(0, 1_000_000), cancel.Token);

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var item in items)
            {
                if (item == 5000)
                {
                    cancel.Cancel();
                }
            }
        });
    }

    [Fact]
    public void BackgroundWriteStream_WritesEveryByteInOrder()
    {
        var random = new Random(5);
        var expected = new byte[5_000_000];
        random.NextBytes(expected);
        using var target = new MemoryStream();

        using (var stream = new BackgroundWriteStream(target))
        {
            for (var offset = 0; offset < expected.Length;)
            {
                var n = Math.Min(random.Next(1, 300_000), expected.Length - offset);
                stream.Write(expected, offset, n);
                offset += n;
            }

            stream.Flush();
            Assert.Equal(expected.Length, target.Length);
        }

        Assert.Equal(expected, target.ToArray());
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");
    }

    [Fact]
    public void BackgroundWriteStream_TheStreamUnderneathFails_TheWriterSeesTheFailure()
    {
        var stream = new BackgroundWriteStream(new FailingStream());
        stream.Write(new byte[3 << 20]);

        var ex = Assert.Throws<IOException>(stream.Flush);
        Assert.Equal("disk full", ex.Message);
        Assert.Throws<IOException>(stream.Dispose);
    }
}
