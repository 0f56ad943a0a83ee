using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Slots;

/// <summary>
/// Free start times for volumes that move together (DESIGN.md, "Booking"): everything that
/// could conflict with the volumes anywhere in the searched period is collected once, by the
/// same rules as a booking check; each blocker's busy time becomes the starts it rules out;
/// the merged busy starts are swept. Starts whose volumes would break the booking time rules
/// (ended by now, or beginning more than 30 days ahead) are never offered.
/// </summary>
internal sealed class SlotFinder(RangeState range, ConflictDetector detector)
{
    /// <summary>FindSlots: free starts on the request's grid, and what blocks the rest when fewer than asked are free.</summary>
    public SlotSearch Find(SlotRequest request, DateTimeOffset now, VehicleCalendar vehicles)
    {
        SlotRequestValidator.Validate(request, range.Rules.Plane);
        var plane = range.Rules.Plane;
        var placements = request.Volumes.Select(v => new Placement(plane.Project(v.Footprint), v.Vertical, v.Offset, v.Duration)).ToList();
        // Starts past the booking horizon are never free, so the search stops there: a far end
        // costs nothing, and the volumes' windows stay within what a date can hold.
        var end = Min(request.SearchWindow.End, Horizon(now, placements));
        if (end <= request.SearchWindow.Start)
        {
            return new SlotSearch([], []);
        }
        var window = request.SearchWindow with { End = end };
        var (busy, blockers) = Sweep(request.OrganizationId, request.Vehicles, placements, request.Priority,
            request.IgnoreBookingId, window, now, vehicles);
        var max = request.EffectiveMaxResults;
        var starts = busy.FreeOnGrid(window.Start.UtcTicks, window.End.UtcTicks, request.EffectiveStep.Ticks)
            .Take(max)
            .ToList();
        if (starts.Count == max)
        {
            return new SlotSearch(starts.Select(Instant).ToList(), []);
        }
        var restFrom = starts.Count == 0 ? window.Start.UtcTicks : starts[^1] + 1;
        var blocking = blockers.Where(b => BusyStarts.Touches(b.Starts, restFrom, window.End.UtcTicks)).Select(b => b.Finding);
        return new SlotSearch(starts.Select(Instant).ToList(), ConflictDetector.Merge(blocking));
    }

    /// <summary>
    /// Rejection.suggested_starts: the first start of each of the next <paramref name="count"/>
    /// runs of free starts at or after the request's earliest start, every volume moved by the
    /// same amount.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Suggest(BookingRequest request, DateTimeOffset now, VehicleCalendar vehicles, int count)
    {
        var plane = range.Rules.Plane;
        var earliest = request.Volumes.Min(v => v.Window.Start);
        var placements = request.Volumes
            .Select(v => new Placement(plane.Project(v.Footprint), v.Vertical, v.Window.Start - earliest, v.Window.Duration))
            .ToList();
        var end = Horizon(now, placements);
        if (end <= earliest)
        {
            return [];
        }
        var (busy, _) = Sweep(request.OrganizationId, request.Vehicles, placements, request.Priority,
            request.IgnoreBookingId, new TimeWindow(earliest, end), now, vehicles);
        return busy.FreeRunStarts(earliest.UtcTicks, end.UtcTicks).Take(count).Select(Instant).ToList();
    }

    /// <summary>The busy starts within <paramref name="starts"/>, and each blocker with the starts it rules out.</summary>
    private (BusyStarts Busy, List<(Finding Finding, (long After, long Before) Starts)> Blockers) Sweep(
        string organizationId, IReadOnlyList<Vehicle> vehiclesAsked, List<Placement> placements, Priority priority,
        string? ignoreBookingId, TimeWindow starts, DateTimeOffset now, VehicleCalendar vehicles)
    {
        // Each volume is checked over every time it could occupy for a start in the window.
        var volumes = placements
            .Select((p, i) => new RequestedVolume(i, p.Footprint, p.Vertical,
                new TimeWindow(starts.Start + p.Offset, starts.End + p.Offset + p.Duration)))
            .ToList();
        var session = new TimeWindow(starts.Start + placements.Min(p => p.Offset), starts.End + placements.Max(p => p.End));
        var probe = new Probe(organizationId, vehiclesAsked, volumes, priority, ignoreBookingId, session);

        var busy = new BusyStarts();
        var blockers = new List<(Finding, (long, long))>();
        foreach (var finding in detector.Blockers(probe, vehicles))
        {
            var interval = StartsRuledOut(finding, placements);
            busy.Add(interval.After, interval.Before);
            blockers.Add((finding, interval));
        }
        // DESIGN.md "Geometry": no volume may have ended by now (callers stop at the 30-day horizon).
        busy.Add(long.MinValue, (now - placements.Min(p => p.End)).UtcTicks + 1);
        return (busy, blockers);
    }

    /// <summary>
    /// A volume placed at start s occupies [s + offset, s + end); it meets a blocker busy
    /// during [a, b) exactly when a − end &lt; s &lt; b − offset. A blocker of the whole request
    /// (capacity) is met by the session, from the first offset to the last end.
    /// </summary>
    private static (long After, long Before) StartsRuledOut(Finding finding, List<Placement> placements)
    {
        if (finding.Busy is not { } busy)
        {
            return (long.MinValue, long.MaxValue);
        }
        var (offset, end) = finding.Conflict.VolumeIndex is { } index
            ? (placements[index].Offset, placements[index].End)
            : (placements.Min(p => p.Offset), placements.Max(p => p.End));
        return (busy.Start.UtcTicks - end.Ticks, busy.End.UtcTicks - offset.Ticks);
    }

    /// <summary>Just after the last start whose every volume begins within the booking horizon (DESIGN.md, "Geometry": 30 days).</summary>
    private static DateTimeOffset Horizon(DateTimeOffset now, List<Placement> placements) =>
        now + TimeWindowValidator.BookingHorizon - placements.Max(p => p.Offset) + TimeSpan.FromTicks(1);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>A volume of the request, on the plane, relative to the start.</summary>
    private sealed record Placement(PlanarFootprint Footprint, VerticalBand Vertical, TimeSpan Offset, TimeSpan Duration)
    {
        public TimeSpan End => Offset + Duration;
    }
}
