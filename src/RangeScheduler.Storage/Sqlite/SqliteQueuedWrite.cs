using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>What <see cref="SqliteGroupCommitter"/> queues: ledger decisions and bulk writes, in one order.</summary>
internal abstract class SqliteQueuedWrite;

/// <summary>A decided write waiting for its commit.</summary>
internal sealed class SqlitePendingWrite(SqliteRangeSlot slot, int generation, long sequence, LedgerWrite decided) : SqliteQueuedWrite
{
    private LedgerRows? _rows;

    public SqliteRangeSlot Slot { get; } = slot;
    public int Generation { get; } = generation;
    public long Sequence { get; } = sequence;
    public LedgerWrite Decided { get; } = decided;
    public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The write as rows (documents serialised). The one committer is what limits a contended
    /// store, so the deciding caller maps them (<see cref="MapAhead"/>) once it has left the
    /// range's turn, while the commit before is syncing; the committer maps only what it
    /// reaches first. Mapping twice is harmless: both give the same rows, the first is kept.
    /// </summary>
    /// <exception cref="ArgumentException">The write cannot be stored as rows.</exception>
    public LedgerRows Rows => Volatile.Read(ref _rows) ?? Map();

    /// <summary>Maps the rows on the caller's thread, ahead of the committer.</summary>
    public void MapAhead()
    {
        try
        {
            Map();
        }
        catch (ArgumentException)
        {
            // Left for the committer, which meets the same error and fails the write as it
            // fails any write it cannot store: the caller learns it from Durable.
        }
    }

    private LedgerRows Map()
    {
        Interlocked.CompareExchange(ref _rows, LedgerRows.From(Slot.RangeId, Decided), null);
        return _rows;
    }
}

/// <summary>A bulk write (track chunks, a retention delete) waiting for its own transaction.</summary>
internal sealed class SqliteBulkWrite(Func<SqliteConnection, SqliteTransaction, int> write) : SqliteQueuedWrite
{
    public Func<SqliteConnection, SqliteTransaction, int> Write { get; } = write;
    public TaskCompletionSource<int> Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
