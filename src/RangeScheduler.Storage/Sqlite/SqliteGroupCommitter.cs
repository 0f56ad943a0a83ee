using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// The one writer of the ledger's decisions to the SQLite file. Every write queued while
/// the previous commit was syncing goes into the next transaction, so one fsync makes many
/// decisions durable: deciders never wait for the disk while holding a range, and the disk
/// is synced as often as it can be rather than once per booking (docs/storage.md).
/// </summary>
internal sealed class SqliteGroupCommitter : IAsyncDisposable
{
    /// <summary>Bounds a transaction's size, and so how long one commit holds the file's write lock.</summary>
    private const int MaxBatch = 8192;

    private readonly SqliteDatabase _database;
    private readonly Channel<SqlitePendingWrite> _queue =
        Channel.CreateUnbounded<SqlitePendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private SqliteConnection? _connection;
    private SqliteLedgerStatements? _statements;
    private long _commits;
    private long _writes;

    public SqliteGroupCommitter(SqliteDatabase database)
    {
        _database = database;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Decisions made durable so far; divided by <see cref="Commits"/>, the average batch.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Queues a decision's write; the returned task completes when it is durable, or fails with a <see cref="StoreUnavailableException"/>.</summary>
    public Task Enqueue(SqliteRangeSlot slot, int generation, long sequence, LedgerWrite decided)
    {
        var write = new SqlitePendingWrite(slot, generation, sequence, decided);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new StoreUnavailableException($"The SQLite store {_database.FilePath} is closed.");
        }
        return write.Durable.Task;
    }

    /// <summary>Commits what is queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _statements?.Dispose();
        _connection?.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<SqlitePendingWrite>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                // A write decided on state that held a failed write must fail too.
                if (write.Slot.IsCurrent(write.Generation))
                {
                    batch.Add(write);
                }
                else
                {
                    write.Durable.TrySetException(new StoreUnavailableException(
                        $"An earlier write to range \"{write.Slot.RangeId}\" failed, and this decision was made on it."));
                }
            }
            if (batch.Count > 0)
            {
                Commit(batch);
                batch.Clear();
            }
        }
    }

    private void Commit(List<SqlitePendingWrite> batch)
    {
        try
        {
            _connection ??= _database.Open();
            _statements ??= new SqliteLedgerStatements(_connection);
            using (var transaction = _connection.BeginTransaction(deferred: false))
            {
                var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var write in batch)
                {
                    _statements.Write(LedgerRows.From(write.Slot.RangeId, write.Decided), transaction);
                    sequences[write.Slot.RangeId] = write.Sequence;
                }
                foreach (var (rangeId, sequence) in sequences)
                {
                    _statements.SetSequence(rangeId, sequence, transaction);
                }
                transaction.Commit();
            }
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _writes, batch.Count);
            foreach (var write in batch)
            {
                write.Durable.TrySetResult();
            }
        }
        catch (Exception e)
        {
            Fail(batch, e);
        }
    }

    /// <summary>
    /// Nothing of the batch is stored (its transaction rolled back). Its ranges are marked
    /// broken before any caller learns of the failure, so that none decides again on state
    /// that held these writes; the connection is opened afresh for the next batch.
    /// </summary>
    private void Fail(List<SqlitePendingWrite> batch, Exception e)
    {
        foreach (var slot in batch.Select(w => w.Slot).Distinct())
        {
            slot.MarkBroken();
        }
        var error = new StoreUnavailableException(
            $"Committing {batch.Count} decisions to the SQLite store {_database.FilePath} failed: {e.Message}", e);
        foreach (var write in batch)
        {
            write.Durable.TrySetException(error);
        }
        _statements?.Dispose();
        _statements = null;
        _connection?.Dispose();
        _connection = null;
    }
}

/// <summary>A decided write waiting for its commit.</summary>
internal sealed class SqlitePendingWrite(SqliteRangeSlot slot, int generation, long sequence, LedgerWrite decided)
{
    public SqliteRangeSlot Slot { get; } = slot;
    public int Generation { get; } = generation;
    public long Sequence { get; } = sequence;
    public LedgerWrite Decided { get; } = decided;
    public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
