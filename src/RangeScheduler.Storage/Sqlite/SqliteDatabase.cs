using Microsoft.Data.Sqlite;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// The SQLite file and how connections to it are opened. One process owns the file
/// (docs/storage.md): the ledger's per-range locks and its group committer are in memory.
/// Microsoft.Data.Sqlite's async methods complete synchronously, so the SQLite stores call
/// the synchronous ones and return completed tasks.
/// </summary>
internal sealed class SqliteDatabase
{
    /// <param name="connectionString"><c>Data Source=&lt;file&gt;</c>; the file's folder is created when missing.</param>
    /// <exception cref="ArgumentException">The connection string names no file (an in-memory database would be one per connection).</exception>
    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException("The SQLite store needs a file: Data Source=<path>.", nameof(connectionString));
        }
        FilePath = Path.GetFullPath(builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        builder.DataSource = FilePath;
        ConnectionString = builder.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// An open connection that commits durably: in WAL mode, <c>synchronous=FULL</c> syncs the
    /// log on every commit, so a confirmed booking survives a power cut; NORMAL would not
    /// (DESIGN.md: a confirmed booking is durable before the call returns). The group
    /// committer pays that sync once for many bookings.
    /// </summary>
    /// <param name="pragmas">Further settings of this connection alone (<c>PRAGMA …;</c>), applied with that one.</param>
    public SqliteConnection Open(string pragmas = "")
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = FULL;" + pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="operation"/> on a connection of its own; SQLite errors become <see cref="StoreUnavailableException"/>.</summary>
    public T Run<T>(Func<SqliteConnection, T> operation)
    {
        try
        {
            using var connection = Open();
            return operation(connection);
        }
        catch (SqliteException e)
        {
            throw Unavailable(e);
        }
    }

    public void Run(Action<SqliteConnection> operation) => Run(connection =>
    {
        operation(connection);
        return true;
    });

    public StoreUnavailableException Unavailable(Exception e) =>
        new($"The SQLite store {FilePath} failed: {e.Message}", e);
}
