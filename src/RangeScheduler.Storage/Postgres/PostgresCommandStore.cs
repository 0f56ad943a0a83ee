using Npgsql;
using RangeScheduler.Storage.Commands;

namespace RangeScheduler.Storage.Postgres;

/// <summary>Commands in PostgreSQL, shared by every server instance on the database.</summary>
internal sealed class PostgresCommandStore(PostgresDatabase database) : ICommandStore
{
    private const string Columns = "id, range_id, stage, issued_at, expires_at, document";

    public Task SaveAsync(StoredCommand command, CancellationToken cancellationToken)
    {
        command.EnsureValid();
        return database.RunAsync(async connection =>
        {
            await using var insert = new NpgsqlCommand($"""
                INSERT INTO commands ({Columns}) VALUES (@id, @range_id, @stage, @issued_at, @expires_at, @document)
                ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, document = EXCLUDED.document
                WHERE EXCLUDED.stage > commands.stage
                """, connection);
            insert.Parameters.AddWithValue("id", command.Id);
            insert.Parameters.AddWithValue("range_id", command.RangeId);
            insert.Parameters.AddWithValue("stage", command.Stage);
            insert.Parameters.AddWithValue("issued_at", PostgresDatabase.BindTime(command.IssuedAt));
            insert.Parameters.AddWithValue("expires_at", PostgresDatabase.BindTime(command.ExpiresAt));
            insert.Parameters.AddWithValue("document", command.Document);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredCommand>> ListExpiringAfterAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<StoredCommand>>(async connection =>
        {
            await using var select = new NpgsqlCommand($"SELECT {Columns} FROM commands WHERE expires_at > @after ORDER BY issued_at, id", connection);
            select.Parameters.AddWithValue("after", PostgresDatabase.BindTime(after));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            var commands = new List<StoredCommand>();
            while (await reader.ReadAsync(cancellationToken))
            {
                commands.Add(new StoredCommand(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetInt32(2),
                    reader.GetFieldValue<DateTimeOffset>(3),
                    reader.GetFieldValue<DateTimeOffset>(4),
                    reader.GetFieldValue<byte[]>(5)));
            }
            return commands;
        }, cancellationToken);

    public Task<int> DeleteExpiredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var delete = new NpgsqlCommand("DELETE FROM commands WHERE expires_at < @cutoff", connection);
            delete.Parameters.AddWithValue("cutoff", PostgresDatabase.BindTime(cutoff));
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
