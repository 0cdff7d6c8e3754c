using BenchmarkDotNet.Attributes;
using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Benchmarks.HandWritten;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Benchmarks;

/// <summary>Evaluation of one award over a synthetic population: the engine against the same check written by hand.</summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    public const string RuleText = """
        { "id": "bench", "name": "Benchmark", "effective": { "from": "2024-01-01" },
          "scales": [ { "id": "rating", "levels": [ { "id": "KHTNV" }, { "id": "HTNV" }, { "id": "HTTNV" }, { "id": "HTXSNV" } ] } ],
          "facts": [ { "id": "conduct", "subject": "individual", "type": "bool" } ],
          "awards": [ { "id": "lao-dong-tien-tien", "name": "LĐTT", "subject": "individual", "basis": "Luật 06/2022, Điều 24",
            "criteria": [ { "id": "xep-loai", "expr": "rating >= 'HTTNV'", "basis": "Điều 24 khoản 1 điểm a" },
                          { "id": "tac-phong", "expr": "conduct", "basis": "Điều 24 khoản 1 điểm b" },
                          { "id": "thoi-gian", "expr": "monthsBetween(startDate, asOf) >= 6", "basis": "TT 01/2024, Điều 1 khoản 5 điểm d" } ] } ] }
        """;

    private CompiledRuleSet _rules = null!;
    private SubjectData _data = null!;

    [Params(1_000, 100_000)]
    public int Individuals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSetCompiler.Compile(RuleSetLoader.LoadText(RuleText, "bench.json").GetValueOrThrow().Versions[0]).GetValueOrThrow();
        _data = SyntheticPopulation.Create(Individuals);
        var engine = _rules.Evaluate(_data).Results().Count(r => r.Outcome == Outcome.Recommended);
        if (engine != HandWrittenChecks.CountAdvancedWorkers(_data))
        {
            throw new InvalidOperationException("the engine and the hand-written baseline disagree");
        }
    }

    [Benchmark(Baseline = true)]
    public int HandWritten() => HandWrittenChecks.CountAdvancedWorkers(_data);

    [Benchmark]
    public EvaluationResult Engine() => _rules.Evaluate(_data, EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 });
}
