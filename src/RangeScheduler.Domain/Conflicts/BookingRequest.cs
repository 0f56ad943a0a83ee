using RangeScheduler.Domain.Bookings;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// What a caller asks to book (or to check) on one range: the contract's
/// <c>CreateBookingRequest</c>, <c>UpdateBookingRequest</c> and <c>CheckConflictsRequest</c>
/// reduced to what the rules look at.
/// </summary>
/// <param name="OrganizationId">The caller's organisation; vehicles are unique within it.</param>
/// <param name="IgnoreBookingId">
/// An existing booking the request replaces (an update, or a check of one): it is left out of
/// every test, so a booking never conflicts with its own earlier version.
/// </param>
public sealed record BookingRequest(
    string OrganizationId,
    IReadOnlyList<Vehicle> Vehicles,
    IReadOnlyList<Volume4D> Volumes,
    Priority Priority,
    string? IgnoreBookingId);

/// <summary>The answer to a booking check.</summary>
/// <param name="Conflicts">
/// Every reason the request cannot be booked as asked, one per (requested volume, blocker),
/// ordered by kind and volume; empty when it can be booked.
/// </param>
/// <param name="Preempted">
/// For a HIGH-priority request: the distinct NORMAL bookings, not yet active, that stand in
/// its way and would be cancelled with STATE_REASON_PREEMPTED (DESIGN.md, "Booking",
/// "Priority"). They are not listed in <paramref name="Conflicts"/>; they are to be
/// pre-empted only if the request is booked, i.e. when <paramref name="Conflicts"/> is empty.
/// </param>
public sealed record CheckOutcome(IReadOnlyList<Conflict> Conflicts, IReadOnlyList<string> Preempted)
{
    public bool IsFree => Conflicts.Count == 0;
}
