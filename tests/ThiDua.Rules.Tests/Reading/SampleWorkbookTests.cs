using System.Globalization;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

/// <summary>
/// <c>rules/samples/ban-quan-ly-2024.xlsx</c> is the JSON sample as a clerk's workbook, written by
/// <see cref="SampleWorkbookWriter"/>. It must hold exactly the same data and give exactly the same evaluation.
/// Regenerate it after changing the JSON sample or the writer with
/// <c>THIDUA_WRITE_SAMPLES=1 dotnet test --filter FullyQualifiedName~SampleWorkbookTests</c>.
/// </summary>
public sealed class SampleWorkbookTests
{
    private static string Root => ShippedRulesTests.RepositoryRoot;

    private static string JsonSample => Path.Combine(Root, "rules", "samples", "ban-quan-ly-2024.json");

    private static string XlsxSample => Path.Combine(Root, "rules", "samples", "ban-quan-ly-2024.xlsx");

    /// <summary>The Vietnamese labels of the facts, from the rule files that declare them (the first declaration wins).</summary>
    private static Func<string, string?> FactLabels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { "vn", "plans" }.SelectMany(f => Directory.EnumerateFiles(Path.Combine(Root, "rules", f), "*.json").Order(StringComparer.Ordinal)))
        {
            foreach (var fact in JObject.Parse(File.ReadAllText(file))["facts"] as JArray ?? [])
            {
                labels.TryAdd((string)fact["id"]!, (string)fact["label"]!);
            }
        }

        return id => labels.GetValueOrDefault(id);
    }

    private static byte[] Generate(SubjectData data)
    {
        using var stream = new MemoryStream();
        SampleWorkbookWriter.Write(data, stream, FactLabels());
        return stream.ToArray();
    }

    [Fact]
    public void SampleWorkbook_Regenerate_WhenAsked()
    {
        // Writes the shipped workbook only when asked, so that a test run never changes the tree by itself.
        if (Environment.GetEnvironmentVariable("THIDUA_WRITE_SAMPLES") != "1")
        {
            return;
        }

        File.WriteAllBytes(XlsxSample, Generate(SubjectDataLoader.Load(JsonSample).GetValueOrThrow()));
    }

    [Fact]
    public void SampleWorkbook_LoadsWithoutAnyDiagnostic()
    {
        var result = SpreadsheetDataLoader.Load(XlsxSample);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void SampleWorkbook_HoldsExactlyTheDataOfTheJsonSample()
    {
        var json = SubjectDataLoader.Load(JsonSample).GetValueOrThrow();
        var xlsx = SpreadsheetDataLoader.Load(XlsxSample).GetValueOrThrow();

        Assert.Equal(Canonical(json), Canonical(xlsx));
    }

    [Fact]
    public void SampleWorkbook_IsUpToDateWithTheWriter()
    {
        var json = SubjectDataLoader.Load(JsonSample).GetValueOrThrow();

        using var fresh = new MemoryStream(Generate(json));
        var regenerated = SpreadsheetDataLoader.LoadXlsx(fresh, "fresh.xlsx").GetValueOrThrow();
        var shipped = SpreadsheetDataLoader.Load(XlsxSample).GetValueOrThrow();

        Assert.Equal(Canonical(regenerated), Canonical(shipped));
    }

    public static TheoryData<string> RuleSets => new()
    {
        "rules/vn",
        "rules/plans/soc-trang-bqlkcn-thi-dua-2021-2025.json",
        "rules/plans/gia-lai-bqlkkt-kh31-2021-2025.json",
    };

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void SampleWorkbook_EvaluatesByteForByteLikeTheJsonSample(string rules)
    {
        var json = SubjectDataLoader.Load(JsonSample).GetValueOrThrow();
        var xlsx = SpreadsheetDataLoader.Load(XlsxSample).GetValueOrThrow();
        var asOf = json.AsOf!.Value;
        var library = RuleSetLoader.Load(Path.Combine(Root, rules)).GetValueOrThrow();
        var compiled = RuleSetCompiler.Compile(library.Select(asOf).GetValueOrThrow()).GetValueOrThrow();

        var expected = Evaluate(compiled, json, asOf);
        var actual = Evaluate(compiled, xlsx, asOf);

        Assert.Contains("\"outcome\": \"recommended\"", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Write_SameData_GivesTheSameBytes()
    {
        var json = SubjectDataLoader.Load(JsonSample).GetValueOrThrow();

        Assert.Equal(Generate(json), Generate(json));
    }

    [Fact]
    public void SampleWorkbook_IsValidAgainstTheOpenXmlSchema()
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(XlsxSample, false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document)
            .Select(e => e.Part?.Uri + " " + e.Path?.XPath + ": " + e.Description);

        Assert.Empty(errors);
    }

    [Fact]
    public void Write_EnterpriseBlockSample_RoundTripsThroughTheReader()
    {
        var json = SubjectDataLoader.Load(Path.Combine(Root, "rules", "samples", "khoi-doanh-nghiep-2024.json")).GetValueOrThrow();
        using var stream = new MemoryStream(Generate(json));

        var result = SpreadsheetDataLoader.LoadXlsx(stream, "khoi-doanh-nghiep-2024.xlsx");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(Canonical(json), Canonical(result.GetValueOrThrow()));
    }

    private static string Evaluate(CompiledRuleSet compiled, SubjectData data, LocalDate asOf)
    {
        var result = compiled.Evaluate(data, EvaluationOptions.Default with { AsOf = asOf, MaxDegreeOfParallelism = 1 });
        using var writer = new StringWriter { NewLine = "\n" };
        JsonResultWriter.Write(result, writer, ResultInclusion.All);
        return writer.ToString();
    }

    /// <summary>
    /// The data without source positions, as indented JSON, so that a difference shows where it is. A fact written as
    /// an ISO date string in JSON and read as a date from a workbook is the same value for the rule set.
    /// </summary>
    private static string Canonical(SubjectData data)
    {
        static JToken Value(object? value) => value switch
        {
            null => JValue.CreateNull(),
            LocalDate d => LocalDatePattern.Iso.Format(d),
            string s => s,
            bool b => b,
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException(value.GetType().Name),
        };

        static string? Date(LocalDate? d) => d is null ? null : LocalDatePattern.Iso.Format(d.Value);

        static JObject Facts(System.Collections.Immutable.ImmutableDictionary<string, object?> facts) =>
            new(facts.Where(f => f.Value is not null).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new JProperty(f.Key, Value(f.Value))));

        static JArray History(System.Collections.Immutable.ImmutableArray<HistoryYear> history) =>
            new(history.Select(h => new JObject(new JProperty("year", h.Year), new JProperty("rating", h.Rating),
                new JProperty("awards", new JArray(h.Awards.Select(a => a.Id + (a.DecidedOn is { } d ? " @" + Date(d) : "")))))));

        static JArray Works(System.Collections.Immutable.ImmutableArray<Initiative> works) =>
            new(works.Select(w => Strings(w.Name, w.Scope, Date(w.RecognizedOn))));

        static JArray Strings(params string?[] values) => new(values.Select(v => v is null ? JValue.CreateNull() : new JValue(v)));

        var root = new JObject(
            new JProperty("year", data.Year),
            new JProperty("asOf", Date(data.AsOf)),
            new JProperty("units", new JArray(data.Units.Select(u => new JObject(
                new JProperty("id", u.Id), new JProperty("name", u.Name), new JProperty("parent", u.Parent), new JProperty("kind", u.Kind.ToString()),
                new JProperty("cluster", u.Cluster), new JProperty("rating", u.Rating), new JProperty("facts", Facts(u.Facts)),
                new JProperty("history", History(u.History)))))),
            new JProperty("individuals", new JArray(data.Individuals.Select(i => new JObject(
                new JProperty("id", i.Id), new JProperty("name", i.Name), new JProperty("unit", i.Unit), new JProperty("rating", i.Rating),
                new JProperty("employeeType", i.EmployeeType), new JProperty("startDate", Date(i.StartDate)),
                new JProperty("monthsWorked", Value(i.MonthsWorked)), new JProperty("daysAbsent", Value(i.DaysAbsent)),
                new JProperty("pendingReview", i.PendingReview),
                new JProperty("discipline", i.Discipline is { } d ? Strings(d.Level, Date(d.Date), Date(d.EndDate)) : null),
                new JProperty("initiatives", Works(i.Initiatives)), new JProperty("researchWorks", Works(i.ResearchWorks)),
                new JProperty("facts", Facts(i.Facts)), new JProperty("history", History(i.History)))))));

        return root.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
