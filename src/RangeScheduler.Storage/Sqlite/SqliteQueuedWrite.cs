using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>What <see cref="SqliteGroupCommitter"/> queues: ledger decisions and bulk writes, in one order.</summary>
internal abstract class SqliteQueuedWrite;

/// <summary>A decided write waiting for its commit.</summary>
internal sealed class SqlitePendingWrite(SqliteRangeSlot slot, int generation, long sequence, LedgerWrite decided) : SqliteQueuedWrite
{
    public SqliteRangeSlot Slot { get; } = slot;
    public int Generation { get; } = generation;
    public long Sequence { get; } = sequence;
    public LedgerWrite Decided { get; } = decided;
    public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A bulk write (track chunks, a retention delete) waiting for its own transaction.</summary>
internal sealed class SqliteBulkWrite(Func<SqliteConnection, SqliteTransaction, int> write) : SqliteQueuedWrite
{
    public Func<SqliteConnection, SqliteTransaction, int> Write { get; } = write;
    public TaskCompletionSource<int> Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
