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
