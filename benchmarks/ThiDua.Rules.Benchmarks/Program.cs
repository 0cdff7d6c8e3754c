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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
