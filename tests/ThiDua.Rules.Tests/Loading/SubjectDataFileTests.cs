using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

/// <summary>Streaming a data file: same results as loading it whole, exact positions deep inside large files, limits.</summary>
public sealed class SubjectDataFileTests : IDisposable
{
    private static readonly string Sample = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json");

    private static readonly Lazy<CompiledRuleSet> National = new(() =>
    {
        var library = RuleSetLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn")).GetValueOrThrow();
        return RuleSetCompiler.Compile(library.Select(new LocalDate(2024, 12, 31)).GetValueOrThrow()).GetValueOrThrow();
    });

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Canonical(ThiDua.Rules.Evaluation.EvaluationResult result)
    {
        var writer = new StringWriter();
        JsonResultWriter.Write(result, writer, ResultInclusion.All);
        return writer.ToString();
    }

    private static string Streamed(string path)
    {
        using var file = SubjectDataFile.Open(path).GetValueOrThrow();
        var bound = National.Value.TryBind(file).GetValueOrThrow();
        return Canonical(National.Value.Evaluate(bound));
    }

    [Fact]
    public void Bind_Sample_EvaluatesExactlyAsLoadingTheWholeFile()
    {
        var whole = Canonical(National.Value.Evaluate(SubjectDataLoader.Load(Sample).GetValueOrThrow()));

        Assert.Equal(whole, Streamed(Sample));
        Assert.Contains("\"outcome\": \"recommended\"", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_IndividualsBeforeTheHeader_AreReadIntoMemoryWithTheSameResult()
    {
        var sample = JObject.Parse(File.ReadAllText(Sample));
        var reordered = new JObject(new JProperty("individuals", sample["individuals"]), new JProperty("units", sample["units"]),
            new JProperty("asOf", sample["asOf"]), new JProperty("year", sample["year"]));
        var path = _folder.Write("reordered.json", reordered.ToString(Formatting.None));

        Assert.Equal(Streamed(Sample), Streamed(path));
    }

    [Fact]
    public void Open_HeaderInfo_IsReadBeforeTheIndividuals()
    {
        using var file = SubjectDataFile.Open(Sample).GetValueOrThrow();

        Assert.Equal(2024, file.Year);
        Assert.Equal(new LocalDate(2024, 12, 31), file.AsOf);
        Assert.NotEmpty(file.Units);
    }

    /// <summary>Many individuals; the one at <paramref name="bad"/> has a text where a number belongs.</summary>
    private static string People(int count, int bad, Formatting formatting)
    {
        var individuals = new JArray();
        for (var i = 0; i < count; i++)
        {
            individuals.Add(new JObject
            {
                ["id"] = "NV" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                ["name"] = "Nguyễn Văn \"A\" số " + i,
                ["unit"] = "VP",
                ["rating"] = "HTXSNV",
                ["daysAbsent"] = i == bad ? "nhiều" : 0,
                ["history"] = new JObject { ["2023"] = new JObject { ["rating"] = "HTTNV", ["awards"] = new JArray("lao-dong-tien-tien") } },
            });
        }

        var document = new JObject { ["year"] = 2024, ["asOf"] = "2024-12-31", ["units"] = new JArray(new JObject { ["id"] = "VP" }), ["individuals"] = individuals };
        return document.ToString(formatting);
    }

    [Theory]
    [InlineData(Formatting.None)]
    [InlineData(Formatting.Indented)]
    public void Open_WrongTypeDeepInALargeFile_IsReportedAtItsExactLineColumnAndPath(Formatting formatting)
    {
        var json = People(3000, 2500, formatting);
        var path = _folder.Write("large.json", json);
        var offset = json.IndexOf("\"nhiều\"", StringComparison.Ordinal);
        var line = json[..offset].Count(c => c == '\n') + 1;
        var column = offset - (json.LastIndexOf('\n', offset) + 1) + 1;

        using var file = SubjectDataFile.Open(path).GetValueOrThrow();
        var bound = National.Value.TryBind(file);

        var error = Assert.Single(bound.Errors);
        Assert.Equal(DiagnosticCodes.DataWrongType, error.Code);
        Assert.Equal(new SourceSpan(path, line, column, "individuals[2500].daysAbsent"), error.Span);
    }

    [Fact]
    public void Bind_MissingCommaNearTheEndOfALargeFile_ReportsOnlyTheJsonErrorWhereItIs()
    {
        var json = People(3000, -1, Formatting.None);
        var offset = json.LastIndexOf(",{\"id\"", StringComparison.Ordinal);
        var broken = json.Remove(offset, 1);
        var path = _folder.Write("broken.json", broken);

        using var file = SubjectDataFile.Open(path).GetValueOrThrow();
        var bound = National.Value.TryBind(file);

        Assert.False(bound.Succeeded);
        var error = Assert.Single(bound.Diagnostics);
        Assert.Equal(DiagnosticCodes.JsonMissingComma, error.Code);
        Assert.Equal((1, offset + 1), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Bind_CalledTwice_Throws()
    {
        using var file = SubjectDataFile.Open(Sample).GetValueOrThrow();
        _ = National.Value.TryBind(file);

        Assert.Throws<InvalidOperationException>(() => National.Value.TryBind(file));
    }

    [Fact]
    public void Open_BrokenHeader_FailsWithThePosition()
    {
        const string Json = "{ \"year\": 2024, \"asOf\": \"2024-12-31\" \"units\": [] }";
        var path = _folder.Write("header.json", Json);

        var opened = SubjectDataFile.Open(path);

        var error = Assert.Single(opened.Diagnostics);
        Assert.False(opened.Succeeded);
        Assert.Equal(DiagnosticCodes.JsonMissingComma, error.Code);
        Assert.Equal((1, Json.IndexOf("\"units\"", StringComparison.Ordinal) + 1), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Load_MoreSubjectsThanTheLimit_ReportsInputTooLargeAtTheFirstSubjectOver()
    {
        var json = People(10, -1, Formatting.Indented);
        var offset = json.LastIndexOf('{', json.IndexOf("NV00003", StringComparison.Ordinal));
        var line = json[..offset].Count(c => c == '\n') + 1;

        var loaded = SubjectDataLoader.LoadText(json, "d.json", DataLimits.Default with { MaxSubjects = 4 });

        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal(DiagnosticCodes.InputTooLarge, error.Code);
        Assert.Equal(line, error.Span.Line);
        Assert.Equal("individuals[3]", error.Span.JsonPath);
        Assert.True(SubjectDataLoader.LoadText(json, "d.json", DataLimits.Default with { MaxSubjects = 11 }).Succeeded);
    }

    [Fact]
    public void Load_ByteOrderMarkAndComments_AreAcceptedWhenStreaming()
    {
        var path = _folder.Write("bom.json", "// dữ liệu\n{ \"year\": 2024, /* năm */ \"asOf\": \"2024-12-31\", \"units\": [], \"individuals\": [ /* trống */ ] }\n// hết\n", byteOrderMark: true);

        var data = SubjectDataLoader.Load(path).GetValueOrThrow();

        Assert.Equal(2024, data.Year);
        Assert.Empty(data.Individuals);
        Assert.Equal(Encoding.UTF8.GetPreamble(), File.ReadAllBytes(path)[..3]);
    }
}
