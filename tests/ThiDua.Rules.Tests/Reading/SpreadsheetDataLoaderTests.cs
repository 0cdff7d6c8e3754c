using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

public sealed class SpreadsheetDataLoaderTests
{
    [Fact]
    public void Load_JsonFile_UsesTheCanonicalLoader()
    {
        using var folder = new TempFolder();
        var path = folder.Write("data.json", """{ "year": 2024, "individuals": [ { "id": "NV1" } ] }""");

        Assert.Equal("NV1", SpreadsheetDataLoader.Load(path).GetValueOrThrow().Individuals.Single().Id);
    }

    [Fact]
    public void Load_SpreadsheetOverTheSubjectLimit_SaysSoInVietnameseToo()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ds.csv", "Mã cán bộ,Đơn vị,Năm\nNV1,VP,2024\nNV2,VP,2024\n");

        var error = Assert.Single(SpreadsheetDataLoader.Load(path, ThiDua.Rules.Loading.DataLimits.Default with { MaxSubjects = 2 }).Errors);

        Assert.Equal(DiagnosticCodes.InputTooLarge, error.Code);
        Assert.Equal("dữ liệu vượt giới hạn: dữ liệu có hơn 2 đơn vị và cá nhân; hãy tách tệp hoặc nâng giới hạn (DataLimits.MaxSubjects, thidua --max-subjects)", error.Message(Language.Vi));
    }

    [Fact]
    public void Load_UnicodeTextExport_IsReadAsTabSeparatedUtf16WithItsUnitsFile()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("ds.txt");
        File.WriteAllText(path, "Mã cán bộ\tHọ và tên\tĐơn vị\tXếp loại\tNăm\r\nNV1\tNguyễn Văn An\tVP\tHoàn thành tốt nhiệm vụ\t2024\r\n", Encoding.Unicode);
        File.WriteAllText(folder.PathOf("ds.units.txt"), "Mã đơn vị\tTên đơn vị\r\nVP\tVăn phòng\r\n", Encoding.Unicode);

        var loaded = SpreadsheetDataLoader.Load(path);

        Assert.Empty(loaded.Diagnostics);
        var data = loaded.GetValueOrThrow();
        Assert.Equal(("NV1", "Nguyễn Văn An", "VP", "HTTNV"), (data.Individuals.Single().Id, data.Individuals[0].Name, data.Individuals[0].Unit, data.Individuals[0].Rating));
        Assert.Equal(("VP", "Văn phòng"), (data.Units.Single().Id, data.Units[0].Name));
    }

    [Theory]
    [InlineData("data.xls", ".xls")]
    [InlineData("data.ods", ".ods")]
    [InlineData("data", "data")]
    public void Load_UnsupportedExtension_SaysWhichFormatsAreRead(string file, string shown)
    {
        var error = Assert.Single(SpreadsheetDataLoader.Load(file).Errors);

        Assert.Equal($"{file} TDR210 unsupported data file type '{shown}': use .json, .csv, .txt (Unicode Text) or .xlsx (an old .xls workbook: open it in Excel and save it as .xlsx)", error.ToString());
    }

    [Theory]
    [InlineData("missing.xlsx")]
    [InlineData("missing.csv")]
    public void Load_MissingFile_NamesIt(string file)
    {
        var error = Assert.Single(SpreadsheetDataLoader.Load(file).Errors);

        Assert.Equal($"{file} TDR023 cannot read file: no such file", error.ToString());
    }

    [Fact]
    public void Load_XlsxFromDisk_NamesBadCellsWithThePathAsGiven()
    {
        using var folder = new TempFolder();
        var path = new TestWorkbook()
            .Sheet("Cá nhân", ["Mã", "Họ và tên", "Đơn vị", "Xếp loại", "Ngày tuyển dụng"], ["NV1", "A", "VP", "HTTNV", "15/03/2015"],
                ["NV2", "B", "VP", "HTTNV", "15/03/2015"], ["NV3", "C", "VP", "HTTNV", "15/03/2015"], ["NV4", "D", "VP", "HTTNV", "ngày 15"])
            .Sheet("Thông tin", ["Năm", 2024], ["Ngày tính", new XlDate(new LocalDate(2024, 12, 31))])
            .Save(folder.PathOf("ban.xlsx"));

        var error = Assert.Single(SpreadsheetDataLoader.Load(path).Errors);

        Assert.Equal(path + ":Cá nhân!E5 TDR201 'Ngày tuyển dụng' must be a date such as 15/03/2015, but is 'ngày 15'", error.ToString());
    }

    [Fact]
    public void Load_EmptyXlsxFile_IsAnInvalidWorkbook()
    {
        using var folder = new TempFolder();
        var path = folder.Write("empty.xlsx", "");

        Assert.Equal(DiagnosticCodes.SpreadsheetInvalid, Assert.Single(SpreadsheetDataLoader.Load(path).Errors).Code);
    }

    private static readonly byte[] ValidWorkbook = new TestWorkbook { SharedStrings = true }
        .Sheet("Thông tin", ["Năm", 2024], ["Ngày tính", new XlDate(new LocalDate(2024, 12, 31))])
        .Sheet("Đơn vị", ["Mã đơn vị", "Đơn vị cấp trên", "Loại"], ["BQL", null, "Đơn vị"], ["VP", "BQL", "Đơn vị"])
        .Sheet("Cá nhân", ["Mã", "Đơn vị", "Ngày tuyển dụng", "Sáng kiến", "Xếp loại 2023", "Danh hiệu 2023", "conduct"],
            ["NV1", "VP", new XlDate(new LocalDate(2015, 3, 15)), "co-so 15/10/2024", "HTTNV", "LĐTT", "có"])
        .ToBytes();

    /// <summary>The valid workbook with one XML part changed: text inserted or removed at a random place.</summary>
    private static Gen<byte[]> MutatedWorkbooks()
    {
        using var zip = new ZipArchive(new MemoryStream(ValidWorkbook), ZipArchiveMode.Read);
        var parts = zip.Entries.Select(e => e.FullName).ToArray();
        var noise = Gen.Elements("", "<", ">", "/>", "\"", "<c r=\"A1\" t=\"s\"><v>99</v></c>", "<row>", "</row>", "t=\"e\"", "<v>-1</v>", "r=\"ZZZZ9\"",
            "s=\"77\"", "&", "ư", "<x:y/>", "<v>1e400</v>");
        return Gen.Zip(Gen.Elements(parts), Gen.Zip(Gen.Choose(0, 10_000), Gen.Zip(Gen.Choose(0, 6), noise)))
            .Select(t => Mutate(t.Item1, t.Item2.Item1, t.Item2.Item2.Item1, t.Item2.Item2.Item2));
    }

    private static byte[] Mutate(string part, int position, int remove, string insert)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(ValidWorkbook), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                if (entry.FullName == part)
                {
                    var at = position % (text.Length + 1);
                    text = text[..at] + insert + text[Math.Min(text.Length, at + remove)..];
                }

                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    [Property(MaxTest = 500)]
    public Property LoadXlsx_MutatedWorkbook_NeverThrowsAndExplainsFailure()
    {
        return Prop.ForAll(Arb.From(MutatedWorkbooks()), bytes =>
        {
            using var stream = new MemoryStream(bytes);
            var result = SpreadsheetDataLoader.LoadXlsx(stream, "fuzz.xlsx");
            return result.Succeeded || (result.Errors.Any() && result.Diagnostics.All(d => d.Span.File == "fuzz.xlsx"));
        });
    }

    [Property(MaxTest = 300)]
    public Property LoadXlsx_ArbitraryBytes_NeverThrow()
    {
        return Prop.ForAll(Arb.From(Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>())), bytes =>
        {
            using var stream = new MemoryStream(bytes);
            var result = SpreadsheetDataLoader.LoadXlsx(stream, "fuzz.xlsx");
            return !result.Succeeded && result.Errors.Any();
        });
    }

    [Property(MaxTest = 1000)]
    public Property LoadCsvText_MutatedCsv_NeverThrowsAndExplainsFailure()
    {
        const string valid = "Mã;Họ và tên;Đơn vị;Ngày tuyển dụng;Số ngày nghỉ;Sáng kiến;Danh hiệu 2023;Năm\nNV1;\"Nguyễn; A\";VP;15/03/2015;1,5;co-so 15/10/2024;LĐTT (20/05/2023);2024\n";
        var noise = Gen.Elements("", ";", ",", "\"", "\n", "\r", "sep=,", "x", "#N/A", "32/13/2024", "ư", "\u0000", "\t", "-1");
        var mutated = Gen.Zip(Gen.Choose(0, valid.Length), Gen.Zip(Gen.Choose(0, 5), noise))
            .Select(t => valid[..t.Item1] + t.Item2.Item2 + valid[Math.Min(valid.Length, t.Item1 + t.Item2.Item1)..]);

        return Prop.ForAll(Arb.From(mutated), text =>
        {
            var result = SpreadsheetDataLoader.LoadCsvText(text, "fuzz.csv");
            return result.Succeeded || (result.Errors.Any() && result.Diagnostics.All(d => d.Span.File == "fuzz.csv"));
        });
    }
}
