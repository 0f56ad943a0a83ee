using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Errors;
using RangeScheduler.Server.Identities;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Bookings;

/// <summary>Finding the booking a request names, as the caller may see and change it.</summary>
internal static class BookingLookup
{
    /// <summary>The booking if the caller may see it; NotFoundException otherwise, so that others' bookings do not show.</summary>
    public static async Task<Booking> VisibleAsync(IBookingStore store, Principal caller, string bookingId, CancellationToken cancellationToken)
    {
        var booking = await store.GetAsync(bookingId, cancellationToken).ConfigureAwait(false);
        return booking is not null && caller.MaySee(booking) ? booking : throw new NotFoundException("booking", bookingId);
    }

    /// <summary>The booking if the caller may change it; PERMISSION_DENIED when it may only see it.</summary>
    public static async Task<Booking> ChangeableAsync(IBookingStore store, Principal caller, string bookingId, CancellationToken cancellationToken)
    {
        var booking = await VisibleAsync(store, caller, bookingId, cancellationToken).ConfigureAwait(false);
        return caller.MayChange(booking)
            ? booking
            : throw StatusErrors.PermissionDenied($"{caller.Role.Name()} {caller.Id} may not change booking \"{bookingId}\"");
    }

    /// <summary>
    /// A booking the range's book no longer holds has reached a final state (it may have
    /// done so since it was read): it cannot change any more.
    /// </summary>
    public static Booking NotHoldingSpace(Booking stored) =>
        throw new IllegalTransitionException($"booking \"{stored.Id}\" is no longer pending, confirmed or active and cannot change");
}
