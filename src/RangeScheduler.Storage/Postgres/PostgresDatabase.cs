using Npgsql;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// The PostgreSQL database and its connection pool. Every failure to reach it, and every
/// error it reports, becomes a <see cref="StoreUnavailableException"/> here, so that the
/// stores above throw nothing else but the domain's own exceptions and cancellation.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Host, port and database, for messages; never the password.</summary>
    public string Description { get; }

    /// <summary>Runs <paramref name="operation"/> on a pooled connection.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await operation(connection);
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            throw Unavailable(e);
        }
    }

    public Task RunAsync(Func<NpgsqlConnection, Task> operation, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await operation(connection);
            return true;
        }, cancellationToken);

    /// <summary>A time as a <c>timestamptz</c> parameter: Npgsql takes only UTC offsets, and keeps microseconds.</summary>
    public static object BindTime(DateTimeOffset time) => time.ToUniversalTime();

    public StoreUnavailableException Unavailable(Exception e) =>
        new($"The PostgreSQL store {Description} failed: {e.Message}", e);

    /// <summary>
    /// Npgsql reports network failures and server errors as <see cref="NpgsqlException"/> (a
    /// <see cref="PostgresException"/> for the latter); a timeout waiting for the server is a
    /// <see cref="TimeoutException"/>. A cancellation the caller asked for stays one.
    /// </summary>
    public static bool IsStoreFailure(Exception e, CancellationToken cancellationToken) =>
        e is NpgsqlException or TimeoutException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
