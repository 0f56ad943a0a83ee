using Microsoft.Data.Sqlite;

namespace RangeScheduler.Storage.Tests.Support;

/// <summary>
/// A SQLite store file for one test class, in a folder that does not exist yet (the store
/// creates it), inside a temporary folder deleted with the fixture.
/// </summary>
public sealed class SqliteFile : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rangescheduler-sqlite-").FullName;

    public SqliteFile() => Path = System.IO.Path.Combine(_root, "data", "rangescheduler.db");

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        // Pooled connections keep the file open; close them before the folder goes.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
