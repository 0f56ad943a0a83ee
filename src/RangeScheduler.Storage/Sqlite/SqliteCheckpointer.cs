using Microsoft.Data.Sqlite;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file on a thread and connection of its own,
/// so that no commit waits for a checkpoint (docs/storage.md, "Checkpoints"). Left to SQLite,
/// the commit that takes the log past 1,000 pages copies them all and syncs the database file
/// before its callers hear that it is durable: at thousands of bookings a second that was one
/// commit in sixteen, and a third of the committer's time. A checkpoint here runs beside the
/// commits (SQLite's PASSIVE mode: it copies what was committed when it began and never
/// blocks the writer), after every <see cref="CommitsPerCheckpoint"/> commits, and at least
/// once a second while any commit is not yet copied.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>About the 1,000 pages SQLite would wait for, at the group committer's usual batch.</summary>
    public const int CommitsPerCheckpoint = 16;

    /// <summary>
    /// The log size, in pages, at which the committer checkpoints itself (<c>wal_autocheckpoint</c>).
    /// SQLite starts the log over only at a write that finds it wholly copied, and under steady
    /// load a commit lands during every checkpoint here, so the log would grow without end. At
    /// this size (64 MB of 4 KB pages) the committer copies the last few commits itself, and
    /// the next write starts the log over.
    /// </summary>
    public const int CommitterCheckpointPages = 16_384;

    private static readonly TimeSpan IdleCheckpoint = TimeSpan.FromSeconds(1);

    private readonly SqliteDatabase _database;
    private readonly AutoResetEvent _due = new(false);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _disposed;
    private int _uncopiedCommits;
    private long _checkpoints;
    private long _failures;

    public SqliteCheckpointer(SqliteDatabase database)
    {
        _database = database;
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpoint" };
        _thread.Start();
    }

    /// <summary>Checkpoints run so far.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Checkpoints that failed; their pages stay in the log, for the next checkpoint.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>A commit reached the log; called by the group committer after each.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref _uncopiedCommits) % CommitsPerCheckpoint == 0)
        {
            _due.Set();
        }
    }

    /// <summary>Waits for a checkpoint under way; what is left in the log is copied when the last connection closes.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _stopping = true;
        _due.Set();
        _thread.Join();
        _due.Dispose();
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            while (!_stopping)
            {
                _due.WaitOne(IdleCheckpoint);
                if (_stopping || Interlocked.Exchange(ref _uncopiedCommits, 0) == 0)
                {
                    continue;
                }
                try
                {
                    connection ??= _database.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    command.ExecuteNonQuery();
                    Interlocked.Increment(ref _checkpoints);
                }
                catch (SqliteException)
                {
                    // Nothing is lost: the commits stay in the log, where readers find them,
                    // until a later checkpoint (here, or the committer's own) copies them. The
                    // connection is opened afresh in case it was the connection that failed.
                    Interlocked.Increment(ref _failures);
                    Interlocked.Increment(ref _uncopiedCommits);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }
}
