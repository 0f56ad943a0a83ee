using System.Threading.Channels;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry;

/// <summary>
/// The telemetry bus (DESIGN.md, "Architecture"): each range's events — positions, alerts,
/// commands and booking events — from whoever publishes them to whoever watches the range.
/// Publishing never waits for watchers; a watcher that falls too far behind is dropped, its
/// reader ending with <see cref="RangeWatcherTooSlowException"/>.
/// </summary>
public interface IRangeBus
{
    /// <summary>Hands the event to the range's watchers; <see cref="RangeEvent.Cursor"/> is set by the bus.</summary>
    void Publish(string rangeId, RangeEvent rangeEvent);

    /// <summary>The range's events published from now on, in order. Dispose to leave.</summary>
    RangeBusSubscription Subscribe(string rangeId);
}

/// <summary>A watcher's view of one range on the bus: read <see cref="Events"/>; dispose to leave.</summary>
public sealed class RangeBusSubscription(ChannelReader<RangeEvent> events, Action leave) : IDisposable
{
    public ChannelReader<RangeEvent> Events { get; } = events;

    public void Dispose() => leave();
}

/// <summary>The watcher did not keep up with its range's events.</summary>
public sealed class RangeWatcherTooSlowException() : Exception("the watcher fell too far behind the range's events");
