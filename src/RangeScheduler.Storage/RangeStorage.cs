using System.Data.Common;
using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Commands;
using RangeScheduler.Storage.Postgres;
using RangeScheduler.Storage.Sqlite;
using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Storage;

/// <summary>
/// The stores of one database, chosen by the <c>RangeScheduler:Store</c> connection string
/// (DESIGN.md, "Running"): <c>Data Source=&lt;file&gt;</c> opens SQLite (the file's folder is
/// created when missing), <c>Host=…</c> opens PostgreSQL with PostGIS. Call
/// <see cref="InitializeAsync"/> once before using the stores; dispose it last, which
/// lets writes already decided finish.
/// </summary>
public abstract class RangeStorage : IAsyncDisposable
{
    public abstract IRangeStore Ranges { get; }

    public abstract IBookingStore Bookings { get; }

    public abstract IRangeLedger Ledger { get; }

    /// <summary>Stored positions; written through a <see cref="TrackRecorder"/> on the ingest path.</summary>
    public abstract ITrackStore Tracks { get; }

    /// <summary>Controller commands at their latest status, restored when the server starts.</summary>
    public abstract ICommandStore Commands { get; }

    /// <summary>Opens the store the connection string names; no connection is made before <see cref="InitializeAsync"/>.</summary>
    /// <exception cref="ArgumentException">The string names neither a SQLite file nor a PostgreSQL host.</exception>
    public static RangeStorage Open(string connectionString)
    {
        var database = StoreDatabase.Of(connectionString);
        return database.Kind == StoreKind.Postgres
            ? new PostgresStorage(database.ConnectionString)
            : new SqliteStorage(database.ConnectionString);
    }

    /// <summary>
    /// Applies the schema migrations the database lacks. Running it again, or from two
    /// processes at once, changes nothing more.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The database cannot be reached or migrated.</exception>
    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// Which database a <see cref="RangeStorage"/> uses, and how to reach it (a SQLite file's path
/// made absolute), also for components that keep their own tables in it (the session
/// scheduler's job store).
/// </summary>
public sealed record StoreDatabase(StoreKind Kind, string ConnectionString)
{
    /// <summary>
    /// The database <c>RangeScheduler:Store</c> names (DESIGN.md, "Running"):
    /// <c>Data Source=&lt;file&gt;</c> is SQLite, <c>Host=…</c> PostgreSQL. Connects to nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The string names neither a SQLite file nor a PostgreSQL host.</exception>
    public static StoreDatabase Of(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (keys.ContainsKey("Host") || keys.ContainsKey("Server"))
        {
            return new StoreDatabase(StoreKind.Postgres, connectionString);
        }
        if (keys.ContainsKey("Data Source") || keys.ContainsKey("DataSource") || keys.ContainsKey("Filename"))
        {
            var sqlite = new SqliteConnectionStringBuilder(connectionString);
            if (!string.IsNullOrWhiteSpace(sqlite.DataSource) && sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
            {
                sqlite.DataSource = Path.GetFullPath(sqlite.DataSource);
            }
            return new StoreDatabase(StoreKind.Sqlite, sqlite.ToString());
        }
        throw new ArgumentException(
            "RangeScheduler:Store must be \"Data Source=<file>\" (SQLite) or \"Host=…\" (PostgreSQL).", nameof(connectionString));
    }
}

public enum StoreKind
{
    Sqlite,
    Postgres,
}
