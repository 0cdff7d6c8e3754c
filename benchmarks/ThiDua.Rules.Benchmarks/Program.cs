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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
