using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Commands;
using RangeScheduler.Storage.Tests.Commands;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Sqlite;

public sealed class SqliteCommandStoreTests(SqliteFile file) : CommandStoreTests, IClassFixture<SqliteFile>
{
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);
}

/// <summary>A save the database refuses: StoreUnavailableException, and the command stored before stays as it was.</summary>
public sealed class SqliteCommandStoreFailureTests(SqliteFile file) : StoreTestBase, IClassFixture<SqliteFile>
{
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);

    [Fact]
    public async Task Save_Refused_StoreUnavailable_StoredCommandUnchanged()
    {
        var issued = new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var queued = new StoredCommand("cmd-refused", "range-r", 1, issued, issued.AddMinutes(5), [1]);
        await Storage.Commands.SaveAsync(queued, None);
        using (var connection = new SqliteConnection(file.ConnectionString))
        {
            connection.Open();
            using var trigger = connection.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER refuse_commands BEFORE UPDATE ON commands BEGIN SELECT RAISE(ABORT, 'refused by the test'); END";
            trigger.ExecuteNonQuery();
        }

        await Should.ThrowAsync<StoreUnavailableException>(() => Storage.Commands.SaveAsync(queued with { Stage = 3, Document = [3] }, None));

        var stored = (await Storage.Commands.ListExpiringAfterAsync(issued, None)).ShouldHaveSingleItem();
        stored.Stage.ShouldBe(1);
        stored.Document.ShouldBe(new byte[] { 1 });
    }
}
