using System.Text;
using ThiDua.Rules.Loading;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

public sealed class ReadAheadTextReaderTests
{
    private static string Text(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append("Nguyễn Văn ").Append(i).Append('\n');
        }

        return builder.ToString(0, length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ReadAheadTextReader.ChunkLength)]
    [InlineData(ReadAheadTextReader.ChunkLength * ReadAheadTextReader.ChunksAhead * 3 + 17)]
    public void Reads_GiveTheInnerText_WhateverTheReadSizes(int length)
    {
        var text = Text(length);
        var random = new Random(length);
        using var reader = new ReadAheadTextReader(new StringReader(text));
        var read = new StringBuilder();
        var buffer = new char[5_000];
        while (true)
        {
            var choice = random.Next(4);
            if (choice == 0)
            {
                var peeked = reader.Peek();
                var c = reader.Read();
                Assert.Equal(peeked, c);
                if (c < 0)
                {
                    break;
                }

                read.Append((char)c);
                continue;
            }

            var n = reader.Read(buffer, 0, random.Next(1, buffer.Length));
            if (n == 0)
            {
                break;
            }

            read.Append(buffer, 0, n);
        }

        Assert.Equal(text, read.ToString());
        Assert.Equal(-1, reader.Read());
    }

    [Fact]
    public void AnInnerFailure_ComesAfterEveryCharacterReadBeforeIt_AndAgainOnEachRead()
    {
        const int before = ReadAheadTextReader.ChunkLength * 2 + 5;
        using var reader = new ReadAheadTextReader(new FailingReader(Text(before)));
        var read = reader.ReadToEndOrFailure(out var failure);
        Assert.Equal(Text(before), read);
        Assert.IsType<IOException>(failure);
        Assert.Equal("not UTF-8", failure!.Message);
        Assert.Throws<IOException>(() => reader.Read());
        Assert.Throws<IOException>(() => reader.Peek());
    }

    [Fact]
    public void Dispose_BeforeTheEnd_StopsReadingAndDisposesTheInnerReader()
    {
        var inner = new EndlessReader();
        var reader = new ReadAheadTextReader(inner);
        var buffer = new char[100];
        Assert.Equal(100, reader.Read(buffer, 0, buffer.Length));
        reader.Dispose();
        Assert.True(inner.Disposed);
        var readsAtDispose = inner.Reads;
        Thread.Sleep(50);
        Assert.Equal(readsAtDispose, inner.Reads);
        Assert.True(readsAtDispose <= ReadAheadTextReader.ChunksAhead + 3, $"{readsAtDispose} chunks read ahead");
    }

    private sealed class FailingReader(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position == text.Length)
            {
                throw new IOException("not UTF-8");
            }

            var n = Math.Min(count, Math.Min(1_000, text.Length - _position));
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }

    private sealed class EndlessReader : TextReader
    {
        public bool Disposed { get; private set; }

        public int Reads { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            Reads++;
            buffer.AsSpan(index, count).Fill('x');
            return count;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}

internal static class TextReaderTestExtensions
{
    /// <summary>Everything readable, and the exception that ended reading, if any.</summary>
    public static string ReadToEndOrFailure(this TextReader reader, out Exception? failure)
    {
        var read = new StringBuilder();
        var buffer = new char[3_000];
        failure = null;
        try
        {
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                read.Append(buffer, 0, n);
            }
        }
        catch (IOException ex)
        {
            failure = ex;
        }

        return read.ToString();
    }
}
