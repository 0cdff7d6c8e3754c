using BenchmarkDotNet.Attributes;
using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Benchmarks;

/// <summary>Loading the canonical data JSON.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _path = null!;

    [Params(1_000, 100_000)]
    public int Individuals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"thidua-load-{Individuals}.json");
        SyntheticFiles.WriteJson(SyntheticPopulation.Create(Individuals), _path);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public object Load() => SubjectDataLoader.Load(_path).GetValueOrThrow();
}

/// <summary>Validation and compilation: the national pack, and a synthetic rule set of 50 awards.</summary>
[MemoryDiagnoser]
public class ValidateAndCompileBenchmarks
{
    private RuleSet _pack = null!;
    private RuleSet _fiftyAwards = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pack = NationalPack.Load();
        _fiftyAwards = FiftyAwards(_pack);
    }

    /// <summary>Fifty awards: the pack's awards copied under new ids until there are fifty.</summary>
    public static RuleSet FiftyAwards(RuleSet pack)
    {
        var awards = new List<AwardDefinition>();
        for (var copy = 0; awards.Count < 50; copy++)
        {
            foreach (var award in pack.Awards.TakeWhile(_ => awards.Count < 50))
            {
                awards.Add(copy == 0 ? award : award with { Id = $"{award.Id}-{copy}", Requires = [] });
            }
        }

        return pack with { Awards = [.. awards], Tests = [] };
    }

    [Benchmark(Baseline = true)]
    public object FullNationalPack() => RuleSetCompiler.Compile(_pack).GetValueOrThrow();

    [Benchmark]
    public object FiftyAwardRuleSet() => RuleSetCompiler.Compile(_fiftyAwards).GetValueOrThrow();
}

/// <summary>End to end: data file in, canonical JSON out (to a null stream).</summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private string _path = null!;
    private CompiledRuleSet _rules = null!;

    [Params(1_000, 100_000)]
    public int Individuals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rules = NationalPack.Compile();
        _path = Path.Combine(Path.GetTempPath(), $"thidua-e2e-{Individuals}.json");
        SyntheticFiles.WriteJson(SyntheticPopulation.Create(Individuals), _path);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public void FileToJson()
    {
        var data = SubjectDataLoader.Load(_path).GetValueOrThrow();
        using var writer = new StreamWriter(Stream.Null);
        JsonResultWriter.Write(_rules.Evaluate(data), writer);
    }
}
