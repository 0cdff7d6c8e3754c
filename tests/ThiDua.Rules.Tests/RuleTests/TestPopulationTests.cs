using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.RuleTests;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.RuleTests;

/// <summary>
/// Short test data inside rule files: a fixture written once and used by several tests, tables of subjects (columns and
/// rows), groups of individuals (<c>"count": 25, "ratings": { "HTXSNV": 4, "HTTNV": 21 }</c>), and unit defaults that
/// do not loop the root; each mistake an error at its place in the rule file.
/// </summary>
public sealed class TestPopulationTests
{
    /// <summary>LĐTT for HTTNV and better; CSTĐCS for HTXSNV, at most 15% of the unit's LĐTT, the most bonus points first.</summary>
    private static string Rules(string extra) => TestRules.RuleFile(
        TestRules.Award("ldtt", "rating >= 'HTTNV' && conduct") + "," +
        TestRules.Award("cstd", "rating >= 'HTXSNV'", extra: """
            "requires": [ "ldtt" ],
            "quota": { "max": "params.cap", "of": "members.count(m => m.has('ldtt'))", "per": "unit", "rounding": "floor",
                       "rankBy": [ { "expr": "bonusPoints ?? 0", "order": "desc" } ] }
            """) + "," +
        TestRules.Award("tap-the", "members.ratio(m => m.has('ldtt')) >= 70%", "unit"),
        extra);

    private static RuleSet Load(string extra)
    {
        var loaded = TestRules.Load(Rules(extra));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics.Select(d => d.Format(Language.En))));
        return loaded.GetValueOrThrow().Versions.Single();
    }

    private static Diagnostic FirstError(string extra)
    {
        var diagnostics = TestRules.Load(Rules(extra)).Diagnostics;
        return Assert.Single(diagnostics, d => d.Severity == Severity.Error);
    }

    /// <summary>The (line, column) in the rule file of the first occurrence of <paramref name="text"/>.</summary>
    private static (int Line, int Column) Where(string extra, string text)
    {
        var lines = Rules(extra).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        throw new InvalidOperationException(text + " not found");
    }

    private const string PhongFixture = """
        "fixtures": [
          { "id": "phong-25-nguoi", "name": "Phòng 25 người: 4 HTXSNV, 21 HTTNV",
            "defaults": { "individual": { "unit": "P1", "facts": { "conduct": true, "bonusPoints": 0 } } },
            "units": [ { "id": "P1", "name": "Phòng thử", "kind": "unit" } ],
            "groups": [ { "count": 25, "ratings": { "HTXSNV": 4, "HTTNV": 21 } } ] }
        ]
        """;

    [Fact]
    public void Load_Group_MakesNumberedPeopleWithTheirRatingsInOrder()
    {
        var test = Assert.Single(Load(PhongFixture + """, "tests": [ { "id": "ca", "fixture": "phong-25-nguoi" } ]""").Tests);

        var people = test.Data.Individuals;
        Assert.Equal(Enumerable.Range(1, 25).Select(i => "NV" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), people.Select(p => p.Id));
        Assert.Equal(Enumerable.Repeat("HTXSNV", 4).Concat(Enumerable.Repeat("HTTNV", 21)), people.Select(p => p.Rating));
        Assert.All(people, p => Assert.Equal(("P1", (object?)true), (p.Unit, p.Facts["conduct"])));
        Assert.All(people, p => Assert.Equal(Where(PhongFixture, "{ \"count\": 25"), (p.Span.Line, p.Span.Column)));
    }

    [Fact]
    public void Run_OneFixtureThreeTests_EachChangesOnlyWhatItTests()
    {
        // 15% of 25 people at LĐTT is 3 places for 4 HTXSNV: the one with the fewest points is over the quota.
        var tests = PhongFixture + """
            , "tests": [
              { "id": "mac-dinh", "fixture": "phong-25-nguoi", "asOf": "2024-12-31",
                "individuals": [ { "id": "NV01", "facts": { "bonusPoints": 3 } }, { "id": "NV02", "facts": { "bonusPoints": 2 } },
                                 { "id": "NV03", "facts": { "bonusPoints": 1 } } ],
                "expect": [ { "subject": "NV01", "award": "cstd", "outcome": "recommended" },
                            { "subject": "NV04", "award": "cstd", "outcome": "eligible-over-quota", "because": [ "quota" ] },
                            { "subject": "NV01", "award": "ldtt", "outcome": "recommended" },
                            { "subject": "P1", "award": "tap-the", "outcome": "recommended" } ] },
              { "id": "mot-nguoi-khong-tu-luc", "fixture": "phong-25-nguoi", "asOf": "2024-12-31",
                "individuals": [ { "id": "NV25", "facts": { "conduct": false } } ],
                "expect": [ { "subject": "NV25", "award": "ldtt", "outcome": "not-eligible", "because": [ "c" ] },
                            { "subject": "NV24", "award": "ldtt", "outcome": "recommended" } ] },
              { "id": "them-mot-nguoi", "fixture": "phong-25-nguoi", "asOf": "2024-12-31",
                "defaults": { "individual": { "facts": { "bonusPoints": 1 } } },
                "individuals": [ { "id": "NV26", "rating": "KHTNV" } ],
                "expect": [ { "subject": "NV26", "award": "ldtt", "outcome": "not-eligible" } ] }
            ]
            """;
        var ruleSet = Load(tests);

        var run = RuleSetTestRunner.Run(TestRules.Load(Rules(tests)).GetValueOrThrow());

        Assert.All(run.Results, r => Assert.True(r.Passed, r.TestId + ": " + string.Join("\n", r.Failures)));
        Assert.Equal(3, run.Results.Length);
        // The merged person keeps the fixture's values it does not change, and its facts merge key by key.
        var changed = ruleSet.Tests[1].Data.Individuals.Single(p => p.Id == "NV25");
        Assert.Equal(("HTTNV", (object?)false, (object?)0m), (changed.Rating, changed.Facts["conduct"], changed.Facts["bonusPoints"]));
        Assert.Equal(Where(tests, "{ \"id\": \"NV25\""), (changed.Span.Line, changed.Span.Column));
        // A test's defaults go over the fixture's, for the fixture's people too.
        Assert.All(ruleSet.Tests[2].Data.Individuals, p => Assert.Equal(((object?)true, (object?)1m), (p.Facts["conduct"], p.Facts["bonusPoints"])));
        Assert.Equal(26, ruleSet.Tests[2].Data.Individuals.Length);
        Assert.Equal(25, ruleSet.Tests[0].Data.Individuals.Length);
    }

    [Fact]
    public void Load_Table_EachRowASubjectWithDottedColumnsAndBlankCellsTakingTheDefaults()
    {
        var tests = """
            "tests": [ { "id": "bang",
              "defaults": { "individual": { "unit": "P1", "rating": "HTTNV", "facts": { "conduct": true } } },
              "units": { "columns": [ "id", "name" ], "rows": [ [ "P1", "Phòng 1" ] ] },
              "individuals": { "columns": [ "id", "rating", "facts.conduct", "history.2023.rating" ],
                               "rows": [ [ "A", "HTXSNV", null, "HTXSNV" ],
                                         [ "B", null, false, null ] ] } } ]
            """;

        var data = Assert.Single(Load(tests).Tests).Data;

        Assert.Equal("Phòng 1", Assert.Single(data.Units).Name);
        var a = data.Individuals[0];
        var b = data.Individuals[1];
        Assert.Equal(("A", "HTXSNV", (object?)true, "HTXSNV"), (a.Id, a.Rating, a.Facts["conduct"], Assert.Single(a.History, h => h.Year == 2023).Rating));
        Assert.Equal(("B", "HTTNV", (object?)false, 0), (b.Id, b.Rating, b.Facts["conduct"], b.History.Length));
        Assert.Equal(Where(tests, "[ \"B\""), (b.Span.Line, b.Span.Column));
    }

    [Fact]
    public void Load_TableCellOfTheWrongKind_IsAnErrorAtTheCell()
    {
        var tests = """
            "tests": [ { "id": "bang",
              "individuals": { "columns": [ "id", "monthsWorked" ], "rows": [ [ "A", 12 ], [ "B", "mười hai" ] ] } } ]
            """;

        var error = FirstError(tests);

        Assert.Equal(DiagnosticCodes.DataWrongType, error.Code);
        Assert.Equal(Where(tests, "\"mười hai\""), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Load_DefaultParentOfEveryUnit_IsNotTheRootsOwnParent()
    {
        var tests = """
            "tests": [ { "id": "cay", "asOf": "2024-12-31",
              "defaults": { "unit": { "parent": "HY", "kind": "unit", "facts": { "movement": true } } },
              "units": [ { "id": "HY", "name": "Ban" }, { "id": "DN1", "name": "Doanh nghiệp 1" } ],
              "individuals": [ { "id": "A", "unit": "DN1", "rating": "HTTNV", "facts": { "conduct": true } } ],
              "expect": [ { "subject": "DN1", "award": "tap-the", "outcome": "recommended" } ] } ]
            """;

        var units = Assert.Single(Load(tests).Tests).Data.Units;
        var run = RuleSetTestRunner.Run(TestRules.Load(Rules(tests)).GetValueOrThrow());

        Assert.Equal([(string?)null, "HY"], units.Select(u => u.Parent));
        Assert.Equal([true, true], units.Select(u => (bool?)u.Facts["movement"]));
        Assert.True(Assert.Single(run.Results).Passed, string.Join("\n", run.Results[0].Failures));
    }

    public static TheoryData<string, string, string, string?> Mistakes => new()
    {
        { """ "fixtures": [ { "id": "phong-a" } ], "tests": [ { "id": "t", "fixture": "phong-b" } ] """, "TDR170", "\"phong-b\"", "phong-a" },
        { """ "tests": [ { "id": "t", "individuals": { "columns": [ "id", "rating" ], "rows": [ [ "A", "HTTNV" ], [ "B" ] ] } } ] """, "TDR172", "[ \"B\" ]", null },
        { """ "tests": [ { "id": "t", "individuals": { "columns": [ "id", "facts", "facts.conduct" ], "rows": [] } } ] """, "TDR171", "\"facts\",", null },
        { """ "tests": [ { "id": "t", "groups": [ { "count": 20, "ratings": { "HTXSNV": 4, "HTTNV": 15 } } ] } ] """, "TDR173", "{ \"HTXSNV\"", null },
        { """ "tests": [ { "id": "t", "groups": [ { "count": 2, "rating": "HTTNV", "ratings": { "HTXSNV": 2 } } ] } ] """, "TDR174", "\"rating\": \"HTTNV\"", null },
        { """ "tests": [ { "id": "t", "groups": [ { "count": 1000000 } ] } ] """, "TDR175", "1000000", null },
        { """ "tests": [ { "id": "t", "groups": [ { "count": 2, "id": "NV" } ] } ] """, "TDR002", "\"id\": \"NV\"", null },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Load_MistakeInShortTestData_IsOneErrorAtItsPlace(string tests, string code, string at, string? suggestion)
    {
        var error = FirstError(tests);

        Assert.Equal(code, error.Code.ToString());
        Assert.Equal(Where(tests, at), (error.Span.Line, error.Span.Column));
        Assert.Equal(suggestion, error.Suggestion);
    }

    public static TheoryData<string, string, string> DataMistakes => new()
    {
        // A rating off the scale, given to every person of a group: at the group (the check places it at the subject).
        { """ "tests": [ { "id": "t", "units": [ { "id": "P1" } ], "groups": [ { "count": 2, "unit": "P1", "rating": "HTT" } ] } ] """, "TDR104", "{ \"count\": 2" },
        // A unit that is its own parent, written by hand (defaults no longer do it).
        { """ "tests": [ { "id": "t", "units": [ { "id": "HY", "parent": "HY" } ] } ] """, "TDR106", "{ \"id\": \"HY\"" },
        // A person of a table in a unit that does not exist: at the row.
        { """ "tests": [ { "id": "t", "individuals": { "columns": [ "id", "unit" ], "rows": [ [ "A", "P9" ] ] } } ] """, "TDR103", "[ \"A\", \"P9\" ]" },
        // A share parameter given 12 in a test: at the test.
        { """ "tests": [ { "id": "t", "params": { "cap": 12 } } ] """, "TDR040", "{ \"id\": \"t\"" },
    };

    [Theory]
    [MemberData(nameof(DataMistakes))]
    public void Validate_MistakeInTheTestsData_IsFoundWithoutRunningTheTests(string tests, string code, string at)
    {
        var library = TestRules.Load(Rules(tests)).GetValueOrThrow();

        var report = RuleSetValidator.Validate(library);

        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(code, error.Code.ToString());
        Assert.Equal(("test.json", Where(tests, at)), (error.Span.File, (error.Span.Line, error.Span.Column)));
        Assert.False(Assert.Single(RuleSetTestRunner.Run(library).Results).Passed);
    }
}
