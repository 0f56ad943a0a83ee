using RangeScheduler.Storage.Commands;
using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, owned by this process (two processes on
/// one file would each serialise decisions only among their own callers; docs/storage.md).
/// </summary>
internal sealed class SqliteStorage : RangeStorage
{
    private readonly SqliteDatabase _database;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly SqliteGroupCommitter _committer;

    public SqliteStorage(string connectionString)
    {
        _database = new SqliteDatabase(connectionString);
        _checkpointer = new SqliteCheckpointer(_database);
        _committer = new SqliteGroupCommitter(_database, _checkpointer);
        var slots = new SqliteRangeSlots();
        Ranges = new SqliteRangeStore(_database);
        Bookings = new SqliteBookingStore(_database, slots);
        Ledger = new SqliteRangeLedger(_database, slots, _committer);
        Tracks = new SqliteTrackStore(_database, _committer);
        Commands = new SqliteCommandStore(_database, _committer);
    }

    public override IRangeStore Ranges { get; }

    public override IBookingStore Bookings { get; }

    public override IRangeLedger Ledger { get; }

    public override ITrackStore Tracks { get; }

    public override ICommandStore Commands { get; }

    /// <summary>The ledger's writer: its counters show how many decisions each commit carried.</summary>
    internal SqliteGroupCommitter Committer => _committer;

    internal SqliteCheckpointer Checkpointer => _checkpointer;

    public override Task InitializeAsync(CancellationToken cancellationToken)
    {
        SqliteMigrator.Migrate(_database);
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await _committer.DisposeAsync().ConfigureAwait(false);
        _checkpointer.Dispose();
    }
}
