using System.Text;
using Newtonsoft.Json;
using NodaTime;
using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.PropertyBased;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

/// <summary>
/// Reading individuals straight from the tokens: what it takes, what it leaves to the member-by-member reader, and
/// that both ways give the same data and the same diagnostics.
/// </summary>
public sealed class IndividualFastReaderTests
{
    private const string Plain = """
        {"id": "NV1", "name": "Nguye\u0302\u0303n Văn A", "unit": "DV1", "rating": "HTXSNV", "employeeType": "cong-chuc",
         "startDate": "2019-03-01", "monthsWorked": 12, "daysAbsent": 1.50, "pendingReview": false,
         "discipline": {"level": "khien-trach", "date": "2023-05-01", "endDate": null},
         "initiatives": [{"name": "Sáng kiến", "scope": "co-so", "recognizedOn": "2024-06-01"}, {"name": null}],
         "researchWorks": null,
         "facts": {"conduct": true, "score": 8.5, "note": "tốt", "none": null, "count": 3},
         "history": {"2023": {"rating": "HTTNV", "awards": ["lao-dong-tien-tien", {"id": "cstd-co-so", "decidedOn": "2023-12-20"}]},
                     "2019": {"awards": []}, "2021": null}}
        """;

    /// <summary>Reads <paramref name="record"/> with the fast reader; null when it gives up.</summary>
    private static Individual? Fast(string record)
    {
        var text = new CapturingTextReader(new StringReader(record), new CommaChecker());
        using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        Assert.True(json.Read());
        return new IndividualFastReader(json, text, "d.json").TryRead("individuals[0]");
    }

    [Fact]
    public void TryRead_PlainRecord_ReadsEveryMember()
    {
        var person = Fast(Plain.Replace("\"2021\": null", "\"2020\": {}", StringComparison.Ordinal));

        Assert.NotNull(person);
        Assert.Equal("NV1", person.Id);
        Assert.Equal("Nguyễn Văn A", person.Name);
        Assert.True(person.Name!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(new LocalDate(2019, 3, 1), person.StartDate);
        Assert.Equal(12m, person.MonthsWorked);
        Assert.Equal("1.50", person.DaysAbsent!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(person.PendingReview);
        Assert.Equal(new Discipline("khien-trach", new LocalDate(2023, 5, 1), null, person.Discipline!.Span), person.Discipline);
        Assert.Equal("individuals[0].discipline", person.Discipline.Span.JsonPath);
        Assert.Equal(2, person.Initiatives.Length);
        Assert.Equal("individuals[0].initiatives[1]", person.Initiatives[1].Span.JsonPath);
        Assert.Empty(person.ResearchWorks);
        Assert.Equal(true, person.Facts["conduct"]);
        Assert.Equal(8.5m, person.Facts["score"]);
        Assert.Equal(3m, person.Facts["count"]);
        Assert.Equal("tốt", person.Facts["note"]);
        Assert.Null(person.Facts["none"]);
        Assert.Equal([2019, 2020, 2023], person.History.Select(h => h.Year));
        var awards = person.History[2].Awards;
        Assert.Equal(("lao-dong-tien-tien", (LocalDate?)null), (awards[0].Id, awards[0].DecidedOn));
        Assert.Equal(("cstd-co-so", (LocalDate?)new LocalDate(2023, 12, 20)), (awards[1].Id, awards[1].DecidedOn));
        Assert.Equal("individuals[0].history.2023.awards[1]", awards[1].Span.JsonPath);
        Assert.Equal("d.json:1:1@individuals[0]", $"{person.Span.File}:{person.Span.Line}:{person.Span.Column}@{person.Span.JsonPath}");
    }

    [Fact]
    public void TryRead_Spans_PointAtTheFirstCharacterOfEachToken()
    {
        var person = Fast("""
            {"id": "NV1",
              "history": { "2023" : {"awards": [ "a\"b" ]}}}
            """);

        var year = person!.History[0];
        Assert.Equal((2, 16), (year.Span.Line, year.Span.Column));
        Assert.Equal("individuals[0].history.2023", year.Span.JsonPath);
        Assert.Equal((2, 38), (year.Awards[0].Span.Line, year.Awards[0].Span.Column));
        Assert.Equal("a\"b", year.Awards[0].Id);
    }

    [Theory]
    [InlineData("""{"id": "NV1", "nmae": "A"}""")]
    [InlineData("""{"id": "NV1", "id": "NV2"}""")]
    [InlineData("""{"name": "A"}""")]
    [InlineData("""{"id": null}""")]
    [InlineData("""{"id": 7}""")]
    [InlineData("""{"id": "NV1", "rating": 3}""")]
    [InlineData("""{"id": "NV1", "startDate": "2019-02-30"}""")]
    [InlineData("""{"id": "NV1", "startDate": "2019-3-1"}""")]
    [InlineData("""{"id": "NV1", "monthsWorked": -1}""")]
    [InlineData("""{"id": "NV1", "daysAbsent": -0.5}""")]
    [InlineData("""{"id": "NV1", "daysAbsent": "2"}""")]
    [InlineData("""{"id": "NV1", "monthsWorked": 123456789012345678901234567890}""")]
    [InlineData("""{"id": "NV1", "pendingReview": "no"}""")]
    [InlineData("""{"id": "NV1", "discipline": "khien-trach"}""")]
    [InlineData("""{"id": "NV1", "discipline": {"date": "2023-01-01"}}""")]
    [InlineData("""{"id": "NV1", "discipline": {"level": "x", "kind": "y"}}""")]
    [InlineData("""{"id": "NV1", "initiatives": [1]}""")]
    [InlineData("""{"id": "NV1", "initiatives": [{"scope": "co-so", "level": 1}]}""")]
    [InlineData("""{"id": "NV1", "facts": {"a": [1]}}""")]
    [InlineData("""{"id": "NV1", "facts": {"a": 1, "a": 2}}""")]
    [InlineData("""{"id": "NV1", "history": {"23": {}}}""")]
    [InlineData("""{"id": "NV1", "history": {"2023": {}, "2023": {}}}""")]
    [InlineData("""{"id": "NV1", "history": {"2023": {"awards": [1]}}}""")]
    [InlineData("""{"id": "NV1", "history": {"2023": {"awards": [{"decidedOn": "2023-01-01"}]}}}""")]
    [InlineData("""{"id": "NV1", "history": {"2023": {"rating": "HTTNV", "note": 1}}}""")]
    [InlineData("""{"id": "NV1", "history": []}""")]
    [InlineData("""{"id": "NV1", "name": "A" """)]
    [InlineData("""{"id": "NV1", "nmae": null}""")]
    [InlineData("""{"id": "NV1", "discipline": {"level": "x", "kind": null}}""")]
    [InlineData("""{"id": "NV1", "discipline": {"level": "x", "level": "y"}}""")]
    [InlineData("""{"id": "NV1", "discipline": {"level": "x", "date": null, "date": null}}""")]
    [InlineData("""{"id": "NV1", "initiatives": [{"name": "a", "extra": null}]}""")]
    [InlineData("""{"id": "NV1", "initiatives": [{"name": "a", "name": "b"}]}""")]
    [InlineData("""{"id": "NV1", "history": {"2023": {"rating": "a", "note": null}}}""")]
    [InlineData("""{"id": "NV1", "history": {"2023": {"rating": "a", "rating": "b"}}}""")]
    [InlineData("""{"id": "NV1", "history": {"2023": {"awards": [{"id": "x", "note": null}]}}}""")]
    [InlineData("""{"id": "NV1", "history": {"2023": {"awards": [{"id": "x", "id": "y"}]}}}""")]
    [InlineData("""{"id": "NV1", "history": {"1899": {}}}""")]
    [InlineData("""{"id": "NV1", "history": {"2201": {}}}""")]
    public void TryRead_AnythingNotPlainlyValid_IsLeftToTheMemberByMemberReader(string record)
    {
        Assert.Null(Fast(record));
    }

    public static TheoryData<string> Documents()
    {
        const string Head = """{"year": 2024, "asOf": "2024-12-31", "units": [{"id": "DV1"}], "individuals": [""";
        var records = new[]
        {
            Plain,
            """{"id": "NV2", "unit": "DV9", "nmae": "typo", "rating": 4, "facts": {"a": {}}}""",
            """{"id": "NV3", "history": {"2023": {"awards": ["x", 7, {"id": "y", "decidedOn": "bad"}]}, "1800": {}}}""",
            """{"id": "NV4", "initiatives": [{"name": "a"}, "b", {"scope": null, "extra": true}], "discipline": {"level": null}}""",
            "{\"id\": \"NV5\", /* a comment */ \"name\": \"B\", // another\n   \"monthsWorked\": -3, \"daysAbsent\": 1e2}",
            "{\"id\": \"NV9\", /* a comment */ \"name\": \"B\", // another\r\n   \"daysAbsent\": 1e2, \"history\": {\r\n \"2022\" :{\"awards\": [ \"x\\u0041\" ] }}}",
            """{"id": "NV6", "history": {"02023": {"rating": "a"}, "2023": {"rating": "b"}, "2020": {"rating": "c"}}}""",
        };
        var data = new TheoryData<string>();
        foreach (var separator in new[] { ",", ",\n", ",\r\n   " })
        {
            data.Add(Head + string.Join(separator, records) + "]}");
        }

        data.Add(Head + string.Join(",", records.Take(2)) + """, {"id": "NV7", "id": "NV8"}, """ + records[3] + "]}");
        data.Add(Head + """{"id": "NV1", "facts": {"a": 1, "a": 2}, "name": ]}""");
        data.Add(Head + """{"id": "NV1", "history": {"2023": {"awards": ["a" """);
        data.Add(Head + """{"id": "NV1", "name": "A",""");
        data.Add(Head + """{"id": "NV1", "monthsWorked": 1e400}]}""");
        data.Add(Head + """{"id": "NV1", "monthsWorked": 123456789012345678901234567890}, {"id": "NV1" "x": 1}]}""");
        data.Add(Head + """{"id": "NV1"}, {"id": "NV2",, "name": "B"}]}""");
        data.Add(Head + """{"id": "NV1", "facts": {"a": {"b": {"c": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}}}]}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void LoadText_ReadingFromTokensOrFromATree_GivesTheSameDataAndDiagnostics(string document)
    {
        var loaded = SubjectDataLoader.LoadText(document, FuzzChecks.DataFile);

        FuzzChecks.SameAsTreeReading(document, loaded);
        Assert.NotEmpty(DataDump.Of(loaded));
    }

    [Fact]
    public void LoadText_AHistoryWithMoreYearsThanAnyoneHas_IsLeftToTheTreeReaderWithTheSameResult()
    {
        // 150 distinct keys for the same year ("2019", "02019", …): more than the fast reader takes.
        var years = string.Join(", ", Enumerable.Range(0, 150).Select(i => $"\"{new string('0', i)}2019\": {{\"rating\": \"HTTNV\"}}"));
        var text = """{"year": 2024, "units": [{"id": "DV1"}], "individuals": [{"id": "NV1", "history": { """ + years + " }}]}";

        var loaded = SubjectDataLoader.LoadText(text, FuzzChecks.DataFile);

        Assert.Equal(150, loaded.GetValueOrThrow().Individuals.Single().History.Length);
        FuzzChecks.SameAsTreeReading(text, loaded);
    }

    [Fact]
    public void LoadText_FactsRepeatedFromRecordToRecord_KeepEachRecordsValuesAsWritten()
    {
        // The same facts are shared between records; a value written another way (1.0, 1.00), a name in another order,
        // one fact more or less, or more facts than the fast reader takes, are not.
        var text = """{"year": 2024, "units": [{"id": "DV1"}], "individuals": [""" + string.Join(", ",
            """{"id": "NV1", "facts": {"a": 1.0, "b": true}}""",
            """{"id": "NV2", "facts": {"a": 1.0, "b": true}}""",
            """{"id": "NV3", "facts": {"a": 1.00, "b": true}}""",
            """{"id": "NV4", "facts": {"b": true, "a": 1.00}}""",
            """{"id": "NV5", "facts": {"b": true}}""",
            """{"id": "NV6", "facts": {"b": "yes", "a": null}}""",
            """{"id": "NV7", "facts": {""" + string.Join(", ", Enumerable.Range(0, 70).Select(i => $"\"f{i}\": {i}")) + "}}") + "]}";

        var loaded = SubjectDataLoader.LoadText(text, FuzzChecks.DataFile);

        var people = loaded.GetValueOrThrow().Individuals;
        Assert.Same(people[0].Facts, people[1].Facts);
        Assert.Equal("1.0", ((decimal)people[1].Facts["a"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1.00", ((decimal)people[2].Facts["a"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["a", "b"], people[3].Facts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["b"], people[4].Facts.Keys);
        Assert.Equal("yes", people[5].Facts["b"]);
        Assert.Null(people[5].Facts["a"]);
        Assert.Equal(70, people[6].Facts.Count);
        FuzzChecks.SameAsTreeReading(text, loaded);
    }

    [Fact]
    public void LoadText_SyntheticPopulationAndSample_AreReadFromTokensAsFromATree()
    {
        var path = Path.GetTempFileName();
        try
        {
            SyntheticFiles.WriteJson(SyntheticPopulation.Create(500, seed: 5), path);
            foreach (var text in new[] { File.ReadAllText(path), FuzzChecks.Read("rules", "samples", "ban-quan-ly-2024.json") })
            {
                var loaded = SubjectDataLoader.LoadText(text, FuzzChecks.DataFile);

                Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
                FuzzChecks.SameAsTreeReading(text, loaded);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
