using System.Text;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

/// <summary>Bytes that are not UTF-8 are an error at their place, never silently replaced.</summary>
public sealed class Utf8TextTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WriteBytes(string name, string before, byte[] bad, string after, bool byteOrderMark = false)
    {
        var path = _folder.PathOf(name);
        var bytes = new List<byte>();
        if (byteOrderMark)
        {
            bytes.AddRange([0xEF, 0xBB, 0xBF]);
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(before));
        bytes.AddRange(bad);
        bytes.AddRange(Encoding.UTF8.GetBytes(after));
        File.WriteAllBytes(path, [.. bytes]);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LoadData_Latin1ByteInAName_IsAnErrorAtItsLineAndColumn(bool byteOrderMark)
    {
        // "Nguyễn" typed in a Windows-1258 editor: 0xD2 is not UTF-8 here.
        var path = WriteBytes("d.json", "{ \"year\": 2024,\n  \"individuals\": [\n    { \"id\": \"A\", \"name\": \"Tr", [0xD2, 0x6E], "\" } ] }", byteOrderMark);

        var loaded = SubjectDataLoader.Load(path);

        var error = Assert.Single(loaded.Errors);
        Assert.Equal(DiagnosticCodes.DataNotUtf8, error.Code);
        Assert.Equal((3, 29), (error.Span.Line, error.Span.Column));
        Assert.False(loaded.Succeeded);
    }

    [Fact]
    public void LoadData_InvalidBytesFarIntoALargeFile_AreFoundAcrossReadBuffers()
    {
        var people = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            people.Append("    { \"id\": \"NV").Append(i).Append("\", \"name\": \"Nguyễn Văn Một\" },\n");
        }

        var path = WriteBytes("big.json", "{ \"year\": 2024, \"individuals\": [\n" + people, [0xC3, 0x28], "\"\n] }");
        var loaded = SubjectDataLoader.Load(path);

        var error = Assert.Single(loaded.Errors);
        Assert.Equal(DiagnosticCodes.DataNotUtf8, error.Code);
        Assert.Equal((5002, 1), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void OpenDataFile_InvalidBytes_AreAnErrorAtTheirPlace()
    {
        var path = WriteBytes("d.json", "{ \"year\": 2024, \"individuals\": [ { \"id\": \"", [0xFF], "\" } ] }");

        var opened = SubjectDataFile.Open(path);

        if (opened.TryGetValue(out var file))
        {
            using var disposable = file;
            var rules = TestRules.Compile(TestRules.RuleFile(TestRules.Award("a", "true")));
            var bound = rules.TryBind(file);
            Assert.Equal(DiagnosticCodes.DataNotUtf8, Assert.Single(bound.Errors).Code);
        }
        else
        {
            Assert.Equal(DiagnosticCodes.DataNotUtf8, Assert.Single(opened.Errors).Code);
        }
    }

    [Fact]
    public void LoadRules_InvalidBytesInAName_IsAnErrorAtItsPlace()
    {
        var valid = TestRules.RuleFile(TestRules.Award("a", "true"));
        var at = valid.IndexOf("\"name\": \"a\"", StringComparison.Ordinal) + "\"name\": \"".Length;
        var path = WriteBytes("r.json", valid[..at], [0xE0, 0x80], valid[at..]);

        var loaded = RuleSetLoader.Load(path);

        var error = Assert.Single(loaded.Errors);
        Assert.Equal(DiagnosticCodes.DataNotUtf8, error.Code);
        var line = valid[..at].Count(c => c == '\n') + 1;
        Assert.Equal(line, error.Span.Line);
    }

    [Fact]
    public void LoadData_Utf16WithByteOrderMark_IsStillRead()
    {
        var path = _folder.PathOf("u16.json");
        File.WriteAllText(path, "{ \"year\": 2024, \"individuals\": [ { \"id\": \"Á\" } ] }", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var loaded = SubjectDataLoader.Load(path);

        Assert.Equal("Á", Assert.Single(loaded.GetValueOrThrow().Individuals).Id);
    }
}
