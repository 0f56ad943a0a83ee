using System.Diagnostics;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;

namespace RangeScheduler.Benchmarks.Conflicts;

/// <summary>
/// Conflict check latency on one range holding 10k, 100k and 1M bookings (see
/// <see cref="ConflictWorkload"/>): the time to build the range's book, its memory, and the
/// latency of whole <c>RangeBook.Check</c> calls (validation, every conflict kind) and of
/// replacing a booking (remove and put, as an update does), each timed one by one.
/// </summary>
public static class ConflictBenchmark
{
    private const int WarmUpChecks = 2_000;

    public static void Run(int checks, TextWriter output)
    {
        output.WriteLine($"conflicts benchmark: {Environment.ProcessorCount} cores, {checks:N0} checks per size, {DateTime.UtcNow:yyyy-MM-dd}");
        output.WriteLine("bookings     build s  heap MB   check p50   p90       p99       max       conflicts/check   update p50  p99");
        foreach (var size in new[] { 10_000, 100_000, 1_000_000 })
        {
            RunSize(size, checks, output);
        }
    }

    private static void RunSize(int size, int checks, TextWriter output)
    {
        var workload = new ConflictWorkload(seed: 42);
        var bookings = Enumerable.Range(0, size).Select(workload.Booking).ToList();
        var vehicles = new VehicleCalendar();
        var heapBefore = HeapBytes();
        var build = Stopwatch.StartNew();
        var book = new RangeBook(workload.Range, [], bookings);
        foreach (var booking in bookings)
        {
            vehicles.Put(booking);
        }
        build.Stop();
        var heapMegabytes = (HeapBytes() - heapBefore) / 1e6;

        var requests = Enumerable.Range(0, WarmUpChecks + checks).Select(workload.Request).ToList();
        long conflicts = 0;
        var latencies = new double[checks];
        for (var i = 0; i < requests.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = book.Check(requests[i], ConflictWorkload.Now, vehicles);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= WarmUpChecks)
            {
                latencies[i - WarmUpChecks] = elapsed;
                conflicts += outcome.Conflicts.Count;
            }
        }
        var updates = MeasureUpdates(book, bookings, Math.Min(checks, size));

        Array.Sort(latencies);
        Array.Sort(updates);
        output.WriteLine(
            $"{size,9:N0}  {build.Elapsed.TotalSeconds,8:0.0}  {heapMegabytes,7:N0}   "
            + $"{Ms(latencies, 0.50)}  {Ms(latencies, 0.90)}  {Ms(latencies, 0.99)}  {Ms(latencies, 1.0)}  "
            + $"{(double)conflicts / checks,8:0.0}          {Ms(updates, 0.50)}  {Ms(updates, 0.99)}");
        GC.KeepAlive(book);
    }

    /// <summary>An update re-indexes the booking: it is removed and put again with the same volumes.</summary>
    private static double[] MeasureUpdates(RangeBook book, List<Booking> bookings, int count)
    {
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            var booking = bookings[i * (bookings.Count / count)];
            var started = Stopwatch.GetTimestamp();
            book.Remove(booking.Id);
            book.Put(booking with { Version = booking.Version + 1 });
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return latencies;
    }

    private static string Ms(double[] sorted, double quantile)
    {
        var index = Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1);
        return $"{sorted[Math.Max(0, index)],6:0.000} ms";
    }

    private static long HeapBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
