using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Storage;

/// <summary>Reading bookings and closures. Writes go through <see cref="IRangeLedger"/>.</summary>
public interface IBookingStore
{
    /// <summary>The booking, or null when no booking has this id.</summary>
    Task<Booking?> GetAsync(string bookingId, CancellationToken cancellationToken);

    /// <summary>Bookings matching every filter set in <paramref name="query"/>, ordered by first start then id; empty when none.</summary>
    Task<IReadOnlyList<Booking>> ListAsync(BookingQuery query, CancellationToken cancellationToken);

    /// <summary>The closure, or null when no closure has this id.</summary>
    Task<Closure?> GetClosureAsync(string closureId, CancellationToken cancellationToken);

    /// <summary>Every closure of the range, ordered by start then id; empty when none.</summary>
    Task<IReadOnlyList<Closure>> ListClosuresAsync(string rangeId, CancellationToken cancellationToken);

    /// <summary>
    /// What a process needs to build a range's in-memory book: its bookings that hold space
    /// (ordered by first start then id), its closures, and the range's change sequence they
    /// reflect; empty at sequence 0 for a range nothing was written to. With SQLite it first
    /// waits for the range's writes already decided to be committed, and makes the range
    /// usable again for <see cref="IRangeLedger"/> after a failed commit.
    /// </summary>
    Task<RangeState> LoadRangeStateAsync(string rangeId, CancellationToken cancellationToken);

    /// <summary>
    /// The booking an organisation's earlier call with this idempotency key made, if that
    /// call was at most <paramref name="maxAge"/> ago; null otherwise.
    /// </summary>
    Task<IdempotencyRecord?> FindIdempotencyAsync(string organizationId, string key, DateTimeOffset now, TimeSpan maxAge, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the idempotency records made before <paramref name="createdBefore"/> (retention,
    /// DESIGN.md "Idempotency"); returns how many there were, 0 when none.
    /// </summary>
    Task<int> PruneIdempotencyAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}

/// <summary>Filters of ListBookings; null or empty means "any".</summary>
/// <param name="Window">
/// Bookings whose span (first volume start to last volume end) overlaps it, half-open;
/// <see cref="DateTimeOffset.MinValue"/> / <see cref="DateTimeOffset.MaxValue"/> leave a side open.
/// </param>
/// <param name="VehicleId">Bookings that list a vehicle with this id.</param>
/// <param name="After">Keyset paging: only bookings after this (first start, id), compared as the order is.</param>
/// <param name="Limit">At most this many bookings; 0 or less: no limit.</param>
public sealed record BookingQuery(
    IReadOnlyCollection<string>? RangeIds,
    string? OrganizationId,
    Domain.Time.TimeWindow? Window,
    IReadOnlyCollection<BookingState>? States,
    string? VehicleId,
    (DateTimeOffset FirstStart, string Id)? After,
    int Limit);

/// <summary>A range's space-holding bookings and closures as of change <see cref="Sequence"/>.</summary>
public sealed record RangeState(long Sequence, IReadOnlyList<Booking> Bookings, IReadOnlyList<Closure> Closures);

/// <summary>A remembered CreateBooking: the booking it made and a hash of the request that made it.</summary>
/// <param name="CreatedAt">Kept to the microsecond (PostgreSQL's <c>timestamptz</c>); SQLite keeps every tick.</param>
public sealed record IdempotencyRecord(string OrganizationId, string Key, string RequestHash, string BookingId, DateTimeOffset CreatedAt);
