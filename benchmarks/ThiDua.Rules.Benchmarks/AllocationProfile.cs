using System.Diagnostics.Tracing;
using System.Globalization;

namespace ThiDua.Rules.Benchmarks;

/// <summary>
/// <c>--allocations N</c>: what binding N people allocates, by type, from the runtime's allocation samples (one event
/// per ~100 KB allocated, so the figures are estimates; the total is exact). Where to look when bind allocates more
/// per person than it should.
/// </summary>
internal static class AllocationProfile
{
    public static int Run(int people)
    {
        var rules = NationalPack.Compile();
        var data = Data.SyntheticPopulation.Create(people);
        GC.KeepAlive(rules.Bind(data));
        GC.Collect();
        using var listener = new AllocationListener();
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(rules.Evaluate(rules.Bind(data), Evaluation.EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 }));
        var total = GC.GetAllocatedBytesForCurrentThread() - before;
        listener.Stop();
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"bind + evaluate {people:N0} people: {total:N0} bytes, {(double)total / people:F0} per person"));
        var sampled = listener.ByType.Values.Sum();
        foreach (var (type, bytes) in listener.ByType.OrderByDescending(t => t.Value).Take(25))
        {
            Console.WriteLine(string.Create(invariant, $"{100.0 * bytes / sampled,6:F1}%  ~{(double)total * bytes / sampled / people,7:F0} B/person  {type}"));
        }

        return 0;
    }

    private sealed class AllocationListener : EventListener
    {
        private volatile bool _stopped;

        public Dictionary<string, long> ByType { get; } = [];

        public void Stop() => _stopped = true;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // GC keyword (0x1) at verbose level: GCAllocationTick events.
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (_stopped || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
            {
                return;
            }

            var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
            var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 100_000;
            lock (ByType)
            {
                ByType[type] = ByType.GetValueOrDefault(type) + amount;
            }
        }
    }
}
