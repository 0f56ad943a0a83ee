using Dapper;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>Ranges in the SQLite file, one row per range holding its JSON document.</summary>
internal sealed class SqliteRangeStore(SqliteDatabase database) : IRangeStore
{
    public Task<IReadOnlyList<TestRange>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TestRange>>(database.Run(connection =>
            connection.Query<string>("SELECT document FROM ranges ORDER BY id").Select(RowMapper.ToRange).ToList()));

    public Task<TestRange?> GetAsync(string rangeId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Run(connection =>
        {
            var document = connection.QuerySingleOrDefault<string>("SELECT document FROM ranges WHERE id = @rangeId", new { rangeId });
            return document is null ? null : RowMapper.ToRange(document);
        }));

    public Task<TestRange> UpsertAsync(TestRange range, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var stored = range with { Version = expectedVersion + 1 };
        var row = RowMapper.ToRow(stored);
        database.Run(connection =>
        {
            if (expectedVersion == 0)
            {
                var inserted = connection.Execute(
                    "INSERT INTO ranges (id, version, document) VALUES (@Id, @Version, @Document) ON CONFLICT (id) DO NOTHING", row);
                if (inserted == 0)
                {
                    throw new AlreadyExistsException("Range", range.Id);
                }
                return;
            }
            // The version check and the write are one statement, so two administrators
            // replacing the same version cannot both succeed.
            var updated = connection.Execute(
                "UPDATE ranges SET version = @Version, document = @Document WHERE id = @Id AND version = @ExpectedVersion",
                new { row.Id, row.Version, row.Document, ExpectedVersion = expectedVersion });
            if (updated == 0)
            {
                var actual = connection.QuerySingleOrDefault<long?>("SELECT version FROM ranges WHERE id = @Id", row);
                throw actual is null
                    ? new NotFoundException("Range", range.Id)
                    : new StaleVersionException("Range", range.Id, expectedVersion, actual.Value);
            }
        });
        return Task.FromResult(stored);
    }
}
