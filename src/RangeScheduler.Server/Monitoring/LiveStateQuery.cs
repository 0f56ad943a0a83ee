using RangeScheduler.Domain.Bookings;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Telemetry;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Monitoring;

/// <summary>
/// GetLiveState, and the snapshot that starts a WatchRange: the active bookings of the range
/// (from its book), the last report of each of their vehicles and the alerts not yet resolved
/// (from the bus, so any process answers alike), and the cursor that continues from there.
/// </summary>
public sealed class LiveStateQuery(RangeDesk desk, IRangeBus bus)
{
    public async Task<V1.LiveState> GetAsync(Principal caller, V1.GetLiveStateRequest request, CancellationToken cancellationToken)
    {
        MappingErrors.ThrowIfEmpty(request.RangeId, "range_id");
        caller.EnsureControls(request.RangeId);
        var live = await bus.ReadLiveStateAsync(request.RangeId, cancellationToken).ConfigureAwait(false);
        return await ComposeAsync(request.RangeId, live, [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The range's state as <paramref name="live"/> holds it, for the bookings in <paramref name="bookingIds"/> (empty: all).</summary>
    public async Task<V1.LiveState> ComposeAsync(string rangeId, RangeLiveView live, IReadOnlyCollection<string> bookingIds, CancellationToken cancellationToken)
    {
        var active = await desk.ReadAsync(rangeId, (book, _) =>
            book.Bookings.Where(b => b.State == BookingState.Active && (bookingIds.Count == 0 || bookingIds.Contains(b.Id))).ToList(),
            cancellationToken).ConfigureAwait(false);
        var activeIds = active.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var state = new V1.LiveState { Cursor = live.Cursor };
        state.ActiveBookings.AddRange(active.Select(BookingMapping.ToContract));
        state.Latest.AddRange(live.Latest.Where(p => activeIds.Contains(p.Report.BookingId)));
        state.OpenAlerts.AddRange(live.OpenAlerts.Where(a => bookingIds.Count == 0 || bookingIds.Contains(a.BookingId)));
        return state;
    }
}
