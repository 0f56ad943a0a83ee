using RangeScheduler.Domain.Validation;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Server.Streaming;
using RangeScheduler.Storage;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Bookings;

/// <summary>
/// WatchBookings: the booking changes the caller may see, as they happen, after those it
/// missed since <c>resume_after</c> when they are still retained; heartbeats on idle streams.
/// </summary>
public sealed class BookingWatch(BookingEventHub hub, IRangeStore ranges, TimeProvider time)
{
    /// <summary>How long a stream stays silent before a heartbeat, as WatchRange's default.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    /// <remarks>
    /// Response headers go out as soon as the watcher is subscribed, so a client that waits
    /// for them knows that every later change will reach it.
    /// </remarks>
    public async Task WatchAsync(Principal caller, V1.WatchBookingsRequest request, IServerStreamWriter<V1.BookingEvent> responses, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        EventCursor? after = null;
        if (request.ResumeAfter.Length > 0)
        {
            after = EventCursor.TryParse(request.ResumeAfter, out var cursor)
                ? cursor
                : throw new InvalidRequestException("resume_after", "not a cursor from an earlier BookingEvent");
        }
        if (request.RangeId.Length > 0)
        {
            await EnsureMayWatchAsync(caller, request.RangeId, cancellationToken).ConfigureAwait(false);
        }
        using var subscription = hub.Subscribe(after);
        await context.WriteResponseHeadersAsync(new Metadata()).ConfigureAwait(false);
        var lastCursor = request.ResumeAfter;
        while (true)
        {
            var waiting = await WaitForEventAsync(subscription, cancellationToken).ConfigureAwait(false);
            if (waiting is null)
            {
                return;
            }
            if (waiting == false)
            {
                await responses.WriteAsync(new V1.BookingEvent
                {
                    Change = V1.BookingChange.Heartbeat,
                    Time = GeoMapping.ToContract(time.GetUtcNow()),
                    Cursor = lastCursor,
                }).ConfigureAwait(false);
                continue;
            }
            while (subscription.Events.TryRead(out var change))
            {
                lastCursor = change.Cursor.ToString();
                if ((request.RangeId.Length == 0 || change.Booking.RangeId == request.RangeId) && caller.MaySee(change.Booking))
                {
                    await responses.WriteAsync(new V1.BookingEvent
                    {
                        Booking = BookingMapping.ToContract(change.Booking),
                        Change = change.Change,
                        Time = GeoMapping.ToContract(change.Time),
                        Cursor = lastCursor,
                    }).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>True when events are waiting; false when the heartbeat interval passed without any; null when the hub closed the subscription.</summary>
    private async Task<bool?> WaitForEventAsync(BookingSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            return await IdleWait.ForItemsAsync(subscription.Events, HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
        }
        catch (WatcherTooSlowException e)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, e.Message));
        }
    }

    private async Task EnsureMayWatchAsync(Principal caller, string rangeId, CancellationToken cancellationToken)
    {
        if (caller.Role == Role.Controller)
        {
            caller.EnsureControls(rangeId);
        }
        if (await ranges.GetAsync(rangeId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new NotFoundException("range", rangeId);
        }
    }
}
