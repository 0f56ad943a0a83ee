using RangeScheduler.Storage.Tests.Support;
using RangeScheduler.Storage.Tests.Tracks;

namespace RangeScheduler.Storage.Tests.Sqlite;

// The abstract track tests against SQLite: one file per test class.

public sealed class SqliteTrackStoreTests(SqliteFile file) : TrackStoreTests, IClassFixture<SqliteFile>
{
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);

    /// <summary>Beside the class's file, in the folder its fixture deletes.</summary>
    protected override Task<string> FirstReleaseDatabaseAsync() =>
        Task.FromResult(FirstReleaseDatabase.Sqlite(Path.Combine(Path.GetDirectoryName(file.Path)!, $"release1-{Guid.NewGuid():N}.db")));
}

public sealed class SqliteTrackRecorderTests(SqliteFile file) : TrackRecorderTests, IClassFixture<SqliteFile>
{
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);
}
