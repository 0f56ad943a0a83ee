using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// Finds everything that stands in a request's way on one range (DESIGN.md, "Booking": every
/// reason is reported, not just the first): the range's limits, closures and exclusion zones,
/// other bookings, capacity and the organisation's vehicles elsewhere. No I/O, no clock.
/// One per range, reusing its scratch list, so like the range's book it is not thread-safe.
/// </summary>
internal sealed class ConflictDetector(RangeState range)
{
    private readonly List<BookedVolume> _candidates = [];

    /// <summary>
    /// The conflicts of a request, one per (requested volume, blocker) — a blocker met in
    /// several periods or by several of its volumes is reported once, over the hull of those
    /// times and at the least distance — and, for HIGH priority, the bookings it would pre-empt.
    /// </summary>
    public CheckOutcome Check(Probe probe, VehicleCalendar vehicles)
    {
        var findings = Collect(probe, vehicles);
        var preempted = findings
            .Where(f => f.PreemptableBookingId is not null)
            .Select(f => f.PreemptableBookingId!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var blocking = findings.Where(f => f.PreemptableBookingId is null).ToList();
        // Pre-empted bookings will be cancelled, so they no longer count as sessions.
        CapacityFinder.Find(range, probe, Excluded(probe, preempted), blocking);
        return new CheckOutcome(Merge(blocking), preempted);
    }

    /// <summary>
    /// Every blocker with when it blocks (<see cref="Finding.Busy"/>), for the slot finder. A
    /// HIGH-priority probe skips the bookings it would pre-empt; capacity counts them all, as
    /// which of them a given start would pre-empt is not known here.
    /// </summary>
    public List<Finding> Blockers(Probe probe, VehicleCalendar vehicles)
    {
        var findings = Collect(probe, vehicles);
        findings.RemoveAll(f => f.PreemptableBookingId is not null);
        CapacityFinder.Find(range, probe, Excluded(probe, []), findings);
        return findings;
    }

    /// <summary>Joins findings about the same (kind, volume, blocker, vehicle) into one conflict, ordered by kind and volume.</summary>
    public static IReadOnlyList<Conflict> Merge(IEnumerable<Finding> findings) => findings
        .GroupBy(f => (f.Conflict.Kind, f.Conflict.VolumeIndex, f.Conflict.OtherId, f.Conflict.VehicleId))
        .Select(group => group.Skip(1).Aggregate(group.First().Conflict, (merged, next) => merged with
        {
            Overlap = Hull(merged.Overlap, next.Conflict.Overlap),
            HorizontalGapMeters = Math.Min(merged.HorizontalGapMeters, next.Conflict.HorizontalGapMeters),
            VerticalGapMeters = Math.Min(merged.VerticalGapMeters, next.Conflict.VerticalGapMeters),
        }))
        .OrderBy(c => c.Kind)
        .ThenBy(c => c.VolumeIndex ?? -1)
        .ToList();

    private List<Finding> Collect(Probe probe, VehicleCalendar vehicles)
    {
        var findings = new List<Finding>();
        RangeLimitFinder.Find(range.Rules, probe, findings);
        RestrictionFinder.Find(range, probe, findings);
        BookingFinder.Find(range, probe, _candidates, findings);
        VehicleFinder.Find(vehicles, probe, findings);
        _candidates.Clear();
        return findings;
    }

    private static HashSet<string> Excluded(Probe probe, IEnumerable<string> preempted)
    {
        var excluded = new HashSet<string>(preempted, StringComparer.Ordinal);
        if (probe.IgnoreBookingId is { } ignored)
        {
            excluded.Add(ignored);
        }
        return excluded;
    }

    private static TimeWindow? Hull(TimeWindow? a, TimeWindow? b) => (a, b) switch
    {
        ({ } x, { } y) => new TimeWindow(x.Start < y.Start ? x.Start : y.Start, x.End > y.End ? x.End : y.End),
        _ => a ?? b,
    };
}
