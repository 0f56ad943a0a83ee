using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Commands;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// Commands in the SQLite file. Saves go through the <see cref="SqliteGroupCommitter"/>, the
/// file's one writer, and are durable with its commit; reads run on their own connections.
/// </summary>
internal sealed class SqliteCommandStore(SqliteDatabase database, SqliteGroupCommitter committer) : ICommandStore
{
    private const string Columns = "id, range_id, stage, issued_at, expires_at, document";

    public Task SaveAsync(StoredCommand command, CancellationToken cancellationToken)
    {
        command.EnsureValid();
        return committer.EnqueueBulk((connection, transaction) =>
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"""
                INSERT INTO commands ({Columns}) VALUES ($id, $range_id, $stage, $issued_at, $expires_at, $document)
                ON CONFLICT (id) DO UPDATE SET stage = excluded.stage, document = excluded.document
                WHERE excluded.stage > commands.stage
                """;
            insert.Parameters.AddWithValue("$id", command.Id);
            insert.Parameters.AddWithValue("$range_id", command.RangeId);
            insert.Parameters.AddWithValue("$stage", command.Stage);
            insert.Parameters.AddWithValue("$issued_at", command.IssuedAt.UtcTicks);
            insert.Parameters.AddWithValue("$expires_at", command.ExpiresAt.UtcTicks);
            insert.Parameters.AddWithValue("$document", command.Document);
            return insert.ExecuteNonQuery();
        });
    }

    public Task<IReadOnlyList<StoredCommand>> ListExpiringAfterAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredCommand>>(database.Run(connection =>
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT {Columns} FROM commands WHERE expires_at > $after ORDER BY issued_at, id";
            select.Parameters.AddWithValue("$after", after.UtcTicks);
            using var reader = select.ExecuteReader();
            var commands = new List<StoredCommand>();
            while (reader.Read())
            {
                commands.Add(new StoredCommand(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetInt32(2),
                    new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                    new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                    (byte[])reader.GetValue(5)));
            }
            return commands;
        }));

    public Task<int> DeleteExpiredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        committer.EnqueueBulk((connection, transaction) =>
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM commands WHERE expires_at < $cutoff";
            delete.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
            return delete.ExecuteNonQuery();
        });
}
