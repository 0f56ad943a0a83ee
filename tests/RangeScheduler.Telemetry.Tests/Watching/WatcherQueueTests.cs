using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Watching;
using static RangeScheduler.Telemetry.Tests.Support.Events;

namespace RangeScheduler.Telemetry.Tests.Watching;

/// <summary>The watcher queue's rules (docs/telemetry-bus.md, "Watcher queue").</summary>
public sealed class WatcherQueueTests
{
    private static RangeEvent At(PositionUpdate position) => new() { Position = position };

    private static List<string> Drain(WatcherQueue queue)
    {
        var labels = new List<string>();
        while (queue.TryRead(out var rangeEvent))
        {
            labels.Add(Label(rangeEvent));
        }
        return labels;
    }

    [Fact]
    public void Lagging_NewerPositionTakesTheTailNeverAPlaceBeforeAnEarlierControlEvent()
    {
        var queue = new WatcherQueue(controlCapacity: 10, coalescePositionsAfter: 0);

        queue.EnqueuePosition(At(Position("bk-1", "v1", 1)));
        queue.EnqueueControl(Alert("al-1", "bk-1"));
        queue.EnqueuePosition(At(Position("bk-1", "v1", 2)));

        Drain(queue).ShouldBe(["a:al-1", "p:bk-1/v1#2"]);
    }

    [Fact]
    public void WatcherOfControlEventsOnly_PositionsNeverQueued()
    {
        var queue = new WatcherQueue(controlCapacity: 10, coalescePositionsAfter: 100, wantsPositions: false);

        queue.EnqueuePosition(At(Position("bk-1", "v1", 1))).ShouldBeTrue();
        queue.EnqueueControl(Alert("al-1", "bk-1"));
        queue.Replay(At(Position("bk-1", "v1", 2)), isPosition: true);
        queue.EnqueuePosition(At(Position("bk-1", "v1", 3)));

        queue.WantsPositions.ShouldBeFalse();
        Drain(queue).ShouldBe(["a:al-1"]);
    }

    [Fact]
    public void NotLagging_EveryPositionKept()
    {
        var queue = new WatcherQueue(controlCapacity: 10, coalescePositionsAfter: 3);

        for (ulong i = 1; i <= 5; i++)
        {
            queue.EnqueuePosition(At(Position("bk-1", "v1", i)));
        }

        // Three wait undelivered before the watcher counts as lagging; from then on v1's newest replaces its undelivered one.
        Drain(queue).ShouldBe(["p:bk-1/v1#1", "p:bk-1/v1#2", "p:bk-1/v1#5"]);
    }

    [Fact]
    public void CoalescingKeysOnBookingAndVehicle()
    {
        var queue = new WatcherQueue(controlCapacity: 10, coalescePositionsAfter: 0);

        queue.EnqueuePosition(At(Position("bk-1", "v1", 1)));
        queue.EnqueuePosition(At(Position("bk-2", "v1", 1)));
        queue.EnqueuePosition(At(Position("bk-1", "v1", 2)));

        Drain(queue).ShouldBe(["p:bk-2/v1#1", "p:bk-1/v1#2"]);
    }

    [Fact]
    public async Task ControlOverflow_QueuedEventsStillReadThenTooSlow()
    {
        var queue = new WatcherQueue(controlCapacity: 2, coalescePositionsAfter: 0);

        queue.EnqueueControl(Alert("al-1", "bk-1")).ShouldBeTrue();
        queue.EnqueueControl(Alert("al-2", "bk-1")).ShouldBeTrue();
        queue.EnqueueControl(Alert("al-3", "bk-1")).ShouldBeFalse();

        Drain(queue).ShouldBe(["a:al-1", "a:al-2"]);
        await Should.ThrowAsync<RangeWatcherTooSlowException>(() => queue.Completion);
        await Should.ThrowAsync<RangeWatcherTooSlowException>(() => queue.WaitToReadAsync().AsTask());
    }

    [Fact]
    public void Held_ReplayGoesBeforeTheLiveEventsThatArrivedMeanwhile()
    {
        var queue = new WatcherQueue(controlCapacity: 10, coalescePositionsAfter: 100);
        queue.Hold();

        queue.EnqueueControl(Alert("al-live", "bk-1"));
        queue.Replay(Alert("al-missed", "bk-1"), isPosition: false);
        queue.Replay(At(Position("bk-1", "v1", 1)), isPosition: true);
        queue.Release();

        Drain(queue).ShouldBe(["a:al-missed", "p:bk-1/v1#1", "a:al-live"]);
    }

    [Fact]
    public async Task WaitingReader_WokenByAnEventAndEndedByComplete()
    {
        var queue = new WatcherQueue(controlCapacity: 10, coalescePositionsAfter: 0);

        var waiting = queue.WaitToReadAsync().AsTask();
        waiting.IsCompleted.ShouldBeFalse();
        queue.EnqueueControl(Alert("al-1", "bk-1"));
        (await waiting).ShouldBeTrue();
        queue.TryRead(out _).ShouldBeTrue();

        var ending = queue.WaitToReadAsync().AsTask();
        queue.Complete();
        (await ending).ShouldBeFalse();
        await queue.Completion;
        queue.EnqueueControl(Alert("al-2", "bk-1")).ShouldBeFalse();
    }
}
