using System.Text;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Loading;
using ThiDua.Rules.RuleTests;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.ShippedRules;

/// <summary>
/// The examples of the policy staff's guide, <c>rules/README.md</c>, are tests: every JSON example is JSON; the
/// parameters, awards, fixtures and tests it shows, put into a plan file that extends the national pack (one per section
/// of the guide), validate without an error and their tests pass; every command it shows runs and succeeds, and an
/// output shown right under a command is what the command prints.
/// </summary>
public sealed class RulesGuideExampleTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Root => ShippedRulesTests.RepositoryRoot;

    /// <summary>A fenced block of the guide: its language (<c>json</c>, <c>bash</c>, empty for output), text, line and section.</summary>
    private sealed record Block(string Language, string Text, int Line, string Section)
    {
        /// <summary>The next block, when only blank lines separate the two.</summary>
        public Block? Output { get; set; }
    }

    private static List<Block> Blocks()
    {
        var lines = File.ReadAllText(Path.Combine(Root, "rules", "README.md"), Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<Block>();
        var section = "";
        var lastEnd = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                section = lines[i];
            }

            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            var block = new Block(lines[i][3..].Trim(), string.Join('\n', lines[(start + 1)..end]), start + 1, section);
            if (blocks.Count > 0 && lines[(lastEnd + 1)..start].All(string.IsNullOrWhiteSpace))
            {
                blocks[^1].Output = block;
            }

            blocks.Add(block);
            lastEnd = end;
            i = end;
        }

        return blocks;
    }

    /// <summary>A JSON example: a whole value, or members of a rule file written without their braces.</summary>
    private static JObject? Parse(Block block)
    {
        var text = block.Text.Trim().TrimEnd(',');
        try
        {
            return JToken.Parse(text) as JObject;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return JObject.Parse("{" + text + "}");
        }
    }

    [Fact]
    public void Guide_EveryJsonExample_IsAJsonObjectOrMembersOfOne()
    {
        var json = Blocks().Where(b => b.Language == "json").ToList();

        Assert.True(json.Count >= 8, "the guide has " + json.Count + " JSON examples");
        Assert.All(json, b => Assert.True(Parse(b) is not null, "line " + b.Line));
    }

    [Fact]
    public void Guide_RuleFileExamples_ValidateAndTheirTestsPass()
    {
        var examples = 0;
        var tests = 0;
        foreach (var section in Blocks().Where(b => b.Language == "json").GroupBy(b => b.Section))
        {
            var parameters = new Dictionary<string, JObject>(StringComparer.Ordinal);
            var awards = new JArray();
            var fixtures = new JArray();
            var cases = new JArray();
            var common = new JArray();
            foreach (var block in section)
            {
                var example = Parse(block)!;
                if (example.ContainsKey("effective"))
                {
                    // A whole plan file: run as written, its "../vn" being the national pack.
                    tests += CheckPlan(section.Key, example, null);
                    examples++;
                    continue;
                }

                if (example.ContainsKey("commonCriteria"))
                {
                    // A rule file's common criteria and the awards that use them.
                    foreach (var criterion in (JArray)example["commonCriteria"]!)
                    {
                        common.Add(criterion);
                    }

                    foreach (var award in (JArray?)example["awards"] ?? [])
                    {
                        awards.Add(award);
                    }
                }
                else if (example.ContainsKey("expect") || example.ContainsKey("expectTargets"))
                {
                    cases.Add(example);
                }
                else if (example.ContainsKey("criteria"))
                {
                    awards.Add(example);
                }
                else if (example.ContainsKey("id") && (example.ContainsKey("value") || example.ContainsKey("values")))
                {
                    parameters[(string)example["id"]!] = example;
                }
                else if (example.ContainsKey("fixtures") || example.ContainsKey("tests"))
                {
                    foreach (var fixture in (JArray?)example["fixtures"] ?? [])
                    {
                        fixtures.Add(fixture);
                    }

                    foreach (var test in (JArray?)example["tests"] ?? [])
                    {
                        cases.Add(test);
                    }
                }
                else
                {
                    // Part of a bigger object (a quota inside its award): shown, not a rule file's member on its own.
                    Assert.True(example.Count == 1 && example.ContainsKey("quota"), "line " + block.Line + ": an example of an unknown kind");
                    continue;
                }

                examples++;
            }

            if (parameters.Count + awards.Count + fixtures.Count + cases.Count == 0)
            {
                continue;
            }

            tests += CheckPlan(section.Key, new JObject
            {
                ["id"] = "vi-du-huong-dan",
                ["name"] = "Các ví dụ của " + section.Key,
                ["effective"] = new JObject { ["from"] = "2024-01-01", ["to"] = "2024-12-31" },
                ["extends"] = "../vn",
                ["parameters"] = new JArray(parameters.Values),
                ["commonCriteria"] = common,
                ["awards"] = awards,
                ["fixtures"] = fixtures,
                ["tests"] = cases,
            }, cases.Count);
        }

        // The guide's examples: an award and a parameter (section 3); 8.4's test, the fixtures example with its two tests,
        // the plan changing part of an award, the dated parameter and the common criterion (section 8); section 9's
        // parameter and test.
        Assert.Equal(9, examples);
        Assert.True(tests >= 4, tests + " tests");
    }

    /// <summary>
    /// Writes <paramref name="plan"/> where its <c>"../vn"</c> is the national pack, validates it (no error) and runs its
    /// tests (all pass; <paramref name="expectedTests"/> of them when given).
    /// </summary>
    private int CheckPlan(string section, JObject plan, int? expectedTests)
    {
        var folder = _folder.PathOf("plan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if ((string?)plan["extends"] == "../vn")
        {
            plan["extends"] = Path.GetRelativePath(folder, Path.Combine(Root, "rules", "vn")).Replace('\\', '/');
        }

        var path = Path.Combine(folder, "vi-du.json");
        File.WriteAllText(path, plan.ToString(), Encoding.UTF8);

        var report = RuleSetValidator.Validate(path);
        var run = RuleSetTestRunner.Run(RuleSetLoader.Load(path).GetValueOrThrow());

        Assert.True(!report.Diagnostics.Any(d => d.Severity == Severity.Error), section + ":\n" + string.Join("\n", report.Diagnostics.Select(d => d.Format(Language.En))));
        if (expectedTests is { } count)
        {
            Assert.Equal(count, run.Results.Length);
        }

        Assert.All(run.Results, r => Assert.True(r.Passed, section + " " + r.TestId + ":\n" + string.Join("\n", r.Failures.Select(f => f.Format(Language.Vi)))));
        return run.Results.Length;
    }

    [Fact]
    public void Guide_Commands_RunAndPrintWhatTheGuideShows()
    {
        var commands = 0;
        foreach (var block in Blocks().Where(b => b.Language == "bash"))
        {
            var output = new StringBuilder();
            foreach (var line in block.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                var command = line.StartsWith("dotnet run --project src/ThiDua.Rules.Cli -- ", StringComparison.Ordinal)
                    ? line["dotnet run --project src/ThiDua.Rules.Cli -- ".Length..]
                    : line.StartsWith("thidua ", StringComparison.Ordinal) ? line["thidua ".Length..] : null;
                Assert.True(command is not null, "line " + block.Line + ": not a thidua command: " + line);
                if (block.Section.StartsWith("## 10.", StringComparison.Ordinal))
                {
                    // Section 10 names the plan file it asks the reader to make; it does not exist here.
                    continue;
                }

                var args = command!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(a => a.StartsWith("rules", StringComparison.Ordinal) ? Path.Combine(Root, a) : a).ToArray();
                var at = Array.IndexOf(args, "--out");
                if (at >= 0)
                {
                    args[at + 1] = _folder.PathOf(Path.GetFileName(args[at + 1]));
                }

                var (code, printed, error) = Run(args);
                Assert.True(code == ExitCodes.Success, "line " + block.Line + ": " + line + "\n" + error);
                output.Append(printed.Replace(Root + "/", "", StringComparison.Ordinal));
                commands++;
            }

            if (block.Output is { Language: "" } shown)
            {
                foreach (var expected in shown.Text.Split('\n').Where(l => l.Trim().Length > 0))
                {
                    Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
                }
            }
        }

        Assert.True(commands >= 12, commands + " commands");
    }
}
