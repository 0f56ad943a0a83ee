using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.RedisStreams;
using RangeScheduler.Telemetry.Tests.Support;
using ConnectionMultiplexer = StackExchange.Redis.ConnectionMultiplexer;
using static RangeScheduler.Telemetry.Tests.Support.Events;

namespace RangeScheduler.Telemetry.Tests.RedisStreams;

/// <summary>
/// Two bus instances (two pairs of multiplexers, as two server instances have) on one
/// redis-server, and what happens when that server dies and comes back.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisRangeBusInstancesTests(RedisFixture redis)
{
    private readonly string _rangeId = "range-" + Guid.NewGuid().ToString("N")[..8];

    private static RedisRangeBus Instance(RedisServer server, ILoggerFactory? loggers = null) =>
        new(server.Configuration, new RangeBusOptions(), loggers ?? NullLoggerFactory.Instance, TimeProvider.System);

    /// <summary>One error naming the range and what was wrong, and no outage (its warning) logged.</summary>
    private static void ShouldHaveLoggedOneErrorAndNoOutage(CapturingLoggerFactory log, string rangeId, string what)
    {
        var error = log.Lines.Where(l => l.Level == LogLevel.Error).ShouldHaveSingleItem();
        error.Message.ShouldContain(rangeId);
        error.Message.ShouldContain(what);
        log.Lines.ShouldNotContain(l => l.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task TwoInstances_SeeEachOthersEventsAndServeEachOthersCursors()
    {
        await using var east = Instance(redis.Server);
        await using var west = Instance(redis.Server);
        await using var onWest = await west.SubscribeAsync(_rangeId, null, positions: true, default);

        east.Publish(_rangeId, Alert("al-1", "bk-1"));
        east.PublishPositions(_rangeId, [Position("bk-1", "v1", 1), Position("bk-1", "v2", 1)]);
        var seen = await onWest.TakeAsync(3);
        // Two instances' publishing has no order between them until Redis takes the writes.
        west.Publish(_rangeId, Command("cmd-1", "bk-1", CommandStatus.Queued));
        seen.Add(await onWest.NextAsync());
        seen.Select(Label).ShouldBe(["a:al-1", "p:bk-1/v1#1", "p:bk-1/v2#1", "c:cmd-1"]);
        await using var onEast = await east.SubscribeAsync(_rangeId, seen[1].Cursor, positions: true, default);
        onEast.EventsLost.ShouldBeFalse();
        (await onEast.TakeAsync(2)).Select(Label).ShouldBe(["p:bk-1/v2#1", "c:cmd-1"]);
    }

    [Fact]
    public async Task RedisDiesMidStream_LocalWatchersGoOnAndTheOutagesEventsReachOtherInstancesLater()
    {
        await using var server = await RedisServer.StartAsync();
        var eastLog = new CapturingLoggerFactory();
        await using var east = Instance(server, eastLog);
        await using var west = Instance(server);
        await using var onEast = await east.SubscribeAsync(_rangeId, null, positions: true, default);
        await using var onWest = await west.SubscribeAsync(_rangeId, null, positions: true, default);
        east.Publish(_rangeId, Alert("al-before", "bk-1"));
        Label(await onEast.NextAsync()).ShouldBe("a:al-before");
        Label(await onWest.NextAsync()).ShouldBe("a:al-before");

        await server.StopAsync();
        east.Publish(_rangeId, Alert("al-during", "bk-1"));
        east.PublishPositions(_rangeId, [Position("bk-1", "v1", 7)]);
        east.Publish(_rangeId, Alert("al-during-2", "bk-1"));
        var during = await onEast.TakeAsync(3);
        during.Select(Label).ShouldBe(["a:al-during", "p:bk-1/v1#7", "a:al-during-2"]);

        await server.StartAgainAsync();
        // The outage's alert reaches the other instance once the writer is back, with no restart.
        var arrived = await onWest.TakeThroughAsync("a:al-during-2");
        arrived.Select(Label).ShouldBe(["a:al-during", "a:al-during-2"]);
        east.Publish(_rangeId, Alert("al-after", "bk-1"));
        Label(await onWest.NextAsync()).ShouldBe("a:al-after");
        // East's own watcher had the outage's alert already: the write-back is not delivered twice.
        Label(await onEast.NextAsync()).ShouldBe("a:al-after");

        await using var fromLocalCursor = await east.SubscribeAsync(_rangeId, during[0].Cursor, positions: true, default);
        fromLocalCursor.EventsLost.ShouldBeTrue();
        var state = await EventuallyAsync(() => east.ReadLiveStateAsync(_rangeId, default), s => s.Latest.Count == 1);
        state.Latest.Single().Report.Sequence.ShouldBe(7UL);
        state.OpenAlerts.Select(a => a.Id).Order().ShouldBe(["al-after", "al-during", "al-during-2"]);
        eastLog.Lines.Count(l => l.Level == LogLevel.Warning).ShouldBe(1);
    }

    [Fact]
    public async Task RedisRefusesOneRangesWrites_OtherRangesCarryOnAndTheRefusalIsLoggedOnce()
    {
        var broken = "range-" + Guid.NewGuid().ToString("N")[..8];
        using (var other = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration))
        {
            // A key of the wrong type: Redis refuses every append to that range's events stream.
            await other.GetDatabase().StringSetAsync(RedisKeys.For(broken).Events, "not a stream");
        }
        var eastLog = new CapturingLoggerFactory();
        await using var east = Instance(redis.Server, eastLog);
        await using var west = Instance(redis.Server);
        await using var onWest = await west.SubscribeAsync(_rangeId, null, positions: true, default);

        east.Publish(broken, Alert("al-refused", "bk-1"));
        east.Publish(_rangeId, Alert("al-1", "bk-1"));
        east.Publish(broken, Alert("al-refused-2", "bk-1"));
        east.Publish(_rangeId, Alert("al-2", "bk-1"));

        (await onWest.TakeAsync(2)).Select(Label).ShouldBe(["a:al-1", "a:al-2"]);
        // Nothing is written again, as it would be after an outage.
        east.Publish(_rangeId, Alert("al-3", "bk-1"));
        Label(await onWest.NextAsync()).ShouldBe("a:al-3");
        ShouldHaveLoggedOneErrorAndNoOutage(eastLog, broken, "WRONGTYPE");
    }

    [Fact]
    public async Task StreamKeyOverwritten_OtherRangesAreReadAndTheRangeAgainOnceRepaired()
    {
        var broken = "range-" + Guid.NewGuid().ToString("N")[..8];
        var westLog = new CapturingLoggerFactory();
        await using var east = Instance(redis.Server);
        await using var west = Instance(redis.Server, westLog);
        await using var onBroken = await west.SubscribeAsync(broken, null, positions: true, default);
        await using var onWest = await west.SubscribeAsync(_rangeId, null, positions: true, default);
        using var other = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
        var keys = RedisKeys.For(broken);
        // Someone else's string where the range's events stream was: every XREAD naming it fails.
        await other.GetDatabase().StringSetAsync(keys.Events, "not a stream");

        east.Publish(_rangeId, Alert("al-1", "bk-1"));

        Label(await onWest.NextAsync()).ShouldBe("a:al-1");
        ShouldHaveLoggedOneErrorAndNoOutage(westLog, broken, "holds a string");
        var refused = await Should.ThrowAsync<RangeBusUnavailableException>(() => west.SubscribeAsync(broken, null, positions: true, default));
        refused.Message.ShouldContain("WRONGTYPE");

        await other.GetDatabase().KeyDeleteAsync(keys.Events);
        east.Publish(broken, Alert("al-2", "bk-1"));
        Label(await onBroken.NextAsync()).ShouldBe("a:al-2");
        westLog.Lines.ShouldContain(l => l.Message.Contains(broken) && l.Message.Contains("read again"));
    }

    [Fact]
    public async Task FindLatestReports_PublishedByTheOtherInstance_NothingOnceRedisIsDown()
    {
        await using var server = await RedisServer.StartAsync();
        await using var east = Instance(server);
        await using var west = Instance(server);
        await using var onWest = await west.SubscribeAsync(_rangeId, null, positions: true, default);
        east.PublishPositions(_rangeId, [Position("bk-1", "v1", 7)]);
        await onWest.NextAsync();

        var found = await west.FindLatestReportsAsync(_rangeId, [("bk-1", "v1")], default);
        await server.StopAsync();
        var whileDown = await west.FindLatestReportsAsync(_rangeId, [("bk-1", "v1")], default);

        found.ShouldHaveSingleItem().Value.Sequence.ShouldBe(7UL);
        whileDown.ShouldBeEmpty("an outage is not ingest's to bear: it starts the vehicle afresh");
    }

    [Fact]
    public async Task RedisDownFromTheStart_PublishingGoesOnAndReadsAreUnavailable()
    {
        await using var server = await RedisServer.StartAsync();
        await server.StopAsync();
        await using var bus = Instance(server);

        bus.Publish(_rangeId, Alert("al-1", "bk-1"));
        bus.PublishPositions(_rangeId, [Position("bk-1", "v1", 1)]);
        bus.ForgetBooking(_rangeId, "bk-1");

        await Should.ThrowAsync<RangeBusUnavailableException>(() => bus.SubscribeAsync(_rangeId, null, positions: true, default));
        await Should.ThrowAsync<RangeBusUnavailableException>(() => bus.ReadLiveStateAsync(_rangeId, default));
        await Should.ThrowAsync<RangeBusUnavailableException>(() => bus.ReadCommandsAsync(_rangeId, default));
    }
}
