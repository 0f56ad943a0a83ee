using System.Runtime.InteropServices;
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

    /// <summary>Scratch for <see cref="Check"/>, which keeps no finding once it has merged them.</summary>
    private readonly List<Finding> _findings = [];

    /// <summary>
    /// The conflicts of a request, one per (requested volume, blocker) — a blocker met in
    /// several periods or by several of its volumes is reported once, over the hull of those
    /// times and at the least distance — and, for HIGH priority, the bookings it would pre-empt.
    /// </summary>
    public CheckOutcome Check(Probe probe, VehicleCalendar vehicles)
    {
        var findings = Collect(probe, vehicles, _findings);
        var preempted = findings
            .Where(f => f.PreemptableBookingId is not null)
            .Select(f => f.PreemptableBookingId!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        findings.RemoveAll(f => f.PreemptableBookingId is not null);
        // Pre-empted bookings will be cancelled, so they no longer count as sessions.
        CapacityFinder.Find(range, probe, Excluded(probe, preempted), findings);
        var conflicts = Merge(findings);
        findings.Clear();
        return new CheckOutcome(conflicts, preempted);
    }

    /// <summary>
    /// Every blocker with when it blocks (<see cref="Finding.Busy"/>), for the slot finder. A
    /// HIGH-priority probe skips the bookings it would pre-empt; capacity counts them all, as
    /// which of them a given start would pre-empt is not known here.
    /// </summary>
    public List<Finding> Blockers(Probe probe, VehicleCalendar vehicles)
    {
        var findings = Collect(probe, vehicles, []);
        findings.RemoveAll(f => f.PreemptableBookingId is not null);
        CapacityFinder.Find(range, probe, Excluded(probe, []), findings);
        return findings;
    }

    /// <summary>
    /// Joins findings about the same (kind, volume, blocker, vehicle) into one conflict, ordered
    /// by kind and volume, then by first finding. Without LINQ's groups and sort buffers: at a
    /// million bookings a check joins dozens of findings, and their garbage set off collections.
    /// </summary>
    public static IReadOnlyList<Conflict> Merge(IEnumerable<Finding> findings)
    {
        var count = findings.TryGetNonEnumeratedCount(out var known) ? known : 0;
        var merged = new List<Conflict>(count);
        var positions = new Dictionary<(ConflictKind, int?, string, string), int>(count);
        foreach (var finding in findings)
        {
            var next = finding.Conflict;
            ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(
                positions, (next.Kind, next.VolumeIndex, next.OtherId, next.VehicleId), out var seen);
            if (seen)
            {
                var first = merged[at];
                merged[at] = first with
                {
                    Overlap = Hull(first.Overlap, next.Overlap),
                    HorizontalGapMeters = Math.Min(first.HorizontalGapMeters, next.HorizontalGapMeters),
                    VerticalGapMeters = Math.Min(first.VerticalGapMeters, next.VerticalGapMeters),
                };
                continue;
            }
            at = merged.Count;
            merged.Add(next);
        }
        // Stable: conflicts of one kind and volume keep the order of their first findings.
        var order = new int[merged.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => Compare(merged[a], merged[b]) is var byKind and not 0 ? byKind : a.CompareTo(b));
        var ordered = new Conflict[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            ordered[i] = merged[order[i]];
        }
        return ordered;
    }

    private static int Compare(Conflict a, Conflict b) => a.Kind != b.Kind
        ? a.Kind.CompareTo(b.Kind)
        : (a.VolumeIndex ?? -1).CompareTo(b.VolumeIndex ?? -1);

    private List<Finding> Collect(Probe probe, VehicleCalendar vehicles, List<Finding> findings)
    {
        findings.Clear();
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
