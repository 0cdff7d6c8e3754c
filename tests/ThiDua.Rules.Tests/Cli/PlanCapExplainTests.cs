using Newtonsoft.Json.Linq;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.Cli;

/// <summary>
/// A provincial plan that lowers the CSTĐCS cap to 12% over the national pack, on the bundled sample: explain of a
/// person cut by the cap shows 12%, the computation, and the plan's basis (not the national note).
/// </summary>
public sealed class PlanCapExplainTests : IDisposable
{
    private const string PlanBasis = "Kế hoạch thi đua của tỉnh (tệp kiểm thử), mục III.2";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Plan() => _folder.Write("ke-hoach-12.json", $$"""
        {
          "id": "ke-hoach-thu",
          "name": "Kế hoạch thi đua thử: tỷ lệ CSTĐCS 12%",
          "effective": { "from": "2024-01-01", "to": "2024-12-31" },
          "extends": {{Newtonsoft.Json.JsonConvert.ToString(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn"))}},
          "parameters": [ { "id": "cstdcsMaxShareOfLdtt", "value": "12%", "basis": "{{PlanBasis}}" } ]
        }
        """);

    private static string Sample => Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json");

    [Fact]
    public void Explain_PersonCutByThePlansCap_Shows12PercentAndThePlansBasis()
    {
        var plan = Plan();
        var (checkCode, json, _) = Run("check", "--rules", plan, "--data", Sample, "--format", "json", "--include", "all");
        Assert.Equal(ExitCodes.Success, checkCode);
        var cut = JObject.Parse(json)["results"]!
            .First(r => (string?)r["award"] == "chien-si-thi-dua-co-so" && (string?)r["outcome"] == "eligible-over-quota");

        var (code, output, error) = Run("explain", "--rules", plan, "--data", Sample, "--subject", (string)cut["subject"]!, "--award", "chien-si-thi-dua-co-so");

        Assert.Equal(ExitCodes.Success, code);
        Assert.DoesNotContain("lỗi", error, StringComparison.Ordinal);
        Assert.Matches(@"✗ Trong chỉ tiêu: tối đa params\.cstdcsMaxShareOfLdtt = 12% × \d+ = [\d,]+ → \d+ suất \(làm tròn", output);
        Assert.Contains(PlanBasis, output, StringComparison.Ordinal);
        Assert.Contains("Các suất thuộc: 1. ", output, StringComparison.Ordinal);
    }
}
