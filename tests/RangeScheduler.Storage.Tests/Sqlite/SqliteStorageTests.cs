using RangeScheduler.Storage.Sqlite;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Sqlite;

/// <summary>Opening the SQLite file: where it goes, its journal, its migrations.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly SqliteFile _file = new();

    [Fact]
    public async Task Initialize_FileInMissingFolder_FolderAndFileMadeInWalMode()
    {
        await using var storage = RangeStorage.Open(_file.ConnectionString);
        await storage.InitializeAsync(CancellationToken.None);

        await storage.Ledger.PutAsync(TestData.Booking("wanshan", TestData.Morning));

        File.Exists(_file.Path).ShouldBeTrue();
        // The write-ahead log sits beside the file while a connection is open.
        File.Exists(_file.Path + "-wal").ShouldBeTrue();
    }

    [Fact]
    public async Task Initialize_AgainAndFromAnotherInstance_KeepsSchemaAndRows()
    {
        var booking = TestData.Booking("wanshan", TestData.Morning);
        await using (var first = RangeStorage.Open(_file.ConnectionString))
        {
            await first.InitializeAsync(CancellationToken.None);
            await first.Ledger.PutAsync(booking);
            await first.InitializeAsync(CancellationToken.None);
        }

        await using var second = RangeStorage.Open(_file.ConnectionString);
        await second.InitializeAsync(CancellationToken.None);

        (await second.Bookings.GetAsync(booking.Id, CancellationToken.None)).ShouldMatch(booking);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=store;Mode=Memory")]
    [InlineData("Data Source=")]
    public void Open_NoFile_ArgumentException(string connectionString) =>
        Should.Throw<ArgumentException>(() => new SqliteDatabase(connectionString));

    public void Dispose() => _file.Dispose();
}
