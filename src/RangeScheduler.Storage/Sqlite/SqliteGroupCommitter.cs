using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// The one writer to the SQLite file. Every ledger write queued while the previous commit was
/// syncing goes into the next transaction, so one fsync makes many decisions durable:
/// deciders never wait for the disk while holding a range, and the disk is synced as often as
/// it can be rather than once per booking (docs/storage.md). Bulk writes that are not
/// decisions (track chunks, retention deletes) are queued here too, each in a transaction of
/// its own, rather than taken on another connection: SQLite has one write lock, and a second
/// writer would make ledger commits wait out its transactions by polling for the lock.
/// Checkpoints are the <see cref="SqliteCheckpointer"/>'s, so that no commit waits for one.
/// </summary>
internal sealed class SqliteGroupCommitter : IAsyncDisposable
{
    /// <summary>Bounds a transaction's size, and so how long one commit holds the file's write lock.</summary>
    private const int MaxBatch = 8192;

    private readonly SqliteDatabase _database;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly BlockingCollection<SqliteQueuedWrite> _queue = new(new ConcurrentQueue<SqliteQueuedWrite>());
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SqliteConnection? _connection;
    private SqliteLedgerStatements? _statements;
    private long _commits;
    private long _writes;

    public SqliteGroupCommitter(SqliteDatabase database, SqliteCheckpointer checkpointer)
    {
        _database = database;
        _checkpointer = checkpointer;
        // A thread of its own, not a pool task: every commit blocks in its fsync, and on two
        // cores a pool thread blocked that long leaves callers and range turns waiting to run.
        new Thread(Run) { IsBackground = true, Name = "SQLite group commit" }.Start();
    }

    /// <summary>Transactions committed so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Decisions made durable so far; divided by <see cref="Commits"/>, the average batch.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Queues a decision's write; its <see cref="SqlitePendingWrite.Durable"/> task completes when it is durable, or fails with a <see cref="StoreUnavailableException"/>.</summary>
    public SqlitePendingWrite Enqueue(SqliteRangeSlot slot, int generation, long sequence, LedgerWrite decided)
    {
        var write = new SqlitePendingWrite(slot, generation, sequence, decided);
        Queue(write);
        return write;
    }

    /// <summary>
    /// Queues a bulk write, run in a transaction of its own between ledger batches; the task
    /// gives what <paramref name="write"/> returned once it is durable, or fails with a
    /// <see cref="StoreUnavailableException"/> (nothing of it stored). Ledger writes queued
    /// before it are committed first, so a ledger commit waits for at most one bulk write.
    /// </summary>
    public Task<int> EnqueueBulk(Func<SqliteConnection, SqliteTransaction, int> write)
    {
        var bulk = new SqliteBulkWrite(write);
        Queue(bulk);
        return bulk.Durable.Task;
    }

    /// <summary>Commits what is queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.CompleteAdding();
        await _stopped.Task.ConfigureAwait(false);
        _statements?.Dispose();
        _connection?.Dispose();
    }

    private void Run()
    {
        try
        {
            var batch = new List<SqlitePendingWrite>();
            while (_queue.TryTake(out var queued, Timeout.Infinite))
            {
                SqliteBulkWrite? bulk = null;
                do
                {
                    if (queued is SqliteBulkWrite taken)
                    {
                        bulk = taken;
                    }
                    else
                    {
                        Admit((SqlitePendingWrite)queued, batch);
                    }
                }
                while (batch.Count < MaxBatch && bulk is null && _queue.TryTake(out queued));
                if (batch.Count > 0)
                {
                    Commit(batch);
                    batch.Clear();
                }
                if (bulk is not null)
                {
                    Commit(bulk);
                }
            }
            _stopped.SetResult();
        }
        catch (Exception e)
        {
            _stopped.SetException(e);
        }
    }

    private static void Admit(SqlitePendingWrite write, List<SqlitePendingWrite> batch)
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

    private void Queue(SqliteQueuedWrite write)
    {
        try
        {
            _queue.Add(write);
        }
        catch (InvalidOperationException)
        {
            throw new StoreUnavailableException($"The SQLite store {_database.FilePath} is closed.");
        }
    }

    private void Commit(List<SqlitePendingWrite> batch)
    {
        try
        {
            var connection = Connection();
            _statements ??= new SqliteLedgerStatements(connection);
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var write in batch)
                {
                    _statements.Write(write.Rows);
                    sequences[write.Slot.RangeId] = write.Sequence;
                }
                foreach (var (rangeId, sequence) in sequences)
                {
                    _statements.SetSequence(rangeId, sequence);
                }
                transaction.Commit();
            }
            _checkpointer.Committed();
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
        CloseConnection();
    }

    /// <summary>A bulk write fails alone: it holds no range, so no decision rests on it.</summary>
    private void Commit(SqliteBulkWrite bulk)
    {
        try
        {
            var connection = Connection();
            int result;
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                result = bulk.Write(connection, transaction);
                transaction.Commit();
            }
            _checkpointer.Committed();
            bulk.Durable.TrySetResult(result);
        }
        catch (Exception e)
        {
            bulk.Durable.TrySetException(e as StoreUnavailableException ?? _database.Unavailable(e));
            CloseConnection();
        }
    }

    private SqliteConnection Connection() =>
        _connection ??= _database.Open($"PRAGMA wal_autocheckpoint = {SqliteCheckpointer.CommitterCheckpointPages};");

    private void CloseConnection()
    {
        _statements?.Dispose();
        _statements = null;
        _connection?.Dispose();
        _connection = null;
    }
}
