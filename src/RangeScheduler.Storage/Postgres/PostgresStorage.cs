using RangeScheduler.Storage.Commands;
using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// The production store: PostgreSQL with PostGIS, shared by any number of server instances,
/// whose decisions on a range are serialised by a transaction-scoped advisory lock.
/// </summary>
internal sealed class PostgresStorage : RangeStorage
{
    private readonly PostgresDatabase _database;

    public PostgresStorage(string connectionString)
    {
        _database = new PostgresDatabase(connectionString);
        Ranges = new PostgresRangeStore(_database);
        Bookings = new PostgresBookingStore(_database);
        Ledger = new PostgresRangeLedger(_database);
        Tracks = new PostgresTrackStore(_database);
        Commands = new PostgresCommandStore(_database);
    }

    public override IRangeStore Ranges { get; }

    public override IBookingStore Bookings { get; }

    public override IRangeLedger Ledger { get; }

    public override ITrackStore Tracks { get; }

    public override ICommandStore Commands { get; }

    public override Task InitializeAsync(CancellationToken cancellationToken) =>
        PostgresMigrator.MigrateAsync(_database, cancellationToken);

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
