using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Expressions;

/// <summary>
/// <c>list.where(x =&gt; condition)</c>: a list of the same elements, chained with every aggregate and with another
/// <c>where</c>, over every list; an element whose condition is unknown makes a result unknown only where it matters.
/// </summary>
public sealed class WhereTests
{
    // Phòng P1: three công chức (A HTTNV, B HTNV, C HTXSNV), one viên chức (D KHTNV); E (HTTNV) is written only when asked,
    // with no employee type: E may or may not be a công chức.
    private static string Data(bool withUnknownType) => $$"""
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "P1", "name": "Phòng Một", "kind": "unit" }, { "id": "P2", "name": "Phòng Hai", "kind": "unit", "parent": "P1" } ],
          "individuals": [
            { "id": "A", "name": "Người A", "unit": "P1", "rating": "HTTNV", "employeeType": "cong-chuc", "monthsWorked": 12,
              "initiatives": [ { "name": "SK1", "scope": "tinh", "recognizedOn": "2024-05-01" }, { "name": "SK2", "scope": "co-so" } ] },
            { "id": "B", "name": "Người B", "unit": "P1", "rating": "HTNV", "employeeType": "cong-chuc", "monthsWorked": 10 },
            { "id": "C", "name": "Người C", "unit": "P1", "rating": "HTXSNV", "employeeType": "cong-chuc", "monthsWorked": 12 },
            { "id": "D", "name": "Người D", "unit": "P1", "rating": "KHTNV", "employeeType": "vien-chuc", "monthsWorked": 12 }{{(withUnknownType ? """
            , { "id": "E", "name": "Người E", "unit": "P1", "rating": "HTTNV", "monthsWorked": 12 }
            """ : "")}}
          ] }
        """;

    private static string RuleFile(string expr, string subject = "unit", string name = "") =>
        TestRules.RuleFile(TestRules.Award("base", "rating >= 'HTTNV'") + "," + (name.Length == 0
            ? TestRules.Award("probe", expr, subject)
            : $$"""
              { "id": "probe", "name": "probe", "subject": "{{subject}}", "basis": "Điều 1",
                "criteria": [ { "id": "c", "name": {{Newtonsoft.Json.JsonConvert.ToString(name)}}, "expr": {{Newtonsoft.Json.JsonConvert.ToString(expr)}}, "basis": "Điều 1 khoản 1" } ] }
              """));

    private static Outcome? Outcome(string expr, bool withUnknownType, string subject = "unit", string id = "P1") =>
        TestRules.Evaluate(RuleFile(expr, subject), Data(withUnknownType)).GetOutcome(id, "probe");

    private const string CongChuc = "members.where(m => m.employeeType == 'cong-chuc')";

    public static TheoryData<string, bool, string> Values => new()
    {
        // Without E every membership is known: the filtered list is A, B, C.
        { CongChuc + ".count() == 3", false, "pass" },
        { CongChuc + ".count(m => m.has('base')) == 2", false, "pass" },
        { CongChuc + ".ratio(m => m.has('base')) >= 66%", false, "pass" },
        { CongChuc + ".ratio(m => m.has('base')) >= 67%", false, "fail" },
        { CongChuc + ".sum(m => m.monthsWorked) == 34", false, "pass" },
        { CongChuc + ".min(m => m.monthsWorked) == 10", false, "pass" },
        { CongChuc + ".max(m => m.monthsWorked) == 12", false, "pass" },
        { CongChuc + ".avg(m => m.monthsWorked) > 11.3", false, "pass" },
        { CongChuc + ".all(m => m.rating >= 'HTNV')", false, "pass" },
        { CongChuc + ".any(m => m.rating == 'KHTNV')", false, "fail" },
        { CongChuc + ".where(m => m.rating >= 'HTTNV').count() == 2", false, "pass" },
        { "members.where(m => m.rating >= 'HTTNV').where(m => m.employeeType == 'cong-chuc').count() == 2", false, "pass" },
        { "members.where(m => m.employeeType == 'vien-chuc').all(m => m.rating >= 'HTNV')", false, "fail" },

        // An empty filtered list keeps the empty list's rules: a ratio, avg, min or max of nobody is unknown, never 0% or 100%.
        { "members.where(m => m.employeeType == 'nguoi-lao-dong').count() == 0", false, "pass" },
        { "members.where(m => m.employeeType == 'nguoi-lao-dong').sum(m => m.monthsWorked) == 0", false, "pass" },
        { "members.where(m => m.employeeType == 'nguoi-lao-dong').all(m => m.rating == 'KHTNV')", false, "pass" },
        { "members.where(m => m.employeeType == 'nguoi-lao-dong').any(m => true)", false, "fail" },
        { "members.where(m => m.employeeType == 'nguoi-lao-dong').ratio(m => m.has('base')) >= 0%", false, "unknown" },
        { "members.where(m => m.employeeType == 'nguoi-lao-dong').avg(m => m.monthsWorked) >= 0", false, "unknown" },
        { "members.where(m => m.employeeType == 'nguoi-lao-dong').max(m => m.monthsWorked) >= 0", false, "unknown" },

        // E may be a công chức. count, any and all decide as count(m => p && q), any(m => p && q), all(m => !p || q):
        // E matters only where its own condition could change the answer.
        { CongChuc + ".count() == 3", true, "unknown" },
        { CongChuc + ".count(m => m.rating >= 'HTXSNV') == 1", true, "pass" },      // E is not HTXSNV: not counted either way
        { CongChuc + ".count(m => m.has('base')) == 2", true, "unknown" },          // E has it: 2 or 3
        { CongChuc + ".any(m => m.rating >= 'HTXSNV')", true, "pass" },             // C decides
        { "members.where(m => m.employeeType == 'vien-chuc').any(m => m.rating >= 'HTTNV')", true, "unknown" }, // only E could
        { CongChuc + ".all(m => m.rating >= 'HTNV')", true, "pass" },               // E would pass too
        { CongChuc + ".all(m => m.rating >= 'HTTNV')", true, "fail" },              // B decides
        { "members.where(m => m.employeeType == 'vien-chuc').all(m => m.rating >= 'HTNV')", true, "fail" },

        // ratio, sum, avg, min and max need the exact list: one possible member makes them unknown.
        { CongChuc + ".ratio(m => m.has('base')) >= 50%", true, "unknown" },
        { CongChuc + ".sum(m => m.monthsWorked) >= 0", true, "unknown" },
        { CongChuc + ".min(m => m.monthsWorked) >= 0", true, "unknown" },
        { CongChuc + ".avg(m => m.monthsWorked) >= 0", true, "unknown" },

        // A chain: E passes the second filter, so it may be in the list.
        { CongChuc + ".where(m => m.rating >= 'HTTNV').count() == 2", true, "unknown" },
        { CongChuc + ".where(m => m.rating >= 'HTXSNV').count() == 1", true, "pass" },

        // Every list: allMembers (P2 has nobody), subunits, a list chosen by ?:, and initiatives read through a member.
        { "allMembers.where(m => m.rating >= 'HTTNV').count() == 2", false, "pass" },
        { "subunits.where(u => u.name == 'Phòng Hai').count() == 1", false, "pass" },
        { "subunits.where(u => u.members.count() > 0).any(u => true)", false, "fail" },
        { "(name == 'Phòng Một' ? members.where(m => m.rating == 'KHTNV') : members).count() == 1", false, "pass" },
        { "members.any(m => m.initiatives.where(i => i.scope >= 'tinh').count() == 1)", false, "pass" },
        { "members.where(m => m.initiatives.where(i => i.recognizedOn != null).any(i => true)).count() == 1", false, "pass" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Where_Evaluates_ToTheValueOfItsDefinition(string expr, bool withUnknownType, string expected)
    {
        var outcome = Outcome(expr, withUnknownType);

        Assert.Equal(expected switch
        {
            "pass" => Rules.Evaluation.Outcome.Recommended,
            "fail" => Rules.Evaluation.Outcome.NotEligible,
            _ => Rules.Evaluation.Outcome.InsufficientData,
        }, outcome);
    }

    [Theory]
    [InlineData("initiatives.where(i => i.scope >= 'tinh').count() == 1", "A", "pass")]
    [InlineData("initiatives.where(i => i.recognizedOn == null).any(i => i.scope == 'co-so')", "A", "pass")]
    [InlineData("researchWorks.where(i => i.scope >= 'co-so').count() == 0", "A", "pass")]
    [InlineData("initiatives.where(i => i.scope >= 'tinh').all(i => false)", "B", "pass")]
    public void Where_OverAPersonsLists_Evaluates(string expr, string person, string expected) =>
        Assert.Equal(expected == "pass" ? Rules.Evaluation.Outcome.Recommended : Rules.Evaluation.Outcome.NotEligible,
            Outcome(expr, withUnknownType: false, "individual", person));

    [Fact]
    public void Explain_WhereRatio_ShowsThePercentageAndTheRequirementInVietnamese()
    {
        var rules = RuleFile(CongChuc + ".ratio(m => m.has('base')) >= 70%", name: "Tỷ lệ công chức đạt danh hiệu từ 70%");

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data(false)).Explain("P1", "probe")!.Criteria);

        // Two of the three công chức: 66,7% with the count it comes from, short of 70%.
        Assert.Equal(CriterionStatus.Fail, criterion.Status);
        Assert.Equal("Tỷ lệ công chức đạt danh hiệu từ 70%: 66,7% (2/3) — yêu cầu ≥ 70% (không đạt)", new ExplanationRenderer(Language.Vi).Message(criterion));
    }

    [Fact]
    public void Explain_WhereCount_ShowsTheCountAndTheRequirement()
    {
        var rules = RuleFile(CongChuc + ".count(m => m.rating >= 'HTXSNV') >= 2", name: "Ít nhất 02 công chức HTXSNV");

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data(true)).Explain("P1", "probe")!.Criteria);

        Assert.Equal("Ít nhất 02 công chức HTXSNV: 1 — yêu cầu ≥ 2 (không đạt)", new ExplanationRenderer(Language.Vi).Message(criterion));
    }

    [Fact]
    public void Explain_UnknownMember_NamesTheMissingValueThatLeavesItInDoubt()
    {
        var rules = RuleFile(CongChuc + ".ratio(m => m.has('base')) >= 70%");

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data(true)).Explain("P1", "probe")!.Criteria);

        Assert.Equal(CriterionStatus.Unknown, criterion.Status);
        Assert.Equal("E.employeeType", Assert.Single(criterion.Missing));
        Assert.Null(criterion.Actual);
    }

    [Fact]
    public void Explain_RatioOfNobody_IsUndecidedWithNothingMissing()
    {
        var rules = RuleFile("members.where(m => m.employeeType == 'nguoi-lao-dong').ratio(m => m.has('base')) >= 70%", name: "Tỷ lệ người lao động đạt danh hiệu từ 70%");

        var criterion = Assert.Single(TestRules.Evaluate(rules, Data(false)).Explain("P1", "probe")!.Criteria);

        Assert.Equal(CriterionStatus.Unknown, criterion.Status);
        Assert.Empty(criterion.Missing);
        // No share to show (never 0% or 100%), the requirement, and undecided: as a ratio over an empty unit reads.
        Assert.Null(criterion.Actual);
        Assert.Equal("Tỷ lệ người lao động đạt danh hiệu từ 70%: (không có dữ liệu) — yêu cầu ≥ 70% (chưa đủ dữ liệu)", new ExplanationRenderer(Language.Vi).Message(criterion));
    }

    [Fact]
    public void Reads_PredicateOfWhere_BindsTheFieldsItReads()
    {
        var rules = TestRules.Compile(RuleFile(CongChuc + ".count() >= 1"));

        Assert.False(rules.Reads.IsEverything);
        Assert.True(rules.Reads.Column("EmployeeType"));
        Assert.False(rules.Reads.Column("MonthsWorked"));
        Assert.Equal(Rules.Evaluation.Outcome.Recommended, TestRules.Evaluate(RuleFile(CongChuc + ".count() == 3"), Data(false)).GetOutcome("P1", "probe"));
    }

    [Theory]
    [InlineData("members.where(m => m.initiatives.any(i => i.scope >= 'tinh')).count() >= 1", "18")]          // 3 × (1 + 5)
    [InlineData("members.where(m => m.rating >= 'HTTNV').count(m => m.initiatives.any(i => true)) >= 1", "21")] // 3 + 3 × (1 + 5)
    public void WorkBudget_WhereWithANestedAggregate_IsEstimatedLikeAnAggregate(string expr, string estimate)
    {
        var compiled = TestRules.Compile(RuleFile(expr));
        int[] initiatives = [0, 1, 5];
        var bound = compiled.Bind(new SubjectData
        {
            Year = 2024,
            Units = [new Unit { Id = "U", Name = "Phòng" }],
            Individuals = [.. Enumerable.Range(0, 3).Select(i => new Individual
            {
                Id = "NV" + i,
                Unit = "U",
                Rating = "HTTNV",
                Initiatives = [.. Enumerable.Range(0, initiatives[i]).Select(n => new Initiative("SK" + n, "co-so", null, default))],
            })],
        });
        var limit = long.Parse(estimate, System.Globalization.CultureInfo.InvariantCulture);

        var refused = Assert.Throws<RuleSetValidationException>(() =>
            compiled.Evaluate(bound, EvaluationOptions.Default with { Limits = DataLimits.Default with { MaxCriterionWork = limit - 1 } }));
        compiled.Evaluate(bound, EvaluationOptions.Default with { Limits = DataLimits.Default with { MaxCriterionWork = limit } });

        Assert.Equal(DiagnosticCodes.CriterionWorkTooLarge, Assert.Single(refused.Diagnostics).Code);
        Assert.Equal(estimate, Assert.Single(refused.Diagnostics).Arguments[1]);
    }

    public static TheoryData<string, string, string> Mistakes => new()
    {
        // The condition must be true/false: TDR271 at the condition.
        { "members.where(m => m.monthsWorked).count() >= 1", "TDR271", "monthsWorked" },
        // where works on a list: TDR094 at where, after a value or alone.
        { "rating.where(r => true).count() >= 1", "TDR094", "where" },
        { "where(m => m.rating >= 'HTTNV').count() >= 1", "TDR094", "where" },
        // It takes one lambda: TDR278.
        { "members.where(true).count() >= 1", "TDR278", "where" },
        { "members.where(m => true, m => false).count() >= 1", "TDR278", "where" },
        // A filtered list is a list: not a true/false criterion, not compared with a number.
        { "members.where(m => m.rating >= 'HTTNV') >= 1", "TDR275", ">= 1" },
        { "members.where(m => m.rating >= 'HTTNV') == null", "TDR274", "==" },
        // A misspelt aggregate after it.
        { "members.where(m => true).cout() >= 1", "TDR013", "cout" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Where_Mistake_IsAnErrorAtItsColumnInVietnamese(string expr, string code, string at)
    {
        var error = Assert.Single(TestRules.Diagnostics(RuleFile(expr)), d => d.Severity == Severity.Error);

        Assert.Equal(code, error.Code.ToString());
        var json = RuleFile(expr);
        var line = json.Split('\n')[error.Span.Line - 1];
        var exprColumn = line.IndexOf(Newtonsoft.Json.JsonConvert.ToString(expr)[..20], StringComparison.Ordinal) + 1;
        Assert.Equal(expr.IndexOf(at, StringComparison.Ordinal), error.Span.Column - exprColumn - 1);
        var vietnamese = System.Text.RegularExpressions.Regex.Replace(error.Message(Language.Vi), "'[^']*'", "''");
        Assert.DoesNotMatch(Validation.VietnameseMessagesTests.EnglishWord(), vietnamese);
    }

    /// <summary>The guide's function table: its where and factIn rows are criteria that decide two units the way the
    /// sentence beside them says (P1: three of four công chức LĐTT, more TTHC files on time than last year; P2: two of
    /// three, fewer).</summary>
    [Fact]
    public void Guide_WhereAndFactInExamples_AreCriteriaThatHold()
    {
        var guide = File.ReadAllText(Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "rules", "README.md"));
        var start = guide.IndexOf("### Hàm", StringComparison.Ordinal);
        var section = guide[start..guide.IndexOf("\n### ", start + 4, StringComparison.Ordinal)];
        string Example(string row) => System.Text.RegularExpressions.Regex.Match(section, "^\\| `" + System.Text.RegularExpressions.Regex.Escape(row) + ".*: `([^`]+)` \\|$",
            System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        var where = Example("members.where(");
        var factIn = Example("factIn(");
        Assert.Equal("members.where(m => m.employeeType == 'cong-chuc').ratio(m => m.has('lao-dong-tien-tien')) >= 70%", where);
        Assert.Equal("tthcOnTime >= factIn('tthcOnTime', year - 1)", factIn);

        var rules = TestRules.RuleFile(TestRules.Award("lao-dong-tien-tien", "rating >= 'HTTNV'") + "," + TestRules.Award("where", where, "unit") + "," + TestRules.Award("fact-in", factIn, "unit"))
            .Replace("\"facts\": [", "\"facts\": [ { \"id\": \"tthcOnTime\", \"subject\": \"unit\", \"type\": \"number\", \"kind\": \"count\", \"label\": \"Số hồ sơ TTHC giải quyết đúng hạn\" },", StringComparison.Ordinal);
        string Person(string id, string unit, string type, string rating) =>
            $$"""{ "id": "{{id}}", "unit": "{{unit}}", "employeeType": "{{type}}", "rating": "{{rating}}" }""";
        var data = $$"""
            { "year": 2024,
              "units": [ { "id": "P1", "facts": { "tthcOnTime": 120 }, "history": { "2023": { "facts": { "tthcOnTime": 118 } } } },
                         { "id": "P2", "facts": { "tthcOnTime": 100 }, "history": { "2023": { "facts": { "tthcOnTime": 118 } } } } ],
              "individuals": [ {{Person("A", "P1", "cong-chuc", "HTTNV")}}, {{Person("B", "P1", "cong-chuc", "HTXSNV")}}, {{Person("C", "P1", "cong-chuc", "HTTNV")}},
                               {{Person("D", "P1", "cong-chuc", "HTNV")}}, {{Person("E", "P1", "vien-chuc", "KHTNV")}},
                               {{Person("F", "P2", "cong-chuc", "HTTNV")}}, {{Person("G", "P2", "cong-chuc", "HTTNV")}}, {{Person("H", "P2", "cong-chuc", "HTNV")}} ] }
            """;

        var result = TestRules.Evaluate(rules, data);

        Assert.Equal(Rules.Evaluation.Outcome.Recommended, result.GetOutcome("P1", "where"));
        Assert.Equal(Rules.Evaluation.Outcome.NotEligible, result.GetOutcome("P2", "where"));
        Assert.Equal(Rules.Evaluation.Outcome.Recommended, result.GetOutcome("P1", "fact-in"));
        Assert.Equal(Rules.Evaluation.Outcome.NotEligible, result.GetOutcome("P2", "fact-in"));
    }

    [Theory]
    [InlineData("members.sum(m => m.bonusPoints) >= 0")]
    [InlineData("members.avg(m => m.bonusPoints) >= 0")]
    [InlineData("members.where(m => m.bonusPoints > 0).sum(m => m.bonusPoints) >= 0")]
    public void Sum_PastTheDecimalRange_IsUnknownNotAnException(string expr)
    {
        // Two people with 5·10²⁸ each: their total does not exist (found by the rule fuzzing once filtered sums
        // were generated); a sum that overflows is unknown, as a + b is.
        var compiled = TestRules.Compile(TestRules.RuleFile(TestRules.Award("probe", expr, "unit")));
        var huge = System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty.Add("bonusPoints", 50_000_000_000_000_000_000_000_000_000m);
        var data = new SubjectData
        {
            Year = 2024,
            Units = [new Unit { Id = "P1" }],
            Individuals = [new Individual { Id = "A", Unit = "P1", Facts = huge }, new Individual { Id = "B", Unit = "P1", Facts = huge }],
        };

        Assert.Equal(Rules.Evaluation.Outcome.InsufficientData, compiled.Evaluate(data).GetOutcome("P1", "probe"));
    }

    [Fact]
    public void Where_CriterionThatIsAList_IsNotTrueOrFalse()
    {
        var error = Assert.Single(TestRules.Diagnostics(RuleFile("members.where(m => m.rating >= 'HTTNV')")), d => d.Severity == Severity.Error);

        Assert.Equal(DiagnosticCodes.CriterionNotBoolean, error.Code);
        Assert.Contains("danh sách cá nhân", error.Message(Language.Vi), StringComparison.Ordinal);
    }
}
