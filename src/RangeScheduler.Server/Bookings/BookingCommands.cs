using System.Security.Cryptography;
using Google.Protobuf;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Storage;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Bookings;

/// <summary>
/// CreateBooking and UpdateBooking: each request is mapped, checked against the range's book
/// and either rejected (with every conflict and suggested starts, in an OK response) or
/// written durably, pre-empting NORMAL bookings for a HIGH one; then the changes go out as
/// booking events.
/// </summary>
public sealed class BookingCommands(RangeDesk desk, IBookingStore store, BookingEventHub events, TimeProvider time)
{
    /// <summary>Idempotency keys are kept for 24 hours (contract <c>CreateBookingRequest</c>).</summary>
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    private readonly KeyedGate _sameKey = new();

    public async Task<V1.CreateBookingResponse> CreateAsync(Principal caller, V1.CreateBookingRequest request, CancellationToken cancellationToken)
    {
        var wanted = BookingMapping.Request(caller, request.RangeId, request.Vehicles, request.Volumes, request.Priority, null);
        if (request.IdempotencyKey.Length == 0)
        {
            return await BookAsync(caller, request, wanted, null, cancellationToken).ConfigureAwait(false);
        }
        // Retries with one key are decided one after another, so the second finds the first's booking.
        using var turn = await _sameKey.EnterAsync($"{wanted.OrganizationId}\n{request.IdempotencyKey}", cancellationToken).ConfigureAwait(false);
        var hash = RequestHash(request);
        var earlier = await store.FindIdempotencyAsync(wanted.OrganizationId, request.IdempotencyKey, time.GetUtcNow(), IdempotencyWindow, cancellationToken).ConfigureAwait(false);
        if (earlier is not null)
        {
            return await RepeatAsync(earlier, hash, cancellationToken).ConfigureAwait(false);
        }
        return await BookAsync(caller, request, wanted, hash, cancellationToken).ConfigureAwait(false);
    }

    public async Task<V1.UpdateBookingResponse> UpdateAsync(Principal caller, V1.UpdateBookingRequest request, CancellationToken cancellationToken)
    {
        var errors = new MappingErrors();
        errors.RequireNotEmpty(request.BookingId, "booking_id");
        var vehicles = request.Vehicles.Count > 0 ? BookingMapping.Vehicles(request.Vehicles, errors) : null;
        var volumes = request.Volumes.Count > 0 ? BookingMapping.Volumes(request.Volumes, errors) : null;
        errors.ThrowIfAny();
        var stored = await BookingLookup.ChangeableAsync(store, caller, request.BookingId, cancellationToken).ConfigureAwait(false);
        var outcome = await desk.DecideAsync(stored.RangeId, (book, now) =>
        {
            var current = book.Find(stored.Id) ?? BookingLookup.NotHoldingSpace(stored);
            var changed = BookingLifecycle.Change(current, (long)request.ExpectedVersion, request.Title.Length > 0 ? request.Title : null,
                vehicles, volumes, book.Range, caller.Controls(current.RangeId), now);
            var wanted = new BookingRequest(current.OrganizationId, changed.Vehicles, changed.Volumes, changed.Priority, current.Id);
            var check = book.Check(wanted, now, desk.Vehicles);
            return check.Conflicts.Count > 0 ? Rejected(book, check, wanted, now) : Accepted(book, changed, check, null, now);
        }, cancellationToken).ConfigureAwait(false);
        return Publish(outcome, V1.BookingChange.Updated) is { } updated
            ? new V1.UpdateBookingResponse { Booking = updated }
            : new V1.UpdateBookingResponse { Rejection = outcome.Rejection };
    }

    private async Task<V1.CreateBookingResponse> BookAsync(Principal caller, V1.CreateBookingRequest request, BookingRequest wanted,
        string? idempotencyHash, CancellationToken cancellationToken)
    {
        var organization = wanted.OrganizationId;
        // The id is made, and the request validated and projected, before the range's turn:
        // together (a UUIDv7 reads the clock) they cost several times the conflict check, and
        // the turn holds up every other decision on the range.
        var bookingId = BookingIds.NewBookingId();
        var prepared = PreparedRequest.Of(wanted, await desk.PlaneAsync(request.RangeId).ConfigureAwait(false), time.GetUtcNow());
        var outcome = await desk.DecideAsync(request.RangeId, (book, now) =>
        {
            var check = book.Check(prepared, now, desk.Vehicles);
            if (check.Conflicts.Count > 0)
            {
                return Rejected(book, check, wanted, now);
            }
            var booking = BookingLifecycle.Create(bookingId, request.RangeId, organization, request.Title,
                wanted.Vehicles, wanted.Volumes, wanted.Priority, book.Range, caller.Controls(request.RangeId), now);
            var remembered = idempotencyHash is null ? null : new IdempotencyRecord(organization, request.IdempotencyKey, idempotencyHash, booking.Id, now);
            return Accepted(book, booking, check, remembered, now);
        }, cancellationToken).ConfigureAwait(false);
        var response = Publish(outcome, V1.BookingChange.Created) is { } created
            ? new V1.CreateBookingResponse { Booking = created }
            : new V1.CreateBookingResponse { Rejection = outcome.Rejection };
        response.PreemptedBookingIds.Add(outcome.Preempted.Select(b => b.Id));
        return response;
    }

    private async Task<V1.CreateBookingResponse> RepeatAsync(IdempotencyRecord earlier, string hash, CancellationToken cancellationToken)
    {
        if (earlier.RequestHash != hash)
        {
            throw new InvalidRequestException("idempotency_key", "was used with a different request; use a new key for a new request");
        }
        var booking = await store.GetAsync(earlier.BookingId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("booking", earlier.BookingId);
        return new V1.CreateBookingResponse { Booking = BookingMapping.ToContract(booking) };
    }

    private LedgerDecision<CommandOutcome> Rejected(RangeBook book, CheckOutcome check, BookingRequest request, DateTimeOffset now) =>
        new(LedgerWrite.Nothing, new CommandOutcome(null, ConflictMapping.Rejection(check.Conflicts, book.SuggestStarts(request, now, desk.Vehicles, 3)), []));

    private static LedgerDecision<CommandOutcome> Accepted(RangeBook book, Booking booking, CheckOutcome check, IdempotencyRecord? remembered, DateTimeOffset now)
    {
        var preempted = check.Preempted.Select(id => book.Find(id)).OfType<Booking>()
            .Select(victim => BookingLifecycle.Preempt(victim, booking.Id, now)).ToList();
        var write = new LedgerWrite([booking, .. preempted], [], [], remembered is null ? [] : [remembered]);
        return new LedgerDecision<CommandOutcome>(write, new CommandOutcome(booking, null, preempted));
    }

    /// <summary>Publishes the booking written and those it pre-empted; returns the booking as published, null when the request was rejected.</summary>
    private V1.Booking? Publish(CommandOutcome outcome, V1.BookingChange change)
    {
        if (outcome.Booking is null)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var published = events.Publish(outcome.Booking, change, now);
        foreach (var victim in outcome.Preempted)
        {
            events.Publish(victim, V1.BookingChange.Preempted, now);
        }
        return published;
    }

    /// <summary>The request as it would be without its key: what a retry must repeat exactly.</summary>
    private static string RequestHash(V1.CreateBookingRequest request)
    {
        var withoutKey = request.Clone();
        withoutKey.IdempotencyKey = "";
        return Convert.ToHexStringLower(SHA256.HashData(withoutKey.ToByteArray()));
    }

    private sealed record CommandOutcome(Booking? Booking, V1.Rejection? Rejection, IReadOnlyList<Booking> Preempted);
}
