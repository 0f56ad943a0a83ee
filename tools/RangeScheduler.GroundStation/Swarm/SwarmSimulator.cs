using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Station;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.GroundStation.Swarm;

/// <summary>
/// Flies a swarm (<see cref="SwarmFleet"/>) for <see cref="SwarmOptions.Duration"/> over
/// <see cref="SwarmOptions.Streams"/> concurrent StreamPositions calls, each sending what
/// fell due once per batch interval (the streams spread over the interval, as independent
/// stations are) and answering commands with receipts. Read
/// <see cref="Counts"/> while it runs for live totals.
/// </summary>
/// <param name="observer">Sees every batch sent and everything received, on all streams at once.</param>
public sealed class SwarmSimulator(SwarmOptions options, TimeProvider time, IStationObserver? observer = null)
{
    public FeedbackCounts Counts { get; } = new();

    public async Task<SwarmResult> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Streams);
        var vehicles = SwarmFleet.Build(options);
        using var channel = GrpcChannel.ForAddress(options.Server);
        var client = new TelemetryServiceClient(channel);
        var call = new CallOptions(new Metadata { { "authorization", $"Bearer {options.ApiKey}" } }, CancellationToken: cancellationToken);
        var start = time.GetUtcNow();
        var epoch = (ulong)start.ToUnixTimeSeconds();
        var streams = new Task[options.Streams];
        for (var s = 0; s < streams.Length; s++)
        {
            var share = new List<SimulatedVehicle>();
            for (var v = s; v < vehicles.Count; v += streams.Length)
            {
                share.Add(vehicles[v]);
            }
            // Independent stations' batch clocks are not aligned: stream s sends s/streams of a batch interval later.
            var phase = options.Batch * s / streams.Length;
            streams[s] = RunStreamAsync(new SwarmStream(share, options.RateHz, start, epoch), client, call, start, phase, cancellationToken);
        }
        await Task.WhenAll(streams).ConfigureAwait(false);
        var straying = 0;
        foreach (var vehicle in vehicles)
        {
            straying += vehicle.Strays ? 1 : 0;
        }
        return new SwarmResult(vehicles.Count, straying, time.GetUtcNow() - start, Counts.Snapshot());
    }

    private async Task RunStreamAsync(SwarmStream stream, TelemetryServiceClient client, CallOptions call, DateTimeOffset start, TimeSpan phase, CancellationToken cancellationToken)
    {
        if (stream.Vehicles == 0)
        {
            return;
        }
        await Task.Delay(phase, time, cancellationToken).ConfigureAwait(false);
        await using var link = new StationLink(client, call, Counts, observer);
        using var timer = new PeriodicTimer(options.Batch, time);
        var batch = new PositionBatch();
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var elapsed = time.GetUtcNow() - start;
            // The last batch carries the fixes due at the very end of the run, no later ones.
            var last = elapsed >= options.Duration;
            if (stream.Fill(batch, last ? options.Duration : elapsed) > 0)
            {
                await link.SendAsync(batch).ConfigureAwait(false);
            }
            if (last)
            {
                break;
            }
        }
        await link.CompleteAsync().ConfigureAwait(false);
    }
}
