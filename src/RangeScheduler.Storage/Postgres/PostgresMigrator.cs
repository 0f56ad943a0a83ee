using Dapper;
using RangeScheduler.Storage.Migrations;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// Brings the database's schema up to date at start-up, in one transaction that holds an
/// advisory lock: instances starting together migrate one after the other, and the later
/// ones find every script applied. Running it again changes nothing.
/// </summary>
internal static class PostgresMigrator
{
    private const string MigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    public static Task MigrateAsync(PostgresDatabase database, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Taken before the migrations table is created: two CREATE TABLE IF NOT EXISTS at
            // once can still collide in the catalogue.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey.Migrations }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(MigrationsTable, transaction: transaction, cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<int>(new CommandDefinition(
                "SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();
            foreach (var script in MigrationScript.For("Postgres").Where(s => !applied.Contains(s.Version)))
            {
                await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)",
                    new { script.Version, script.Name }, transaction, cancellationToken: cancellationToken));
            }
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
}
