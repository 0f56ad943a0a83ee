using RangeScheduler.Domain.Bookings;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// Which bookings a new range definition breaks (UpsertRange's <c>affected_booking_ids</c>):
/// each booking holding space is checked as a request on a book built with the new
/// definition; it is broken when that finds a conflict the current definition did not.
/// Conflicts with closures and with the organisation's own vehicles are left out: a range
/// definition does not change them.
/// </summary>
/// <remarks>
/// One check per booking (and a second only for bookings with conflicts), so the cost is
/// that of checking every booking once: seconds for a range of a million bookings, for an
/// administrator's change of definition.
/// </remarks>
internal static class DefinitionImpact
{
    private static readonly VehicleCalendar NoVehicles = new();

    public static IReadOnlyList<Booking> Broken(RangeBook current, RangeBook changed)
    {
        var broken = new List<Booking>();
        foreach (var booking in changed.Bookings)
        {
            var after = Keys(changed.ConflictsOf(booking, NoVehicles));
            if (after.Count == 0)
            {
                continue;
            }
            var before = Keys(current.ConflictsOf(booking, NoVehicles));
            if (!after.IsSubsetOf(before))
            {
                broken.Add(booking);
            }
        }
        return broken.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
    }

    private static HashSet<(ConflictKind, int?, string)> Keys(IReadOnlyList<Conflict> conflicts) => conflicts
        .Where(c => c.Kind is not (ConflictKind.Closure or ConflictKind.VehicleDoubleBooked))
        .Select(c => (c.Kind, c.VolumeIndex, c.OtherId))
        .ToHashSet();
}
