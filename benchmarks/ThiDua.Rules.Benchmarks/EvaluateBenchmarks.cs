using BenchmarkDotNet.Attributes;
using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Benchmarks.HandWritten;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;

namespace ThiDua.Rules.Benchmarks;

/// <summary>Evaluation of the four annual titles of the 2024 pack: the engine against the same checks written by hand.</summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private CompiledRuleSet _rules = null!;
    private BoundSubjects _bound = null!;
    private HandWrittenNationalPack _handWritten = null!;
    private EvaluationOptions _singleThread = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Individuals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rules = NationalPack.Compile();
        var data = SyntheticPopulation.Create(Individuals);
        _bound = _rules.Bind(data);
        _handWritten = new HandWrittenNationalPack(data);
        _singleThread = EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 };
        Agreement.Check(_rules.Evaluate(_bound, _singleThread), _handWritten.Evaluate(), data);
    }

    [Benchmark(Baseline = true)]
    public object HandWritten() => _handWritten.Evaluate();

    [Benchmark]
    public EvaluationResult Engine() => _rules.Evaluate(_bound, _singleThread);

    [Benchmark]
    public EvaluationResult EngineParallel() => _rules.Evaluate(_bound);
}
