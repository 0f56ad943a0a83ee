using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Sqlite;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Sqlite;

/// <summary>The SQLite store's checkpoints, copied from the log into the database file beside the commits.</summary>
public sealed class SqliteCheckpointerTests(SqliteFile file) : StoreTestBase, IClassFixture<SqliteFile>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);

    [Fact]
    public async Task Commits_CopiedIntoTheDatabaseFileByTheCheckpointer()
    {
        var rangeId = TestData.NewId("range");
        var checkpointer = ((SqliteStorage)Storage).Checkpointer;
        var before = checkpointer.Checkpoints;
        var bookings = Enumerable.Range(0, SqliteCheckpointer.CommitsPerCheckpoint)
            .Select(i => TestData.Booking(rangeId, TestData.Morning.AddHours(i))).ToList();

        foreach (var booking in bookings)
        {
            await Storage.Ledger.PutAsync(booking);
        }
        await WaitUntilAsync(() => checkpointer.Checkpoints > before);

        // The database file alone, without its log, holds every booking: the commits were copied into it.
        var copy = Path.Combine(Path.GetDirectoryName(file.Path)!, $"copy-{Guid.NewGuid():N}.db");
        File.Copy(file.Path, copy);
        IdsIn(copy, rangeId).ShouldBe(bookings.Select(b => b.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OneCommit_CopiedWithinTheIdleInterval()
    {
        var rangeId = TestData.NewId("range");
        var checkpointer = ((SqliteStorage)Storage).Checkpointer;
        var before = checkpointer.Checkpoints;

        await Storage.Ledger.PutAsync(TestData.Booking(rangeId, TestData.Morning));

        await WaitUntilAsync(() => checkpointer.Checkpoints > before);
    }

    [Fact]
    public async Task Checkpoint_DatabaseCannotBeOpened_CountedAsFailedAndTriedAgain()
    {
        // A folder where the database file should be: every connection fails to open.
        var database = new SqliteDatabase($"Data Source={Path.Combine(Path.GetDirectoryName(file.Path)!, $"folder-{Guid.NewGuid():N}.db")}");
        Directory.CreateDirectory(database.FilePath);
        using var checkpointer = new SqliteCheckpointer(database);

        for (var i = 0; i < SqliteCheckpointer.CommitsPerCheckpoint; i++)
        {
            checkpointer.Committed();
        }

        await WaitUntilAsync(() => checkpointer.Failures >= 2);
        checkpointer.Checkpoints.ShouldBe(0);
    }

    [Fact]
    public async Task Storage_DisposedTwice_SecondIsANoOp()
    {
        var storage = await OpenAsync();

        await storage.DisposeAsync();

        await Should.NotThrowAsync(storage.DisposeAsync().AsTask());
    }

    private static List<string> IdsIn(string databaseFile, string rangeId)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM bookings WHERE range_id = $range ORDER BY id COLLATE BINARY";
        command.Parameters.AddWithValue("$range", rangeId);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, "the checkpointer did not get there in time");
            await Task.Delay(20);
        }
    }
}
