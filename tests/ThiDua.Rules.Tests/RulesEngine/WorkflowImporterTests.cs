using ThiDua.Rules.Compilation;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.RulesEngine;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.PropertyBased;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.RulesEngine;

/// <summary>An imported workflow validates and decides every subject as the workflow itself does.</summary>
public sealed class WorkflowImporterTests : IDisposable
{
    private static readonly PluginRegistry Registry = PluginRegistry.Default.WithRulesEngine();
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string RuleFile, ImportResult Result) Import(string workflow)
    {
        var workflowPath = Path.Combine(_folder, "ldtt.workflow.json");
        File.WriteAllText(workflowPath, workflow);
        var output = Path.Combine(_folder, "imported.json");
        var result = WorkflowImporter.Import(workflowPath, output, null, new Dictionary<string, ValueKind>());
        File.WriteAllText(output, result.RuleFile);
        return (output, result);
    }

    private void AssertDecidesAsTheWorkflow(string importedFile)
    {
        Assert.True(RuleSetValidator.Validate(importedFile, Registry).Succeeded, string.Join("\n", RuleSetValidator.Validate(importedFile, Registry).Diagnostics));
        var imported = RuleSetCompiler.Compile(RuleSetLoader.Load(importedFile).GetValueOrThrow().Versions.Single(), Registry).GetValueOrThrow();
        var direct = Path.Combine(_folder, "direct.json");
        File.WriteAllText(direct, TestRules.RuleFile("""
            { "id": "wf", "name": "wf", "subject": "individual", "basis": "Điều 1",
              "criteria": [ { "id": "c", "type": "rulesengine", "args": { "workflow": "ldtt.workflow.json", "workflowName": "LaoDongTienTien" }, "basis": "Điều 1 khoản 1" } ] }
            """));
        var workflow = RuleSetCompiler.Compile(RuleSetLoader.Load(direct).GetValueOrThrow().Versions.Single(), Registry).GetValueOrThrow();
        foreach (var seed in new[] { 5, 6, 7 })
        {
            var data = PopulationGenerator.Sample(seed, units: 4, individuals: 150);
            var left = imported.Evaluate(data);
            var right = workflow.Evaluate(data);
            foreach (var person in data.Individuals)
            {
                Assert.Equal(right.GetOutcome(person.Id, "wf"), left.GetOutcome(person.Id, "lao-dong-tien-tien"));
            }
        }
    }

    [Fact]
    public void Import_TranslatableWorkflow_ValidatesAndDecidesAsTheWorkflow()
    {
        var (file, result) = Import(RulesEngineCriterionTypeTests.LdttWorkflow);

        Assert.DoesNotContain(result.Notes, n => n.Untranslated);
        Assert.Contains("\"expr\": \"rating == 'HTTNV' || rating == 'HTXSNV'\"", result.RuleFile, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\": \"rulesengine\"", result.RuleFile, StringComparison.Ordinal);
        // bonusPoints and conduct are not built-in fields: declared as facts, typed from their use, and reported.
        Assert.Contains(result.Notes, n => n.En.StartsWith("input1.bonusPoints is declared as a fact of type number", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.En.StartsWith("input1.conduct is declared as a fact of type bool", StringComparison.Ordinal));
        AssertDecidesAsTheWorkflow(file);
    }

    [Fact]
    public void Import_UntranslatableRule_IsReportedAtItsPositionAndTheAwardRunsTheWorkflow()
    {
        var workflow = RulesEngineCriterionTypeTests.LdttWorkflow.Replace(
            """{ "RuleName": "ThoiGian", "Expression": "input1.monthsWorked >= 6" },""",
            """{ "RuleName": "ThoiGian", "Expression": "input1.monthsWorked >= 6" },""" + "\n" + """{ "RuleName": "Ten", "Expression": "input1.id.StartsWith(\"P0\")" },""",
            StringComparison.Ordinal);
        var (file, result) = Import(workflow);

        var note = Assert.Single(result.Notes, n => n.Untranslated);
        Assert.Equal("Ten", note.Rule);
        Assert.Equal(8, note.Span.Line);
        Assert.Equal(46, note.Span.Column); // the "." after input1.id
        Assert.Contains("\"type\": \"rulesengine\"", result.RuleFile, StringComparison.Ordinal);
        AssertDecidesAsTheWorkflow(file);
    }

    [Theory]
    [InlineData("LaoDongTienTien", "lao-dong-tien-tien")]
    [InlineData("Chiến sĩ thi đua", "chien-si-thi-dua")]
    [InlineData("CSTD2024", "cstd2024")]
    [InlineData("***", "workflow")]
    public void Kebab_WorkflowName_GivesTheAwardId(string name, string id) => Assert.Equal(id, WorkflowImporter.Kebab(name, "workflow"));

    [Fact]
    public void Import_UnreadableWorkflow_SaysWhereWithoutWritingAnything()
    {
        var result = WorkflowImporter.Import(Path.Combine(_folder, "missing.json"), Path.Combine(_folder, "out.json"), null, new Dictionary<string, ValueKind>());
        Assert.Null(result.RuleFile);
        Assert.Equal("no such file", result.Problem!.Value.En);
    }
}
