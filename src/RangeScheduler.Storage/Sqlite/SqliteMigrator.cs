using Dapper;
using RangeScheduler.Storage.Migrations;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>Brings the file's schema up to date at start-up; running it again changes nothing.</summary>
internal static class SqliteMigrator
{
    private const string MigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        )
        """;

    public static void Migrate(SqliteDatabase database) => database.Run(connection =>
    {
        // WAL lets readers run while the group committer writes; the mode is kept in the
        // file, and cannot be changed inside a transaction.
        var mode = connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL;");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreUnavailableException($"{database.FilePath} cannot use write-ahead logging (journal mode {mode}).");
        }
        // IMMEDIATE takes the write lock at once, so a second process starting at the same
        // time waits here and then finds every script applied.
        using var transaction = connection.BeginTransaction(deferred: false);
        connection.Execute(MigrationsTable, transaction: transaction);
        var applied = connection.Query<long>("SELECT version FROM schema_migrations", transaction: transaction).ToHashSet();
        foreach (var script in MigrationScript.For("Sqlite").Where(s => !applied.Contains(s.Version)))
        {
            connection.Execute(script.Sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { script.Version, script.Name, AppliedAt = DateTimeOffset.UtcNow.UtcTicks },
                transaction);
        }
        transaction.Commit();
    });
}
