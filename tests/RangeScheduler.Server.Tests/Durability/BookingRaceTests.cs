using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Durability;

/// <summary>
/// Two clients racing for the same slot never both get it (DESIGN.md, "Serialisation"):
/// 64 concurrent CreateBooking calls for one space, each from its own vehicle, so that only
/// the space can separate them.
/// </summary>
public sealed class BookingRaceTests
{
    public const int Racers = 64;

    [Fact]
    public async Task SixtyFourConcurrentRequestsForOneSpace_ExactlyOneConfirmed()
    {
        await using var server = await RunningServer.StartAsync();
        var responses = await RaceAsync([new BookingServiceClient(server.Channel)]);

        AssertOneWinner(responses);
    }

    /// <summary>Sends the racers at once, alternating between the clients (servers) given.</summary>
    internal static async Task<CreateBookingResponse[]> RaceAsync(IReadOnlyList<BookingServiceClient> clients)
    {
        var volume = Requests.Square(0, 0, 600, Requests.Tomorrow(1), TimeSpan.FromHours(2));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, Racers).Select(async i =>
        {
            await start.Task;
            var principal = i % 2 == 0 ? "ops-oceanalpha" : "ops-tidewater";
            return await clients[i % clients.Count].CreateBookingAsync(Requests.Booking($"racer {i}", volume, $"racer-{i}"), Calls.As(principal));
        }).ToArray();
        start.SetResult();
        return await Task.WhenAll(racers);
    }

    internal static void AssertOneWinner(CreateBookingResponse[] responses)
    {
        responses.Count(r => r.OutcomeCase == CreateBookingResponse.OutcomeOneofCase.Booking).ShouldBe(1);
        var winner = responses.Single(r => r.Booking is not null).Booking;
        foreach (var loser in responses.Where(r => r.Rejection is not null))
        {
            loser.Rejection.Conflicts.ShouldContain(c => c.Kind == Conflict.Types.Kind.Booking && c.OtherId == winner.Id);
        }
    }
}
