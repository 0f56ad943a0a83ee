using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// One range's live conformance in this process: the domain's <see cref="RangeConformance"/>
/// behind a lock, fed with the range's definition, closures and the bookings that report or
/// are active. What each call produced is handed back as a copy, to be published outside
/// the lock.
/// </summary>
public sealed class RangeMonitor
{
    private readonly object _lock = new();
    private readonly RangeConformance _conformance;
    private readonly ConformanceOutcome _outcome = new();
    // The booking each id was last tracked as, to track it again only when it changed.
    private readonly Dictionary<string, Booking> _tracked = new(StringComparer.Ordinal);
    private RangePlane _plane;

    public RangeMonitor(RangeBook book, Func<string> newAlertId)
    {
        RangeId = book.Range.Id;
        _plane = book.Plane;
        _conformance = new RangeConformance(book.Plane, newAlertId);
        foreach (var closure in book.Closures)
        {
            _conformance.PutClosure(closure);
        }
        foreach (var booking in book.Bookings)
        {
            if (booking.State == BookingState.Active)
            {
                Track(booking);
            }
        }
        _outcome.Clear();
    }

    public string RangeId { get; }

    /// <summary>
    /// The range as last applied. Read without the lock: ingest reads it for every report it
    /// admits, and taking the lock made every station stream wait for whichever batch's
    /// conformance check held it (the telemetry benchmark found ingest spending most of its
    /// time in Monitor.Enter here). A reference read is atomic; Apply publishes with a volatile write.
    /// </summary>
    public RangePlane Plane => Volatile.Read(ref _plane);

    /// <summary>Checks accepted fixes; <paramref name="bookings"/> are the bookings they report against, as last known.</summary>
    public MonitorOutcome Observe(IReadOnlyList<Fix> fixes, IEnumerable<Booking> bookings)
    {
        lock (_lock)
        {
            foreach (var booking in bookings)
            {
                if (!_tracked.TryGetValue(booking.Id, out var tracked) || IsNewer(booking, tracked))
                {
                    Track(booking);
                }
            }
            _conformance.Observe(fixes, _outcome);
            return Take();
        }
    }

    /// <summary>Applies a change of the range: its definition, closures, and bookings that became active or changed.</summary>
    public MonitorOutcome Apply(RangePlane plane, IEnumerable<Booking> bookings, IEnumerable<Closure> addedClosures, IEnumerable<string> removedClosureIds)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(plane, _plane))
            {
                Volatile.Write(ref _plane, plane);
                _conformance.UpdateRange(plane);
            }
            foreach (var closure in addedClosures)
            {
                _conformance.PutClosure(closure);
            }
            foreach (var closureId in removedClosureIds)
            {
                _conformance.RemoveClosure(closureId);
            }
            foreach (var booking in bookings)
            {
                if (_tracked.ContainsKey(booking.Id) || booking.State == BookingState.Active)
                {
                    Track(booking);
                }
            }
            return Take();
        }
    }

    /// <summary>
    /// The watchdog's round: raises LOST_LINK for vehicles silent past the link timeout, and
    /// stops watching completed sessions whose reporting grace is over.
    /// </summary>
    public MonitorOutcome CheckLinks(DateTimeOffset now)
    {
        lock (_lock)
        {
            _conformance.CheckLinks(now, _outcome);
            var grace = _plane.Range.ReportGrace;
            foreach (var (id, booking) in _tracked)
            {
                if (booking.State == BookingState.Completed && now >= booking.Span.End + grace)
                {
                    _conformance.Forget(id, _outcome);
                    _tracked.Remove(id);
                }
            }
            return Take();
        }
    }

    public ConformanceState StateOf(string bookingId)
    {
        lock (_lock)
        {
            return _conformance.StateOf(bookingId);
        }
    }

    private void Track(Booking booking)
    {
        _conformance.Track(booking, _outcome);
        // A completed session stays watched through its grace (overruns raise OUTSIDE_WINDOW).
        if (BookingStates.IsFinal(booking.State) && booking.State != BookingState.Completed)
        {
            _tracked.Remove(booking.Id);
        }
        else
        {
            _tracked[booking.Id] = booking;
        }
    }

    // Conformance and command changes keep the version; the record itself tells them apart.
    private static bool IsNewer(Booking booking, Booking tracked) =>
        !ReferenceEquals(booking, tracked) && (booking.Version > tracked.Version || booking.State != tracked.State || booking.CommandInForce != tracked.CommandInForce);

    private MonitorOutcome Take()
    {
        if (_outcome.Alerts.Count == 0 && _outcome.Changes.Count == 0)
        {
            return MonitorOutcome.None;
        }
        var taken = new MonitorOutcome(_outcome.Alerts.ToArray(), _outcome.Changes.ToArray());
        _outcome.Clear();
        return taken;
    }
}

/// <summary>Alerts raised or resolved, and booking conformance changes, in the order they happened.</summary>
public sealed record MonitorOutcome(IReadOnlyList<ConformanceAlert> Alerts, IReadOnlyList<ConformanceChange> Changes)
{
    public static readonly MonitorOutcome None = new([], []);
}
