using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Storage;

/// <summary>
/// The one way to change a range's bookings and closures (DESIGN.md, "Serialisation").
/// Decisions for one range are made one at a time — across threads, and with PostgreSQL
/// across processes (a transaction-scoped advisory lock per range) — and each decision
/// first sees every change other processes made to the range since the caller's sequence.
/// </summary>
public interface IRangeLedger
{
    /// <summary>
    /// Holds the range's exclusive right to decide, hands <paramref name="decide"/> the
    /// changes made since <paramref name="knownSequence"/> by others, and writes what it
    /// returns. The task completes once that write is durable (SQLite groups the writes of
    /// many decisions into one commit; the range is released for the next decision as soon
    /// as this one is made). When the write fails, the task fails and nothing of it is
    /// stored; the caller's in-memory state must then be rebuilt.
    /// </summary>
    /// <remarks>
    /// <para>A decision that writes nothing answers at the range's current sequence, once the
    /// writes decided before it are durable (its answer may rest on them).</para>
    /// <para>When <paramref name="decide"/> throws, nothing is written, the range is released and
    /// the exception propagates. <paramref name="cancellationToken"/> stops only the wait for
    /// the range: once <paramref name="decide"/> has run, the write goes on and the task reports
    /// its outcome.</para>
    /// <para>SQLite: after a failed commit, every decision on the range fails with
    /// <see cref="StoreUnavailableException"/> until <see cref="IBookingStore.LoadRangeStateAsync"/>
    /// has been called for it, since the caller's state may hold the failed write. One process
    /// owns the file, so the changes handed to <paramref name="decide"/> are always empty.</para>
    /// </remarks>
    /// <exception cref="StoreUnavailableException">The store cannot be reached, or refused the write; nothing of it is stored.</exception>
    /// <exception cref="ArgumentException">The write holds a booking or closure of another range.</exception>
    Task<LedgerResult<T>> DecideAsync<T>(string rangeId, long knownSequence, Func<RangeChanges, LedgerDecision<T>> decide, CancellationToken cancellationToken);
}

/// <summary>Changes to a range since a sequence: bookings as they now are (any state), closures added and removed.</summary>
public sealed record RangeChanges(long Sequence, IReadOnlyList<Booking> Bookings, IReadOnlyList<Closure> AddedClosures, IReadOnlyList<string> RemovedClosureIds)
{
    public bool IsEmpty => Bookings.Count == 0 && AddedClosures.Count == 0 && RemovedClosureIds.Count == 0;
}

/// <summary>What a decision writes (nothing, for a rejection), and what it answers the caller.</summary>
public sealed record LedgerDecision<T>(LedgerWrite Write, T Result);

/// <summary>Rows to write in one transaction. Bookings are inserted or replaced whole.</summary>
public sealed record LedgerWrite(
    IReadOnlyList<Booking> Bookings,
    IReadOnlyList<Closure> AddedClosures,
    IReadOnlyList<string> RemovedClosureIds,
    IReadOnlyList<IdempotencyRecord> IdempotencyRecords)
{
    public static readonly LedgerWrite Nothing = new([], [], [], []);

    public bool IsEmpty => Bookings.Count == 0 && AddedClosures.Count == 0 && RemovedClosureIds.Count == 0 && IdempotencyRecords.Count == 0;
}

/// <summary>The decision's answer and the range's sequence after its write.</summary>
public sealed record LedgerResult<T>(long Sequence, T Result);
