using System.CommandLine;
using AlertKind = RangeScheduler.Contracts.V1.AlertKind;
using RangeScheduler.GroundStation.Station;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.GroundStation.Swarm;

/// <summary><c>swarm</c>: simulates vehicles flying patterns in their booked volumes (see README.md).</summary>
internal static class SwarmCommand
{
    public static Command Create()
    {
        var server = StationOptions.Server();
        var key = StationOptions.Key();
        var batchMs = StationOptions.BatchMilliseconds();
        var bookings = new Option<string?>("--bookings") { Description = "Comma-separated ids of bookings to fly in." };
        var range = new Option<string?>("--range") { Description = "Instead of --bookings: book squares on this range for the run (needs --operator-key)." };
        var operatorKey = new Option<string?>("--operator-key") { Description = "The operator API key that books, reads and cancels the run's bookings with --range." };
        var count = new Option<int>("--count") { Description = "With --range: how many bookings (squares in a grid).", DefaultValueFactory = _ => 4 };
        var vehicles = new Option<int>("--vehicles") { Description = "With --range: vehicles per booking.", DefaultValueFactory = _ => 5 };
        var rate = new Option<double>("--rate") { Description = "Fixes per second per vehicle.", DefaultValueFactory = _ => 5 };
        var duration = new Option<double>("--duration") { Description = "Seconds to fly.", DefaultValueFactory = _ => 60 };
        var stray = new Option<double>("--stray") { Description = "Share of vehicles, 0 to 1, that leave their volume for a few seconds and come back.", DefaultValueFactory = _ => 0 };
        var streams = new Option<int>("--streams") { Description = "Concurrent StreamPositions streams sharing the vehicles.", DefaultValueFactory = _ => 1 };
        var command = new Command("swarm", "Simulates vehicles flying circles, lawn-mowers and figure eights inside their booked volumes.")
        {
            server, key, bookings, range, operatorKey, count, vehicles, rate, duration, stray, streams, batchMs,
        };
        command.SetAction((parse, cancellationToken) => CommandFailures.ReportAsync(async () =>
        {
            var address = StationOptions.ServerUri(parse.GetValue(server)!);
            var ids = parse.GetValue(bookings)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            var rangeId = parse.GetValue(range);
            if ((ids.Length == 0) == (rangeId is null) || (rangeId is not null && parse.GetValue(operatorKey) is null))
            {
                throw new ArgumentException("Give either --bookings, or --range with --operator-key.");
            }
            using var channel = GrpcChannel.ForAddress(address);
            var source = new SwarmBookingSource(channel, rangeId is null ? parse.GetValue(key)! : parse.GetValue(operatorKey)!, Console.Out);
            var flown = rangeId is null
                ? await source.LoadAsync(ids, cancellationToken).ConfigureAwait(false)
                : await source.CreateAsync(rangeId, parse.GetValue(count), parse.GetValue(vehicles), TimeSpan.FromSeconds(parse.GetValue(duration)), cancellationToken).ConfigureAwait(false);
            var options = new SwarmOptions(address, parse.GetValue(key)!, flown, parse.GetValue(rate), TimeSpan.FromSeconds(parse.GetValue(duration)),
                Math.Clamp(parse.GetValue(stray), 0, 1), parse.GetValue(streams), StationOptions.BatchInterval(parse.GetValue(batchMs)));
            var result = await RunAndReportAsync(new SwarmSimulator(options, TimeProvider.System), cancellationToken).ConfigureAwait(false);
            var t = result.Totals;
            Console.WriteLine($"done: {result.Vehicles} vehicles ({result.StrayingVehicles} straying), {t.Fixes} fixes in {result.Elapsed.TotalSeconds:F1} s ({result.FixesPerSecond:F0}/s), accepted {t.Accepted}, rejected {t.Rejected}, duplicates {t.Duplicates}, alerts {Alerts(t)}, commands {t.Commands}");
            if (rangeId is not null)
            {
                // Active sessions cannot be cancelled (only a controller's TERMINATE_SESSION ends one early).
                Console.WriteLine($"the run's {flown.Count} bookings end by themselves at {flown[0].Volumes[0].Window.End.ToDateTimeOffset():HH:mm:ss}Z");
            }
            return t.Rejected == 0 ? 0 : 2;
        }));
        return command;
    }

    /// <summary>Runs the swarm, printing each second what happened in it.</summary>
    private static async Task<SwarmResult> RunAndReportAsync(SwarmSimulator simulator, CancellationToken cancellationToken)
    {
        var run = simulator.RunAsync(cancellationToken);
        var previous = simulator.Counts.Snapshot();
        var second = 0;
        while (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false) != run)
        {
            var now = simulator.Counts.Snapshot();
            var d = now.Minus(previous);
            previous = now;
            Console.WriteLine($"{++second,4}s  fixes {d.Fixes,7}  acks {d.Acks,5}  accepted {d.Accepted,7}  rejected {d.Rejected,5}  alerts {Alerts(d)}");
        }
        return await run.ConfigureAwait(false);
    }

    private static string Alerts(FeedbackSnapshot snapshot)
    {
        var parts = new List<string>();
        for (var kind = 0; kind < snapshot.Alerts.Count; kind++)
        {
            if (snapshot.Alerts[kind] > 0)
            {
                parts.Add($"{(AlertKind)kind}={snapshot.Alerts[kind]}");
            }
        }
        return parts.Count == 0 ? "0" : string.Join(" ", parts);
    }
}
