using System.Text;

namespace ThiDua.Rules.Cli;

/// <summary>
/// Writes a file atomically: to a temporary file beside the target, then renamed over it. A failure or an interrupted
/// run leaves the target untouched and removes the temporary file.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes text in UTF-8; <paramref name="byteOrderMark"/> for CSV files meant for Excel, which needs it to read UTF-8.</summary>
    public static void Write(string path, Action<TextWriter> write, bool byteOrderMark = false) =>
        WriteStream(path, stream =>
        {
            // A province's results run to gigabytes: large buffers (a system call per megabyte), and the file system's
            // work done on another thread while the text is formatted.
            using var background = new BackgroundWriteStream(stream);
            using var writer = new StreamWriter(background, new UTF8Encoding(byteOrderMark), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
            writer.Flush();
        });

    public static void WriteStream(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Environment.ProcessId + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 20))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
