using BenchmarkDotNet.Running;

namespace ThiDua.Rules.Benchmarks;

internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--quick"))
        {
            return QuickBenchmark.Run(args);
        }

        if (args.Length == 3 && args[0] == "--write-data")
        {
            // --write-data N FILE: a synthetic population as canonical JSON, for end-to-end runs of the CLI.
            Data.SyntheticFiles.WriteJson(Data.SyntheticPopulation.Create(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)), args[2]);
            return 0;
        }

        if (args.Length == 2 && args[0] == "--first-bind")
        {
            // --first-bind N: what the first bind in a process costs (JIT included) against the next ones, N people.
            var rules = NationalPack.Compile();
            var data = Data.SyntheticPopulation.Create(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            var times = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                GC.KeepAlive(rules.Bind(data));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bind {data.Individuals.Length:N0} people: first {times[0]:F1} ms, then {string.Join(", ", times.Skip(1).Select(t => t.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} ms"));
            return 0;
        }

        if (args.Length == 2 && args[0] == "--allocations")
        {
            return AllocationProfile.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
