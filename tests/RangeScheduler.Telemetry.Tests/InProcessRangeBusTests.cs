using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry.Tests;

/// <summary>The embedded bus: each range's events reach its watchers in order, and a slow watcher never holds up publishing.</summary>
public sealed class InProcessRangeBusTests
{
    private static RangeEvent BookingEvent(string bookingId, BookingChange change) =>
        new() { Booking = new BookingEvent { Booking = new Booking { Id = bookingId }, Change = change } };

    [Fact]
    public void Publish_ReachesTheRangesWatchersInOrderWithIncreasingCursors()
    {
        var bus = new InProcessRangeBus();
        using var first = bus.Subscribe("wanshan");
        using var second = bus.Subscribe("wanshan");

        bus.Publish("wanshan", BookingEvent("bk-1", BookingChange.Activated));
        bus.Publish("wanshan", BookingEvent("bk-1", BookingChange.Completed));

        foreach (var watcher in new[] { first, second })
        {
            watcher.Events.TryRead(out var activated).ShouldBeTrue();
            watcher.Events.TryRead(out var completed).ShouldBeTrue();
            activated!.Booking.Change.ShouldBe(BookingChange.Activated);
            completed!.Booking.Change.ShouldBe(BookingChange.Completed);
            long.Parse(completed.Cursor).ShouldBeGreaterThan(long.Parse(activated.Cursor));
        }
    }

    [Fact]
    public void Publish_OtherRangesWatchersSeeNothing()
    {
        var bus = new InProcessRangeBus();
        using var elsewhere = bus.Subscribe("jaakonmeri");

        bus.Publish("wanshan", BookingEvent("bk-1", BookingChange.Activated));

        elsewhere.Events.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public void Subscribe_OnlyEventsPublishedAfterwards()
    {
        var bus = new InProcessRangeBus();
        bus.Publish("wanshan", BookingEvent("bk-old", BookingChange.Created));

        using var watcher = bus.Subscribe("wanshan");
        bus.Publish("wanshan", BookingEvent("bk-new", BookingChange.Created));

        watcher.Events.TryRead(out var seen).ShouldBeTrue();
        seen!.Booking.Booking.Id.ShouldBe("bk-new");
        watcher.Events.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public void Dispose_WatcherLeaves()
    {
        var bus = new InProcessRangeBus();
        var watcher = bus.Subscribe("wanshan");
        watcher.Dispose();

        bus.Publish("wanshan", BookingEvent("bk-1", BookingChange.Created));

        watcher.Events.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Publish_WatcherTooFarBehind_DroppedWhileOthersGoOn()
    {
        var bus = new InProcessRangeBus(watcherQueue: 2);
        using var slow = bus.Subscribe("wanshan");
        using var keepingUp = bus.Subscribe("wanshan");

        for (var i = 0; i < 3; i++)
        {
            bus.Publish("wanshan", BookingEvent($"bk-{i}", BookingChange.Created));
            keepingUp.Events.TryRead(out _).ShouldBeTrue();
        }

        slow.Events.TryRead(out _).ShouldBeTrue();
        slow.Events.TryRead(out _).ShouldBeTrue();
        await Should.ThrowAsync<RangeWatcherTooSlowException>(() => slow.Events.Completion);
    }
}
