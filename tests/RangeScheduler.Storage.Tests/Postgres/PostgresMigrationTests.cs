using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Postgres;

/// <summary>Schema migration at start-up, as several instances starting together do it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Initialize_FourInstancesAtOnceOnEmptyDatabase_AllSucceedAndShareTheSchema()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("migrate_together");
        var instances = Enumerable.Range(0, 4).Select(_ => RangeStorage.Open(connectionString)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.InitializeAsync(CancellationToken.None))));

            var booking = TestData.Booking("wanshan", TestData.Morning);
            await instances[0].Ledger.PutAsync(booking);
            (await instances[3].Bookings.GetAsync(booking.Id, CancellationToken.None)).ShouldMatch(booking);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Initialize_Again_KeepsRows()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("migrate_again");
        await using var storage = RangeStorage.Open(connectionString);
        await storage.InitializeAsync(CancellationToken.None);
        var range = await storage.Ranges.UpsertAsync(TestData.FullRange("wanshan"), 0, CancellationToken.None);

        await storage.InitializeAsync(CancellationToken.None);

        (await storage.Ranges.GetAsync("wanshan", CancellationToken.None)).ShouldMatch(range);
    }
}
