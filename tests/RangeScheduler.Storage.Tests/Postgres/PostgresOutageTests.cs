using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Postgres;

/// <summary>
/// A database that has gone away: every store call fails with StoreUnavailableException
/// (UNAVAILABLE). This class stops its own server, not the collection's.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private RangeStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _storage = RangeStorage.Open(await _server.CreateDatabaseAsync("outage"));
        await _storage.InitializeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EveryCall_ServerStopped_StoreUnavailableAndNothingDecided()
    {
        var rangeId = TestData.NewId("range");
        await _storage.Ledger.PutAsync(TestData.Booking(rangeId, TestData.Morning));
        var decided = false;

        await _server.StopAsync();

        await Should.ThrowAsync<StoreUnavailableException>(() => _storage.Ledger.DecideAsync(rangeId, 1, _ =>
        {
            decided = true;
            return new LedgerDecision<bool>(LedgerWrite.Nothing, true);
        }, CancellationToken.None));
        decided.ShouldBeFalse();
        await Should.ThrowAsync<StoreUnavailableException>(() => _storage.Bookings.LoadRangeStateAsync(rangeId, CancellationToken.None));
        await Should.ThrowAsync<StoreUnavailableException>(() => _storage.Ranges.ListAsync(CancellationToken.None));
        await Should.ThrowAsync<StoreUnavailableException>(() => _storage.Ranges.UpsertAsync(TestData.FullRange(rangeId), 0, CancellationToken.None));
        await Should.ThrowAsync<StoreUnavailableException>(() => _storage.Tracks.ReadNewestAsync([("booking", "usv-1")], CancellationToken.None));
        await Should.ThrowAsync<StoreUnavailableException>(() => _storage.InitializeAsync(CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _server.DisposeAsync();
    }
}
