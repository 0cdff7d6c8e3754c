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

/// <summary>Where a <see cref="FileStatus"/> came from: how much it can be trusted to tell files apart.</summary>
internal enum StatSource
{
    /// <summary>The best the system offers (<see cref="Statx"/>, else <see cref="Stat"/>, else <see cref="Managed"/>).</summary>
    Best,

    /// <summary><c>statx(2)</c> (Linux, glibc 2.28+ or musl 1.2.5+): one layout on every architecture, 32-bit ones included.</summary>
    Statx,

    /// <summary><c>stat(2)</c>, read at the offsets of 64-bit Linux (x86-64, arm64, riscv64, loongarch64).</summary>
    Stat,

    /// <summary>
    /// What .NET alone can tell, where neither call is available (Windows, macOS, other systems): no device or inode, so a
    /// hard link is not recognised as the same file (a symbolic link or another spelling still is, by the resolved path),
    /// and on Unix a device, FIFO or socket looks like an ordinary file (.NET's <c>File.Exists</c> is true for them);
    /// reading such a file is then still stopped by the size limits enforced while reading, but a FIFO may block.
    /// </summary>
    Managed,
}

/// <summary>
/// The kind and identity (device and inode) of a path after following symbolic links, so that two spellings of one
/// file (a symbolic or hard link, <c>./a</c> and <c>a</c>) compare equal and a FIFO or device is recognised before
/// anything opens it (opening a FIFO for reading blocks until a writer comes).
/// </summary>
/// <remarks>
/// On Linux the kind and identity come from the C library (<see cref="StatSource.Statx"/> on every architecture, else
/// <see cref="StatSource.Stat"/> on the 64-bit ones). Elsewhere, or if neither call is available, they come from .NET
/// (<see cref="StatSource.Managed"/>, whose limits that value's documentation states): <see cref="HasIdentity"/> is then
/// false and files are compared by their resolved full path.
/// </remarks>
/// <param name="Kind">What the path names.</param>
/// <param name="Device">The device number (0 where the system does not say).</param>
/// <param name="Inode">The inode number (0 where the system does not say).</param>
/// <param name="FullPath">The absolute path with every link resolved, used as the identity where there are no inodes.</param>
/// <param name="Source">Which call gave the kind and identity.</param>
internal readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode, string FullPath, StatSource Source)
{
    private const uint TypeMask = 0xF000;
    private const uint RegularType = 0x8000;
    private const uint DirectoryType = 0x4000;

    /// <summary>Whether <see cref="Device"/> and <see cref="Inode"/> are known (so hard links are recognised).</summary>
    public bool HasIdentity => Inode != 0;

    /// <summary>Whether two statuses name the same existing file: by device and inode where known, else by resolved path.</summary>
    public bool SameFileAs(FileStatus other) =>
        Kind != FileKind.Missing && other.Kind != FileKind.Missing
        && (HasIdentity || other.HasIdentity
            ? Device == other.Device && Inode == other.Inode
            : string.Equals(FullPath, other.FullPath, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    /// <summary>The status of <paramref name="path"/>; never throws for a bad path (it is then <see cref="FileKind.Missing"/>).</summary>
    public static FileStatus Of(string path) => Of(path, StatSource.Best);

    /// <summary>The status of <paramref name="path"/> from <paramref name="source"/> (tests pin each source's behaviour).</summary>
    internal static FileStatus Of(string path, StatSource source)
    {
        string full;
        try
        {
            full = Resolve(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileStatus(FileKind.Missing, 0, 0, path, StatSource.Managed);
        }

        if (OperatingSystem.IsLinux() && source is (StatSource.Best or StatSource.Statx) && Native.TryStatx(full, out var device, out var inode, out var mode))
        {
            return new FileStatus(KindOf(mode), device, inode, full, StatSource.Statx);
        }

        if (OperatingSystem.IsLinux() && source is (StatSource.Best or StatSource.Stat) && Native.TryStat(full, out device, out inode, out mode))
        {
            return new FileStatus(KindOf(mode), device, inode, full, StatSource.Stat);
        }

        // What .NET alone can tell (see StatSource.Managed): File.Exists is true for anything that is not a folder.
        var managed = File.Exists(full) ? FileKind.Regular : Directory.Exists(full) ? FileKind.Directory : FileKind.Missing;
        if (managed == FileKind.Missing && !OperatingSystem.IsWindows() && Path.Exists(full))
        {
            managed = FileKind.Other;
        }

        return new FileStatus(managed, 0, 0, full, StatSource.Managed);
    }

    private static FileKind KindOf(uint mode) => (mode & TypeMask) switch
    {
        RegularType => FileKind.Regular,
        DirectoryType => FileKind.Directory,
        _ => FileKind.Other,
    };

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

    /// <summary><c>statx(2)</c> and <c>stat(2)</c> from the C library, each read only where its layout is known.</summary>
    private static class Native
    {
        private const int AtCurrentFolder = -100;
        private const uint WantTypeAndInode = 0x001 | 0x100; // STATX_TYPE | STATX_INO

        private static bool _noStatx;
        private static bool _noStat;

        /// <summary>
        /// <c>statx</c>, whose <c>struct statx</c> has one layout on every architecture: <c>stx_mask</c> at 0, <c>stx_mode</c>
        /// at 28, <c>stx_ino</c> at 32, <c>stx_dev_major</c> and <c>stx_dev_minor</c> at 136 and 140. The device is combined
        /// as glibc's <c>makedev</c> does, so that it equals <c>stat</c>'s <c>st_dev</c>.
        /// </summary>
        public static bool TryStatx(string path, out ulong device, out ulong inode, out uint mode)
        {
            device = inode = 0;
            mode = 0;
            if (_noStatx)
            {
                return false;
            }

            var buffer = new byte[256];
            try
            {
                if (statx(AtCurrentFolder, path, 0, WantTypeAndInode, buffer) != 0)
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                _noStatx = true;
                return false;
            }

            if ((BitConverter.ToUInt32(buffer, 0) & WantTypeAndInode) != WantTypeAndInode)
            {
                return false;
            }

            mode = BitConverter.ToUInt16(buffer, 28);
            inode = BitConverter.ToUInt64(buffer, 32);
            ulong major = BitConverter.ToUInt32(buffer, 136);
            ulong minor = BitConverter.ToUInt32(buffer, 140);
            device = ((major & 0xFFFFF000UL) << 32) | ((major & 0xFFFUL) << 8) | ((minor & 0xFFFFFF00UL) << 12) | (minor & 0xFFUL);
            return true;
        }

        /// <summary><c>stat</c>, read for the fields that are at the same place on 64-bit Linux.</summary>
        public static bool TryStat(string path, out ulong device, out ulong inode, out uint mode)
        {
            device = inode = 0;
            mode = 0;
            if (_noStat || !Environment.Is64BitProcess)
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
                _noStat = true;
                return false;
            }

            device = BitConverter.ToUInt64(buffer, 0);
            inode = BitConverter.ToUInt64(buffer, 8);
            mode = BitConverter.ToUInt32(buffer, modeOffset);
            return true;
        }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the core library; two small calls do not need it.
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        private static extern int statx(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
    }
}
