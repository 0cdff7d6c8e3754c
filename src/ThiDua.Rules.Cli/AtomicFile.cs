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
            using var writer = new StreamWriter(stream, new UTF8Encoding(byteOrderMark), leaveOpen: true) { NewLine = "\n" };
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
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
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
