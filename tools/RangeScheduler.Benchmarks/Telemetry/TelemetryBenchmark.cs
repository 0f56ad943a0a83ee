using System.Diagnostics;
using RangeScheduler.Benchmarks.Support;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Swarm;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Telemetry.Tests.Support;

namespace RangeScheduler.Benchmarks.Telemetry;

/// <summary>
/// Live telemetry end to end (issue 5): 10,000 simulated USVs (by default) in bookings of 100 report at
/// 10 Hz over 16 StreamPositions calls to the real server while one controller watches the
/// range with every position; once on the in-process bus, once on Redis Streams with a
/// redis-server of its own, whose bare XADD rate is measured afterwards as the ceiling.
/// The server runs in a process of its own; stations and watcher share this one. The two
/// processes (and redis-server) share the machine's cores.
/// </summary>
public static class TelemetryBenchmark
{
    public const int DefaultVehicles = 10_000;
    private const int VehiclesPerBooking = 100;
    private const int Streams = 16;
    private const double RateHz = 10;
    private const double StrayFraction = 0.01;
    // Long enough for a fresh server to reach steady state: for 10 s or so after the swarm starts,
    // the JIT is still compiling the hot path at its top tier and the first fixes' backlog drains
    // (docs/benchmarks.md). Its seconds are printed, not measured.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);
    // The swarm flies a little past the measured window, so the window ends in steady state.
    private static readonly TimeSpan Tail = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    /// <param name="vehicles">A multiple of 100; fewer than the default find where the server stops keeping up.</param>
    public static async Task RunAsync(TimeSpan duration, int vehicles, TextWriter output)
    {
        if (vehicles <= 0 || vehicles % VehiclesPerBooking != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(vehicles), vehicles, $"Vehicles come in bookings of {VehiclesPerBooking}.");
        }
        var bookings = vehicles / VehiclesPerBooking;
        output.WriteLine($"Telemetry benchmark: {Environment.ProcessorCount} cores, {vehicles:N0} vehicles in {bookings} bookings at {RateHz} Hz over {Streams} streams, stray {StrayFraction}, one watcher (positions, max_rate_hz 0), {duration.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s warm-up, {DateTime.UtcNow:yyyy-MM-dd}");
        var results = new List<(string Bus, Result Result)> { ("in-process", await RunBusAsync(null, bookings, duration, output)) };
        await using var redis = await RedisServer.StartAsync();
        results.Add(("Redis Streams", await RunBusAsync(redis, bookings, duration, output)));
        var ceiling = await RedisCeiling.MeasureAsync(redis.Port);

        output.WriteLine();
        output.WriteLine($"{"bus",-14} {"sent/s",9} {"accepted/s",10} {"watched/s",9} {"lost",7} {"coalesced",9} {"missing",7} {"lost in window",14} {"p50 ms",7} {"p99 ms",7} {"max ms",7} {"server cores",12} {"heap MB",7} {"WS MB",6} {"GC ms",6} {"load cores",10} {"redis cores",11} {"alerts",6} rejected");
        foreach (var (bus, r) in results)
        {
            var s = r.Ledger;
            output.WriteLine($"{bus,-14} {r.SentPerSecond,9:N0} {r.AcceptedPerSecond,10:N0} {r.WatchedPerSecond,9:N0} {r.Lost,7:N0} {s.Superseded,9:N0} {s.Missing,7:N0} {s.LostInWindow,14:N0} {Milliseconds(s.P50),7} {Milliseconds(s.P99),7} {Milliseconds(s.Max),7} {r.ServerCores,12:0.00} {r.ServerHeapBytes / 1e6,7:N0} {r.ServerWorkingSetBytes / 1e6,6:N0} {r.ServerGcPause.TotalMilliseconds,6:N0} {r.LoadCores,10:0.00} {r.RedisCores,11:0.00} {r.Alerts,6:N0} {r.Rejected:N0} {s.Rejections}{(s.ReceivedTwice == 0 ? "" : $"  received twice: {s.ReceivedTwice:N0}")}{(r.WatcherEnded is null ? "" : "  watcher ended: " + r.WatcherEnded)}");
        }
        foreach (var (bus, r) in results)
        {
            var bySecond = r.Ledger.P99BySecond.Select(Milliseconds).ToList();
            output.WriteLine($"{bus,-14} p99 ms by second sent, warm-up | window: {string.Join(" ", bySecond.Take(r.Ledger.WindowStartsAt))} | {string.Join(" ", bySecond.Skip(r.Ledger.WindowStartsAt))}");
            var toServer = r.Ledger.P99ToServerBySecond.Select(Milliseconds).ToList();
            output.WriteLine($"{bus,-14}   of it station → server:  {string.Join(" ", toServer.Take(r.Ledger.WindowStartsAt))} | {string.Join(" ", toServer.Skip(r.Ledger.WindowStartsAt))}");
        }
        output.WriteLine($"redis-benchmark XADD ceiling (-n {RedisCeiling.Requests:N0} -P 16, same redis-server): {ceiling:N0} XADD/s");
    }

    /// <summary>A latency for the table; "lost" when the percentile fell on a fix the watcher never received.</summary>
    private static string Milliseconds(TimeSpan latency) =>
        latency == FixLedger.Never ? "lost" : latency.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <param name="redis">The redis-server of the Redis bus, or null for the in-process bus.</param>
    private static async Task<Result> RunBusAsync(RedisServer? redis, int bookingCount, TimeSpan duration, TextWriter output)
    {
        var bus = redis is null ? "in-process" : "Redis Streams";
        using var collections = GcPhases.StartIfAsked(output);
        await using var server = await TelemetryServer.StartAsync(redis?.Configuration, output);
        var flight = WarmUp + duration + Tail;
        var bookings = await new SwarmBookingSource(server.Channel, TelemetryServer.OperatorKey, output)
            .CreateAsync(TelemetryServer.RangeId, bookingCount, VehiclesPerBooking, flight, CancellationToken.None);
        // Fix n of a vehicle (sequence n + 1) is due n / rate after the start, the last at the flight's end.
        var ledger = new FixLedger(bookings.SelectMany(b => b.Vehicles).Select(v => v.Id), (int)Math.Ceiling(flight.TotalSeconds * RateHz) + 1);

        // The watcher has its own connection, as a controller's console would.
        using var watchChannel = GrpcChannel.ForAddress(server.Address);
        using var stopWatching = new CancellationTokenSource();
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = WatchAsync(new MonitorServiceClient(watchChannel), ledger, subscribed, stopWatching.Token);
        await Task.WhenAny(subscribed.Task, watcher);

        var simulator = new SwarmSimulator(
            new SwarmOptions(server.Address, TelemetryServer.StationKey, bookings, RateHz, flight, StrayFraction, Streams), TimeProvider.System, ledger);
        var swarm = simulator.RunAsync(CancellationToken.None);
        var process = Process.GetCurrentProcess();
        var previous = Sample.Take(process, server.Process, redis, simulator, ledger);
        var started = previous;
        Sample? first = null, last = null;
        // One line a second, so that a run that falls behind shows where and when.
        for (var second = 1; second <= (WarmUp + duration).TotalSeconds && !swarm.IsCompleted; second++)
        {
            var wait = started.At + TimeSpan.FromSeconds(second) - Stopwatch.GetElapsedTime(0);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var now = Sample.Take(process, server.Process, redis, simulator, ledger);
            var elapsed = now.At - previous.At;
            output.WriteLine($"{bus} {second,3}s  sent {now.Sent - previous.Sent,7:N0}  accepted {now.Accepted - previous.Accepted,7:N0}  watched {now.Watched - previous.Watched,7:N0}"
                + $"  server cores {(now.ServerCpu - previous.ServerCpu) / elapsed,4:0.00}, GC paused {(now.ServerGc.Pause - previous.ServerGc.Pause).TotalMilliseconds,4:0} ms in {now.ServerGc.Collections - previous.ServerGc.Collections}"
                + $"  load cores {(now.LoadCpu - previous.LoadCpu) / elapsed,4:0.00}, GC paused {(now.LoadGcPause - previous.LoadGcPause).TotalMilliseconds,4:0} ms in {now.LoadCollections - previous.LoadCollections}"
                + (redis is null ? "" : $"  redis cores {(now.RedisCpu - previous.RedisCpu) / elapsed,4:0.00}"));
            previous = now;
            if (second == (int)WarmUp.TotalSeconds)
            {
                first = now;
            }
            last = now;
        }
        await swarm;
        if (first is null || last is null || ReferenceEquals(last, first))
        {
            throw new InvalidOperationException("The swarm ended before the measured window did.");
        }

        // Wait until the watcher has every accepted fix, or stops receiving any.
        var accepted = simulator.Counts.Snapshot().Accepted;
        var drainUntil = Stopwatch.GetElapsedTime(0) + DrainTimeout;
        for (var watched = -1L; ledger.Watched < accepted && ledger.Watched != watched && Stopwatch.GetElapsedTime(0) < drainUntil;)
        {
            watched = ledger.Watched;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        await stopWatching.CancelAsync();
        var watcherEnded = await watcher;

        var totals = simulator.Counts.Snapshot();
        var ledgerSummary = ledger.Summarise(started.Timestamp, first.Timestamp, last.Timestamp);
        var seconds = (last.At - first.At).TotalSeconds;
        return new Result(
            (last.Sent - first.Sent) / seconds, (last.Accepted - first.Accepted) / seconds, (last.Watched - first.Watched) / seconds,
            totals.Accepted - ledgerSummary.Received, ledgerSummary,
            (last.ServerCpu - first.ServerCpu) / (last.At - first.At), last.ServerGc.HeapBytes, last.ServerWorkingSetBytes, last.ServerGc.Pause - first.ServerGc.Pause,
            (last.LoadCpu - first.LoadCpu) / (last.At - first.At), (last.RedisCpu - first.RedisCpu) / (last.At - first.At), totals.Rejected, totals.AlertTotal, watcherEnded);
    }

    /// <summary>
    /// Watches the range with every position until cancelled; returns null then, or how the
    /// stream ended if the server ended it first (a watcher too slow for the control events).
    /// </summary>
    private static async Task<string?> WatchAsync(MonitorServiceClient monitor, FixLedger ledger, TaskCompletionSource subscribed, CancellationToken cancellationToken)
    {
        var request = new WatchRangeRequest { RangeId = TelemetryServer.RangeId, Positions = true, MaxRateHz = 0 };
        using var call = monitor.WatchRange(request, new CallOptions(TelemetryServer.As(TelemetryServer.ControllerKey).Headers, CancellationToken: cancellationToken));
        try
        {
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                var range = call.ResponseStream.Current;
                switch (range.EventCase)
                {
                    case RangeEvent.EventOneofCase.Position:
                        ledger.Watch(range.Position);
                        break;
                    case RangeEvent.EventOneofCase.Snapshot:
                        subscribed.TrySetResult();
                        break;
                }
            }
            return "the server ended the stream";
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{e.Status.StatusCode} {e.Status.Detail}";
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is RpcException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Running totals at one moment: the swarm's and the watcher's counts, the server process's
    /// CPU, memory and collections, this process's (the load's) CPU and collections, and redis-server's CPU.
    /// </summary>
    private sealed record Sample(
        TimeSpan At, long Timestamp, long Sent, long Accepted, long Watched,
        TimeSpan ServerCpu, long ServerWorkingSetBytes, GcReport ServerGc, TimeSpan LoadCpu, TimeSpan LoadGcPause, int LoadCollections, TimeSpan RedisCpu)
    {
        public static Sample Take(Process load, ServerProcess server, RedisServer? redis, SwarmSimulator simulator, FixLedger ledger)
        {
            load.Refresh();
            var (serverCpu, serverWorkingSet) = server.Usage();
            var counts = simulator.Counts.Snapshot();
            var timestamp = Stopwatch.GetTimestamp();
            return new Sample(Stopwatch.GetElapsedTime(0, timestamp), timestamp, counts.Fixes, counts.Accepted, ledger.Watched,
                serverCpu, serverWorkingSet, server.Gc, load.TotalProcessorTime, GC.GetTotalPauseDuration(), GC.CollectionCount(0),
                redis?.ProcessorTime ?? TimeSpan.Zero);
        }
    }

    /// <param name="Lost">Accepted by the server and never received by the watcher, whole run.</param>
    /// <param name="ServerCores">CPU time of the server process per second of the window.</param>
    /// <param name="ServerGcPause">How long the server's collections paused it during the window.</param>
    /// <param name="LoadCores">CPU time of this process (stations and watcher) per second of the window.</param>
    /// <param name="RedisCores">CPU time of redis-server per second of the window (0 on the in-process bus).</param>
    private sealed record Result(
        double SentPerSecond, double AcceptedPerSecond, double WatchedPerSecond, long Lost, LedgerSummary Ledger,
        double ServerCores, long ServerHeapBytes, long ServerWorkingSetBytes, TimeSpan ServerGcPause, double LoadCores, double RedisCores,
        long Rejected, long Alerts, string? WatcherEnded);
}
