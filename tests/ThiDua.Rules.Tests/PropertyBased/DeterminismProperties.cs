using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>Output depends only on the input: not on the thread count and not on the order of subjects in the file.</summary>
public sealed class DeterminismProperties
{
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("base", "rating >= 'HTTNV' && conduct") + "," +
        TestRules.Award("cs", "has('base') && initiatives.any(i => i.scope >= 'co-so') || rating == 'HTXSNV'", extra: """
            "quota": { "max": "params.cap", "of": "members.count(m => m.has('base'))", "rankBy": [ { "expr": "rating" }, { "expr": "bonusPoints", "order": "asc" } ] }
            """) + "," +
        TestRules.Award("tt", "members.ratio(m => m.has('base')) >= 70% && !members.any(m => m.disciplinedAtLeast('canh-cao'))", "unit"));

    [Property(MaxTest = 15)]
    public Property Evaluate_OneThreadAndTwoThreadsAndShuffledInput_WriteIdenticalJson()
    {
        var compiled = TestRules.Compile(Rules);
        return Prop.ForAll(Arb.From(Gen.Choose(1, int.MaxValue - 1)), seed =>
        {
            // Enough individuals for several parallel blocks.
            var data = PopulationGenerator.Sample(seed, units: 12, individuals: 1500);
            var shuffled = data with { Individuals = [.. data.Individuals.OrderBy(i => new Random(seed).Next())], Units = [.. data.Units.Reverse()] };
            string Json(Model.Subjects.SubjectData d, int threads)
            {
                var writer = new StringWriter { NewLine = "\n" };
                JsonResultWriter.Write(compiled.Evaluate(d, EvaluationOptions.Default with { MaxDegreeOfParallelism = threads }), writer, ResultInclusion.All);
                return writer.ToString();
            }

            var single = Json(data, 1);
            return single == Json(data, 2) && single == Json(shuffled, 2);
        });
    }
}
