using System.Threading.Channels;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry;

/// <summary>A watcher's view of one range: the snapshot it starts from (if any), then <see cref="Events"/>. Dispose to leave.</summary>
public sealed class RangeBusSubscription : IAsyncDisposable
{
    private readonly Func<ValueTask> _leave;
    private int _left;

    internal RangeBusSubscription(ChannelReader<RangeEvent> events, RangeLiveView? snapshot, bool eventsLost, Func<ValueTask> leave)
    {
        Events = events;
        Snapshot = snapshot;
        EventsLost = eventsLost;
        _leave = leave;
    }

    /// <summary>Events after the snapshot or the resume cursor. Ends with <see cref="RangeWatcherTooSlowException"/> when the watcher overflows.</summary>
    public ChannelReader<RangeEvent> Events { get; }

    /// <summary>Set when the subscription did not resume from a retained cursor; its Cursor continues from it.</summary>
    public RangeLiveView? Snapshot { get; }

    /// <summary>A resume cursor was given but is no longer retained: events between it and <see cref="Snapshot"/> are lost.</summary>
    public bool EventsLost { get; }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _left, 1) == 0 ? _leave() : ValueTask.CompletedTask;
}
