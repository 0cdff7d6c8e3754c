using System.Text.RegularExpressions;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Loading;
using Xunit;

namespace ThiDua.Rules.Tests.ShippedRules;

/// <summary>
/// What a council reads of the bundled samples under every shipped rule set in force for them: no placeholder number
/// standing for "never" (99, 102, 999…), no internal marker ([M], [V2], [M: …]) in a printed basis, and no plan target
/// printed with a long decimal.
/// </summary>
public sealed partial class SampleReadabilityTests
{
    [GeneratedRegex(@"\[(M|V|V2)(:[^\]]*)?\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\?\?\s*-?[0-9]{2,}")]
    private static partial Regex StandIn();

    [GeneratedRegex(@"\d[.,]\d{4,}")]
    private static partial Regex LongDecimal();

    private static readonly decimal[] Placeholders = [99m, 102m, 999m, 9999m, -1m];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var rules = new[] { Path.Combine("rules", "vn") }
            .Concat(Directory.EnumerateFiles(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "plans"), "*.json").Order(StringComparer.Ordinal)
                .Select(f => Path.GetRelativePath(ShippedRulesTests.RepositoryRoot, f)));
        foreach (var rule in rules)
        {
            foreach (var sample in new[] { "ban-quan-ly-2024.json", "khoi-doanh-nghiep-2024.json" })
            {
                data.Add(rule, sample);
            }
        }

        return data;
    }

    private static EvaluationResult? Evaluate(string rules, string sample)
    {
        var data = SubjectDataLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", sample)).GetValueOrThrow();
        var library = RuleSetLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, rules)).GetValueOrThrow();
        // A plan of another year (Bắc Giang 2023) is not in force for the 2024 samples: nothing to read.
        if (!library.Select(data.AsOf!.Value).TryGetValue(out var ruleSet))
        {
            return null;
        }

        return RuleSetCompiler.Compile(ruleSet).GetValueOrThrow().Evaluate(data);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_PrintsNoPlaceholderNoMarkerAndNoLongDecimal(string rules, string sample)
    {
        var result = Evaluate(rules, sample);
        if (result is null)
        {
            Assert.EndsWith("2023.json", rules, StringComparison.Ordinal);
            return;
        }

        var problems = new List<string>();
        var renderers = new[] { new ExplanationRenderer(Language.Vi), new ExplanationRenderer(Language.En) };
        foreach (var pair in result.Results(ResultInclusion.All))
        {
            if (Marker().IsMatch(pair.Basis))
            {
                problems.Add($"{pair.Award}: basis {pair.Basis}");
            }

            foreach (var criterion in pair.Criteria)
            {
                if (Marker().IsMatch(criterion.Basis))
                {
                    problems.Add($"{pair.Award}/{criterion.Id}: basis {criterion.Basis}");
                }

                // A requirement of 99 or 102 is a stand-in for "never" (a score of 99 is a real value, so actual values are
                // checked at their source: see Packs_WriteNoStandInForNever).
                if (criterion.Required?.Value.Value is decimal number && Placeholders.Contains(number))
                {
                    problems.Add($"{pair.Subject} {pair.Award}/{criterion.Id}: {renderers[0].Message(criterion)}");
                }
            }
        }

        foreach (var target in result.Targets())
        {
            foreach (var renderer in renderers)
            {
                var message = renderer.Message(target);
                if (LongDecimal().IsMatch(message))
                {
                    problems.Add($"{target.Unit} {target.Target}: {message}");
                }
            }

            if (Marker().IsMatch(target.Basis))
            {
                problems.Add($"{target.Target}: basis {target.Basis}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(30)));
        Assert.NotEmpty(result.Results(ResultInclusion.All));
    }

    [Fact]
    public void Packs_WriteNoStandInForNever()
    {
        var files = Directory.EnumerateFiles(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "schema" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "samples" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var stand = File.ReadAllLines(file).Select((line, i) => (line, i)).Where(x => StandIn().IsMatch(x.line)).Select(x => $"{Path.GetFileName(file)}:{x.i + 1}").ToList();
            Assert.True(stand.Count == 0, "a number standing for 'never' (use hadWithin, sinceLast or had(…) && …): " + string.Join(", ", stand));
        }
    }
}
