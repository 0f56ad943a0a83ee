using RangeScheduler.Domain.Conformance;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>
/// The common fix (inside, no zone near, nothing open) must not make garbage: at 100,000 fixes a
/// second, a few objects per fix would keep the collector busy. The bound is generous, so that
/// only a real per-fix allocation fails it; there is no timing assertion (see the benchmarks).
/// </summary>
public class RangeConformanceAllocationTests
{
    private const int Fixes = 10_000;
    private const int BatchSize = 100;

    [Fact]
    public void ManyFixesInside_AlmostNoAllocation()
    {
        var range = new ConformanceHarness(TestRanges.Wanshan() with { BoundaryWarningMeters = 20 });
        var volume = Volumes.Square(range.Centre, 5000, TestTimes.Hours(0, 2));
        for (var v = 0; v < 10; v++)
        {
            range.Track(range.Booking($"b{v}", [volume]));
        }
        var batches = Enumerable.Range(0, 2 * Fixes / BatchSize)
            .Select(b => Enumerable.Range(0, BatchSize)
                .Select(i => range.Fix($"b{i % 10}", $"b{i % 10}-usv", b + i / 1000.0, (i % 10) * 400 - 2000, (b % 7) * 10.0, 5))
                .ToArray())
            .ToArray();
        var outcome = new ConformanceOutcome();
        foreach (var batch in batches.Take(batches.Length / 2))
        {
            range.Engine.Observe(batch, outcome);
        }
        outcome.Alerts.ShouldBeEmpty();

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var batch in batches.Skip(batches.Length / 2))
        {
            range.Engine.Observe(batch, outcome);
        }
        var perFix = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Fixes;

        outcome.Alerts.ShouldBeEmpty();
        perFix.ShouldBeLessThan(16);
    }
}
