using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace RangeScheduler.Benchmarks.Support;

/// <summary>
/// What a benchmark allocates, by type: the runtime reports a sample about every 100 KB
/// allocated (its AllocationTick event) with the type of the object that crossed the mark,
/// so over a run the samples are spread over types as their bytes are. Started when
/// <c>RANGESCHEDULER_BENCH_ALLOCATIONS=1</c> is set; costs a little CPU while listening.
/// </summary>
public sealed class AllocationSampler : RuntimeGcListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public static AllocationSampler? StartIfAsked() =>
        Environment.GetEnvironmentVariable("RANGESCHEDULER_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;

    /// <summary>The <paramref name="count"/> types with the most bytes sampled since the last call, then forgets them.</summary>
    public string TakeTop(int count)
    {
        var top = _bytes.ToArray();
        _bytes.Clear();
        var total = top.Sum(entry => entry.Value);
        return string.Join(Environment.NewLine, top.OrderByDescending(entry => entry.Value).Take(count)
            .Select(entry => $"    {100.0 * entry.Value / Math.Max(1, total),5:0.0}%  {entry.Key}"));
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId != AllocationTickEvent || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }
        var (_, type, amount) = Allocation(e);
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
