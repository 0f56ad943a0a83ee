using System.Collections.Concurrent;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Storage;
using RangeScheduler.Telemetry;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// The <see cref="RangeMonitor"/> of every range with live sessions in this process. A
/// monitor is made inside a turn of its range (from the range's book), when a session
/// becomes active or a station first reports there, and is then kept up to date with every
/// change of the range. What the changes raise or resolve goes to the <see cref="ConformanceDispatch"/>;
/// a booking that ended leaves the bus's live state.
/// </summary>
public sealed class RangeMonitors(ConformanceDispatch dispatch, IRangeBus bus) : IRangeChangeListener
{
    private readonly ConcurrentDictionary<string, RangeMonitor> _monitors = new(StringComparer.Ordinal);

    public IEnumerable<RangeMonitor> All => _monitors.Values;

    public RangeMonitor? Find(string rangeId) => _monitors.GetValueOrDefault(rangeId);

    /// <summary>The range's monitor, made from <paramref name="book"/> if there is none yet. Call inside the range's turn.</summary>
    public RangeMonitor Ensure(RangeBook book) =>
        _monitors.GetOrAdd(book.Range.Id, _ => new RangeMonitor(book, NewAlertId));

    public void Changed(string rangeId, RangeBook book, RangeChanges? others, LedgerWrite written)
    {
        foreach (var ended in written.Bookings.Where(b => BookingStates.IsFinal(b.State)))
        {
            bus.ForgetBooking(rangeId, ended.Id);
        }
        if (!_monitors.TryGetValue(rangeId, out var monitor))
        {
            // Until a session of the range is active or reporting, nothing needs watching.
            if (!Activates(others) && !written.Bookings.Any(b => b.State == BookingState.Active))
            {
                return;
            }
            monitor = Ensure(book);
        }
        if (others is not null)
        {
            dispatch.Send(rangeId, monitor.Apply(book.Plane, others.Bookings, others.AddedClosures, others.RemovedClosureIds));
        }
        dispatch.Send(rangeId, monitor.Apply(book.Plane, written.Bookings, written.AddedClosures, written.RemovedClosureIds));
    }

    private static bool Activates(RangeChanges? others) => others is not null && others.Bookings.Any(b => b.State == BookingState.Active);

    // Alert ids are unique across processes, so that a RESOLVED names exactly one alert on a shared bus.
    private static string NewAlertId() => Guid.CreateVersion7().ToString("N");
}
