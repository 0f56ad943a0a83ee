using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Durability;

/// <summary>
/// A confirmed booking is durable before the call returns: bookings made, the server killed
/// with SIGKILL (no shutdown code runs), a new server on the same store → every confirmed
/// booking is still there and still blocks its space.
/// </summary>
public sealed class RestartTests
{
    [Fact]
    public async Task KilledWithSigkillAndRestarted_ConfirmedBookingsSurviveAndStillBlock()
    {
        using var data = new TempDirectory();
        var store = data.SqliteStore;
        var volumes = Enumerable.Range(0, 10).Select(i => Requests.Square(-4500 + i * 1000, 0, 400, Requests.Tomorrow(2), TimeSpan.FromHours(1))).ToList();
        var confirmed = new List<Booking>();
        await using (var first = await ServerProcess.StartAsync(store))
        {
            var bookings = new BookingServiceClient(first.Channel);
            for (var i = 0; i < volumes.Count; i++)
            {
                confirmed.Add((await bookings.CreateBookingAsync(Requests.Booking($"survivor {i}", volumes[i], $"usv-{i}"), Calls.As("ops-oceanalpha"))).Booking);
            }
            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(store);
        var after = new BookingServiceClient(second.Channel);

        foreach (var booking in confirmed)
        {
            (await after.GetBookingAsync(new GetBookingRequest { BookingId = booking.Id }, Calls.As("ops-oceanalpha"))).ShouldBe(booking);
        }
        for (var i = 0; i < volumes.Count; i++)
        {
            var retry = await after.CreateBookingAsync(Requests.Booking("intruder", volumes[i], $"intruder-{i}"), Calls.As("ops-tidewater"));
            retry.Rejection.Conflicts.ShouldContain(c => c.Kind == Conflict.Types.Kind.Booking && c.OtherId == confirmed[i].Id);
        }
    }
}
