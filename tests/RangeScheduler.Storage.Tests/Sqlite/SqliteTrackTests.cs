using Microsoft.Data.Sqlite;
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

/// <summary>A read the database cannot answer: StoreUnavailableException, as for every other SQLite failure.</summary>
public sealed class SqliteTrackStoreFailureTests(SqliteFile file) : StoreTestBase, IClassFixture<SqliteFile>
{
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);

    [Fact]
    public async Task ReadNewest_TableGone_StoreUnavailable()
    {
        await Storage.Tracks.AppendAsync([TrackChunks.At("booking-gone", "usv-1", 0)], None);
        using (var connection = new SqliteConnection(file.ConnectionString))
        {
            connection.Open();
            using var rename = connection.CreateCommand();
            rename.CommandText = "ALTER TABLE track_chunks RENAME TO track_chunks_elsewhere";
            rename.ExecuteNonQuery();
        }

        (await Should.ThrowAsync<StoreUnavailableException>(() => Storage.Tracks.ReadNewestAsync([("booking-gone", "usv-1")], None)))
            .Message.ShouldContain("track_chunks");
    }
}
