using RangeScheduler.Contracts.Clients;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Server.Tests.Durability;

/// <summary>
/// The race of <see cref="BookingRaceTests"/> on PostgreSQL: in one server, and between two
/// server processes sharing the database, where only the per-range advisory lock and the
/// catch-up with the other's changes keep them from both confirming (DESIGN.md, "Serialisation").
/// </summary>
public sealed class PostgresBookingRaceTests : IAsyncLifetime
{
    private PostgresServer? _postgres;

    private PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Postgres.DisposeAsync();

    [Fact]
    public async Task SixtyFourConcurrentRequestsInOneServer_ExactlyOneConfirmed()
    {
        var store = await Postgres.CreateDatabaseAsync("race_one_server");
        await using var server = await RunningServer.StartAsync([$"--RangeScheduler:Store={store}"]);

        BookingRaceTests.AssertOneWinner(await BookingRaceTests.RaceAsync([new BookingServiceClient(server.Channel)]));
    }

    [Fact]
    public async Task SixtyFourConcurrentRequestsAcrossTwoServerProcesses_ExactlyOneConfirmed()
    {
        var store = await Postgres.CreateDatabaseAsync("race_two_servers");
        await using var first = await ServerProcess.StartAsync(store);
        await using var second = await ServerProcess.StartAsync(store);

        var responses = await BookingRaceTests.RaceAsync([new BookingServiceClient(first.Channel), new BookingServiceClient(second.Channel)]);

        BookingRaceTests.AssertOneWinner(responses);
    }
}
