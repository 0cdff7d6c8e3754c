using System.Buffers;
using System.Text;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading;

/// <summary>Bytes that are not UTF-8 were met while reading a file; <see cref="Utf8Text.Report"/> names their place.</summary>
internal sealed class InvalidUtf8Exception() : IOException("the file is not UTF-8 text");

/// <summary>
/// Reads JSON files as strict UTF-8: bytes that are not UTF-8 stop reading (they are never silently replaced), and the
/// place of the first such byte is then found by one more pass over the file. A UTF-8 byte-order mark is skipped; a
/// UTF-16 or UTF-32 byte-order mark selects that encoding, as Windows tools write it.
/// </summary>
internal static class Utf8Text
{
    // Strict UTF-8 whose preamble is the UTF-8 byte-order mark: a reader skips the mark and keeps this encoding (with
    // byte-order-mark detection on, a UTF-16 or UTF-32 mark still selects that encoding).
    private static readonly Encoding Strict = CreateStrict();

    private static Encoding CreateStrict()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: false).Clone();
        encoding.DecoderFallback = new ThrowingFallback();
        return encoding;
    }

    /// <summary>A text reader over <paramref name="stream"/> that decodes strict UTF-8.</summary>
    public static StreamReader Reader(Stream stream, int bufferSize = 1 << 16) =>
        new(stream, Strict, detectEncodingFromByteOrderMarks: true, bufferSize);

    /// <summary>Opens <paramref name="path"/>, a data file <see cref="InputFile.Check"/> accepted, for reading as strict UTF-8 text.</summary>
    public static StreamReader Open(string path, int bufferSize = 1 << 16) =>
        Reader(InputFile.Open(path, InputFile.Data(DataLimits.Default), bufferSize), bufferSize);

    /// <summary>Reports a failure to read <paramref name="path"/>: bytes that are not UTF-8 at their line and column
    /// (TDR120), a limit passed while reading as that limit, anything else as a file that cannot be read (TDR023).</summary>
    public static void Report(Exception ex, string path, DiagnosticBag diagnostics)
    {
        if (ex is InvalidUtf8Exception && Locate(path) is { } at)
        {
            diagnostics.Add(DiagnosticCodes.DataNotUtf8, new SourceSpan(path, at.Line, at.Column),
                at.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        diagnostics.Add(InputLimitException.Of(ex, path));
    }

    /// <summary>The line, column (in characters, as the JSON reader counts) and byte offset of the first byte that is
    /// not UTF-8, or null when there is none.</summary>
    internal static (int Line, int Column, long Offset)? Locate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int line = 1, column = 1, kept = 0;
            long offset = 0;
            var first = true;
            while (true)
            {
                var read = stream.Read(buffer, kept, buffer.Length - kept);
                var length = kept + read;
                var at = 0;
                if (first && length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    at = 3;
                }

                first = false;
                while (at < length)
                {
                    var status = Rune.DecodeFromUtf8(buffer.AsSpan(at, length - at), out var rune, out var consumed);
                    if (status == OperationStatus.NeedMoreData && read > 0)
                    {
                        break;
                    }

                    if (status != OperationStatus.Done)
                    {
                        return (line, column, offset + at);
                    }

                    if (rune.Value == '\n')
                    {
                        line++;
                        column = 1;
                    }
                    else
                    {
                        column += rune.Utf16SequenceLength;
                    }

                    at += consumed;
                }

                if (read == 0)
                {
                    return null;
                }

                kept = length - at;
                buffer.AsSpan(at, kept).CopyTo(buffer);
                offset += at;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class ThrowingFallback : DecoderFallback
    {
        public override int MaxCharCount => 0;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            public override int Remaining => 0;

            public override bool Fallback(byte[] bytesUnknown, int index) => throw new InvalidUtf8Exception();

            public override char GetNextChar() => '\0';

            public override bool MovePrevious() => false;
        }
    }
}
