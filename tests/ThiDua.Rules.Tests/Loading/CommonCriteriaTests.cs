using NodaTime;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

/// <summary>
/// Criteria declared once (<c>commonCriteria</c>) and used by id in awards (<c>{ "use": … }</c>): resolved when loaded
/// (or after a plan's merge, so a plan's change of one reaches every award using it), decided like any criterion, their
/// slips named with did-you-mean.
/// </summary>
public sealed class CommonCriteriaTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string Common = """
        "commonCriteria": [
          { "id": "chap-hanh-phap-luat", "name": "Chấp hành tốt pháp luật", "expr": "conduct", "basis": "Điều 1 khoản 1", "note": "n" }
        ]
        """;

    private static string Awards(string firstCriterion = """{ "use": "chap-hanh-phap-luat" }""") =>
        TestRules.Award("ldtt", "rating >= 'HTTNV'", extra: $$""" "note": "ldtt" """).Replace("\"criteria\": [ ", $"\"criteria\": [ {firstCriterion}, ", StringComparison.Ordinal) + "," +
        TestRules.Award("cstdcs", "rating >= 'HTXSNV'").Replace("\"criteria\": [ ", "\"criteria\": [ { \"use\": \"chap-hanh-phap-luat\", \"id\": \"tuan-thu\", \"basis\": \"Điều 2 khoản 1\" }, ", StringComparison.Ordinal);

    [Fact]
    public void Use_TakesTheCommonCriterion_WithWhatTheUseWrites()
    {
        var ruleSet = TestRules.RuleSet(TestRules.RuleFile(Awards(), Common));

        var ldtt = ruleSet.Awards.Single(a => a.Id == "ldtt").Criteria[0];
        var cstdcs = ruleSet.Awards.Single(a => a.Id == "cstdcs").Criteria[0];

        Assert.Equal(("chap-hanh-phap-luat", "Chấp hành tốt pháp luật", "conduct", "Điều 1 khoản 1", "chap-hanh-phap-luat"), (ldtt.Id, ldtt.Name, ldtt.Expr!.Text, ldtt.Basis, ldtt.Use));
        Assert.Equal(("tuan-thu", "Chấp hành tốt pháp luật", "conduct", "Điều 2 khoản 1"), (cstdcs.Id, cstdcs.Name, cstdcs.Expr!.Text, cstdcs.Basis));
    }

    [Fact]
    public void Use_DecidesLikeTheCriterionWrittenOut()
    {
        var data = """
            { "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "P", "name": "Phòng" } ],
              "individuals": [ { "id": "A", "unit": "P", "rating": "HTXSNV", "facts": { "conduct": true } },
                               { "id": "B", "unit": "P", "rating": "HTXSNV", "facts": { "conduct": false } },
                               { "id": "C", "unit": "P", "rating": "HTXSNV" } ] }
            """;
        var used = TestRules.Evaluate(TestRules.RuleFile(Awards(), Common), data);
        var written = TestRules.Evaluate(TestRules.RuleFile(Awards("""{ "id": "chap-hanh-phap-luat", "expr": "conduct", "basis": "Điều 1 khoản 1" }""")
            .Replace("""{ "use": "chap-hanh-phap-luat", "id": "tuan-thu", "basis": "Điều 2 khoản 1" }""", """{ "id": "tuan-thu", "expr": "conduct", "basis": "Điều 2 khoản 1" }""", StringComparison.Ordinal)), data);

        foreach (var (subject, award) in new[] { ("A", "ldtt"), ("B", "ldtt"), ("C", "ldtt"), ("A", "cstdcs"), ("B", "cstdcs"), ("C", "cstdcs") })
        {
            Assert.Equal(written.GetOutcome(subject, award), used.GetOutcome(subject, award));
        }

        Assert.Equal(Rules.Evaluation.Outcome.NotEligible, used.GetOutcome("B", "ldtt"));
        Assert.Equal(Rules.Evaluation.Outcome.InsufficientData, used.GetOutcome("C", "cstdcs"));
    }

    [Fact]
    public void Use_OfAMisspeltName_IsAnErrorWithTheKnownOnes()
    {
        var error = Assert.Single(TestRules.Load(TestRules.RuleFile(Awards("""{ "use": "chap-hanh-phap-lut" }"""), Common)).Errors);

        Assert.Equal(DiagnosticCodes.UnknownCommonCriterion, error.Code);
        Assert.Equal("chap-hanh-phap-luat", error.Suggestion);
        Assert.Equal("tiêu chuẩn 'chap-hanh-phap-lut' dùng 'chap-hanh-phap-lut', nhưng đó không phải tiêu chuẩn dùng chung của bộ quy tắc (commonCriteria: chap-hanh-phap-luat); có phải ý bạn là 'chap-hanh-phap-luat'?",
            error.Message(Language.Vi));
    }

    [Theory]
    [InlineData("""{ "use": "chap-hanh-phap-luat", "expr": "conduct" }""", "expr")]
    [InlineData("""{ "use": "chap-hanh-phap-luat", "type": "no-pending-review" }""", "type")]
    public void Use_WithItsOwnExprOrType_IsAnError(string criterion, string member)
    {
        var error = Assert.Single(TestRules.Load(TestRules.RuleFile(Awards(criterion), Common)).Errors);

        Assert.Equal(DiagnosticCodes.CommonCriterionConflict, error.Code);
        Assert.Equal(member, error.Arguments[2]);
    }

    [Fact]
    public void Use_InsideACommonCriterion_IsAnError()
    {
        var common = Common.Replace("\"expr\": \"conduct\", ", "\"use\": \"khac\", ", StringComparison.Ordinal);

        var errors = TestRules.Load(TestRules.RuleFile(Awards(), common)).Errors.ToList();

        Assert.Contains(errors, e => e.Code == DiagnosticCodes.CommonCriterionConflict && e.Arguments[2] == "use");
    }

    [Fact]
    public void CommonCriterion_WithATypeError_IsReportedOnceAtItsDefinition()
    {
        var rules = TestRules.RuleFile(Awards(), Common.Replace("\"expr\": \"conduct\"", "\"expr\": \"conduct + 1\"", StringComparison.Ordinal));
        var line = rules.Split('\n').ToList().FindIndex(l => l.Contains("conduct + 1", StringComparison.Ordinal)) + 1;

        var error = Assert.Single(TestRules.Diagnostics(rules), d => d.Severity == Severity.Error);

        Assert.Equal(line, error.Span.Line);
    }

    [Fact]
    public void Plan_ChangingACommonCriterion_ChangesEveryAwardUsingIt()
    {
        _folder.Write("base/vn.json", TestRules.RuleFile(Awards(), Common));
        var plan = _folder.Write("plan/ke-hoach.json", """
            { "id": "ke-hoach", "name": "Kế hoạch", "effective": { "from": "2024-01-01", "to": "2024-12-31" }, "extends": "../base",
              "commonCriteria": [ { "id": "chap-hanh-phap-luat", "name": "Chấp hành pháp luật và nội quy", "expr": "conduct && rating >= 'HTNV'", "basis": "Kế hoạch 5/KH, mục 2" } ] }
            """);

        var merged = RuleSetLoader.Load(plan).GetValueOrThrow().Select(new LocalDate(2024, 12, 31)).GetValueOrThrow();

        var ldtt = merged.Awards.Single(a => a.Id == "ldtt").Criteria[0];
        var cstdcs = merged.Awards.Single(a => a.Id == "cstdcs").Criteria[0];
        Assert.Equal(("conduct && rating >= 'HTNV'", "Kế hoạch 5/KH, mục 2", "Chấp hành pháp luật và nội quy"), (ldtt.Expr!.Text, ldtt.Basis, ldtt.Name));
        Assert.Equal(("tuan-thu", "conduct && rating >= 'HTNV'", "Điều 2 khoản 1"), (cstdcs.Id, cstdcs.Expr!.Text, cstdcs.Basis));
    }

    [Fact]
    public void Plan_UsingABaseCommonCriterion_InItsOwnAward()
    {
        _folder.Write("base/vn.json", TestRules.RuleFile(Awards(), Common));
        var plan = _folder.Write("plan/ke-hoach.json", """
            { "id": "ke-hoach", "name": "Kế hoạch", "effective": { "from": "2024-01-01", "to": "2024-12-31" }, "extends": "../base",
              "awards": [ { "id": "giay-khen", "name": "Giấy khen", "subject": "individual", "basis": "Kế hoạch 5/KH",
                            "criteria": [ { "use": "chap-hanh-phap-luat" }, { "use": "chap-hanh-phap-lut", "id": "sai" } ] } ] }
            """);

        var selected = RuleSetLoader.Load(plan).GetValueOrThrow().Select(new LocalDate(2024, 12, 31));

        var error = Assert.Single(selected.Errors);
        Assert.Equal(DiagnosticCodes.UnknownCommonCriterion, error.Code);
        Assert.EndsWith("ke-hoach.json", error.Span.File, StringComparison.Ordinal);
    }

    /// <summary>The national packs declare the collective "not under review" criterion once; every collective award uses it.</summary>
    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public void NationalPack_CollectiveReviewCriterion_IsDeclaredOnceAndUsedByEveryCollectiveAward(int year)
    {
        var pack = RuleSetLoader.Load(Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "rules", "vn")).GetValueOrThrow().Select(new LocalDate(year, 12, 31)).GetValueOrThrow();

        var common = Assert.Single(pack.CommonCriteria);
        var uses = pack.Awards.SelectMany(a => a.Criteria).Where(c => c.Use == common.Id).ToList();
        Assert.Equal(8, uses.Count);
        Assert.All(uses, c => Assert.Equal((common.Expr!.Text, common.Basis), (c.Expr!.Text, c.Basis)));
        Assert.All(pack.Awards.Where(a => a.Subject != SubjectKind.Individual), a => Assert.Contains(a.Criteria, c => c.Use == common.Id));
    }
}
