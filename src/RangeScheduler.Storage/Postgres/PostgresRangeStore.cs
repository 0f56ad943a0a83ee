using Dapper;
using Npgsql;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Postgres;

/// <summary>Ranges in PostgreSQL, one row per range holding its JSON document.</summary>
internal sealed class PostgresRangeStore(PostgresDatabase database) : IRangeStore
{
    public Task<IReadOnlyList<TestRange>> ListAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<TestRange>>(async connection =>
            (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT document::text FROM ranges ORDER BY id", cancellationToken: cancellationToken)))
            .Select(RowMapper.ToRange).ToList(), cancellationToken);

    public Task<TestRange?> GetAsync(string rangeId, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var document = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT document::text FROM ranges WHERE id = @rangeId", new { rangeId }, cancellationToken: cancellationToken));
            return document is null ? null : RowMapper.ToRange(document);
        }, cancellationToken);

    public async Task<TestRange> UpsertAsync(TestRange range, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var stored = range with { Version = expectedVersion + 1 };
        var row = RowMapper.ToRow(stored);
        await database.RunAsync(connection => expectedVersion == 0
            ? CreateAsync(connection, row, cancellationToken)
            : ReplaceAsync(connection, row, expectedVersion, cancellationToken), cancellationToken);
        return stored;
    }

    private static async Task CreateAsync(NpgsqlConnection connection, RangeRow row, CancellationToken cancellationToken)
    {
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ranges (id, version, document) VALUES (@Id, @Version, @Document::json) ON CONFLICT (id) DO NOTHING",
            row, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            throw new AlreadyExistsException("Range", row.Id);
        }
    }

    private static async Task ReplaceAsync(NpgsqlConnection connection, RangeRow row, long expectedVersion, CancellationToken cancellationToken)
    {
        // The version check and the write are one statement, so two administrators
        // replacing the same version cannot both succeed.
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ranges SET version = @Version, document = @Document::json WHERE id = @Id AND version = @ExpectedVersion",
            new { row.Id, row.Version, row.Document, ExpectedVersion = expectedVersion }, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            var actual = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT version FROM ranges WHERE id = @Id", row, cancellationToken: cancellationToken));
            throw actual is null
                ? new NotFoundException("Range", row.Id)
                : new StaleVersionException("Range", row.Id, expectedVersion, actual.Value);
        }
    }
}
