using System.Collections.Concurrent;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// The bookings ground stations report against, found by id without a turn of the range:
/// kept up to date from every change this process decides or catches up with, read from the
/// store on a miss. Another process's changes reach the range's book only when this process
/// next decides on the range, so a booking that should have become active by now, or one
/// not found, is read again from the store — at most once a second per id, so that a
/// station sending a wrong id cannot turn every report into a query.
/// </summary>
public sealed class ReportableBookings(IBookingStore store, TimeProvider time) : IRangeChangeListener
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _bookings = new(StringComparer.Ordinal);

    /// <summary>The booking as last known, or null when there is none.</summary>
    public async ValueTask<Booking?> FindAsync(string bookingId, DateTimeOffset fixTime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_bookings.TryGetValue(bookingId, out var known) && (!known.MayBeStale(fixTime) || now - known.ReadAt < RecheckAfter))
        {
            return known.Booking;
        }
        var booking = await store.GetAsync(bookingId, cancellationToken).ConfigureAwait(false);
        // A change told while the store was read is newer than what was read: keep it.
        return _bookings.AddOrUpdate(bookingId, new Entry(booking, now), (_, current) => current.ReadAt > now ? current : new Entry(booking, now)).Booking;
    }

    public void Changed(string rangeId, RangeBook book, RangeChanges? others, LedgerWrite written)
    {
        if (others is not null)
        {
            Remember(others.Bookings);
        }
        Remember(written.Bookings);
    }

    private void Remember(IReadOnlyList<Booking> bookings)
    {
        var now = time.GetUtcNow();
        foreach (var booking in bookings)
        {
            _bookings[booking.Id] = new Entry(booking, now);
        }
    }

    private sealed record Entry(Booking? Booking, DateTimeOffset ReadAt)
    {
        // Not found, or confirmed although its session should have started: another process may know better.
        public bool MayBeStale(DateTimeOffset fixTime) =>
            Booking is null || (Booking.State == BookingState.Confirmed && fixTime >= Booking.Span.Start);
    }
}
