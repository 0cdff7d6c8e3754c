using System.Diagnostics;
using System.Globalization;
using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Benchmarks.HandWritten;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;

namespace ThiDua.Rules.Benchmarks;

/// <summary>
/// <c>--quick</c>: engine vs hand-written on the same 100,000-person data in one process, interleaved repetitions,
/// medians. Prints subjects per second, bytes allocated per subject, compile time, the peer (the LĐTT criteria through
/// Microsoft RulesEngine 6.0.1, default and fastest settings, outcomes checked equal where no data is missing) with
/// <c>ratio-rulesengine-to-engine: X.XX</c> (fastest settings), what an embedder pays (bind + evaluate from the same
/// <c>SubjectData</c> against the hand-written preparation + checks, interleaved) as <c>ratio-end-to-end: X.XX</c>, and as
/// its last line <c>ratio-to-handwritten: X.XX</c>. <c>--individuals N</c> and <c>--repetitions N</c> change the size.
/// </summary>
internal static class QuickBenchmark
{
    private const int Warmup = 6;

    // An evaluation round takes a few milliseconds: tiered compilation has not finished optimising the criteria and
    // the runtime helpers they call after 6 of them (medians of 9 after 6 ranged 0.78–1.48 on an idle machine), so the
    // evaluation rounds warm up for 25 and take the median of 31 (1.02–1.03 over three runs).
    private const int EvaluationWarmup = 25;

    public static int Run(string[] args)
    {
        var individuals = Option(args, "--individuals", 100_000);
        var repetitions = Option(args, "--repetitions", 31);
        var invariant = CultureInfo.InvariantCulture;

        var pack = NationalPack.Load();
        var compileWatch = Stopwatch.StartNew();
        var rules = RuleSetCompiler.Compile(NationalPack.AnnualTitlesOnly(pack)).GetValueOrThrow();
        compileWatch.Stop();
        var fullWatch = Stopwatch.StartNew();
        _ = RuleSetCompiler.Compile(pack).GetValueOrThrow();
        fullWatch.Stop();
        var fifty = ValidateAndCompileBenchmarks.FiftyAwards(pack);
        var fiftyCold = Time(() => RuleSetCompiler.Compile(fifty).GetValueOrThrow(), out _);
        // Warm: what a server that compiles rule sets pays once the code doing it is jitted (.NET's tiered compilation
        // needs a few dozen calls to optimise it), the median of 15 compiles after 15 warm-up ones.
        var fiftyTimes = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var time = Time(() => RuleSetCompiler.Compile(fifty).GetValueOrThrow(), out _);
            if (i >= 15)
            {
                fiftyTimes.Add(time);
            }
        }

        var fiftyAwards = RuleSetCompiler.Compile(fifty).GetValueOrThrow().RuleSet.Awards.Length;

        var data = SyntheticPopulation.Create(individuals);
        var bindWatch = Stopwatch.StartNew();
        var bound = rules.Bind(data);
        bindWatch.Stop();
        var handWritten = new HandWrittenNationalPack(data);
        var single = EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 };
        var compared = Agreement.Check(rules.Evaluate(bound, single), handWritten.Evaluate(), data);

        var engineTimes = new List<double>();
        var handTimes = new List<double>();
        var parallelTimes = new List<double>();
        long engineBytes = 0;
        for (var r = 0; r < repetitions + EvaluationWarmup; r++)
        {
            // Interleave so that both see the same machine state; the first rounds are warm-up (tiered compilation
            // optimises the runtime helpers the compiled criteria call after a few dozen calls and a short delay).
            var hand = Time(() => handWritten.Evaluate(), out _);
            var engine = Time(() => rules.Evaluate(bound, single), out var allocated);
            var parallel = Time(() => rules.Evaluate(bound), out _);
            if (r >= EvaluationWarmup)
            {
                handTimes.Add(hand);
                engineTimes.Add(engine);
                parallelTimes.Add(parallel);
                engineBytes = allocated;
            }
        }

        // The peer: the LĐTT criteria through Microsoft RulesEngine 6.0.1, against the engine evaluating LĐTT alone on
        // the same bound data, one thread each. RulesEngine is tens of times slower, so it runs fewer repetitions.
        var ldttOnly = RuleSetCompiler.Compile(NationalPack.LdttOnly(pack)).GetValueOrThrow();
        var ldttBound = ldttOnly.Bind(data);
        var reDefault = RulesEnginePeer.Default(data);
        var reFastest = RulesEnginePeer.Fastest(data);
        var ldttResult = ldttOnly.Evaluate(ldttBound, single);
        var agreement = RulesEnginePeer.Check(reDefault.Evaluate(), ldttResult, data);
        _ = RulesEnginePeer.Check(reFastest.Evaluate(), ldttResult, data);
        var peerRepetitions = Option(args, "--peer-repetitions", 3);
        var ldttTimes = new List<double>();
        var defaultTimes = new List<double>();
        var fastestTimes = new List<double>();
        long peerBytes = 0;
        for (var r = 0; r < peerRepetitions + 1; r++)
        {
            var engineLdtt = Time(() => ldttOnly.Evaluate(ldttBound, single), out _);
            var defaults = Time(() => reDefault.Evaluate(), out _);
            var fastest = Time(() => reFastest.Evaluate(), out var allocatedByPeer);
            if (r >= 1)
            {
                ldttTimes.Add(engineLdtt);
                defaultTimes.Add(defaults);
                fastestTimes.Add(fastest);
                peerBytes = allocatedByPeer;
            }
        }

        // What an HR system pays: its own SubjectData objects bound and evaluated, against the hand-written preparation
        // (its plain arrays built from the same objects) and checks; one thread each, interleaved, medians.
        var endToEndRepetitions = Option(args, "--end-to-end-repetitions", 9);
        var endToEndEngine = new List<double>();
        var endToEndHand = new List<double>();
        long endToEndBytes = 0;
        for (var r = 0; r < endToEndRepetitions + Warmup; r++)
        {
            var hand = Time(() => new HandWrittenNationalPack(data).Evaluate(), out _);
            var engine = Time(() => rules.Evaluate(rules.Bind(data), single), out var allocated);
            if (r >= Warmup)
            {
                endToEndHand.Add(hand);
                endToEndEngine.Add(engine);
                endToEndBytes = allocated;
            }
        }

        // What reading the results costs, next to the evaluation: the outcome table, then Results() with explanations.
        var evaluated = rules.Evaluate(bound, single);
        var tableTime = Time(() =>
        {
            var table = evaluated.GetOutcomeTable();
            long recommended = 0;
            for (var a = 0; a < table.AwardIds.Length; a++)
            {
                var count = table.AwardSubject(a) == Model.SubjectKind.Individual ? table.IndividualCount : table.UnitCount;
                for (var s = 0; s < count; s++)
                {
                    recommended += table.Get(a, s) == Outcome.Recommended ? 1 : 0;
                }
            }

            return recommended;
        }, out var tableBytes);
        var resultsTime = Time(() => evaluated.Results(ResultInclusion.All).Count(), out var resultsBytes);
        var pairs = evaluated.Results(ResultInclusion.All).Count();

        var subjects = data.Individuals.Length + data.Units.Length;
        var engineMedian = Median(engineTimes);
        var handMedian = Median(handTimes);
        var parallelMedian = Median(parallelTimes);
        Console.WriteLine(string.Create(invariant, $"data: {data.Individuals.Length:N0} individuals, {data.Units.Length:N0} units; outcomes compared with the hand-written checks: {compared:N0}, all equal"));
        Console.WriteLine(string.Create(invariant, $"compile: 4 annual titles {compileWatch.Elapsed.TotalMilliseconds:F1} ms; full national pack ({pack.Awards.Length} awards) {fullWatch.Elapsed.TotalMilliseconds:F1} ms (first compile, includes JIT)"));
        Console.WriteLine(string.Create(invariant, $"validate + compile a {fiftyAwards}-award rule set: first {fiftyCold:F1} ms; warm median {Median(fiftyTimes):F1} ms (min {fiftyTimes.Min():F1}, max {fiftyTimes.Max():F1})"));
        Console.WriteLine(string.Create(invariant, $"first bind (data to columns, JIT included): {bindWatch.Elapsed.TotalMilliseconds:F1} ms"));
        Console.WriteLine(string.Create(invariant, $"hand-written, 1 thread: median {handMedian:F2} ms ({subjects / handMedian * 1000:N0} subjects/s)"));
        Console.WriteLine(string.Create(invariant, $"engine, 1 thread:       median {engineMedian:F2} ms ({subjects / engineMedian * 1000:N0} subjects/s), {(double)engineBytes / subjects:F1} bytes allocated per subject"));
        Console.WriteLine(string.Create(invariant, $"engine, all cores:      median {parallelMedian:F2} ms ({subjects / parallelMedian * 1000:N0} subjects/s)"));
        Console.WriteLine(string.Create(invariant, $"reading {pairs:N0} pairs: outcome table {tableTime:F2} ms, {tableBytes:N0} bytes; Results() with explanations {resultsTime:F0} ms, {resultsBytes / (1 << 20):N0} MB"));
        var ldttMedian = Median(ldttTimes);
        var people = data.Individuals.Length;
        Console.WriteLine(string.Create(invariant, $"peer: LĐTT through Microsoft RulesEngine 6.0.1, {people:N0} people, 1 thread; outcomes equal to the engine's for all {agreement.Compared:N0} people without missing data; with missing data RulesEngine says not eligible for {agreement.MissingSaidNotEligible:N0} and eligible for {agreement.MissingSaidEligible:N0} whom the engine finds insufficient-data"));
        Console.WriteLine(string.Create(invariant, $"engine, LĐTT only, 1 thread:         median {ldttMedian:F2} ms"));
        Console.WriteLine(string.Create(invariant, $"RulesEngine, default settings:       median {Median(defaultTimes):F1} ms ({Median(defaultTimes) / ldttMedian:F2}x the engine)"));
        Console.WriteLine(string.Create(invariant, $"RulesEngine, fastest settings found: median {Median(fastestTimes):F1} ms, {(double)peerBytes / people:F0} bytes allocated per person"));
        Console.WriteLine(string.Create(invariant, $"ratio-rulesengine-to-engine: {Median(fastestTimes) / ldttMedian:F2}"));
        var endToEndEngineMedian = Median(endToEndEngine);
        var endToEndHandMedian = Median(endToEndHand);
        Console.WriteLine(string.Create(invariant, $"end to end, hand-written preparation + checks, 1 thread: median {endToEndHandMedian:F2} ms ({endToEndHandMedian * 1000 / people:F3} µs per person)"));
        Console.WriteLine(string.Create(invariant, $"end to end, engine bind + evaluate, 1 thread:         median {endToEndEngineMedian:F2} ms ({endToEndEngineMedian * 1000 / people:F3} µs per person), {(double)endToEndBytes / people:F0} bytes allocated per person"));
        Console.WriteLine(string.Create(invariant, $"ratio-end-to-end: {endToEndEngineMedian / endToEndHandMedian:F2}"));
        Console.WriteLine(string.Create(invariant, $"ratio-to-handwritten: {engineMedian / handMedian:F2}"));
        return 0;
    }

    private static double Time(Func<object> action, out long allocated)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(action());
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
