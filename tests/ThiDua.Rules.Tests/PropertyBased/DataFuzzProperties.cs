using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Loading;
using Xunit;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>
/// Fuzzing of data files: documents built from the format (random subjects with values of random types, references
/// that resolve and that do not, then perturbed) and mutations of the sample data, each loaded, checked against a
/// small rule set and the national pack, and evaluated when it fits. Nothing but diagnostics comes back for bad input
/// (see <see cref="FuzzChecks"/>).
/// </summary>
/// <remarks>With <see cref="RuleFuzzProperties"/> the fuzz cases add up to more than 10,000.</remarks>
public sealed class DataFuzzProperties
{
    internal const int GrammarCases = 4_000;
    internal const int SampleTextCases = 1_500;
    internal const int SampleTokenCases = 1_000;

    [Property(MaxTest = GrammarCases)]
    public Property DataDocument_BuiltFromTheFormat_NeverThrowsAndExplainsEveryFailure()
    {
        return Prop.ForAll(Arb.From(DocumentGenerators.DataDocument()),
                text => FuzzChecks.Data(text, FuzzChecks.TestRuleSet.Value) && FuzzChecks.Data(text, FuzzChecks.NationalPack.Value))
            ;
    }

    [Property(MaxTest = SampleTextCases)]
    public Property SampleData_MutatedText_NeverThrowsAndExplainsEveryFailure()
    {
        return Prop.ForAll(Arb.From(DocumentGenerators.TextMutation(FuzzChecks.SmallSample.Value)), text => FuzzChecks.Data(text, FuzzChecks.NationalPack.Value, write: false))
            ;
    }

    [Property(MaxTest = SampleTokenCases)]
    public Property SampleData_MutatedTokens_NeverThrowsAndExplainsEveryFailure()
    {
        var sample = JToken.Parse(FuzzChecks.SmallSample.Value);
        return Prop.ForAll(Arb.From(DocumentGenerators.TokenMutation(sample)), text => FuzzChecks.Data(text, FuzzChecks.NationalPack.Value, write: false))
            ;
    }

    [Fact]
    public void DataDocumentGenerator_ProducesValidAndInvalidDocumentsAlike()
    {
        var fits = Gen.Sample(DocumentGenerators.DataDocument(), 200, new Rnd(11UL, 17UL), 20)
            .Count(text => SubjectDataLoader.LoadText(text, FuzzChecks.DataFile).TryGetValue(out var data) && FuzzChecks.TestRuleSet.Value.CheckData(data).Succeeded);

        Assert.InRange(fits, 20, 180);
    }
}
