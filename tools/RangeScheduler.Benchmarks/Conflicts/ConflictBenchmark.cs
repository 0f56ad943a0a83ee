using System.Diagnostics;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Benchmarks.Conflicts;

/// <summary>
/// Conflict check latency on one range holding 10k, 100k and 1M bookings (see
/// <see cref="ConflictWorkload"/>): the time to build the range's book, the managed heap it
/// adds, and the latency of whole <c>RangeBook.Check</c> calls (validation and every conflict
/// kind), of the index query alone, and of replacing a booking (remove and put, as an update
/// does), each call timed on its own on one thread.
/// </summary>
public static class ConflictBenchmark
{
    /// <summary>Untimed checks first, so that tiered compilation has settled before anything is timed.</summary>
    private const int WarmUpChecks = 10_000;

    /// <summary>PostgreSQL answers over loopback, a round trip per query: fewer queries give stable quantiles in reasonable time.</summary>
    private const int BaselineQueries = 5_000;

    /// <summary>Range sizes measured unless one is named: enough to show how the cost grows.</summary>
    public static readonly int[] DefaultSizes = [10_000, 100_000, 1_000_000];

    public static async Task RunAsync(int checks, IReadOnlyList<int> sizes, TextWriter output)
    {
        output.WriteLine($"conflicts benchmark: {Environment.ProcessorCount} cores, {checks:N0} checks per size, {DateTime.UtcNow:yyyy-MM-dd}");
        await using var postgres = await Storage.Tests.Support.PostgresServer.StartAsync();
        var baseline = new PostgisBaseline(await postgres.CreateDatabaseAsync("baseline"));
        foreach (var size in sizes)
        {
            await RunSizeAsync(size, checks, baseline, output);
        }
    }

    private static async Task RunSizeAsync(int size, int checks, PostgisBaseline baseline, TextWriter output)
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
        var (all, few, withMessages, conflicts) = MeasureChecks(book, vehicles, requests);
        var queries = MeasureQueries(book, requests);
        var updates = MeasureUpdates(book, bookings, Math.Min(checks, size));

        output.WriteLine($"{size:N0} bookings: built in {build.Elapsed.TotalSeconds:0.0} s, {heapMegabytes:N0} MB managed heap (book and vehicle calendar)");
        output.WriteLine($"  check, all:                 {Quantiles(all)}   {(double)conflicts / all.Length:0.0} conflicts per check");
        output.WriteLine($"  check, 0 or 1 conflict:     {Quantiles(few)}   {few.Length:N0} of the checks");
        output.WriteLine($"  check and its messages:     {Quantiles(withMessages)}");
        output.WriteLine($"  index query alone:          {Quantiles(queries)}");
        output.WriteLine($"  update (remove + put):      {Quantiles(updates)}");
        GC.KeepAlive(book);

        var loaded = await baseline.LoadAsync(book.Plane, bookings);
        var (postgis, found) = await baseline.MeasureAsync(book.Plane, requests.Take(1_000 + BaselineQueries).ToList(), warmUp: 1_000);
        output.WriteLine($"  PostGIS baseline query:     {Quantiles(postgis)}   {(double)found / postgis.Length:0.0} rows per query; loaded and indexed in {loaded.TotalSeconds:0} s");
        output.WriteLine($"  PostGIS ÷ our full check:   p50 {Ratio(postgis, all, 0.5):0.0}×   p99 {Ratio(postgis, all, 0.99):0.0}×");
    }

    private static double Ratio(double[] theirs, double[] ours, double quantile) => At(theirs, quantile) / At(ours, quantile);

    private static double At(double[] sorted, double quantile)
    {
        var copy = sorted.ToArray();
        Array.Sort(copy);
        return copy[Math.Max(0, (int)Math.Ceiling(quantile * copy.Length) - 1)];
    }

    /// <summary>
    /// Each check, then apart from it the writing of its conflicts' messages, which a rejection
    /// does when it is answered, outside the range's turn (booking conflicts write theirs when read).
    /// </summary>
    private static (double[] All, double[] Few, double[] WithMessages, long Conflicts) MeasureChecks(
        RangeBook book, VehicleCalendar vehicles, List<BookingRequest> requests)
    {
        var all = new List<double>(requests.Count);
        var few = new List<double>(requests.Count);
        var withMessages = new List<double>(requests.Count);
        long conflicts = 0;
        long characters = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = book.Check(requests[i], ConflictWorkload.Now, vehicles);
            var checkedAt = Stopwatch.GetTimestamp();
            foreach (var conflict in outcome.Conflicts)
            {
                characters += conflict.Message.Length;
            }
            var written = Stopwatch.GetTimestamp();
            if (i < WarmUpChecks)
            {
                continue;
            }
            var elapsed = Stopwatch.GetElapsedTime(started, checkedAt).TotalMilliseconds;
            all.Add(elapsed);
            withMessages.Add(Stopwatch.GetElapsedTime(started, written).TotalMilliseconds);
            conflicts += outcome.Conflicts.Count;
            if (outcome.Conflicts.Count <= 1)
            {
                few.Add(elapsed);
            }
        }
        GC.KeepAlive(characters);
        return (all.ToArray(), few.ToArray(), withMessages.ToArray(), conflicts);
    }

    /// <summary>What BookingFinder asks the index for each request: its box grown by the separation.</summary>
    private static double[] MeasureQueries(RangeBook book, List<BookingRequest> requests)
    {
        var separation = book.Range.Separation;
        var boxes = requests.Skip(WarmUpChecks).Select(r =>
        {
            var volume = r.Volumes[0];
            var envelope = book.Plane.Project(volume.Footprint).Envelope;
            var (h, v) = (separation.HorizontalMeters, separation.VerticalMeters);
            return new IndexQuery(envelope.MinX - h, envelope.MinY - h, envelope.MaxX + h, envelope.MaxY + h,
                volume.Window.Widen(separation.TimeBuffer), new VerticalBand(volume.Vertical.LowerMeters - v, volume.Vertical.UpperMeters + v));
        }).ToList();
        var found = new List<BookedVolume>();
        var latencies = new double[boxes.Count];
        for (var i = 0; i < boxes.Count; i++)
        {
            found.Clear();
            var started = Stopwatch.GetTimestamp();
            book.Index.Query(boxes[i], found);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return latencies;
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

    private static string Quantiles(double[] latencies)
    {
        if (latencies.Length == 0)
        {
            return "no samples";
        }
        Array.Sort(latencies);
        string At(double quantile) => $"{latencies[Math.Max(0, (int)Math.Ceiling(quantile * latencies.Length) - 1)],7:0.000}";
        return $"p50 {At(0.50)}  p90 {At(0.90)}  p99 {At(0.99)}  max {At(1.0)} ms";
    }

    private static long HeapBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
