using System.Diagnostics;
using System.Globalization;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

/// <summary>
/// File kind and identity (device and inode) from each source: <c>statx</c> and <c>stat</c> agree with each other and
/// with the <c>stat</c> command, and the .NET-only fallback does what its documentation says: spellings and symbolic
/// links still compare equal by resolved path, hard links do not, and nothing claims an identity it does not have.
/// </summary>
public sealed class FileStatusTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Device, inode and file type (the high bits of the mode) as the <c>stat</c> command prints them, following links.</summary>
    private static (ulong Device, ulong Inode, FileKind Kind) Command(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("stat", ["-L", "-c", "%d %i %f", path]) { RedirectStandardOutput = true })!;
        var parts = process.StandardOutput.ReadToEnd().Trim().Split(' ');
        process.WaitForExit();
        var mode = uint.Parse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var kind = (mode & 0xF000) switch { 0x8000 => FileKind.Regular, 0x4000 => FileKind.Directory, _ => FileKind.Other };
        return (ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture), kind);
    }

    private string HardLink(string existing, string name)
    {
        var path = _folder.PathOf(name);
        using var ln = Process.Start("ln", [existing, path])!;
        ln.WaitForExit();
        return path;
    }

    private string MakeFifo(string name)
    {
        var path = _folder.PathOf(name);
        using var process = Process.Start("mkfifo", [path])!;
        process.WaitForExit();
        return path;
    }

    [Theory]
    [InlineData("statx")]
    [InlineData("stat")]
    public void Of_NativeSource_AgreesWithTheStatCommandForEveryKind(string call)
    {
        var source = call == "statx" ? StatSource.Statx : StatSource.Stat;
        var file = _folder.Write("a.json", "{}");
        var link = File.CreateSymbolicLink(_folder.PathOf("link.json"), file).FullName;
        var fifo = MakeFifo("pipe");

        foreach (var path in new[] { file, link, _folder.Root, fifo, "/dev/null" })
        {
            var status = FileStatus.Of(path, source);

            Assert.Equal(source, status.Source);
            Assert.True(status.HasIdentity);
            Assert.Equal(Command(path), (status.Device, status.Inode, status.Kind));
        }

        Assert.Equal(FileKind.Missing, FileStatus.Of(_folder.PathOf("none.json"), source).Kind);
    }

    [Fact]
    public void Of_Default_UsesStatxAndGivesTheSameIdentityAsStat()
    {
        var file = _folder.Write("a.json", "{}");

        var best = FileStatus.Of(file);

        Assert.Equal(StatSource.Statx, best.Source);
        Assert.Equal(FileStatus.Of(file, StatSource.Stat) with { Source = StatSource.Statx }, best);
    }

    [Fact]
    public void Of_HardLinkAndOtherSpellings_AreTheSameFileWithANativeSource()
    {
        var file = _folder.Write("a.json", "{}");
        var hard = HardLink(file, "hard.json");

        var link = File.CreateSymbolicLink(_folder.PathOf("link.json"), file).FullName;
        var status = FileStatus.Of(file);

        Assert.True(status.SameFileAs(FileStatus.Of(hard)));
        Assert.True(status.SameFileAs(FileStatus.Of(link)));
        Assert.True(status.SameFileAs(FileStatus.Of(Path.Combine(_folder.Root, ".", "sub", "..", "a.json"))));
        Assert.False(status.SameFileAs(FileStatus.Of(_folder.Write("b.json", "{}"))));
    }

    [Fact]
    public void Of_ManagedFallback_HasNoIdentityComparesByResolvedPathAndMissesHardLinksAsDocumented()
    {
        var file = _folder.Write("a.json", "{}");
        var hard = HardLink(file, "hard.json");

        var link = File.CreateSymbolicLink(_folder.PathOf("link.json"), file).FullName;
        var status = FileStatus.Of(file, StatSource.Managed);

        Assert.Equal((FileKind.Regular, StatSource.Managed, false), (status.Kind, status.Source, status.HasIdentity));
        Assert.Equal((0UL, 0UL), (status.Device, status.Inode));
        Assert.True(status.SameFileAs(FileStatus.Of(link, StatSource.Managed)));
        Assert.True(status.SameFileAs(FileStatus.Of(Path.Combine(_folder.Root, ".", "a.json"), StatSource.Managed)));
        // The documented limit of the fallback: without inodes a hard link is another path, so another file.
        Assert.False(status.SameFileAs(FileStatus.Of(hard, StatSource.Managed)));
        Assert.Equal(FileKind.Directory, FileStatus.Of(_folder.Root, StatSource.Managed).Kind);
        Assert.Equal(FileKind.Missing, FileStatus.Of(_folder.PathOf("none.json"), StatSource.Managed).Kind);
    }

    [Fact]
    public void Of_ManagedFallbackOnADevice_SaysRegularAsDocumentedButTheReadStopsAtTheSizeLimit()
    {
        // .NET alone cannot tell /dev/zero from a file (StatSource.Managed); what then protects a run is the size limit
        // enforced while reading, which a device's endless bytes reach.
        Assert.Equal(FileKind.Regular, FileStatus.Of("/dev/zero", StatSource.Managed).Kind);
        Assert.Equal(FileKind.Other, FileStatus.Of("/dev/zero").Kind);

        using var stream = InputFile.Open("/dev/zero", InputFile.Data(DataLimits.Default with { MaxFileBytes = 1 << 20 }));
        var refused = Assert.Throws<InputLimitException>(() => stream.CopyTo(Stream.Null));
        Assert.Equal(ThiDua.Rules.Validation.DiagnosticCodes.DataFileTooLarge, refused.Diagnostic.Code);
    }
}
