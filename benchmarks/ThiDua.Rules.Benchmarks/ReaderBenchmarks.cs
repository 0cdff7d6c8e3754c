using BenchmarkDotNet.Attributes;
using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Loading;

namespace ThiDua.Rules.Benchmarks;

/// <summary>
/// The two ways the data reader takes an individual's record: straight from the JSON tokens (the fast path, for records
/// that are plainly valid) or as a JSON tree read member by member (every other record, and every record when the fast
/// path is off). The README's "one JSON subject reader" note quotes this measurement.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private string _json = null!;

    [Params(100_000)]
    public int Individuals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), $"thidua-reader-{Individuals}.json");
        SyntheticFiles.WriteJson(SyntheticPopulation.Create(Individuals), path);
        _json = File.ReadAllText(path);
        File.Delete(path);
    }

    [Benchmark(Baseline = true)]
    public object TreePerRecord() => SubjectDataLoader.LoadText(_json, "d.json", null, fastPath: false).GetValueOrThrow();

    [Benchmark]
    public object FastPath() => SubjectDataLoader.LoadText(_json, "d.json", null, fastPath: true).GetValueOrThrow();
}
