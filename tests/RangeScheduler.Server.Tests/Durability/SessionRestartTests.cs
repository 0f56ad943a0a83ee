using System.Diagnostics;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Tests.Support;
using SessionClock = RangeScheduler.Domain.Bookings.SessionClock;

namespace RangeScheduler.Server.Tests.Durability;

/// <summary>
/// Sessions move on by themselves across a SIGKILL (issue 4): a start missed while no server
/// ran is taken within seconds of the restart, and a session whose whole window passed is
/// completed without ever being activated.
/// </summary>
public sealed class SessionRestartTests
{
    private static readonly TimeSpan AfterRestart = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task KilledBeforeItsStartRestartedAfterIt_ActiveWithinFiveSecondsOfTheRestart()
    {
        using var data = new TempDirectory();
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        var booking = await BookThenKillAsync(data.SqliteStore, Requests.Square(-3000, 0, 300, start, TimeSpan.FromMinutes(2)));
        await Task.Delay(start.AddSeconds(1) - DateTimeOffset.UtcNow);

        var restarting = Stopwatch.StartNew();
        await using var second = await ServerProcess.StartAsync(data.SqliteStore);
        var active = await WaitForStateAsync(second, booking.Id, BookingState.Active, AfterRestart - restarting.Elapsed);

        active.Version.ShouldBe(2UL);
        restarting.Elapsed.ShouldBeLessThan(AfterRestart);
    }

    [Fact]
    public async Task KilledBeforeItsStartRestartedAfterItsEnd_CompletedWithoutBeingActivated()
    {
        using var data = new TempDirectory();
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        var booking = await BookThenKillAsync(data.SqliteStore, Requests.Square(3000, 0, 300, start, TimeSpan.FromSeconds(1)));
        await Task.Delay(start.AddSeconds(1.5) - DateTimeOffset.UtcNow);

        await using var second = await ServerProcess.StartAsync(data.SqliteStore);
        var completed = await WaitForStateAsync(second, booking.Id, BookingState.Completed, AfterRestart);

        completed.Version.ShouldBe(2UL, "one step, CONFIRMED to COMPLETED: never ACTIVE after its end");
        completed.StateMessage.ShouldBe(SessionClock.EndedBeforeActivationMessage);
    }

    [Fact]
    public async Task KilledAndRestartedBeforeItsStart_ActivatedAndCompletedOnTimeSeenByAWatcher()
    {
        using var data = new TempDirectory();
        // Room for two server processes to start on two loaded cores (5 s was once too little).
        var start = DateTimeOffset.UtcNow.AddSeconds(12);
        var booking = await BookThenKillAsync(data.SqliteStore, Requests.Square(0, 1000, 300, start, TimeSpan.FromSeconds(2)));

        await using var second = await ServerProcess.StartAsync(data.SqliteStore);
        await using var watcher = await BookingWatcher.StartAsync(second.Channel, "ops-oceanalpha", Requests.Jaakonmeri);
        DateTimeOffset.UtcNow.ShouldBeLessThan(start, "the restarted server must be watched before the session starts, or this tests nothing");

        var activated = await watcher.WaitForAsync(booking.Id, BookingChange.Activated, TimeSpan.FromSeconds(20));
        var completed = await watcher.WaitForAsync(booking.Id, BookingChange.Completed, TimeSpan.FromSeconds(20));
        activated.ReceivedAt.ShouldBeInRange(start, start.AddSeconds(1));
        completed.ReceivedAt.ShouldBeInRange(start.AddSeconds(2), start.AddSeconds(3));
    }

    /// <summary>Books <paramref name="volume"/> on a server process of <paramref name="store"/>, then kills it with SIGKILL.</summary>
    private static async Task<Booking> BookThenKillAsync(string store, Volume4D volume)
    {
        await using var server = await ServerProcess.StartAsync(store);
        var booking = await CreateAsync(server, volume);
        await server.KillAsync();
        return booking;
    }

    internal static async Task<Booking> CreateAsync(ServerProcess server, Volume4D volume, string vehicleId = "usv-1")
    {
        var response = await new BookingServiceClient(server.Channel).CreateBookingAsync(Requests.Booking("across a restart", volume, vehicleId), Calls.As("ops-oceanalpha"));
        return response.Booking.ShouldNotBeNull($"rejected: {response.Rejection}");
    }

    internal static async Task<Booking> WaitForStateAsync(ServerProcess server, string bookingId, BookingState state, TimeSpan timeout)
    {
        var bookings = new BookingServiceClient(server.Channel);
        var giveUp = Stopwatch.StartNew();
        while (true)
        {
            var booking = await bookings.GetBookingAsync(new GetBookingRequest { BookingId = bookingId }, Calls.As("ops-oceanalpha"));
            if (booking.State == state)
            {
                return booking;
            }
            if (giveUp.Elapsed > timeout)
            {
                throw new TimeoutException($"{bookingId} is {booking.State}, not {state}, after {timeout}:\n{server.Output}");
            }
            await Task.Delay(50);
        }
    }
}
