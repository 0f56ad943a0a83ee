using RangeScheduler.Grpc;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Server.Streaming;
using RangeScheduler.Storage;
using RangeScheduler.Telemetry;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Monitoring;

/// <summary>
/// WatchRange: a controller's live view of one range — positions (if asked, at most
/// <c>max_rate_hz</c> per vehicle), alerts, commands, booking events and closures — from the
/// range's bus, so any process serves any watcher. It starts with a snapshot unless it
/// resumes after a retained cursor; idle streams get heartbeats; a watcher too slow for
/// alerts, commands or booking events ends with RESOURCE_EXHAUSTED and resumes from its last cursor.
/// </summary>
public sealed class RangeWatch(IRangeBus bus, IRangeStore ranges, LiveStateQuery liveState, TimeProvider time)
{
    private static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShortestHeartbeat = TimeSpan.FromMilliseconds(100);

    public async Task WatchAsync(Principal caller, V1.WatchRangeRequest request, IServerStreamWriter<V1.RangeEvent> responses, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var heartbeat = Validated(request);
        caller.EnsureControls(request.RangeId);
        if (await ranges.GetAsync(request.RangeId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new Domain.Validation.NotFoundException("range", request.RangeId);
        }
        var filter = new WatchFilter(request);
        await using var subscription = await bus.SubscribeAsync(request.RangeId, request.ResumeAfter.Length == 0 ? null : request.ResumeAfter, request.Positions, cancellationToken).ConfigureAwait(false);
        await context.WriteResponseHeadersAsync(new Metadata()).ConfigureAwait(false);
        var lastCursor = request.ResumeAfter;
        if (subscription.Snapshot is { } snapshot)
        {
            var state = await liveState.ComposeAsync(request.RangeId, snapshot, filter.BookingIds, cancellationToken).ConfigureAwait(false);
            lastCursor = snapshot.Cursor;
            await responses.WriteAsync(new V1.RangeEvent
            {
                Cursor = lastCursor,
                Time = GeoMapping.ToContract(time.GetUtcNow()),
                Snapshot = new V1.Snapshot { State = state, EventsLost = subscription.EventsLost },
            }).ConfigureAwait(false);
        }
        while (await WaitAsync(subscription, heartbeat, cancellationToken).ConfigureAwait(false) is { } more)
        {
            if (!more)
            {
                await responses.WriteAsync(new V1.RangeEvent
                {
                    Cursor = lastCursor,
                    Time = GeoMapping.ToContract(time.GetUtcNow()),
                    Heartbeat = new V1.Heartbeat(),
                }).ConfigureAwait(false);
                continue;
            }
            while (subscription.Events.TryRead(out var rangeEvent))
            {
                lastCursor = rangeEvent.Cursor;
                if (filter.Passes(rangeEvent))
                {
                    await responses.WriteAsync(rangeEvent).ConfigureAwait(false);
                }
            }
        }
    }

    private static TimeSpan Validated(V1.WatchRangeRequest request)
    {
        var errors = new MappingErrors();
        errors.RequireNotEmpty(request.RangeId, "range_id");
        if (!double.IsFinite(request.MaxRateHz) || request.MaxRateHz < 0)
        {
            errors.Add("max_rate_hz", "must be a finite number, not negative");
        }
        var heartbeat = DefaultHeartbeat;
        if (request.HeartbeatInterval is { } interval)
        {
            if (interval.Seconds < 0 || interval.Nanos < 0)
            {
                errors.Add("heartbeat_interval", "must not be negative");
            }
            else if (interval.Seconds > 0 || interval.Nanos > 0)
            {
                heartbeat = interval.ToTimeSpan() < ShortestHeartbeat ? ShortestHeartbeat : interval.ToTimeSpan();
            }
        }
        errors.ThrowIfAny();
        return heartbeat;
    }

    /// <summary>True when events wait; false when the heartbeat interval passed without any; null when the subscription ended.</summary>
    private async Task<bool?> WaitAsync(RangeBusSubscription subscription, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        try
        {
            return await IdleWait.ForItemsAsync(subscription.Events, heartbeat, time, cancellationToken).ConfigureAwait(false);
        }
        catch (RangeWatcherTooSlowException e)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, e.Message + "; resume from the last cursor"));
        }
    }
}
