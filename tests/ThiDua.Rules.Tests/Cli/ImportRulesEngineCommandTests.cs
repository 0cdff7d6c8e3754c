using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.RulesEngine;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

/// <summary><c>thidua import-rulesengine</c>, and the <c>rulesengine</c> type known to every command without --plugin.</summary>
public sealed class ImportRulesEngineCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-cli-re-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ImportThenValidateAndCheck_WithTheNationalPackAsBase_WorksWithoutPlugin()
    {
        var workflow = Path.Combine(_folder, "ldtt.workflow.json");
        File.WriteAllText(workflow, RulesEngineCriterionTypeTests.LdttWorkflow.Replace(
            """{ "RuleName": "ThoiGian", "Expression": "input1.monthsWorked >= 6" },""",
            """{ "RuleName": "ThoiGian", "Expression": "input1.monthsWorked >= 6" },""" + "\n" + """{ "RuleName": "Ten", "Expression": "input1.name.Length > 0" },""",
            StringComparison.Ordinal));
        var output = Path.Combine(_folder, "imported.json");
        var national = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn");

        var (code, stdout, stderr) = Run("import-rulesengine", workflow, "--extends", national, "--out", output, "--lang", "en");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("1 expression(s) not translated", stdout, StringComparison.Ordinal);
        Assert.Contains("ldtt.workflow.json:8:48 not translated: LaoDongTienTien/Ten:", stderr, StringComparison.Ordinal);
        Assert.Contains("award 'lao-dong-tien-tien' has the id of an award of the base rule set and replaces it", stderr, StringComparison.Ordinal);

        // The imported file (which keeps a rulesengine criterion for the untranslated rule) validates without --plugin.
        var validate = Run("validate", output, "--lang", "en");
        Assert.True(validate.ExitCode == ExitCodes.Success, validate.Output + validate.Error);
        var check = Run("check", "--rules", output, "--data", Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json"), "--format", "json");
        Assert.True(check.ExitCode == ExitCodes.Success, check.Error);
    }

    [Fact]
    public void Validate_WorkflowWithATypo_FailsNamingTheWorkflowFileLineAndColumn()
    {
        File.WriteAllText(Path.Combine(_folder, "ldtt.workflow.json"), """
            [ { "WorkflowName": "LaoDongTienTien",
                "Rules": [ { "RuleName": "ThoiGian", "Expression": "input1.monthWorked >= 6" } ] } ]
            """);
        File.WriteAllText(Path.Combine(_folder, "rules.json"), Builders.TestRules.RuleFile("""
            { "id": "wf", "name": "wf", "subject": "individual", "basis": "Điều 1",
              "criteria": [ { "id": "c", "type": "rulesengine", "args": { "workflow": "ldtt.workflow.json", "workflowName": "LaoDongTienTien" }, "basis": "Điều 1 khoản 1" } ] }
            """));

        var (code, output, _) = Run("validate", Path.Combine(_folder, "rules.json"), "--lang", "en");

        Assert.Equal(ExitCodes.RulesFailed, code);
        Assert.Contains("ldtt.workflow.json:2:64 TDR083 rule 'ThoiGian' of workflow 'LaoDongTienTien' reads input1.monthWorked, which is neither a built-in field nor a declared fact of individual; did you mean 'monthsWorked'?", output, StringComparison.Ordinal);
    }
}
