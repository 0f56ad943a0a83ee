using Microsoft.Extensions.Logging.Abstractions;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.InProcess;
using static RangeScheduler.Telemetry.Tests.Support.Events;

namespace RangeScheduler.Telemetry.Tests.InProcess;

public sealed class InProcessRangeBusTests : RangeBusTestsBase
{
    protected override IRangeBus Create(RangeBusOptions options) => RangeBuses.Create(null, options, NullLoggerFactory.Instance, TimeProvider.System);

    [Fact]
    public void Create_WithoutRedisConfiguration_InProcessBus() =>
        RangeBuses.Create("", new RangeBusOptions(), NullLoggerFactory.Instance, TimeProvider.System).ShouldBeOfType<InProcessRangeBus>();

    [Fact]
    public async Task ResumeWithCursorFromAnotherRun_SnapshotWithEventsLost()
    {
        var earlierRun = NewBus();
        await using var watcher = await earlierRun.SubscribeAsync(RangeId, null, positions: true, default);
        earlierRun.Publish(RangeId, Alert("al-1", "bk-1"));
        var cursor = (await watcher.NextAsync()).Cursor;

        await using var resumed = await NewBus().SubscribeAsync(RangeId, cursor, positions: true, default);

        resumed.EventsLost.ShouldBeTrue();
    }

    [Fact]
    public async Task MorePositionsThanRetained_OldestBatchesTrimmed()
    {
        var bus = NewBus(new RangeBusOptions { MaxRetainedPositions = 10, CoalescePositionsAfter = 100 });
        await using var watcher = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        bus.PublishPositions(RangeId, [.. Enumerable.Range(1, 5).Select(i => Position("bk-1", "v1", (ulong)i))]);
        var first = (await watcher.NextAsync()).Cursor;
        bus.PublishPositions(RangeId, [.. Enumerable.Range(6, 5).Select(i => Position("bk-1", "v1", (ulong)i))]);
        await using (var stillRetained = await bus.SubscribeAsync(RangeId, first, positions: true, default))
        {
            stillRetained.EventsLost.ShouldBeFalse();
        }

        bus.PublishPositions(RangeId, [.. Enumerable.Range(11, 5).Select(i => Position("bk-1", "v1", (ulong)i))]);

        await using var resumed = await bus.SubscribeAsync(RangeId, first, positions: true, default);
        resumed.EventsLost.ShouldBeTrue();
    }

    [Fact]
    public async Task TrimmedBatchesArraysReusedForNewOnes_RetainedBatchesReplayUnchanged()
    {
        // Batches of one size, so that each trimmed batch's pooled array holds a later one.
        var bus = NewBus(new RangeBusOptions { MaxRetainedPositions = 10, CoalescePositionsAfter = 100 });
        await using var watcher = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        string? afterTwentyTwo = null;
        for (var batch = 0; batch < 6; batch++)
        {
            bus.PublishPositions(RangeId, [.. Enumerable.Range(batch * 5 + 1, 5).Select(i => Position("bk-1", "v1", (ulong)i))]);
            foreach (var seen in await watcher.TakeAsync(5))
            {
                afterTwentyTwo = seen.Position.Report.Sequence == 22 ? seen.Cursor : afterTwentyTwo;
            }
        }

        await using var resumed = await bus.SubscribeAsync(RangeId, afterTwentyTwo, positions: true, default);

        resumed.EventsLost.ShouldBeFalse();
        var replayed = await resumed.TakeAsync(8);
        replayed.Select(e => e.Position.Report.Sequence).ShouldBe([23ul, 24, 25, 26, 27, 28, 29, 30]);
        replayed.Select(e => e.Position.Report.Latitude).ShouldBe(replayed.Select(e => 22.05 + e.Position.Report.Sequence * 1e-5));
    }

    [Fact]
    public async Task ControlEventsKeptEncoded_ReplayedEqualToWhatWasDeliveredLive()
    {
        var bus = NewBus();
        await using var live = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        var booking = Booking("bk-1", BookingChange.Created);
        booking.Booking.Booking = new Contracts.V1.Booking { Id = "bk-1", RangeId = RangeId, Title = "survey", Version = 3 };
        booking.Booking.Booking.Vehicles.Add(new Vehicle { Id = "usv-1", Kind = VehicleKind.Usv });
        bus.Publish(RangeId, Alert("al-0", "bk-1"));
        var start = (await live.NextAsync()).Cursor;
        bus.Publish(RangeId, booking);
        bus.Publish(RangeId, Command("cmd-1", "bk-1", CommandStatus.Queued));
        bus.Publish(RangeId, Alert("al-1", "bk-1"));
        var delivered = await live.TakeAsync(3);

        await using var resumed = await bus.SubscribeAsync(RangeId, start, positions: true, default);

        (await resumed.TakeAsync(3)).ShouldBe(delivered);
    }

    [Fact]
    public async Task EntriesOlderThanRetentionAge_CursorNotRetained()
    {
        var time = new ManualTime();
        var bus = new InProcessRangeBus(new RangeBusOptions { RetentionAge = TimeSpan.FromMinutes(10) }, time);
        await using var watcher = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        bus.Publish(RangeId, Command("cmd-1", "bk-1", CommandStatus.Queued));
        bus.Publish(RangeId, Alert("al-1", "bk-1"));
        var cursor = (await watcher.NextAsync()).Cursor;

        time.Advance(TimeSpan.FromMinutes(11));
        bus.Publish(RangeId, Alert("al-2", "bk-1"));
        await using var resumed = await bus.SubscribeAsync(RangeId, cursor, positions: true, default);

        resumed.EventsLost.ShouldBeTrue();
        resumed.Snapshot!.Commands.ShouldBeEmpty();
        resumed.Snapshot.OpenAlerts.Count.ShouldBe(2);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
