using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli;

/// <summary>
/// Writes a file atomically: to a temporary file with a short name beside the target, then renamed over it. A failure,
/// a cancellation, Ctrl+C (SIGINT) or SIGTERM leaves the target untouched and removes the temporary file. Every command
/// writes its outputs through here, so every command gets the same refusals: an output that is the same file as one of
/// the run's inputs (compared by device and inode after following links, not by spelling), or that exists and is not
/// an ordinary file (a folder, device, FIFO or socket).
/// </summary>
internal static class AtomicFile
{
    // The temporary files being written, removed by the signal handlers; process-wide, as signals are.
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);
    private static readonly Lock SignalLock = new();
    private static List<PosixSignalRegistration>? _registrations;

    // The inputs of the command running on this logical thread (tests run several commands at once in one process).
    private static readonly AsyncLocal<InputSet?> CurrentInputs = new();

    /// <summary>The input files of the running command; set by <see cref="CliApp"/> for each run.</summary>
    public static InputSet? Inputs
    {
        get => CurrentInputs.Value;
        set => CurrentInputs.Value = value;
    }

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
        var target = Check(path);
        var directory = Path.GetDirectoryName(target) ?? ".";

        // A short name, whatever the target's: a valid 250-character file name must not fail for its temporary's sake.
        var temporary = Path.Combine(directory, ".thidua-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + ".tmp");
        EnsureSignalHandlers();
        Pending[temporary] = 0;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 20))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            Pending.TryRemove(temporary, out _);
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// The file to write for <paramref name="path"/> (a symbolic link's final target, so the link stays a link), after
    /// checking that it is not an input of the run and not something other than an ordinary file.
    /// </summary>
    /// <exception cref="OutputRefusedException">The output would destroy an input, or replace a folder, device, FIFO or socket.</exception>
    public static string Check(string path)
    {
        var status = FileStatus.Of(path);
        if (status.Kind is FileKind.Directory or FileKind.Other)
        {
            throw new OutputRefusedException(Diagnostic.Create(DiagnosticCodes.OutputNotRegular, new SourceSpan(path, 0, 0), path));
        }

        if (status.Kind == FileKind.Regular && Inputs?.SameAs(status) is { } input)
        {
            throw new OutputRefusedException(Diagnostic.Create(DiagnosticCodes.OutputSameAsInput, new SourceSpan(path, 0, 0), path, input));
        }

        return status.Kind == FileKind.Regular ? status.FullPath : Path.GetFullPath(path);
    }

    /// <summary>Removes every temporary file being written (from a signal handler, or at a forced exit).</summary>
    internal static void RemovePending()
    {
        foreach (var temporary in Pending.Keys)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done while the process ends.
            }
        }
    }

    private static void EnsureSignalHandlers()
    {
        lock (SignalLock)
        {
            if (_registrations is not null)
            {
                return;
            }

            _registrations = [];
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                try
                {
                    // The handler does not cancel the signal: after the temporary files are gone, the process ends as it would have.
                    _registrations.Add(PosixSignalRegistration.Create(signal, _ => RemovePending()));
                }
                catch (PlatformNotSupportedException)
                {
                    // SIGHUP and SIGQUIT do not exist on Windows; Ctrl+C is still handled.
                }
            }
        }
    }
}

/// <summary>The files a command reads, compared with its outputs by identity (device and inode), not by spelling.</summary>
internal sealed class InputSet
{
    private readonly Lock _lock = new();
    private readonly List<(FileStatus Status, string Path)> _files = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The most files taken from one input folder (a rules folder holds tens).</summary>
    private const int MaxFilesPerFolder = 10_000;

    /// <summary>Adds a file, or every file below a folder.</summary>
    public void Add(string path)
    {
        var status = FileStatus.Of(path);
        if (status.Kind == FileKind.Regular)
        {
            lock (_lock)
            {
                if (_seen.Add(status.FullPath))
                {
                    _files.Add((status, path));
                }
            }
        }
        else if (status.Kind == FileKind.Directory)
        {
            try
            {
                foreach (var file in Directory.EnumerateFiles(status.FullPath, "*", SearchOption.AllDirectories).Take(MaxFilesPerFolder))
                {
                    Add(file);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be listed is reported by the loader that reads it.
            }
        }
    }

    /// <summary>The path (as given) of the input that is the same file as <paramref name="output"/>, or null.</summary>
    public string? SameAs(FileStatus output)
    {
        lock (_lock)
        {
            foreach (var (status, path) in _files)
            {
                if (status.SameFileAs(output))
                {
                    return path;
                }
            }
        }

        return null;
    }
}

/// <summary>An output refused before anything was written; <see cref="Diagnostic"/> says why.</summary>
internal sealed class OutputRefusedException(Diagnostic diagnostic) : IOException(diagnostic.Message(Language.En))
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
