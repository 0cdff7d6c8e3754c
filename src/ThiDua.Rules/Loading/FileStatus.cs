using System.Runtime.InteropServices;

namespace ThiDua.Rules.Loading;

/// <summary>What a path names, after following symbolic links.</summary>
internal enum FileKind
{
    /// <summary>Nothing (or a link to nothing).</summary>
    Missing,

    /// <summary>An ordinary file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A device, FIFO or socket: never read as input (reading it may never end) nor replaced by an output.</summary>
    Other,
}

/// <summary>
/// The kind and identity (device and inode) of a path after following symbolic links, so that two spellings of one
/// file (a symbolic or hard link, <c>./a</c> and <c>a</c>) compare equal and a FIFO or device is recognised before
/// anything opens it (opening a FIFO for reading blocks until a writer comes).
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Device">The device number (0 where the system does not say).</param>
/// <param name="Inode">The inode number (0 where the system does not say).</param>
/// <param name="FullPath">The absolute path with every link resolved, used as the identity where there are no inodes.</param>
internal readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode, string FullPath)
{
    private const uint TypeMask = 0xF000;
    private const uint RegularType = 0x8000;
    private const uint DirectoryType = 0x4000;

    /// <summary>Whether two statuses name the same existing file.</summary>
    public bool SameFileAs(FileStatus other) =>
        Kind != FileKind.Missing && other.Kind != FileKind.Missing
        && (Inode != 0 || other.Inode != 0
            ? Device == other.Device && Inode == other.Inode
            : string.Equals(FullPath, other.FullPath, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    /// <summary>The status of <paramref name="path"/>; never throws for a bad path (it is then <see cref="FileKind.Missing"/>).</summary>
    public static FileStatus Of(string path)
    {
        string full;
        try
        {
            full = Resolve(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileStatus(FileKind.Missing, 0, 0, path);
        }

        if (OperatingSystem.IsLinux() && Native.TryStat(full, out var device, out var inode, out var mode))
        {
            var kind = (mode & TypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                _ => FileKind.Other,
            };
            return new FileStatus(kind, device, inode, full);
        }

        // Elsewhere (or if the call is not available): what .NET can tell. Devices are not found at ordinary paths there.
        var managed = File.Exists(full) ? FileKind.Regular : Directory.Exists(full) ? FileKind.Directory : FileKind.Missing;
        if (managed == FileKind.Missing && OperatingSystem.IsLinux() && Path.Exists(full))
        {
            managed = FileKind.Other;
        }

        return new FileStatus(managed, 0, 0, full);
    }

    /// <summary>The path with every symbolic link on it (the last component included) resolved.</summary>
    private static string Resolve(string full)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            return Path.GetFullPath(target.FullName);
        }

        return full;
    }

    /// <summary><c>stat(2)</c> from the C library, read for the fields that are at the same place on 64-bit Linux.</summary>
    private static class Native
    {
        private static bool _unavailable;

        public static bool TryStat(string path, out ulong device, out ulong inode, out uint mode)
        {
            device = inode = 0;
            mode = 0;
            if (_unavailable || !Environment.Is64BitProcess)
            {
                return false;
            }

            // struct stat is 144 bytes on x86-64 and 128 on arm64; st_dev and st_ino are the first two 64-bit fields on
            // both, st_mode is at 24 (x86-64) or 16 (arm64 and the other generic layouts).
            var modeOffset = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => 24,
                Architecture.Arm64 or Architecture.RiscV64 or Architecture.LoongArch64 => 16,
                _ => -1,
            };
            if (modeOffset < 0)
            {
                return false;
            }

            var buffer = new byte[256];
            try
            {
                if (stat(path, buffer) != 0)
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                _unavailable = true;
                return false;
            }

            device = BitConverter.ToUInt64(buffer, 0);
            inode = BitConverter.ToUInt64(buffer, 8);
            mode = BitConverter.ToUInt32(buffer, modeOffset);
            return true;
        }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the core library; one small call does not need it.
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
#pragma warning restore SYSLIB1054
    }
}
