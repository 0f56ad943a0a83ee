using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// Which bookings a closure overlaps (CreateClosure's <c>affected_booking_ids</c>): the same
/// test as a request against a closure, turned around, so that a booking the closure would
/// have refused is exactly a booking it affects.
/// </summary>
internal static class ClosureImpact
{
    public static IReadOnlyList<Booking> Affected(RangeState range, PlanarClosure closure)
    {
        var envelope = closure.Footprint?.Envelope;
        var band = closure.Closure.Vertical ?? VerticalBand.All;
        var query = new IndexQuery(
            envelope?.MinX ?? double.NegativeInfinity, envelope?.MinY ?? double.NegativeInfinity,
            envelope?.MaxX ?? double.PositiveInfinity, envelope?.MaxY ?? double.PositiveInfinity,
            closure.Closure.Window, band);
        var candidates = new List<BookedVolume>();
        range.Bookings.Query(query, candidates);
        var kinds = closure.Closure.VehicleKinds;
        return candidates
            .Where(booked => kinds.Count == 0 || booked.Booking.Vehicles.Any(v => kinds.Contains(v.Kind)))
            .Where(booked => RestrictionFinder.Blocks(closure, RequestedVolume.Of(booked)))
            .Select(booked => booked.Booking)
            .DistinctBy(booking => booking.Id)
            .OrderBy(booking => booking.Id, StringComparer.Ordinal)
            .ToList();
    }
}
