using System.Runtime.InteropServices;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// Other bookings closer than the range's separation (<see cref="ConflictKind.Booking"/>;
/// contract <c>Separation</c>): windows widened by the time buffer overlap, bands closer than
/// the vertical separation, footprints closer than the horizontal one. The index answers
/// time and (by box) height and distance; bands are then tested exactly, footprints last.
/// </summary>
internal static class BookingFinder
{
    /// <param name="candidates">Scratch list, cleared here, so a check allocates no list of its own.</param>
    public static void Find(RangeState range, Probe probe, List<BookedVolume> candidates, List<Finding> into)
    {
        var separation = range.Rules.Separation;
        foreach (var volume in probe.Volumes)
        {
            var widened = Widen(volume.Window, separation.TimeBuffer);
            candidates.Clear();
            range.Bookings.Query(QueryFor(volume, widened, separation), candidates);
            KeepNear(candidates, probe, volume, widened, separation);
            Prefetch.Neighbours(CollectionsMarshal.AsSpan(candidates));
            foreach (var booked in candidates)
            {
                if (Proximity.HorizontalConflict(volume, booked.Footprint.Geometry, separation.HorizontalMeters) is { } gap)
                {
                    into.Add(FindingFor(range.Rules, probe, volume, booked, gap));
                }
            }
        }
    }

    /// <summary>
    /// Keeps the candidates that the cheap tests leave in: another booking, windows closer than
    /// the time buffer, bands closer than the vertical separation, envelopes closer than the
    /// horizontal one. A pass of its own, before any exact geometry: at a million bookings every
    /// candidate is a cache miss, and a loop this small lets the processor have all of them in
    /// flight at once, where testing the candidates one by one would wait for each in turn.
    /// </summary>
    private static void KeepNear(List<BookedVolume> candidates, Probe probe, RequestedVolume volume, TimeWindow widened, Separation separation)
    {
        var all = CollectionsMarshal.AsSpan(candidates);
        var kept = 0;
        foreach (var booked in all)
        {
            if (booked.BookingId != probe.IgnoreBookingId
                && booked.Window.Overlaps(widened)
                && Proximity.BandsConflict(volume.Vertical, booked.Vertical, separation.VerticalMeters)
                && Proximity.EnvelopesMayConflict(volume, booked.Footprint.Envelope, separation.HorizontalMeters))
            {
                all[kept++] = booked;
            }
        }
        CollectionsMarshal.SetCount(candidates, kept);
    }

    /// <summary>
    /// The volume's box grown by the separation: the time buffer is the least time kept
    /// between windows, so widening one window by it finds every window closer than that.
    /// </summary>
    private static IndexQuery QueryFor(RequestedVolume volume, TimeWindow widened, Separation separation)
    {
        var envelope = volume.Footprint.Envelope;
        var horizontal = separation.HorizontalMeters;
        var vertical = separation.VerticalMeters;
        return new IndexQuery(
            envelope.MinX - horizontal, envelope.MinY - horizontal, envelope.MaxX + horizontal, envelope.MaxY + horizontal,
            widened,
            new VerticalBand(volume.Vertical.LowerMeters - vertical, volume.Vertical.UpperMeters + vertical));
    }

    private static Finding FindingFor(RangeRules rules, Probe probe, RequestedVolume volume, BookedVolume booked, double gap)
    {
        var separation = rules.Separation;
        var busy = Widen(booked.Window, separation.TimeBuffer);
        var verticalGap = volume.Vertical.GapTo(booked.Vertical);
        var conflict = new Conflict(ConflictKind.Booking, volume.Index, booked.BookingId, volume.Window.Intersect(busy))
        {
            HorizontalGapMeters = gap,
            VerticalGapMeters = verticalGap,
            RequiredHorizontalMeters = separation.HorizontalMeters,
            RequiredVerticalMeters = separation.VerticalMeters,
            OtherState = booked.State,
            SeparationText = rules.SeparationText,
        };
        return new Finding(conflict, busy, Preemptable(probe, booked) ? booked.BookingId : null);
    }

    /// <summary>
    /// <see cref="TimeWindow.Widen"/>, stopping at the ends of the calendar: validation bounds a
    /// window's start but not its end, and an end in 9999 must not make the check fail.
    /// </summary>
    private static TimeWindow Widen(TimeWindow window, TimeSpan buffer) => new(
        window.Start - DateTimeOffset.MinValue > buffer ? window.Start - buffer : DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue - window.End > buffer ? window.End + buffer : DateTimeOffset.MaxValue);

    /// <summary>DESIGN.md "Booking", "Priority": HIGH may be booked over NORMAL bookings that are not yet active.</summary>
    private static bool Preemptable(Probe probe, BookedVolume blocker) =>
        probe.Priority == Priority.High && blocker.Priority != Priority.High && blocker.State != BookingState.Active;
}
