using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Server.Tests.Durability;

/// <summary>
/// Two server processes on one PostgreSQL database share Quartz's clustered job store: each
/// session step is taken exactly once between them (issue 4), counted in the booking events
/// both servers send — each server tells its watchers of the changes it makes.
/// </summary>
public sealed class PostgresSessionTests : IAsyncLifetime
{
    private PostgresServer? _postgres;

    private PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Postgres.DisposeAsync();

    [Fact]
    public async Task TwoServerProcesses_EachStepTakenExactlyOnceAndOnTime()
    {
        var store = await Postgres.CreateDatabaseAsync("sessions_two_servers");
        await using var first = await ServerProcess.StartAsync(store);
        await using var second = await ServerProcess.StartAsync(store);
        await using var firstWatcher = await BookingWatcher.StartAsync(first.Channel, "ctl-jaakonmeri", Requests.Jaakonmeri);
        await using var secondWatcher = await BookingWatcher.StartAsync(second.Channel, "ctl-jaakonmeri", Requests.Jaakonmeri);
        var start = DateTimeOffset.UtcNow.AddSeconds(4);
        var bookings = new List<Booking>();
        for (var i = 0; i < 6; i++)
        {
            var server = i % 2 == 0 ? first : second;
            bookings.Add(await SessionRestartTests.CreateAsync(server, Requests.Square(-4000 + i * 1600, 0, 300, start, TimeSpan.FromSeconds(2)), $"usv-{i}"));
        }

        foreach (var booking in bookings)
        {
            await SessionRestartTests.WaitForStateAsync(first, booking.Id, BookingState.Completed, TimeSpan.FromSeconds(30));
        }
        // Time for a second, wrong, step to show up in either stream.
        await Task.Delay(TimeSpan.FromSeconds(2));

        foreach (var booking in bookings)
        {
            var changes = firstWatcher.Of(booking.Id).Concat(secondWatcher.Of(booking.Id)).ToList();
            changes.Count(e => e.Event.Change == BookingChange.Activated).ShouldBe(1, $"{booking.Id} activations");
            changes.Count(e => e.Event.Change == BookingChange.Completed).ShouldBe(1, $"{booking.Id} completions");
            // On time within 2 s: the whole suite shares two cores with these two servers and
            // PostgreSQL, where 1 s was once missed; a step left to the next
            // reconciliation would come minutes late.
            changes.Single(e => e.Event.Change == BookingChange.Activated).ReceivedAt.ShouldBeInRange(start, start.AddSeconds(2));
            changes.Single(e => e.Event.Change == BookingChange.Completed).ReceivedAt.ShouldBeInRange(start.AddSeconds(2), start.AddSeconds(4));
        }
    }
}
