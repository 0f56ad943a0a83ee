using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// One range's live conformance (DESIGN.md, "Telemetry and conformance"; the rules are in
/// docs/conformance.md): checks position fixes against the bookings' volumes, the exclusion
/// zones and the closures, watches the links, and keeps each booking's conformance. Time is
/// passed in and alert ids come from the caller. Not thread-safe: calls for one range are
/// serialised by the caller, as bookings of one range are.
/// </summary>
public sealed class RangeConformance
{
    /// <summary>
    /// How far back inside (or apart) a vehicle must be before a spatial alert ends, in metres,
    /// so that a vehicle riding an edge gets one alert, not one per fix. Raising needs no margin.
    /// </summary>
    public const double HysteresisMeters = 1.0;

    private readonly Dictionary<string, TrackedBooking> _bookings = new(StringComparer.Ordinal);
    private readonly RestrictionSet _restrictions = new();
    private readonly BatchOrder _order = new();
    private readonly Episodes _episodes;
    private readonly FixMonitor _fixes;
    private readonly ProximityMonitor _proximity;
    private RangePlane _plane;

    /// <param name="newAlertId">Makes each alert's id, e.g. a UUID or a sortable id from the store.</param>
    public RangeConformance(RangePlane plane, Func<string> newAlertId)
    {
        _episodes = new Episodes(newAlertId);
        _fixes = new FixMonitor(_episodes);
        _proximity = new ProximityMonitor(_episodes);
        _plane = plane;
        UpdateRange(plane);
    }

    /// <summary>How many cells of the proximity grid hold a vehicle.</summary>
    internal int ProximityCells => _proximity.OccupiedCells;

    /// <summary>Alerts not yet resolved, of every tracked vehicle.</summary>
    public IEnumerable<ConformanceAlert> OpenAlerts =>
        _bookings.Values.SelectMany(booking => booking.Vehicles.Values).SelectMany(track => track.OpenAlerts);

    /// <summary>
    /// A new version of the range: zones, separation, link timeout, warning distance and perhaps
    /// the plane. Open episodes stay open; the next fix of each vehicle judges them by the new rules.
    /// </summary>
    public void UpdateRange(RangePlane plane)
    {
        _plane = plane;
        _episodes.RangeId = plane.Range.Id;
        _restrictions.UpdateRange(plane);
        foreach (var booking in _bookings.Values)
        {
            booking.Reproject(plane);
            foreach (var track in booking.Vehicles.Values.Where(t => t.HasFix))
            {
                var (x, y) = plane.Projection.ProjectXY(track.Latest.Position);
                track.Reproject(x, y);
            }
        }
        _proximity.UpdateRange(plane.Range, _bookings.Values.SelectMany(b => b.Vehicles.Values));
    }

    /// <summary>Adds or replaces a closure; vehicles inside it are alerted at their next fix in its window.</summary>
    public void PutClosure(Closure closure) => _restrictions.Put(closure, _plane);

    /// <summary>Removes a closure; episodes in it end at each vehicle's next fix.</summary>
    public void RemoveClosure(string closureId) => _restrictions.Remove(closureId, _plane);

    /// <summary>
    /// Starts watching a booking, or takes its new version (volumes, vehicles, state, command in
    /// force). A cancelled or rejected booking is forgotten: its open alerts are resolved into
    /// <paramref name="outcome"/> and its stored conformance is left as it was. A completed
    /// session's open alerts end with it, but its vehicles stay watched, since they may still
    /// report within the range's grace: such an overrun raises OUTSIDE_WINDOW. The caller forgets
    /// it once the grace is over.
    /// </summary>
    public void Track(Booking booking, ConformanceOutcome outcome)
    {
        if (booking.State.IsFinal() && booking.State != BookingState.Completed)
        {
            Forget(booking.Id, outcome);
            return;
        }
        var completing = false;
        if (_bookings.TryGetValue(booking.Id, out var tracked))
        {
            completing = booking.State == BookingState.Completed && tracked.Booking.State != BookingState.Completed;
            foreach (var gone in tracked.Replace(booking, _plane))
            {
                Drop(gone, outcome);
            }
        }
        else
        {
            _bookings[booking.Id] = tracked = new TrackedBooking(booking, _plane);
        }
        if (booking.State != BookingState.Active)
        {
            tracked.ActiveSince = null;
        }
        if (completing)
        {
            foreach (var track in tracked.Vehicles.Values)
            {
                Drop(track, outcome);
            }
        }
        Report(tracked, outcome);
    }

    /// <summary>Stops watching a booking (nothing happens if it was not watched); its open alerts are resolved.</summary>
    public void Forget(string bookingId, ConformanceOutcome outcome)
    {
        if (_bookings.Remove(bookingId, out var tracked))
        {
            foreach (var track in tracked.Vehicles.Values)
            {
                Drop(track, outcome);
            }
        }
    }

    /// <summary>
    /// Evaluates a batch of accepted fixes, of any vehicles in any order, each vehicle's in time
    /// order. Fixes of bookings or vehicles not tracked are ignored: the service already refused them.
    /// </summary>
    public void Observe(IReadOnlyList<Fix> fixes, ConformanceOutcome outcome)
    {
        foreach (var (_, index) in _order.Of(fixes))
        {
            Observe(fixes[index], outcome);
        }
    }

    /// <summary>
    /// The LOST_LINK watchdog, about every 200 ms: a vehicle of an ACTIVE booking is lost once
    /// <paramref name="now"/> passes a link timeout after its last report, after its planned
    /// silence (<see cref="Fix.NextReportBy"/>), and after the first round that saw the booking active.
    /// </summary>
    public void CheckLinks(DateTimeOffset now, ConformanceOutcome outcome)
    {
        var timeout = _plane.Range.LinkTimeout;
        foreach (var booking in _bookings.Values)
        {
            if (booking.Booking.State != BookingState.Active)
            {
                continue;
            }
            var activeSince = booking.ActiveSince ??= now;
            foreach (var track in booking.Vehicles.Values)
            {
                var heard = track.HasFix && track.LastReceivedAt > activeSince ? track.LastReceivedAt : activeSince;
                var deadline = heard + timeout;
                if (track.NextReportBy is { } planned && planned > deadline)
                {
                    deadline = planned;
                }
                if (now > deadline && track.OpenOf(AlertKind.LostLink) is null)
                {
                    var at = track.HasFix ? track.Latest with { Time = now } : new Sighting(now, default, null);
                    _episodes.Raise(track, AlertKind.LostLink, at, 0, AlertText.LostLink(now - heard, timeout), outcome);
                }
            }
            Report(booking, outcome);
        }
    }

    /// <summary>The booking's conformance; UNSPECIFIED when it is not tracked.</summary>
    public ConformanceState StateOf(string bookingId) =>
        _bookings.TryGetValue(bookingId, out var tracked) ? tracked.State : ConformanceState.Unspecified;

    private void Observe(in Fix fix, ConformanceOutcome outcome)
    {
        if (!_bookings.TryGetValue(fix.BookingId, out var booking) || !booking.Vehicles.TryGetValue(fix.VehicleId, out var track))
        {
            return;
        }
        var (x, y) = _plane.Projection.ProjectXY(fix.Position);
        // Any fix, a late one too, shows the link is up.
        if (track.OpenOf(AlertKind.LostLink) is { } lost)
        {
            _episodes.Resolve(track, lost, Sighting.Of(fix), outcome);
        }
        if (track.HasFix && fix.Time < track.Latest.Time)
        {
            track.Heard(fix.ReceivedAt);
            _fixes.Late(track, fix, x, y, _plane, _restrictions, outcome);
        }
        else
        {
            track.MoveTo(fix, x, y);
            _fixes.Current(track, fix, x, y, _plane, _restrictions, outcome);
            _proximity.Moved(track, outcome);
        }
        Report(booking, outcome);
    }

    private void Drop(VehicleTrack track, ConformanceOutcome outcome)
    {
        _episodes.ResolveAll(track, outcome);
        _proximity.Remove(track);
    }

    private static void Report(TrackedBooking booking, ConformanceOutcome outcome)
    {
        var state = booking.Evaluate();
        if (state != booking.State)
        {
            booking.State = state;
            outcome.Add(new ConformanceChange(booking.Booking.Id, state));
        }
    }
}
