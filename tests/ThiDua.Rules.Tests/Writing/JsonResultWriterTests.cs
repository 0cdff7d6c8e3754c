using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Writing;

public sealed class JsonResultWriterTests
{
    /// <summary>
    /// Individual awards with a prerequisite, a quota ranked by a key with many ties, a unit award on the members' ratio
    /// and an agency target: everything whose order could depend on threads or on the input order.
    /// </summary>
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("ldtt", "rating >= 'HTTNV' && monthsWorked >= 10 && conduct") + "," +
        """
        { "id": "cstd", "name": "Chiến sĩ thi đua cơ sở", "subject": "individual", "basis": "Điều 23", "requires": ["ldtt"],
          "criteria": [ { "id": "sang-kien", "expr": "rating >= 'HTXSNV' || initiatives.any(i => i.scope >= 'co-so')", "basis": "Điều 23 khoản 2" } ],
          "quota": { "max": "params.cap", "per": "unit", "rounding": "floor",
                     "rankBy": [ { "expr": "bonusPoints", "order": "desc" }, { "expr": "streak('ldtt')", "order": "desc" } ] } },
        """ +
        TestRules.Award("tap-the", "members.ratio(m => m.has('ldtt')) >= 70%", "unit"),
        """
        "targets": [ { "id": "ldtt-tren-80", "name": "Trên 80% đạt LĐTT", "basis": "KH 31, mục II.1",
                       "expr": "allMembers.ratio(m => m.has('ldtt')) > 80%" } ]
        """);

    private static readonly CompiledRuleSet Compiled = TestRules.Compile(Rules);

    private const string TenMembers = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "U", "name": "Phòng", "rating": "HTTNV", "facts": { "movement": true } } ],
          "individuals": [
            { "id": "A01", "unit": "U", "rating": "HTXSNV", "monthsWorked": 12, "facts": { "conduct": true, "bonusPoints": 3 } },
            { "id": "A02", "unit": "U", "rating": "HTXSNV", "monthsWorked": 12, "facts": { "conduct": true, "bonusPoints": 1 } },
            { "id": "A03", "unit": "U", "rating": "HTXSNV", "monthsWorked": 12, "facts": { "conduct": true, "bonusPoints": 2 } },
            { "id": "A04", "unit": "U", "rating": "HTTNV", "monthsWorked": 12, "facts": { "conduct": true } },
            { "id": "A05", "unit": "U", "rating": "HTTNV", "monthsWorked": 12, "facts": { "conduct": true } },
            { "id": "A06", "unit": "U", "rating": "HTTNV", "monthsWorked": 12, "facts": { "conduct": true } },
            { "id": "A07", "unit": "U", "rating": "HTTNV", "monthsWorked": 12, "facts": { "conduct": true } },
            { "id": "A08", "unit": "U", "rating": "HTNV", "monthsWorked": 12, "facts": { "conduct": true }, "initiatives": [ { "scope": "co-so" } ] },
            { "id": "A09", "unit": "U", "rating": "HTNV", "monthsWorked": 12, "facts": { "conduct": true } },
            { "id": "A10", "unit": "U", "rating": "KHTNV", "monthsWorked": 12, "facts": { "conduct": true } } ] }
        """;

    private static string Write(EvaluationResult result, ResultInclusion include = ResultInclusion.All, Language language = Language.Vi)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        JsonResultWriter.Write(result, writer, include, language);
        return writer.ToString();
    }

    private static string Write(SubjectData data, int threads) =>
        Write(Compiled.Evaluate(data, EvaluationOptions.Default with { MaxDegreeOfParallelism = threads }));

    [Fact]
    public void Write_TenMembers_HasTheFixedTopLevelFields()
    {
        var json = JObject.Parse(Write(Compiled.Evaluate(TestRules.Data(TenMembers))));

        Assert.Equal(["ruleSet", "year", "asOf", "results", "targets", "scores"], json.Properties().Select(p => p.Name));
        Assert.Equal("test-rules", (string?)json["ruleSet"]!["id"]);
        Assert.Equal("2024-01-01", (string?)json["ruleSet"]!["version"]);
        Assert.Equal(2024, (int)json["year"]!);
        Assert.Equal("2024-12-31", (string?)json["asOf"]);
    }

    [Fact]
    public void Write_TenMembers_WritesEachResultWithTheFixedFieldNames()
    {
        var json = JObject.Parse(Write(Compiled.Evaluate(TestRules.Data(TenMembers))));
        var results = (JArray)json["results"]!;

        // 10 individuals × 2 awards + 1 unit × 1 award, individuals first, by id, awards in file order.
        Assert.Equal(21, results.Count);
        Assert.Equal(("A01", "individual", "ldtt"), ((string?)results[0]["subject"], (string?)results[0]["subjectKind"], (string?)results[0]["award"]));
        Assert.Equal(("U", "unit", "tap-the"), ((string?)results[20]["subject"], (string?)results[20]["subjectKind"], (string?)results[20]["award"]));
        Assert.All(results, r =>
        {
            Assert.Contains((string?)r["outcome"], OutcomeNames.All);
            Assert.NotEmpty((JArray)r["criteria"]!);
            Assert.All((JArray)r["criteria"]!, c =>
            {
                Assert.False(string.IsNullOrEmpty((string?)c["id"]));
                Assert.Contains((string?)c["status"], new[] { "pass", "fail", "unknown" });
                Assert.False(string.IsNullOrEmpty((string?)c["message"]));
                Assert.False(string.IsNullOrEmpty((string?)c["basis"]));
            });
        });
    }

    private static JObject WriteWith(JsonResultOptions options)
    {
        using var writer = new StringWriter { NewLine = "\r\n" };
        JsonResultWriter.Write(Compiled.Evaluate(TestRules.Data(TenMembers)), writer, options);
        var text = writer.ToString();
        Assert.Equal(options.Indented, text.TrimEnd('\n').Contains('\n', StringComparison.Ordinal));
        return JObject.Parse(text);
    }

    [Fact]
    public void Write_CriteriaNotPassed_ListsOnlyTheReasonsForEachNoAndKeepsEveryPair()
    {
        var full = WriteWith(new JsonResultOptions { Include = ResultInclusion.All });
        var reasons = WriteWith(new JsonResultOptions { Include = ResultInclusion.All, Criteria = CriteriaDetail.NotPassed, Indented = false });

        var fullResults = (JArray)full["results"]!;
        var reasonResults = (JArray)reasons["results"]!;
        Assert.Equal(fullResults.Select(r => ((string?)r["subject"], (string?)r["award"], (string?)r["outcome"], (string?)r["rank"])),
            reasonResults.Select(r => ((string?)r["subject"], (string?)r["award"], (string?)r["outcome"], (string?)r["rank"])));

        // Each pair not recommended: the criteria it did not pass, with the full form's structured values and without
        // the message and basis (named once in the catalog); a recommended pair has no criteria at all.
        static JObject Structured(JToken criterion)
        {
            var copy = (JObject)criterion.DeepClone();
            copy.Remove("message");
            copy.Remove("basis");
            return copy;
        }

        Assert.Equal(
            fullResults.Where(r => (string?)r["outcome"] != "recommended").SelectMany(r => r["criteria"]!.Where(c => (string?)c["status"] != "pass").Select(c => r["subject"] + " " + r["award"] + " " + Structured(c).ToString(Formatting.None))),
            reasonResults.Where(r => r["criteria"] is not null).SelectMany(r => r["criteria"]!.Select(c => r["subject"] + " " + r["award"] + " " + c.ToString(Formatting.None))));
        Assert.All(reasonResults.Where(r => (string?)r["outcome"] == "recommended"), r => Assert.Null(r["criteria"]));
        Assert.Contains(reasonResults, r => r["criteria"] is JArray { Count: > 0 });

        // The catalog: every award with each of its criteria's id, name and basis, as the full form names them.
        var catalog = ((JArray)reasons["awards"]!).ToDictionary(a => (string)a["id"]!);
        Assert.Equal(Compiled.RuleSet.Awards.Select(a => a.Id), catalog.Keys);
        foreach (var criterion in fullResults.SelectMany(r => r["criteria"]!.Select(c => (Award: (string)r["award"]!, Criterion: c))))
        {
            var entry = catalog[criterion.Award]["criteria"]!.Single(c => (string?)c["id"] == (string?)criterion.Criterion["id"]);
            Assert.Equal((string?)criterion.Criterion["basis"], (string?)entry["basis"]);
        }

        Assert.Equal(full["targets"]!.ToString(), reasons["targets"]!.ToString());
    }

    [Fact]
    public void Write_CriteriaNone_ListsEachAwardsBasisOnceAndEveryPairsOutcome()
    {
        var full = WriteWith(new JsonResultOptions { Include = ResultInclusion.All });
        var outcomes = WriteWith(new JsonResultOptions { Include = ResultInclusion.All, Criteria = CriteriaDetail.None, Indented = false });

        var results = (JArray)outcomes["results"]!;
        Assert.Equal(
            ((JArray)full["results"]!).Select(r => $"{r["subject"]} {r["subjectKind"]} {r["award"]} {r["outcome"]} {r["rank"]} {r["quotaPlaces"]}"),
            results.Select(r => $"{r["subject"]} {r["subjectKind"]} {r["award"]} {r["outcome"]} {r["rank"]} {r["quotaPlaces"]}"));
        Assert.All(results, r => Assert.Equal(
            (string[])["subject", "subjectKind", "award", "outcome", .. r["rank"] is null ? Array.Empty<string>() : ["rank", "quotaPlaces"]],
            ((JObject)r).Properties().Select(p => p.Name)));
        Assert.Equal(1, (int)results.Single(r => (string?)r["award"] == "cstd" && (string?)r["outcome"] == "recommended")["rank"]!);
        var awards = ((JArray)outcomes["awards"]!).ToDictionary(a => (string)a["id"]!);
        Assert.Equal(Compiled.RuleSet.Awards.Select(a => a.Id), awards.Keys);
        Assert.Equal("Điều 23", (string?)awards["cstd"]["basis"]);
        Assert.Equal(full["targets"]!.ToString(), outcomes["targets"]!.ToString());
    }

    [Fact]
    public void Write_QuotaAward_WritesRankOutcomeAndCriterionEvidence()
    {
        var json = JObject.Parse(Write(Compiled.Evaluate(TestRules.Data(TenMembers)), language: Language.En));
        var cstd = ((JArray)json["results"]!).Where(r => (string?)r["award"] == "cstd").ToDictionary(r => (string)r["subject"]!);

        // 15% of the unit's 10 people = 1.5 → 1 place (floor), which goes to the highest bonus among A01–A03.
        Assert.Equal("recommended", (string?)cstd["A01"]["outcome"]);
        Assert.Equal(1, (int)cstd["A01"]["rank"]!);
        Assert.Equal("eligible-over-quota", (string?)cstd["A03"]["outcome"]);
        Assert.Equal(2, (int)cstd["A03"]["rank"]!);
        Assert.Equal(3, (int)cstd["A02"]["rank"]!);
        Assert.Equal("not-eligible", (string?)cstd["A04"]["outcome"]);
        Assert.Null(cstd["A04"]["rank"]);

        var prerequisite = cstd["A08"]["criteria"]![0]!;
        Assert.Equal("requires:ldtt", (string?)prerequisite["id"]);
        Assert.Equal("fail", (string?)prerequisite["status"]);
        Assert.Equal("not-eligible", (string?)cstd["A08"]["outcome"]);
        Assert.Equal("Điều 23", (string?)cstd["A01"]["basis"]);
        var quota = cstd["A03"]["criteria"]!.Single(c => (string?)c["id"] == "quota");
        Assert.Equal("fail", (string?)quota["status"]);
        Assert.Equal(2m, (decimal)quota["actual"]!);
        Assert.Equal("≤ 1", (string?)quota["required"]);
    }

    [Fact]
    public void Write_Target_WritesUnitTargetStatusActualRequiredAndMessage()
    {
        var json = JObject.Parse(Write(Compiled.Evaluate(TestRules.Data(TenMembers))));

        var target = Assert.Single((JArray)json["targets"]!);
        Assert.Equal("U", (string?)target["unit"]);
        Assert.Equal("ldtt-tren-80", (string?)target["target"]);
        Assert.Equal("fail", (string?)target["status"]);
        Assert.Equal(0.7m, (decimal)target["actual"]!);
        Assert.Equal(7, (int)target["count"]!);
        Assert.Equal(10, (int)target["of"]!);
        Assert.Equal("> 80%", (string?)target["required"]);
        Assert.Equal("Trên 80% đạt LĐTT: 70% (7/10) — yêu cầu > 80% (không đạt)", (string?)target["message"]);
        Assert.Equal("KH 31, mục II.1", (string?)target["basis"]);
    }

    [Fact]
    public void Write_UnitCriterion_WritesActualAsNumberAndRequiredInvariant()
    {
        var json = JObject.Parse(Write(Compiled.Evaluate(TestRules.Data(TenMembers)), language: Language.En));

        var unit = ((JArray)json["results"]!).Single(r => (string?)r["subject"] == "U");
        var criterion = unit["criteria"]![0]!;
        Assert.Equal("pass", (string?)criterion["status"]);
        Assert.Equal(0.7m, (decimal)criterion["actual"]!);
        Assert.Equal("≥ 70%", (string?)criterion["required"]);
        Assert.Equal("recommended", (string?)unit["outcome"]);
    }

    [Fact]
    public void Write_DecidedOnly_OmitsPairsFailingOnlyOnAPrerequisite()
    {
        var result = Compiled.Evaluate(TestRules.Data(TenMembers));

        var all = (JArray)JObject.Parse(Write(result, ResultInclusion.All))["results"]!;
        var decided = (JArray)JObject.Parse(Write(result, ResultInclusion.Decided))["results"]!;

        Assert.Contains(all, r => (string?)r["subject"] == "A08" && (string?)r["award"] == "cstd");
        Assert.DoesNotContain(decided, r => (string?)r["subject"] == "A08" && (string?)r["award"] == "cstd");
        Assert.Contains(decided, r => (string?)r["subject"] == "A08" && (string?)r["award"] == "ldtt");
    }

    [Fact]
    public void Write_SameResultTwice_GivesTheSameTextEndingWithOneNewline()
    {
        var result = Compiled.Evaluate(TestRules.Data(TenMembers));

        var first = Write(result);

        Assert.Equal(first, Write(result));
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThreeThousandIndividuals_IsByteIdenticalForOneAndFourThreads()
    {
        var data = TestData.Population(units: 30, individuals: 3000);

        var sequential = Write(data, threads: 1);
        var parallel = Write(data, threads: 4);

        Assert.Equal(TestData.Utf8.GetBytes(sequential), TestData.Utf8.GetBytes(parallel));
        var json = JObject.Parse(sequential);
        var outcomes = ((JArray)json["results"]!).Select(r => (string)r["outcome"]!).ToHashSet();
        Assert.Equal(OutcomeNames.All.Order(StringComparer.Ordinal), outcomes.Order(StringComparer.Ordinal));
        Assert.Equal(3000 * 2 + 30, ((JArray)json["results"]!).Count);
    }

    [Fact]
    public void Write_ShuffledIndividualsAndUnits_GivesTheSameBytes()
    {
        var data = TestData.Population(units: 30, individuals: 3000);
        var shuffled = TestData.Shuffled(data);
        Assert.NotEqual(data.Individuals.Select(i => i.Id), shuffled.Individuals.Select(i => i.Id));

        Assert.Equal(Write(data, threads: 1), Write(shuffled, threads: 4));
    }
}
