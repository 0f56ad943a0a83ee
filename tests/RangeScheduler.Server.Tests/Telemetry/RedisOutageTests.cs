using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Health.V1;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Telemetry.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// redis-server killed and started again (empty) under a live stream (docs/telemetry-bus.md,
/// "Faults"): ingest never stops acking, this instance's watchers keep their positions and
/// alerts, the server keeps answering, and once Redis is back fan-out resumes by itself, to a
/// new watcher and to one on another instance that only hears what goes through Redis.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private static readonly Method<HealthCheckRequest, HealthCheckResponse> HealthCheck =
        Method<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(HealthReflection.Descriptor.Services[0].FindMethodByName("Check"));

    private RedisServer? _redis;

    private RedisServer Redis => _redis ?? throw new InvalidOperationException("redis-server has not started.");

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Redis.DisposeAsync();

    [Fact]
    public async Task RedisKilledMidStream_IngestAndLocalWatchersCarryOn_FanOutResumesAfterRestart()
    {
        await using var server = await RunningServer.StartAsync([$"--RangeScheduler:Redis={Redis.Configuration}"]);
        var booking = await ActiveSessions.StartAsync(server.Channel, "redis outage", 0, 0, "usv-o1");
        var watch = new WatchRangeRequest { RangeId = Requests.Jaakonmeri, BookingIds = { booking.Id }, Positions = true };
        await using var watcher = await RangeEventWatcher.StartAsync(server.Channel, watch);
        await using var station = StationStreamClient.Open(server.Channel);
        // A second instance on the same Redis (its own store: it only watches).
        await using var observer = await RunningServer.StartAsync([$"--RangeScheduler:Redis={Redis.Configuration}"]);
        await using var elsewhere = await RangeEventWatcher.StartAsync(observer.Channel, watch);
        var acks = new List<Ack>();
        ulong sequence = 0;
        async Task SendAsync(double east) => acks.Add(await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-o1", ++sequence, east, 0)));

        for (var i = 0; i < 5; i++)
        {
            await SendAsync(0);
        }
        await watcher.WaitForAsync(e => e.Position?.Report.Sequence == sequence, Generous);
        await elsewhere.WaitForAsync(e => e.Position?.Report.Sequence == sequence, Generous);
        await Redis.StopAsync();
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(0);
        }
        // Out of the 300 m square: the alert is a control event, delivered here while Redis is down.
        await SendAsync(1000);
        var leftDuringOutage = sequence;
        await watcher.WaitForAsync(e => e.Position?.Report.Sequence == leftDuringOutage, Generous);
        await watcher.WaitForAsync(e => e.Alert is { Kind: AlertKind.LeftVolume } alert && alert.BookingId == booking.Id, Generous);
        var health = await server.Channel.AsyncUnaryCall(HealthCheck, new HealthCheckRequest { Service = "rangescheduler.v1.BookingService" }, Calls.Anonymous());
        var read = await new BookingServiceClient(server.Channel).GetBookingAsync(new GetBookingRequest { BookingId = booking.Id }, Calls.As("ops-oceanalpha"));

        health.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
        read.State.ShouldBe(BookingState.Active);
        // Proof that the bus met the outage, rather than the stream outrunning it.
        server.Logs.Entries.ShouldContain(entry => entry.EventName == "RedisDown");

        await Redis.StartAgainAsync();
        // The station streams on while the bus finds Redis again by itself (a PING every 500 ms).
        var giveUp = DateTime.UtcNow + Generous;
        while (!server.Logs.Entries.Any(entry => entry.EventName == "RedisBack"))
        {
            DateTime.UtcNow.ShouldBeLessThan(giveUp, "the bus did not find Redis again");
            await SendAsync(0);
            await Task.Delay(200);
        }
        await using var after = await WatchOnceRedisAnswersAsync(server.Channel, watch);
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(0);
        }
        var last = sequence;
        await watcher.WaitForAsync(e => e.Position?.Report.Sequence == last, Generous);
        await after.WaitForAsync(e => e.Position?.Report.Sequence == last, Generous);
        // The other instance hears only what goes through Redis.
        await elsewhere.WaitForAsync(e => e.Position?.Report.Sequence == last, Generous);
        // Alerts raised during the outage were kept and written once Redis was back: never lost.
        await elsewhere.WaitForAsync(e => e.Alert is { Kind: AlertKind.LeftVolume } alert && alert.BookingId == booking.Id, Generous);
        var live = await new MonitorServiceClient(server.Channel).GetLiveStateAsync(new GetLiveStateRequest { RangeId = Requests.Jaakonmeri }, Calls.As("ctl-jaakonmeri"));

        live.Latest.Single(p => p.Report.BookingId == booking.Id).Report.Sequence.ShouldBe(last);
        acks.Count.ShouldBe((int)sequence);
        acks.ShouldAllBe(ack => ack.Accepted == 1 && ack.Rejected.Count == 0 && ack.Duplicates == 0);
        // Delivered locally during the outage, at least once (docs/telemetry-bus.md): no gap.
        var seen = watcher.Events.Where(e => e.Position is not null).Select(e => e.Position.Report.Sequence).ToHashSet();
        seen.ShouldBe(Enumerable.Range(1, (int)sequence).Select(s => (ulong)s), ignoreOrder: true);
        watcher.Ended.IsCompleted.ShouldBeFalse();
        elsewhere.Ended.IsCompleted.ShouldBeFalse();
    }

    /// <summary>
    /// A new WatchRange once Redis answers again: a subscription reads Redis, so until the
    /// server's connection is back it ends with UNAVAILABLE and the controller retries.
    /// </summary>
    private static async Task<RangeEventWatcher> WatchOnceRedisAnswersAsync(GrpcChannel channel, WatchRangeRequest watch)
    {
        var giveUp = DateTime.UtcNow + Generous;
        while (true)
        {
            RangeEventWatcher? watcher = null;
            try
            {
                watcher = await RangeEventWatcher.StartAsync(channel, watch);
                await watcher.WaitForAsync(e => e.Snapshot is not null, Generous);
                return watcher;
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < giveUp)
            {
                if (watcher is not null)
                {
                    await watcher.DisposeAsync();
                }
                await Task.Delay(200);
            }
        }
    }
}
