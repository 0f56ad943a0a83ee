using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Storage;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Bookings;

/// <summary>CancelBooking and DecideBooking: state changes that need no conflict check, made under the range's ledger.</summary>
public sealed class BookingStateCommands(RangeDesk desk, IBookingStore store, BookingEventHub events, TimeProvider time)
{
    public async Task<V1.Booking> CancelAsync(Principal caller, V1.CancelBookingRequest request, CancellationToken cancellationToken)
    {
        MappingErrors.ThrowIfEmpty(request.BookingId, "booking_id");
        var stored = await BookingLookup.ChangeableAsync(store, caller, request.BookingId, cancellationToken).ConfigureAwait(false);
        var reason = caller.Role == Role.Controller ? StateReason.ByController : StateReason.ByOwner;
        var cancelled = await ChangeAsync(stored, (current, now) =>
            BookingLifecycle.Cancel(current, (long)request.ExpectedVersion, reason, request.Message, now), cancellationToken).ConfigureAwait(false);
        return events.Publish(cancelled, V1.BookingChange.Cancelled, time.GetUtcNow());
    }

    public async Task<V1.Booking> DecideAsync(Principal caller, V1.DecideBookingRequest request, CancellationToken cancellationToken)
    {
        MappingErrors.ThrowIfEmpty(request.BookingId, "booking_id");
        if (request.Decision is not (V1.Decision.Approve or V1.Decision.Reject))
        {
            throw new InvalidRequestException("decision", "must be DECISION_APPROVE or DECISION_REJECT");
        }
        var stored = await BookingLookup.VisibleAsync(store, caller, request.BookingId, cancellationToken).ConfigureAwait(false);
        caller.EnsureControls(stored.RangeId);
        var approve = request.Decision == V1.Decision.Approve;
        var decided = await ChangeAsync(stored, (current, now) =>
            BookingLifecycle.Decide(current, (long)request.ExpectedVersion, approve, request.Message, now), cancellationToken).ConfigureAwait(false);
        return events.Publish(decided, approve ? V1.BookingChange.Approved : V1.BookingChange.Rejected, time.GetUtcNow());
    }

    /// <summary>Applies <paramref name="change"/> to the booking as the range's book holds it now, and writes the result.</summary>
    private Task<Booking> ChangeAsync(Booking stored, Func<Booking, DateTimeOffset, Booking> change, CancellationToken cancellationToken) =>
        desk.DecideAsync(stored.RangeId, (book, now) =>
        {
            var changed = change(book.Find(stored.Id) ?? BookingLookup.NotHoldingSpace(stored), now);
            return new LedgerDecision<Booking>(new LedgerWrite([changed], [], [], []), changed);
        }, cancellationToken);
}
