using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Tests.Builders;

/// <summary>Builds small rule sets and data sets from JSON fragments, so tests read like the rule files they exercise.</summary>
internal static class TestRules
{
    /// <summary>The scales and facts most tests need.</summary>
    public const string StandardDeclarations = """
        "scales": [
          { "id": "rating", "levels": [ { "id": "KHTNV" }, { "id": "HTNV" }, { "id": "HTTNV" }, { "id": "HTXSNV" } ] },
          { "id": "discipline", "levels": [ { "id": "khien-trach" }, { "id": "canh-cao" }, { "id": "ha-bac-luong" }, { "id": "giang-chuc" }, { "id": "cach-chuc" }, { "id": "buoc-thoi-viec" } ] },
          { "id": "scope", "levels": [ { "id": "co-so" }, { "id": "tinh" }, { "id": "toan-quoc" } ] }
        ],
        "facts": [
          { "id": "conduct", "subject": "individual", "type": "bool", "label": "Tự lực, đoàn kết" },
          { "id": "bonusPoints", "subject": "individual", "type": "number", "label": "Điểm cộng" },
          { "id": "movement", "subject": "unit", "type": "bool", "label": "Phong trào" },
          { "id": "budget", "subject": "enterprise", "type": "number", "label": "Nộp ngân sách" }
        ],
        "parameters": [
          { "id": "cap", "type": "number", "value": "15%" },
          { "id": "noCap", "type": "number", "value": null }
        ]
        """;

    /// <summary>A rule file with the standard declarations and the given awards (a JSON array body) and extra members.</summary>
    public static string RuleFile(string awards, string extra = "") => $$"""
        {
          "id": "test-rules",
          "name": "Bộ quy tắc kiểm thử",
          "effective": { "from": "2024-01-01" },
          {{StandardDeclarations}},
          "awards": [ {{awards}} ]{{(extra.Length > 0 ? "," + extra : "")}}
        }
        """;

    /// <summary>An award with one expression criterion.</summary>
    public static string Award(string id, string expr, string subject = "individual", string extra = "") => $$"""
        { "id": "{{id}}", "name": "{{id}}", "subject": "{{subject}}", "basis": "Điều 1",
          "criteria": [ { "id": "c", "expr": {{Newtonsoft.Json.JsonConvert.ToString(expr)}}, "basis": "Điều 1 khoản 1" } ]{{(extra.Length > 0 ? "," + extra : "")}} }
        """;

    public static LoadResult<RuleLibrary> Load(string json) => RuleSetLoader.LoadText(json, "test.json");

    public static RuleSet RuleSet(string json)
    {
        var library = Load(json).GetValueOrThrow();
        return library.Versions.Single();
    }

    public static CompiledRuleSet Compile(string json) => RuleSetCompiler.Compile(RuleSet(json)).GetValueOrThrow();

    /// <summary>Compiles and returns the diagnostics (for tests of invalid rules).</summary>
    public static IReadOnlyList<Diagnostic> Diagnostics(string json)
    {
        var loaded = Load(json);
        if (!loaded.TryGetValue(out var library))
        {
            return loaded.Diagnostics;
        }

        return RuleSetCompiler.Compile(library.Versions.Single()).Diagnostics;
    }

    public static SubjectData Data(string json) => SubjectDataLoader.LoadText(json, "data.json").GetValueOrThrow();

    public static EvaluationResult Evaluate(string rules, string data, int threads = 1) =>
        Compile(rules).Evaluate(Data(data), EvaluationOptions.Default with { MaxDegreeOfParallelism = threads });
}
