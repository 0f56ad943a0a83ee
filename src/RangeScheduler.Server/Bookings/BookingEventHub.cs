using System.Threading.Channels;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Telemetry;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Bookings;

/// <summary>
/// Booking changes made in this process, in order, for WatchBookings: live subscribers, and
/// the most recent changes kept so that a watcher can resume after a cursor. A subscriber
/// that falls more than its queue behind is dropped (its stream ends with
/// RESOURCE_EXHAUSTED and it resumes from its last cursor) rather than slowing bookings.
/// Each change also goes out on the telemetry bus, as a booking event of its range (WatchRange).
/// </summary>
public sealed class BookingEventHub(IRangeBus bus)
{
    private const int Retained = 10_000;
    private const int SubscriberQueue = 4_096;

    private readonly object _lock = new();
    private readonly Queue<BookingChangeEvent> _recent = new();
    private readonly List<Channel<BookingChangeEvent>> _subscribers = new();
    // Cursors carry the hub's start time, so a cursor from before a restart is recognised as such.
    private readonly long _epoch = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private long _sequence;

    /// <summary>
    /// Publishes the change and returns the booking as the contract has it, as published. The
    /// caller answers with that same message rather than mapping the booking a second time: no
    /// one changes a message once it is published, and at thousands of bookings a second the
    /// second copy was a tenth of what a booking allocated.
    /// </summary>
    public V1.Booking Publish(Booking booking, V1.BookingChange change, DateTimeOffset time)
    {
        var at = GeoMapping.ToContract(time);
        var published = BookingMapping.ToContract(booking);
        bus.Publish(booking.RangeId, new V1.RangeEvent
        {
            Time = at,
            Booking = new V1.BookingEvent { Booking = published, Change = change, Time = at },
        });
        lock (_lock)
        {
            var retained = new BookingChangeEvent(new EventCursor(_epoch, ++_sequence), booking, change, time);
            _recent.Enqueue(retained);
            if (_recent.Count > Retained)
            {
                _recent.Dequeue();
            }
            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                if (!_subscribers[i].Writer.TryWrite(retained))
                {
                    _subscribers[i].Writer.TryComplete(new WatcherTooSlowException());
                    _subscribers.RemoveAt(i);
                }
            }
        }
        return published;
    }

    /// <summary>
    /// Live changes from now, preceded by the retained ones after <paramref name="resumeAfter"/>
    /// when it is a cursor of this process that is still retained. Dispose to stop.
    /// </summary>
    public BookingSubscription Subscribe(EventCursor? resumeAfter)
    {
        var channel = Channel.CreateBounded<BookingChangeEvent>(new BoundedChannelOptions(SubscriberQueue) { SingleReader = true });
        lock (_lock)
        {
            if (resumeAfter is { } cursor && cursor.Epoch == _epoch)
            {
                foreach (var retained in _recent.Where(e => e.Cursor.Sequence > cursor.Sequence))
                {
                    if (!channel.Writer.TryWrite(retained))
                    {
                        channel.Writer.TryComplete(new WatcherTooSlowException());
                        return new BookingSubscription(channel.Reader, () => { });
                    }
                }
            }
            _subscribers.Add(channel);
        }
        return new BookingSubscription(channel.Reader, () =>
        {
            lock (_lock)
            {
                _subscribers.Remove(channel);
            }
        });
    }
}

/// <summary>One booking change, as WatchBookings sends it.</summary>
public sealed record BookingChangeEvent(EventCursor Cursor, Booking Booking, V1.BookingChange Change, DateTimeOffset Time);

/// <summary>A watcher's view of the hub: read <see cref="Events"/>; dispose to leave.</summary>
public sealed class BookingSubscription(ChannelReader<BookingChangeEvent> events, Action leave) : IDisposable
{
    public ChannelReader<BookingChangeEvent> Events { get; } = events;

    public void Dispose() => leave();
}

/// <summary>The watcher did not keep up with booking changes; it should resume from its last cursor.</summary>
public sealed class WatcherTooSlowException() : Exception("the watcher fell too far behind; resume from the last cursor");
