using System.Collections.Concurrent;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Sessions;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Bookings;

/// <summary>
/// The in-memory books of the ranges this process serves (DESIGN.md, "Index" and
/// "Serialisation"). Every decision about a range — and every read of its book — runs
/// through the store's <see cref="IRangeLedger"/>, one at a time per range, after the book
/// has caught up with changes other processes made; what a decision writes is applied to
/// the book as it is written. A book is built from the store on first use (and at start-up
/// for every range), and rebuilt after a failed write or a change of the range's definition.
/// Every booking written is handed to the <see cref="SessionPlanner"/> once durable, so its
/// session starts and ends on time whichever command wrote it; every change, made here or
/// by another process, is told to the <see cref="IRangeChangeListener"/>s (live conformance)
/// as it is made, inside the range's turn.
/// </summary>
public sealed class RangeDesk(
    IRangeStore ranges,
    IBookingStore bookings,
    IRangeLedger ledger,
    SessionPlanner sessions,
    IEnumerable<IRangeChangeListener> listeners,
    TimeProvider time)
{
    private readonly IRangeChangeListener[] _listeners = listeners.ToArray();

    private readonly ConcurrentDictionary<string, Lazy<Task<RangeSlot>>> _slots = new(StringComparer.Ordinal);

    /// <summary>Every organisation's vehicles over all loaded ranges, for double-booking checks.</summary>
    public VehicleCalendar Vehicles { get; } = new();

    /// <summary>
    /// Runs <paramref name="decide"/> with the range's book and the current time, alone, and
    /// writes what it returns; completes when the write is durable. NotFoundException when
    /// the range does not exist.
    /// </summary>
    public async Task<T> DecideAsync<T>(string rangeId, Func<RangeBook, DateTimeOffset, LedgerDecision<T>> decide, CancellationToken cancellationToken)
    {
        var slot = await SlotAsync(rangeId).ConfigureAwait(false);
        IReadOnlyList<Booking> written = [];
        try
        {
            var result = await ledger.DecideAsync(rangeId, slot.Sequence, changes =>
            {
                slot.Apply(changes, Vehicles);
                var decision = decide(slot.Book, time.GetUtcNow());
                slot.Apply(decision.Write, Vehicles);
                written = decision.Write.Bookings;
                Tell(rangeId, slot.Book, changes, decision.Write);
                return decision;
            }, cancellationToken).ConfigureAwait(false);
            slot.Advance(result.Sequence);
            foreach (var booking in written)
            {
                sessions.Plan(booking);
            }
            return result.Result;
        }
        catch (StoreUnavailableException)
        {
            // The book may hold what the failed write was to store; build it afresh next time.
            Forget(rangeId);
            throw;
        }
    }

    // Inside the range's turn, so that listeners see a range's changes in the order they were made.
    private void Tell(string rangeId, RangeBook book, RangeChanges others, LedgerWrite written)
    {
        if (others.IsEmpty && written.IsEmpty)
        {
            return;
        }
        foreach (var listener in _listeners)
        {
            listener.Changed(rangeId, book, others.IsEmpty ? null : others, written);
        }
    }

    /// <summary>
    /// The plane of the range's current definition, for work done before the range's turn
    /// (<see cref="PreparedRequest"/>): a book's plane never changes, so it is read without
    /// the turn. NotFoundException when the range does not exist.
    /// </summary>
    public async Task<RangePlane> PlaneAsync(string rangeId) => (await SlotAsync(rangeId).ConfigureAwait(false)).Book.Plane;

    /// <summary>Reads the range's book, alone, writing nothing.</summary>
    public Task<T> ReadAsync<T>(string rangeId, Func<RangeBook, DateTimeOffset, T> read, CancellationToken cancellationToken) =>
        DecideAsync(rangeId, (book, now) => new LedgerDecision<T>(LedgerWrite.Nothing, read(book, now)), cancellationToken);

    /// <summary>Builds the book of every range now, so that vehicle checks see every range's bookings from the first call.</summary>
    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        foreach (var range in await ranges.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            await SlotAsync(range.Id).ConfigureAwait(false);
        }
    }

    /// <summary>Drops the range's book; the next use builds it again from the store.</summary>
    public void Forget(string rangeId) => _slots.TryRemove(rangeId, out _);

    private async Task<RangeSlot> SlotAsync(string rangeId)
    {
        var slot = _slots.GetOrAdd(rangeId, id => new Lazy<Task<RangeSlot>>(() => LoadAsync(id)));
        try
        {
            return await slot.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed load is not cached: the next call tries again.
            _slots.TryRemove(new KeyValuePair<string, Lazy<Task<RangeSlot>>>(rangeId, slot));
            throw;
        }
    }

    private async Task<RangeSlot> LoadAsync(string rangeId)
    {
        // Loads are shared by every caller waiting for the range, so no single caller's token may cancel them.
        var range = await ranges.GetAsync(rangeId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new NotFoundException("range", rangeId);
        var state = await bookings.LoadRangeStateAsync(rangeId, CancellationToken.None).ConfigureAwait(false);
        // Replaced, not added to: after a failed write the calendar may hold its booking.
        Vehicles.ReplaceRange(rangeId, state.Bookings);
        return new RangeSlot(new RangeBook(range, state.Closures, state.Bookings), state.Sequence);
    }
}
