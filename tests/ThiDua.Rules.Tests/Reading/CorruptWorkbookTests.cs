using System.IO.Compression;
using System.Text;
using NodaTime;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

/// <summary>
/// Damaged workbooks: each is either read or refused with a diagnostic (TDR209 at the part, or a cell's own), and no .NET
/// exception escapes the loader (none is caught as a user diagnostic either: the loader checks explicitly).
/// </summary>
public sealed class CorruptWorkbookTests
{
    private static byte[] Workbook() => new TestWorkbook { SharedStrings = true }
        .Sheet("Thông tin", ["Năm", 2024], ["Ngày tính", new XlDate(new LocalDate(2024, 12, 31))])
        .Sheet("Đơn vị", ["Mã đơn vị", "Tên đơn vị"], ["VP", "Văn phòng"])
        .Sheet("Cá nhân", ["Mã cán bộ", "Họ và tên", "Đơn vị", "Xếp loại", "Ngày tuyển dụng"], ["NV1", "A", "VP", "HTTNV", new XlDate(new LocalDate(2015, 3, 15))])
        .Merge("Cá nhân", "C2:C3")
        .ToBytes();

    private static readonly string[] Alphabet = ["<", ">", "/", "\"", "=", " ", "x", "0", "-1", "99999999999", "&", "r=\"A0\"", "t=\"s\"", "<c>", "</row>", "\u0000", "é"];

    [Fact]
    public void LoadXlsx_EveryPartDamagedInManyWays_IsReadOrRefusedWithADiagnostic()
    {
        var original = Workbook();
        var random = new Random(20261203);
        var parts = Parts(original);
        for (var i = 0; i < 600; i++)
        {
            var name = parts.Keys.ElementAt(random.Next(parts.Count));
            var text = parts[name];
            var damaged = new StringBuilder(text);
            for (var edits = random.Next(1, 4); edits > 0 && damaged.Length > 0; edits--)
            {
                var at = random.Next(damaged.Length);
                switch (random.Next(3))
                {
                    case 0:
                        damaged.Remove(at, Math.Min(random.Next(1, 12), damaged.Length - at));
                        break;
                    case 1:
                        damaged.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    default:
                        damaged[at] = Alphabet[random.Next(Alphabet.Length)][0];
                        break;
                }
            }

            var bytes = Zip(parts, name, damaged.ToString(), drop: random.Next(40) == 0);
            using var stream = new MemoryStream(bytes);
            var loaded = SpreadsheetDataLoader.LoadXlsx(stream, "hong.xlsx");

            Assert.True(loaded.Succeeded || loaded.Errors.Any(), $"{name} #{i}");
        }
    }

    [Fact]
    public void LoadXlsx_BytesFlippedAnywhere_IsRefusedOrRead()
    {
        var original = Workbook();
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 6); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            using var stream = new MemoryStream(bytes);
            var loaded = SpreadsheetDataLoader.LoadXlsx(stream, "hong.xlsx");

            Assert.True(loaded.Succeeded || loaded.Errors.Any(), $"#{i}");
        }
    }

    [Fact]
    public void LoadXlsx_NoContentTypes_IsRefusedSayingSo()
    {
        var parts = Parts(Workbook());
        using var stream = new MemoryStream(Zip(parts, "[Content_Types].xml", "", drop: true));

        var error = Assert.Single(SpreadsheetDataLoader.LoadXlsx(stream, "hong.xlsx").Errors);

        Assert.Equal(DiagnosticCodes.SpreadsheetInvalid, error.Code);
        Assert.Equal("tệp không phải là bảng tính .xlsx hợp lệ: gói thiếu phần [Content_Types].xml", error.Message(Language.Vi));
    }

    private static Dictionary<string, string> Parts(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    private static byte[] Zip(Dictionary<string, string> parts, string damagedName, string damaged, bool drop)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (name == damagedName && drop)
                {
                    continue;
                }

                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(name == damagedName ? damaged : text);
            }
        }

        return buffer.ToArray();
    }
}
