using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.ShippedRules;

/// <summary>
/// The editor schema <c>rules/schema/ruleset.schema.json</c> and the loader agree on every member of every object, and
/// every shipped rule file satisfies the schema.
/// </summary>
public sealed class SchemaTests
{
    /// <summary>The loader's object contexts (<see cref="ObjectReader"/>), each named as a <c>$defs</c> entry in kebab-case.</summary>
    private static readonly string[] Contexts =
    [
        "rule set", "effective", "period", "legal document", "parameter", "scale", "scale level", "fact", "award", "criterion",
        "quota", "rank key", "scoring table", "scoring item", "target", "test", "test defaults", "expectation",
        "target expectation", "unit", "individual", "discipline", "initiative", "research work", "history year", "award record",
        "exclusive group", "council vote", "bonus", "vote", "dated value", "test fixture", "subject table", "group of individuals",
    ];

    /// <summary>A small rule set that uses every object context, so that the comparison does not depend on the shipped files.</summary>
    private const string EveryContextFixture = """
        {
          "$schema": "../schema/ruleset.schema.json",
          "id": "moi-ngu-canh",
          "name": "Bộ quy tắc dùng mọi loại đối tượng",
          "effective": { "from": "2024-01-01", "to": "2024-12-31" },
          "note": "Dùng trong SchemaTests.",
          "basis": [ { "id": "luat-06-2022", "title": "Luật Thi đua, khen thưởng số 06/2022/QH15", "note": "Điều 24" } ],
          "parameters": [
            { "id": "tyLeToiDa", "type": "number", "value": "15%", "label": "Tỷ lệ tối đa", "labelEn": "Maximum share", "note": "n", "basis": "b" },
            { "id": "coGioiHan", "value": true },
            { "id": "mucLuong", "type": "number", "kind": "money", "value": null,
              "values": [ { "from": "2023-07-01", "value": 1800000, "basis": "b", "note": "n" }, { "from": "2024-07-01", "value": 2340000 } ] }
          ],
          "scales": [
            { "id": "rating", "name": "Xếp loại", "note": "thấp nhất trước",
              "levels": [ { "id": "KHTNV" }, { "id": "HTNV" }, { "id": "HTTNV", "name": "Hoàn thành tốt nhiệm vụ", "nameEn": "Completed well" },
                          { "id": "HTXSNV" } ] },
            { "id": "discipline", "levels": [ { "id": "khien-trach" }, { "id": "canh-cao" } ] },
            { "id": "scope", "levels": [ { "id": "co-so" }, { "id": "tinh" }, { "id": "toan-quoc" } ] }
          ],
          "facts": [
            { "id": "conduct", "subject": "individual", "type": "bool", "label": "Tự lực, đoàn kết", "labelEn": "Conduct", "note": "n" },
            { "id": "partyRating", "subject": "unit", "type": "scale", "scale": "rating", "label": "Xếp loại tổ chức đảng" },
            { "id": "points", "subject": "unit", "type": "number" }
          ],
          "scoring": [
            { "id": "diem-thi-dua", "name": "Bảng điểm", "subject": "unit", "basis": "b", "rankWithin": "all", "note": "n",
              "items": [ { "id": "diem", "name": "Điểm", "maxPoints": 10, "expr": "points ?? 0", "basis": "b", "note": "n" } ] }
          ],
          "awards": [
            { "id": "lao-dong-tien-tien", "name": "Lao động tiên tiến", "nameEn": "Advanced worker", "subject": "individual",
              "basis": "Điều 24", "note": "n",
              "criteria": [
                { "id": "xep-loai", "name": "Từ HTTNV", "nameEn": "Rated well", "expr": "rating >= 'HTTNV'", "basis": "Điều 24", "note": "n" },
                { "id": "khong-dang-xem-xet", "type": "no-pending-review", "args": { "x": 1 }, "basis": "Nghị định 98/2023/NĐ-CP" }
              ] },
            { "id": "chien-si-thi-dua-co-so", "name": "Chiến sĩ thi đua cơ sở", "subject": "individual", "basis": "Điều 23",
              "requires": [ "lao-dong-tien-tien" ],
              "criteria": [ { "id": "xuat-sac", "expr": "rating >= 'HTXSNV'", "basis": "Điều 23" } ],
              "councilVote": { "share": "90%", "basis": "Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8", "note": "n" },
              "bonus": { "multiple": 0.3, "baseSalary": 2340000, "basis": "Nghị định 98/2023/NĐ-CP, Điều 54", "note": "n" },
              "quota": { "max": "params.tyLeToiDa", "count": false, "of": "members.count(m => m.has('lao-dong-tien-tien'))",
                         "per": "unit", "rounding": "floor", "basis": "b", "note": "n",
                         "rankBy": [ { "expr": "initiatives.count()", "order": "desc" } ] } }
          ],
          "exclusiveGroups": [
            { "id": "mot-thanh-tich", "name": "Một thành tích, một hình thức", "awards": [ "lao-dong-tien-tien", "chien-si-thi-dua-co-so" ],
              "basis": "Điều 5 khoản 2 điểm c", "note": "n" }
          ],
          "targets": [
            { "id": "ldtt-tren-80", "name": "Trên 80% đạt LĐTT", "nameEn": "Over 80%", "subject": "agency",
              "expr": "allMembers.ratio(m => m.has('lao-dong-tien-tien')) > 80%", "basis": "Kế hoạch", "due": "2024-12-31",
              "period": { "from": "2021-01-01", "to": "2025-12-31" }, "note": "n" }
          ],
          "fixtures": [
            { "id": "phong-mau", "name": "Phòng mẫu", "note": "n",
              "defaults": { "individual": { "unit": "P1", "rating": "HTTNV" } },
              "units": { "columns": [ "id", "name", "facts.points" ], "rows": [ [ "P1", "Phòng 1", 8 ] ], "note": "n" },
              "individuals": [ { "id": "NV9", "rating": "HTNV" } ],
              "groups": [ { "count": 3, "idPrefix": "A", "start": 1, "unit": "P1", "ratings": { "HTXSNV": 1, "HTTNV": 2 }, "note": "n" } ] }
          ],
          "tests": [
            { "id": "dung-bo-mau", "fixture": "phong-mau", "asOf": "2024-12-31",
              "individuals": { "columns": [ "id", "facts.conduct" ], "rows": [ [ "A01", true ], [ "NV10", null ] ] },
              "groups": [ { "count": 2, "idPrefix": "B", "unit": "P1", "rating": "HTXSNV" } ],
              "expect": [ { "subject": "A01", "award": "lao-dong-tien-tien", "outcome": "recommended" } ] },
            { "id": "mot-ca", "name": "Một ca", "asOf": "2024-12-31", "year": 2024, "params": { "tyLeToiDa": "10%" }, "note": "n",
              "defaults": { "individual": { "unit": "P1", "rating": "HTTNV" }, "unit": { "kind": "unit" } },
              "units": [ { "id": "P1", "name": "Phòng 1", "kind": "unit", "parent": null, "cluster": "khoi-1", "rating": "HTXSNV",
                           "facts": { "points": 8, "partyRating": "HTTNV" },
                           "history": { "2023": { "rating": "HTXSNV", "awards": [ "tap-the-lao-dong-tien-tien" ] } } } ],
              "individuals": [
                { "id": "NV1", "name": "Nguyễn Văn A", "unit": "P1", "rating": "HTXSNV", "employeeType": "cong-chuc",
                  "startDate": "2015-03-01", "monthsWorked": 12, "daysAbsent": 0, "pendingReview": false,
                  "discipline": { "level": "khien-trach", "date": "2023-05-01", "endDate": "2024-05-01" },
                  "initiatives": [ { "name": "Sáng kiến", "scope": "co-so", "recognizedOn": "2024-10-01" } ],
                  "researchWorks": [ { "name": "Đề tài", "scope": "tinh", "recognizedOn": "2024-06-01" } ],
                  "facts": { "conduct": true },
                  "history": { "2023": { "rating": "HTXSNV",
                                         "awards": [ "lao-dong-tien-tien", { "id": "bang-khen-cap-tinh", "decidedOn": "2023-05-01" } ] } } }
              ],
              "votes": [ { "subject": "NV1", "award": "chien-si-thi-dua-co-so", "members": 15, "yes": 14, "note": "n" } ],
              "expect": [ { "subject": "NV1", "award": "lao-dong-tien-tien", "outcome": "recommended", "because": [], "note": "n" },
                          { "subject": "NV1", "award": "chien-si-thi-dua-co-so", "outcome": "recommended", "council": "approved" } ],
              "expectTargets": [ { "unit": "P1", "target": "ldtt-tren-80", "status": "pass", "note": "n" } ] }
          ]
        }
        """;

    /// <summary>
    /// The folder holding <c>ThiDua.Rules.sln</c>, found by walking up from the test binaries (as in
    /// <see cref="ShippedRulesTests.RepositoryRoot"/>), or from this source file when the binaries are built elsewhere
    /// (<c>--artifacts-path</c>).
    /// </summary>
    private static string RepositoryRoot => FindSolutionFolder(AppContext.BaseDirectory) ?? FindSolutionFolder(ThisSourceFolder())
        ?? throw new InvalidOperationException("ThiDua.Rules.sln not found above " + AppContext.BaseDirectory);

    private static string SchemaPath => Path.Combine(RepositoryRoot, "rules", "schema", "ruleset.schema.json");

    private static JObject Schema => ParseFile(SchemaPath);

    private static JObject Definitions => (JObject)Schema["$defs"]!;

    private static string DefinitionName(string context) => context.Replace(' ', '-');

    /// <summary>Every rule file under <c>rules/</c> (national packs and plans, not schema/ or samples/) and the every-feature test data.</summary>
    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        var root = RepositoryRoot;
        foreach (var folder in new[] { "vn", "plans" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "rules", folder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file));
            }
        }

        data.Add(Path.Combine("tests", "ThiDua.Rules.Tests", "TestData", "rules", "every-feature.json"));
        return data;
    }

    [Fact]
    public void Schema_IsValidJson_WithOneDefinitionPerLoaderContext()
    {
        var schema = Schema;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal("#/$defs/rule-set", (string?)schema["$ref"]);
        Assert.Equal(
            Contexts.Select(DefinitionName).Order(StringComparer.Ordinal),
            Definitions.Properties().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_EveryDefinitionIsAClosedObjectWithDescribedProperties()
    {
        var problems = new List<string>();
        foreach (var definition in Definitions.Properties())
        {
            CheckClosedObject(definition.Name, (JObject)definition.Value, problems);
        }

        // Test defaults are partial subjects: the members of a unit or an individual, none required.
        var defaults = (JObject)Definitions["test-defaults"]!["properties"]!;
        foreach (var subject in new[] { "individual", "unit" })
        {
            var partial = (JObject)defaults[subject]!;
            CheckClosedObject("test-defaults." + subject, partial, problems);
            if (partial["required"] is not null)
            {
                problems.Add($"test-defaults.{subject}: a partial {subject} must not require members");
            }

            if (!PropertyNames(partial).SetEquals(PropertyNames((JObject)Definitions[subject]!)))
            {
                problems.Add($"test-defaults.{subject}: the members differ from $defs/{subject}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Schema_EveryPatternHasAVietnameseMessage_AndAwardIdsAndScaleLevelsAreListed()
    {
        var schema = Schema;
        var withPattern = schema.Descendants().OfType<JObject>().Where(o => o["pattern"] is JValue { Type: JTokenType.String }).ToList();
        var national = ParseFile(Path.Combine(RepositoryRoot, "rules", "vn", "vn-tdkt-2024.json"));
        var awardIds = ((JArray)national["awards"]!).Select(a => (string)a["id"]!).Order(StringComparer.Ordinal).ToList();
        var levels = ((JArray)national["scales"]!).SelectMany(sc => ((JArray)sc["levels"]!).Select(l => (string)l["id"]!)).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(withPattern);
        Assert.All(withPattern, o => Assert.Matches("^[A-ZĐ].*[ăâđêôơưàáảãạ].*", (string?)o["patternErrorMessage"] ?? ""));
        foreach (var path in new[] { "award.properties.id", "expectation.properties.award", "award.properties.requires.items", "vote.properties.award" })
        {
            var examples = Definitions.SelectToken(path)?["examples"] as JArray;
            Assert.True(examples is not null, path + " lists no award ids");
            Assert.Equal(awardIds, examples.Select(e => (string)e!).Order(StringComparer.Ordinal));
        }

        Assert.Equal(levels, ((JArray)Definitions.SelectToken("scale-level.properties.id")!["examples"]!).Select(e => (string)e!).Order(StringComparer.Ordinal));
        Assert.Equal(["count", "days", "money", "months", "number", "share", "years"],
            ((JArray)Definitions.SelectToken("parameter.properties.kind")!["enum"]!).Select(e => (string)e!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SchemaAndLoader_AcceptTheSameMembers_InEveryObject()
    {
        var observed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var definitions = Definitions;
        void Observe(string context, IReadOnlyCollection<string> known)
        {
            var members = known.ToHashSet(StringComparer.Ordinal);
            if (observed.TryGetValue(context, out var before))
            {
                if (!before.SetEquals(members))
                {
                    problems.Add($"the loader accepts different members in '{context}' objects at different places: "
                        + string.Join(", ", before.Order(StringComparer.Ordinal)) + " / " + string.Join(", ", members.Order(StringComparer.Ordinal)));
                }

                return;
            }

            observed[context] = members;
        }

        ObjectReader.KnownMembersObserver = Observe;
        try
        {
            foreach (string file in RuleFiles())
            {
                var loaded = RuleSetLoader.Load(Path.Combine(RepositoryRoot, file));
                Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics.Select(d => d.Format(Language.En))));
            }

            var fixture = RuleSetLoader.LoadText(EveryContextFixture, "every-context.json");
            Assert.True(fixture.Succeeded && !fixture.Errors.Any(), string.Join("\n", fixture.Diagnostics.Select(d => d.Format(Language.En))));
        }
        finally
        {
            ObjectReader.KnownMembersObserver = null;
        }

        foreach (var (context, members) in observed.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (definitions[DefinitionName(context)] is not JObject definition)
            {
                problems.Add($"the loader reads '{context}' objects, but the schema has no $defs/{DefinitionName(context)}");
                continue;
            }

            var properties = PropertyNames(definition);
            var onlyLoader = members.Except(properties).Order(StringComparer.Ordinal).ToList();
            var onlySchema = properties.Except(members).Order(StringComparer.Ordinal).ToList();
            if (onlyLoader.Count > 0)
            {
                problems.Add($"$defs/{DefinitionName(context)} lacks members the loader accepts: {string.Join(", ", onlyLoader)}");
            }

            if (onlySchema.Count > 0)
            {
                problems.Add($"$defs/{DefinitionName(context)} has members the loader rejects: {string.Join(", ", onlySchema)}");
            }
        }

        foreach (var context in Contexts.Where(c => !observed.ContainsKey(c)))
        {
            problems.Add($"no loaded file has a '{context}' object, so $defs/{DefinitionName(context)} was not compared");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void ShippedRuleFile_SatisfiesTheSchema(string relativePath)
    {
        var document = ParseFile(Path.Combine(RepositoryRoot, relativePath));

        var errors = new MiniSchemaValidator(Schema).Validate(document);

        Assert.True(errors.Count == 0, relativePath + ":\n" + string.Join("\n", errors));
    }

    [Fact]
    public void EveryContextFixture_SatisfiesTheSchema()
    {
        var errors = new MiniSchemaValidator(Schema).Validate(JToken.Parse(EveryContextFixture));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("""{ "id": "x", "name": "n", "effective": { "from": "2024-01-01" }, "awardz": [] }""", "$: unknown member 'awardz'")]
    [InlineData("""{ "id": "x", "name": "n" }""", "$: missing required member 'effective'")]
    [InlineData("""{ "id": "X y", "name": "n", "effective": { "from": "2024-01-01" } }""", "$.id: 'X y' does not match")]
    [InlineData("""{ "id": "x", "name": "n", "effective": { "from": "1/1/2024" } }""", "$.effective.from: '1/1/2024' does not match")]
    [InlineData("""{ "id": "x", "name": "n", "effective": { "from": "2024-01-01" }, "awards": [ { "id": "a", "name": "A", "subject": "person", "basis": "b", "criteria": [] } ] }""",
        "$.awards[0].subject: \"person\" is not one of")]
    [InlineData("""{ "id": "x", "name": "n", "effective": { "from": "2024-01-01" }, "awards": [ { "id": "a", "name": "A", "subject": "unit", "basis": "b", "criteria": [ { "id": "c", "basis": "b" } ] } ] }""",
        "$.awards[0].criteria[0]: matches 0 of the 'oneOf' schemas")]
    [InlineData("""{ "id": "x", "name": "n", "effective": { "from": "2024-01-01" }, "tests": [ { "id": "t", "individuals": [ { "id": "A", "monthWorked": 12 } ] } ] }""",
        "$.tests[0].individuals[0]: unknown member 'monthWorked'")]
    [InlineData("""{ "id": "x", "name": "n", "effective": { "from": "2024-01-01" }, "tests": [ { "id": "t", "defaults": { "unit": { "rating": "XS" } } } ] }""",
        "$.tests[0].defaults.unit.rating: \"XS\" is not one of")]
    [InlineData("""{ "id": "x", "name": "n", "effective": { "from": "2024-01-01" }, "parameters": [ { "id": "p", "type": "number", "value": "70 phần trăm" } ] }""",
        "$.parameters[0].value: matches none of the 'anyOf' schemas")]
    public void Validator_ReportsMistakes(string json, string expected)
    {
        var errors = new MiniSchemaValidator(Schema).Validate(JToken.Parse(json));

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    private static string? FindSolutionFolder(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ThiDua.Rules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }

    private static string ThisSourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";

    private static JObject ParseFile(string path)
    {
        using var reader = new JsonTextReader(new StreamReader(path));
        var token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        return Assert.IsType<JObject>(token);
    }

    private static HashSet<string> PropertyNames(JObject schema) =>
        ((JObject?)schema["properties"])?.Properties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);

    private static void CheckClosedObject(string name, JObject schema, List<string> problems)
    {
        if ((string?)schema["type"] != "object")
        {
            problems.Add($"{name}: \"type\" must be \"object\"");
        }

        if (schema["additionalProperties"] is not JValue { Type: JTokenType.Boolean } closed || (bool)closed)
        {
            problems.Add($"{name}: \"additionalProperties\" must be false");
        }

        if (schema["description"] is null)
        {
            problems.Add($"{name}: no description");
        }

        var properties = PropertyNames(schema);
        foreach (var property in ((JObject?)schema["properties"])?.Properties() ?? [])
        {
            if (property.Value["description"] is not JValue { Type: JTokenType.String })
            {
                problems.Add($"{name}.{property.Name}: no description");
            }
        }

        foreach (var required in (JArray?)schema["required"] ?? [])
        {
            if (!properties.Contains((string)required!))
            {
                problems.Add($"{name}: requires '{required}', which is not among its properties");
            }
        }
    }

    /// <summary>
    /// A small JSON Schema checker for the keywords the rule-file schema uses: <c>$ref</c> (local), <c>type</c>, <c>enum</c>,
    /// <c>const</c>, <c>pattern</c>, <c>minLength</c>, <c>minimum</c>, <c>minItems</c>, <c>required</c>, <c>properties</c>,
    /// <c>additionalProperties</c>, <c>propertyNames</c>, <c>items</c>, <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>,
    /// <c>if</c>/<c>then</c>/<c>else</c>. Any other keyword that would constrain a value is reported, so that the checker
    /// never passes a file silently.
    /// </summary>
    private sealed class MiniSchemaValidator(JObject root)
    {
        private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
        {
            "$schema", "$defs", "title", "description", "examples", "default",

            // VS Code's own annotations: the message shown when a pattern does not match.
            "patternErrorMessage",
        };

        private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

        public List<string> Validate(JToken instance)
        {
            var errors = new List<string>();
            Check(instance, root, "$", errors);
            return errors;
        }

        private static string Describe(JToken token) => token.Type switch
        {
            JTokenType.String => "'" + (string)token! + "'",
            JTokenType.Object => "an object",
            JTokenType.Array => "an array",
            _ => token.ToString(Formatting.None),
        };

        private static void Report(List<string> errors, JToken at, string path, string message) =>
            errors.Add(at is IJsonLineInfo info && info.HasLineInfo()
                ? string.Create(CultureInfo.InvariantCulture, $"{path}: {message} (line {info.LineNumber}, column {info.LinePosition})")
                : path + ": " + message);

        private static bool HasType(JToken value, string type) => type switch
        {
            "object" => value.Type == JTokenType.Object,
            "array" => value.Type == JTokenType.Array,
            "string" => value.Type == JTokenType.String,
            "boolean" => value.Type == JTokenType.Boolean,
            "null" => value.Type == JTokenType.Null,
            "number" => value.Type is JTokenType.Integer or JTokenType.Float,
            "integer" => value.Type == JTokenType.Integer || (value.Type == JTokenType.Float && (double)value == Math.Floor((double)value)),
            _ => throw new InvalidOperationException("unknown JSON type '" + type + "' in the schema"),
        };

        private List<string> Sub(JToken value, JToken schema, string path)
        {
            var errors = new List<string>();
            Check(value, schema, path, errors);
            return errors;
        }

        private void Check(JToken value, JToken schemaToken, string path, List<string> errors)
        {
            if (schemaToken is JValue { Type: JTokenType.Boolean } boolean)
            {
                if (!(bool)boolean)
                {
                    Report(errors, value, path, $"no value is allowed here");
                }

                return;
            }

            var schema = (JObject)schemaToken;
            foreach (var keyword in schema.Properties())
            {
                var k = keyword.Value;
                switch (keyword.Name)
                {
                    case "$ref":
                        var reference = (string)k!;
                        const string prefix = "#/$defs/";
                        if (reference == "#")
                        {
                            Check(value, root, path, errors);
                        }
                        else if (reference.StartsWith(prefix, StringComparison.Ordinal) && root["$defs"]?[reference[prefix.Length..]] is { } target)
                        {
                            Check(value, target, path, errors);
                        }
                        else
                        {
                            errors.Add($"{path}: unresolved $ref '{reference}'");
                        }

                        break;
                    case "type":
                        var types = k.Type == JTokenType.Array ? k.Select(t => (string)t!).ToList() : [(string)k!];
                        if (!types.Any(t => HasType(value, t)))
                        {
                            Report(errors, value, path, $"{Describe(value)} is not of type {string.Join(" or ", types)}");
                        }

                        break;
                    case "enum":
                        if (!k.Any(option => JToken.DeepEquals(option, value)))
                        {
                            Report(errors, value, path, $"{value.ToString(Formatting.None)} is not one of {k.ToString(Formatting.None)}");
                        }

                        break;
                    case "const":
                        if (!JToken.DeepEquals(k, value))
                        {
                            Report(errors, value, path, $"{value.ToString(Formatting.None)} is not {k.ToString(Formatting.None)}");
                        }

                        break;
                    case "pattern":
                        if (value.Type == JTokenType.String && !Pattern((string)k!).IsMatch((string)value!))
                        {
                            Report(errors, value, path, $"{Describe(value)} does not match {(string)k!}");
                        }

                        break;
                    case "minLength":
                        if (value.Type == JTokenType.String && ((string)value!).Length < (int)k)
                        {
                            Report(errors, value, path, $"{Describe(value)} is shorter than {(int)k}");
                        }

                        break;
                    case "minimum":
                        if (value.Type is JTokenType.Integer or JTokenType.Float && (decimal)value < (decimal)k)
                        {
                            Report(errors, value, path, $"{Describe(value)} is less than {k}");
                        }

                        break;
                    case "minItems":
                        if (value is JArray { Count: var count } && count < (int)k)
                        {
                            Report(errors, value, path, $"fewer than {(int)k} items");
                        }

                        break;
                    case "required":
                        if (value is JObject required)
                        {
                            foreach (var name in k.Select(n => (string)n!).Where(n => required.Property(n, StringComparison.Ordinal) is null))
                            {
                                Report(errors, value, path, $"missing required member '{name}'");
                            }
                        }

                        break;
                    case "properties":
                        if (value is JObject withProperties)
                        {
                            foreach (var property in withProperties.Properties())
                            {
                                if (k[property.Name] is { } propertySchema)
                                {
                                    Check(property.Value, propertySchema, path + "." + property.Name, errors);
                                }
                            }
                        }

                        break;
                    case "additionalProperties":
                        if (value is JObject additional)
                        {
                            var declared = schema["properties"] as JObject;
                            foreach (var property in additional.Properties().Where(p => declared?.Property(p.Name, StringComparison.Ordinal) is null))
                            {
                                if (k is JValue { Type: JTokenType.Boolean } allowed && !(bool)allowed)
                                {
                                    Report(errors, property, path, $"unknown member '{property.Name}'");
                                }
                                else
                                {
                                    Check(property.Value, k, path + "." + property.Name, errors);
                                }
                            }
                        }

                        break;
                    case "propertyNames":
                        if (value is JObject named)
                        {
                            foreach (var property in named.Properties())
                            {
                                Check(new JValue(property.Name), k, path + "." + property.Name + " (name)", errors);
                            }
                        }

                        break;
                    case "items":
                        if (value is JArray array)
                        {
                            for (var i = 0; i < array.Count; i++)
                            {
                                Check(array[i], k, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", errors);
                            }
                        }

                        break;
                    case "allOf":
                        foreach (var part in k)
                        {
                            Check(value, part, path, errors);
                        }

                        break;
                    case "anyOf":
                        if (!k.Any(part => Sub(value, part, path).Count == 0))
                        {
                            Report(errors, value, path, $"matches none of the 'anyOf' schemas");
                        }

                        break;
                    case "oneOf":
                        var matches = k.Count(part => Sub(value, part, path).Count == 0);
                        if (matches != 1)
                        {
                            Report(errors, value, path, $"matches {matches} of the 'oneOf' schemas (exactly one is required)");
                        }

                        break;
                    case "if":
                        var branch = Sub(value, k, path).Count == 0 ? schema["then"] : schema["else"];
                        if (branch is not null)
                        {
                            Check(value, branch, path, errors);
                        }

                        break;
                    case "then" or "else":
                        break;
                    default:
                        if (!Annotations.Contains(keyword.Name))
                        {
                            errors.Add($"{path}: the test's schema checker does not understand the keyword '{keyword.Name}'");
                        }

                        break;
                }
            }
        }

        private Regex Pattern(string pattern)
        {
            if (!_patterns.TryGetValue(pattern, out var regex))
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                _patterns[pattern] = regex;
            }

            return regex;
        }
    }
}
