using System.Runtime.CompilerServices;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.PropertyBased;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary>Individuals streamed from an enumerable (enumerated once) evaluate exactly like the same data in memory.</summary>
public sealed class StreamingBindTests
{
    private static readonly string Rules = TestRules.RuleFile(
        TestRules.Award("base", "rating >= 'HTTNV' && conduct") + "," +
        TestRules.Award("tt", "members.ratio(m => m.has('base')) >= 70%", "unit"));

    private sealed class OnceEnumerable(IEnumerable<Individual> items) : IEnumerable<Individual>
    {
        private bool _used;

        public IEnumerator<Individual> GetEnumerator()
        {
            Assert.False(_used, "the individuals were enumerated twice");
            _used = true;
            return items.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static string Json(EvaluationResult result)
    {
        var writer = new StringWriter();
        JsonResultWriter.Write(result, writer, ResultInclusion.All);
        return writer.ToString();
    }

    [Fact]
    public void Bind_StreamOfIndividuals_EvaluatesLikeTheDataInMemory()
    {
        var compiled = TestRules.Compile(Rules);
        var data = PopulationGenerator.Sample(seed: 7, units: 8, individuals: 3000);

        var streamed = compiled.Bind(data.Year, data.AsOf, data.Units, new OnceEnumerable(data.Individuals));

        Assert.Equal(3000, streamed.IndividualCount);
        Assert.Equal(Json(compiled.Evaluate(data)), Json(compiled.Evaluate(streamed)));
    }

    [Fact]
    public async Task BindAsync_AsyncStream_EvaluatesLikeTheDataInMemory()
    {
        var compiled = TestRules.Compile(Rules);
        var data = PopulationGenerator.Sample(seed: 8, units: 5, individuals: 500);

        var streamed = await compiled.BindAsync(data.Year, data.AsOf, data.Units, Produce(data.Individuals));

        Assert.Equal(Json(compiled.Evaluate(data)), Json(compiled.Evaluate(streamed)));
    }

    [Fact]
    public void Bind_Cancelled_StopsWithOperationCanceled()
    {
        var compiled = TestRules.Compile(Rules);
        var data = PopulationGenerator.Sample(seed: 9, units: 2, individuals: 10_000);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => compiled.Bind(data.Year, data.AsOf, data.Units, data.Individuals, cancellationToken: cancellation.Token));
    }

    private static async IAsyncEnumerable<Individual> Produce(IEnumerable<Individual> individuals, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var individual in individuals)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return individual;
        }
    }
}
