using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using Xunit;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>
/// Fuzzing of rule files: documents built from the grammar (random awards, criteria with well- and ill-typed
/// expressions, quotas, targets, scoring tables, parameters and embedded tests, then perturbed) and mutations of the
/// shipped national pack. Nothing but diagnostics comes back for bad input (see <see cref="FuzzChecks"/>).
/// </summary>
/// <remarks>
/// Every case is loaded and validated; one in <see cref="DeepEvery"/> of them (<see cref="ShippedDeepEvery"/> for the
/// large national pack) is also compiled, evaluated, written and has its embedded tests run (compiling to delegates
/// costs far more than the rest). With
/// <see cref="DataFuzzProperties"/> the fuzz cases add up to more than 10,000. A failure prints the generated document and
/// the seed to replay it with <c>[Property(Replay = "…")]</c>.
/// </remarks>
public sealed class RuleFuzzProperties
{
    internal const int GrammarCases = 3_000;
    internal const int ShippedTextCases = 400;
    internal const int ShippedTokenCases = 200;
    internal const int DeepEvery = 8;
    internal const int ShippedDeepEvery = 25;

    private static Gen<bool> Deep(int every) => Gen.Frequency((1, Gen.Constant(true)), (every - 1, Gen.Constant(false)));

    [Property(MaxTest = GrammarCases)]
    public Property RuleDocument_BuiltFromTheGrammar_NeverThrowsAndExplainsEveryFailure()
    {
        var gen = Gen.Zip(DocumentGenerators.RuleDocument(), Deep(DeepEvery));
        return Prop.ForAll(Arb.From(gen), c => FuzzChecks.Rules(c.Item1, FuzzChecks.Population.Value, c.Item2))
            ;
    }

    [Property(MaxTest = ShippedTextCases)]
    public Property ShippedRuleFile_MutatedText_NeverThrowsAndExplainsEveryFailure()
    {
        var files = new[] { FuzzChecks.Read("rules", "vn", "vn-tdkt-2024.json"), FuzzChecks.Read("rules", "vn", "vn-tdkt-2017.json") };
        var gen = Gen.Elements(files).SelectMany(DocumentGenerators.TextMutation);
        return Prop.ForAll(Arb.From(gen), text => FuzzChecks.Rules(text, FuzzChecks.Population.Value, deep: false))
            ;
    }

    [Property(MaxTest = ShippedTokenCases)]
    public Property ShippedRuleFile_MutatedTokens_NeverThrowsAndExplainsEveryFailure()
    {
        // The national pack (both regimes) and the test rule set that uses every feature of the format.
        var files = new[]
        {
            JToken.Parse(FuzzChecks.Read("rules", "vn", "vn-tdkt-2024.json")),
            JToken.Parse(FuzzChecks.Read("rules", "vn", "vn-tdkt-2017.json")),
            JToken.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "rules", "every-feature.json"))),
        };
        var sample = SubjectDataLoader.LoadText(FuzzChecks.SmallSample.Value, "sample.json").GetValueOrThrow();
        var gen = Gen.Zip(Gen.Elements(files).SelectMany(DocumentGenerators.TokenMutation), Deep(ShippedDeepEvery));
        return Prop.ForAll(Arb.From(gen), c => FuzzChecks.Rules(c.Item1, sample, c.Item2))
            ;
    }

    [Fact]
    public void RuleDocumentGenerator_ProducesValidAndInvalidDocumentsAlike()
    {
        // A fuzzer whose documents all fail at the first member tests nothing beyond it; one whose documents all
        // compile tests no error path. Both kinds must be common.
        var compiles = Gen.Sample(DocumentGenerators.RuleDocument(), 200, new Rnd(11UL, 17UL), 20)
            .Count(text => RuleSetLoader.LoadText(text, FuzzChecks.RuleFile).TryGetValue(out var library)
                && RuleSetCompiler.Compile(library.Versions.Single()).Succeeded);

        Assert.InRange(compiles, 20, 180);
    }
}
