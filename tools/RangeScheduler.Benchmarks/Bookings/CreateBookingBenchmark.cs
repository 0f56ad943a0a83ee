using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Benchmarks.Support;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Benchmarks.Bookings;

/// <summary>
/// End-to-end CreateBooking throughput with 32 concurrent callers, through our client and
/// server over HTTP/2 on loopback, with durable commits: all into one range (every decision
/// waits for the range) and spread over 8 ranges, on SQLite and on PostgreSQL. Every booking
/// has its own space and time, so all are confirmed and written.
/// </summary>
public static class CreateBookingBenchmark
{
    private const int Callers = 32;
    private const int SpreadRanges = 8;

    /// <summary>
    /// A case warms up in rounds of this length until a round's JIT compilation takes under
    /// <see cref="QuietJit"/>: on two busy cores the runtime's background compiler was still
    /// promoting hot methods 15 s in, taking a quarter of a core from the measured window.
    /// </summary>
    private static readonly TimeSpan WarmUpRound = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan QuietJit = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestWarmUp = TimeSpan.FromSeconds(40);

    public static async Task RunAsync(TimeSpan duration, TextWriter output)
    {
        output.WriteLine($"CreateBooking benchmark: {Environment.ProcessorCount} cores, {Callers} callers, {duration.TotalSeconds:0} s per case, {DateTime.UtcNow:yyyy-MM-dd}");
        var folder = Directory.CreateTempSubdirectory("rangescheduler-bench-");
        try
        {
            await RunStoreAsync("SQLite", $"Data Source={Path.Combine(folder.FullName, "bench.db")}", duration, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await using var postgres = await PostgresServer.StartAsync();
        await RunStoreAsync("PostgreSQL", await postgres.CreateDatabaseAsync("bench"), duration, output);
    }

    private static async Task RunStoreAsync(string name, string store, TimeSpan duration, TextWriter output)
    {
        await using var server = await BenchServer.StartAsync(store, SpreadRanges);
        using var allocations = AllocationSampler.StartIfAsked();
        var bookings = new BookingServiceClient(server.Channel);
        var slot = 0;
        foreach (var (label, ranges) in new[] { ("one range (contended)", 1), ($"{SpreadRanges} ranges", SpreadRanges) })
        {
            var warmUp = TimeSpan.Zero;
            Result round;
            do
            {
                round = await MeasureAsync(bookings, ranges, WarmUpRound, slot++);
                warmUp += WarmUpRound;
            }
            while (round.Spent.Jit >= QuietJit && warmUp < LongestWarmUp);
            var result = await MeasureAsync(bookings, ranges, duration, slot++);
            output.WriteLine($"{name,-10} {label,-22} {result.PerSecond,9:N0} bookings/s   p50 {result.P50.TotalMilliseconds,6:0.00} ms   p99 {result.P99.TotalMilliseconds,6:0.00} ms   rejected {result.Rejected}   " +
                $"CPU {result.Spent.Cpu.TotalMicroseconds / result.Bookings,4:0} µs, allocated {result.Spent.Allocated / 1024.0 / result.Bookings,5:0.0} KB a booking   " +
                $"GCs {result.Spent.Gen0}/{result.Spent.Gen1}/{result.Spent.Gen2}   warm-up {warmUp.TotalSeconds:0} s, JIT {result.Spent.Jit.TotalMilliseconds:0} ms in the window");
            if (allocations is not null)
            {
                output.WriteLine(allocations.TakeTop(25));
            }
        }
    }

    /// <param name="slot">Each run books its own hours, so runs never meet in time.</param>
    private static async Task<Result> MeasureAsync(BookingServiceClient bookings, int ranges, TimeSpan duration, int slot)
    {
        var before = ProcessCost.Now();
        var stopwatch = Stopwatch.StartNew();
        var until = stopwatch.Elapsed + duration;
        var latencies = new List<TimeSpan>[Callers];
        var rejected = 0;
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            latencies[caller] = new List<TimeSpan>();
            var principal = BenchServer.As(caller % 2 == 0 ? "ops-oceanalpha" : "ops-tidewater");
            for (var n = 0; stopwatch.Elapsed < until; n++)
            {
                var began = stopwatch.Elapsed;
                var response = await bookings.CreateBookingAsync(Request(BenchServer.RangeId(caller % ranges), caller, n, slot), principal);
                latencies[caller].Add(stopwatch.Elapsed - began);
                if (response.Booking is null)
                {
                    Interlocked.Increment(ref rejected);
                }
            }
        })));
        var elapsed = stopwatch.Elapsed;
        var spent = ProcessCost.Now() - before;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Result(all.Count, all.Count / elapsed.TotalSeconds, all[all.Count / 2], all[(int)(all.Count * 0.99)], rejected, spent);
    }

    /// <summary>
    /// Caller c books 100 m squares in its own 1 km wide column of the range, 2,000 of them
    /// (8 across, 250 rows) per hour; hour h of run s starts (s × 8 + h) hours after
    /// tomorrow, so a run has room for 16,000 bookings a caller and the 30 days ahead a
    /// booking may start for 90 runs.
    /// </summary>
    private static CreateBookingRequest Request(string rangeId, int caller, int n, int slot)
    {
        var column = n % 8;
        var row = n / 8 % 250;
        var hour = slot * 8 + n / 2000;
        var east = -16_000 + caller * 1_000 + column * 120;
        var north = -15_000 + row * 120;
        var start = DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(hour);
        var request = new CreateBookingRequest { RangeId = rangeId, Title = "load" };
        request.Vehicles.Add(new Vehicle { Id = $"v-{caller}-{n}", Kind = VehicleKind.Uav });
        request.Volumes.Add(new Volume4D
        {
            Footprint = Square(east, north, 100),
            Vertical = new VerticalBand { LowerM = 0, UpperM = 120 },
            Window = new TimeWindow { Start = Timestamp.FromDateTimeOffset(start), End = Timestamp.FromDateTimeOffset(start.AddHours(1)) },
        });
        return request;
    }

    private static Footprint Square(double east, double north, double side)
    {
        const double metresPerDegree = 111_320;
        const double latitude = 21.0;
        var ring = new Ring();
        foreach (var (dx, dy) in new[] { (0.0, 0.0), (side, 0.0), (side, side), (0.0, side) })
        {
            ring.Points.Add(new LatLng
            {
                Latitude = latitude + (north + dy) / metresPerDegree,
                Longitude = 114.0 + (east + dx) / (metresPerDegree * Math.Cos(latitude * Math.PI / 180)),
            });
        }
        return new Footprint { Polygon = new Polygon { Exterior = ring } };
    }

    /// <param name="Spent">What the whole process (callers, server and store) spent on the run.</param>
    private sealed record Result(int Bookings, double PerSecond, TimeSpan P50, TimeSpan P99, int Rejected, ProcessCost Spent);

    /// <summary>CPU, bytes allocated, garbage collections per generation and time spent compiling, of the whole process so far.</summary>
    private readonly record struct ProcessCost(TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Jit)
    {
        public static ProcessCost Now() => new(
            Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            System.Runtime.JitInfo.GetCompilationTime());

        public static ProcessCost operator -(ProcessCost after, ProcessCost before) => new(
            after.Cpu - before.Cpu, after.Allocated - before.Allocated, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2,
            after.Jit - before.Jit);
    }
}
