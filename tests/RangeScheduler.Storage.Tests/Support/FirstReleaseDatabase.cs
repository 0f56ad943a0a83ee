using Microsoft.Data.Sqlite;
using Npgsql;
using RangeScheduler.Storage.Migrations;

namespace RangeScheduler.Storage.Tests.Support;

/// <summary>
/// Databases as the first release left them: <c>schema_migrations</c> as its migrators made
/// it, migration 0001 applied and recorded, and one row of that schema — range "legacy" at
/// sequence 7 — that later migrations must keep.
/// </summary>
internal static class FirstReleaseDatabase
{
    private const string LegacyRow = "INSERT INTO range_sequences (range_id, sequence) VALUES ('legacy', 7)";

    public static string Sqlite(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL");
        Execute(connection, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        Execute(connection, First("Sqlite").Sql);
        Execute(connection, $"INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, '{First("Sqlite").Name}', 0)");
        Execute(connection, LegacyRow);
        return $"Data Source={path}";
    }

    public static async Task<string> PostgresAsync(PostgresServer server, string name)
    {
        var connectionString = await server.CreateDatabaseAsync(name);
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                     First("Postgres").Sql,
                     $"INSERT INTO schema_migrations (version, name) VALUES (1, '{First("Postgres").Name}')",
                     LegacyRow,
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        return connectionString;
    }

    private static MigrationScript First(string store) => MigrationScript.For(store).Single(script => script.Version == 1);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
