using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Tests.Support;
using static RangeScheduler.Telemetry.Tests.Support.Events;

namespace RangeScheduler.Telemetry.Tests;

/// <summary>
/// The behaviour both buses share (grpc-dotnet PipeExtensionsTestsBase style): order, coalescing,
/// overflow, resume, retention and live state. Each test uses a range of its own.
/// </summary>
public abstract class RangeBusTestsBase : IAsyncLifetime
{
    private readonly List<IRangeBus> _buses = new();

    protected string RangeId { get; } = "range-" + Guid.NewGuid().ToString("N")[..8];

    protected abstract IRangeBus Create(RangeBusOptions options);

    protected IRangeBus NewBus(RangeBusOptions? options = null)
    {
        var bus = Create(options ?? new RangeBusOptions());
        _buses.Add(bus);
        return bus;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var bus in _buses.OfType<IAsyncDisposable>())
        {
            await bus.DisposeAsync();
        }
    }

    [Fact]
    public async Task PublishControlAndPositions_EveryWatcherGetsThemInOrderWithTheSameCursors()
    {
        var bus = NewBus();
        await using var first = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        await using var second = await bus.SubscribeAsync(RangeId, null, positions: true, default);

        bus.Publish(RangeId, Booking("bk-1", BookingChange.Activated));
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 1), Position("bk-1", "v2", 1)]);
        bus.Publish(RangeId, Alert("al-1", "bk-1"));

        var seen = await first.TakeAsync(4);
        var alsoSeen = await second.TakeAsync(4);
        seen.Select(Label).ShouldBe(["b:bk-1", "p:bk-1/v1#1", "p:bk-1/v2#1", "a:al-1"]);
        alsoSeen.Select(e => e.Cursor).ShouldBe(seen.Select(e => e.Cursor));
        seen.Select(e => e.Cursor).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task FindLatestReports_EachVehiclesLatestOnly_NoneForOthers()
    {
        var bus = NewBus();
        await using var watcher = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 1), Position("bk-1", "v2", 5)]);
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 2)]);
        await watcher.TakeAsync(3);

        var found = await bus.FindLatestReportsAsync(RangeId, [("bk-1", "v1"), ("bk-1", "v2"), ("bk-1", "v9"), ("bk-2", "v1")], default);

        found.Keys.Order().ShouldBe([("bk-1", "v1"), ("bk-1", "v2")]);
        found[("bk-1", "v1")].Sequence.ShouldBe(2UL);
        found[("bk-1", "v2")].Sequence.ShouldBe(5UL);
        (await bus.FindLatestReportsAsync("range-never-used", [("bk-1", "v1")], default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SubscribedWithoutPositions_ControlEventsOnlyLiveAndResumedWithTheirCursors()
    {
        var bus = NewBus();
        await using var everything = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        await using var controlOnly = await bus.SubscribeAsync(RangeId, null, positions: false, default);

        bus.Publish(RangeId, Booking("bk-1", BookingChange.Activated));
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 1), Position("bk-1", "v2", 1)]);
        bus.Publish(RangeId, Alert("al-1", "bk-1"));
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 2)]);
        bus.Publish(RangeId, Command("cmd-1", "bk-1", CommandStatus.Queued));

        var all = await everything.TakeAsync(6);
        var controls = await controlOnly.TakeAsync(3);
        controls.Select(Label).ShouldBe(["b:bk-1", "a:al-1", "c:cmd-1"]);
        controls.Select(e => e.Cursor).ShouldBe(all.Where(e => e.Position is null).Select(e => e.Cursor));
        await using var resumed = await bus.SubscribeAsync(RangeId, controls[0].Cursor, positions: false, default);
        (await resumed.TakeAsync(2)).Select(Label).ShouldBe(["a:al-1", "c:cmd-1"]);
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 3)]);
        bus.Publish(RangeId, Alert("al-2", "bk-1"));
        Label(await resumed.NextAsync()).ShouldBe("a:al-2");
    }

    [Fact]
    public async Task BatchOfThousandsOfVehicles_OneEntryEveryPositionAndEveryLatest()
    {
        var bus = NewBus(new RangeBusOptions { CoalescePositionsAfter = 100_000 });
        await using var watcher = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        // A station catching up after a stall: more fields than one Lua unpack may take.
        var positions = Enumerable.Range(0, 6_000).Select(i => Position("bk-1", $"v{i}", 1)).ToList();
        positions.Add(Position("bk-1", "v0", 2));

        bus.PublishPositions(RangeId, positions);

        var seen = await watcher.TakeAsync(positions.Count);
        seen.Select(Label).ShouldBe(positions.Select(p => $"p:bk-1/{p.Report.VehicleId}#{p.Report.Sequence}"));
        var live = await EventuallyAsync(() => bus.ReadLiveStateAsync(RangeId, default), v => v.Latest.Count == 6_000);
        live.Latest.Single(p => p.Report.VehicleId == "v0").Report.Sequence.ShouldBe(2UL);
    }

    [Fact]
    public async Task SubscribeWithoutCursor_SnapshotThenOnlyLaterEvents()
    {
        var bus = NewBus();
        bus.Publish(RangeId, Alert("al-old", "bk-1"));
        await EventuallyAsync(() => bus.ReadLiveStateAsync(RangeId, default), v => v.OpenAlerts.Count == 1);

        await using var watcher = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        bus.Publish(RangeId, Alert("al-new", "bk-1"));

        watcher.EventsLost.ShouldBeFalse();
        watcher.Snapshot!.OpenAlerts.Select(a => a.Id).ShouldBe(["al-old"]);
        Label(await watcher.NextAsync()).ShouldBe("a:al-new");
    }

    [Fact]
    public async Task SlowWatcher_KeepsEveryControlEventAndTheLatestPositionPerVehicle()
    {
        var bus = NewBus(new RangeBusOptions { CoalescePositionsAfter = 0 });
        await using var slow = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        await using var fast = await bus.SubscribeAsync(RangeId, null, positions: true, default);

        for (ulong i = 1; i <= 50; i++)
        {
            bus.PublishPositions(RangeId, [Position("bk-1", "v1", i), Position("bk-1", "v2", i)]);
            if (i % 10 == 0)
            {
                bus.Publish(RangeId, Command($"cmd-{i}", "bk-1", CommandStatus.Queued));
            }
        }
        bus.Publish(RangeId, Booking("bk-1", BookingChange.Completed));
        var all = await fast.TakeThroughAsync("b:bk-1");

        var kept = await slow.TakeThroughAsync("b:bk-1");
        kept.Where(e => e.Command is not null).Select(Label).ShouldBe(["c:cmd-10", "c:cmd-20", "c:cmd-30", "c:cmd-40", "c:cmd-50"]);
        kept.Where(e => e.Position is not null).Select(Label).ShouldBe(["p:bk-1/v1#50", "p:bk-1/v2#50"]);
        // What the slow watcher got is the same events, with the same cursors, in the published order.
        var cursors = all.Select(e => e.Cursor).ToList();
        kept.Select(e => cursors.IndexOf(e.Cursor)).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task ControlEventsOverflowTheWatcherQueue_WatcherEndsTooSlowOthersGoOn()
    {
        var bus = NewBus(new RangeBusOptions { WatcherQueue = 4 });
        await using var slow = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        await using var fast = await bus.SubscribeAsync(RangeId, null, positions: true, default);

        for (var i = 0; i < 10; i++)
        {
            bus.Publish(RangeId, Booking($"bk-{i}", BookingChange.Created));
            await fast.NextAsync();
        }

        (await slow.TakeAsync(4)).Select(Label).ShouldBe(["b:bk-0", "b:bk-1", "b:bk-2", "b:bk-3"]);
        await Should.ThrowAsync<RangeWatcherTooSlowException>(() => slow.Events.ReadAsync().AsTask());
        bus.Publish(RangeId, Booking("bk-after", BookingChange.Created));
        Label(await fast.NextAsync()).ShouldBe("b:bk-after");
    }

    [Fact]
    public async Task ResumeFromMidBatchCursor_ExactlyTheMissedEventsThenLive()
    {
        var bus = NewBus();
        await using var watcher = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        bus.Publish(RangeId, Alert("al-1", "bk-1"));
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 1), Position("bk-1", "v2", 1), Position("bk-1", "v3", 1)]);
        bus.Publish(RangeId, Command("cmd-1", "bk-1", CommandStatus.Queued));
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 2), Position("bk-1", "v2", 2)]);
        var seen = await watcher.TakeAsync(7);

        await using var resumed = await bus.SubscribeAsync(RangeId, seen[2].Cursor, positions: true, default);
        bus.Publish(RangeId, Booking("bk-1", BookingChange.Completed));

        resumed.Snapshot.ShouldBeNull();
        resumed.EventsLost.ShouldBeFalse();
        (await resumed.TakeAsync(5)).Select(Label).ShouldBe(["p:bk-1/v3#1", "c:cmd-1", "p:bk-1/v1#2", "p:bk-1/v2#2", "b:bk-1"]);
        await using var fromCommand = await bus.SubscribeAsync(RangeId, seen[4].Cursor, positions: true, default);
        (await fromCommand.TakeAsync(3)).Select(Label).ShouldBe(["p:bk-1/v1#2", "p:bk-1/v2#2", "b:bk-1"]);
    }

    [Fact]
    public async Task ResumeFromLiveStateCursor_ContinuesWithNothingLost()
    {
        var bus = NewBus();
        bus.Publish(RangeId, Alert("al-1", "bk-1"));
        var state = await EventuallyAsync(() => bus.ReadLiveStateAsync(RangeId, default), v => v.OpenAlerts.Count == 1);

        await using var watcher = await bus.SubscribeAsync(RangeId, state.Cursor, positions: true, default);
        bus.Publish(RangeId, Alert("al-2", "bk-1"));

        watcher.Snapshot.ShouldBeNull();
        Label(await watcher.NextAsync()).ShouldBe("a:al-2");
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("r.1-0.1-0.x")]
    [InlineData("r.99999999999999-0.0-0.0")]
    public async Task ResumeFromCursorNotRetained_SnapshotWithEventsLost(string cursor)
    {
        var bus = NewBus();
        bus.Publish(RangeId, Alert("al-1", "bk-1"));
        await EventuallyAsync(() => bus.ReadLiveStateAsync(RangeId, default), v => v.OpenAlerts.Count == 1);

        await using var watcher = await bus.SubscribeAsync(RangeId, cursor, positions: true, default);

        watcher.EventsLost.ShouldBeTrue();
        watcher.Snapshot!.OpenAlerts.Select(a => a.Id).ShouldBe(["al-1"]);
    }

    [Fact]
    public async Task ResumeFromTrimmedCursor_SnapshotWithEventsLost()
    {
        var bus = NewBus(new RangeBusOptions { MaxStreamLength = 10 });
        await using var watcher = await bus.SubscribeAsync(RangeId, null, positions: true, default);
        bus.Publish(RangeId, Booking("bk-first", BookingChange.Created));
        var first = await watcher.NextAsync();
        for (var i = 0; i < 500; i++)
        {
            bus.Publish(RangeId, Booking($"bk-{i}", BookingChange.Created));
        }
        await watcher.TakeThroughAsync("b:bk-499");
        bus.Publish(RangeId, Booking("bk-last", BookingChange.Created));
        await watcher.TakeThroughAsync("b:bk-last");

        await using var resumed = await bus.SubscribeAsync(RangeId, first.Cursor, positions: true, default);

        resumed.EventsLost.ShouldBeTrue();
        resumed.Snapshot.ShouldNotBeNull();
    }

    [Fact]
    public async Task LiveState_LatestPerVehicleOpenAlertsAndCommands_ForgetBookingDropsItsShare()
    {
        var bus = NewBus();
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 1), Position("bk-1", "v2", 1), Position("bk-2", "v1", 1)]);
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 2)]);
        bus.Publish(RangeId, Alert("al-1", "bk-1"));
        bus.Publish(RangeId, Alert("al-2", "bk-2"));
        bus.Publish(RangeId, Alert("al-3", "bk-1"));
        bus.Publish(RangeId, Alert("al-4", "bk-1", AlertKind.Resolved, resolves: "al-1"));
        bus.Publish(RangeId, Command("cmd-1", "bk-1", CommandStatus.Queued));
        bus.Publish(RangeId, Command("cmd-1", "bk-1", CommandStatus.Delivered));
        bus.Publish(RangeId, Command("cmd-2", "bk-2", CommandStatus.Queued));

        var state = await EventuallyAsync(() => bus.ReadLiveStateAsync(RangeId, default), v => v.Commands.Count == 2 && v.Latest.Count == 3);

        state.Latest.Select(p => $"{p.Report.BookingId}/{p.Report.VehicleId}#{p.Report.Sequence}").Order().ShouldBe(["bk-1/v1#2", "bk-1/v2#1", "bk-2/v1#1"]);
        state.OpenAlerts.Select(a => a.Id).Order().ShouldBe(["al-2", "al-3"]);
        state.Commands.OrderBy(c => c.Id).Select(c => (c.Id, c.Status)).ShouldBe([("cmd-1", CommandStatus.Delivered), ("cmd-2", CommandStatus.Queued)]);

        bus.ForgetBooking(RangeId, "bk-1");
        var forgotten = await EventuallyAsync(() => bus.ReadLiveStateAsync(RangeId, default), v => v.Latest.Count == 1);
        forgotten.Latest.Single().Report.BookingId.ShouldBe("bk-2");
        forgotten.OpenAlerts.Select(a => a.Id).ShouldBe(["al-2"]);
    }

    [Fact]
    public async Task ReadCommands_TheLiveStatesCommandsAlone_AtTheirLatestStatus()
    {
        var bus = NewBus();
        bus.PublishPositions(RangeId, [Position("bk-1", "v1", 1)]);
        bus.Publish(RangeId, Alert("al-1", "bk-1"));
        bus.Publish(RangeId, Command("cmd-1", "bk-1", CommandStatus.Queued));
        bus.Publish(RangeId, Command("cmd-1", "bk-1", CommandStatus.Acknowledged));
        bus.Publish(RangeId, Command("cmd-2", "bk-1", CommandStatus.Queued));

        var commands = await EventuallyAsync(() => bus.ReadCommandsAsync(RangeId, default), c => c.Count == 2 && c.Any(x => x.Status == CommandStatus.Acknowledged));

        commands.OrderBy(c => c.Id).Select(c => (c.Id, c.Status)).ShouldBe([("cmd-1", CommandStatus.Acknowledged), ("cmd-2", CommandStatus.Queued)]);
        (await bus.ReadCommandsAsync("range-never-used", default)).ShouldBeEmpty();
    }
}
