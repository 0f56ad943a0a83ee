using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>Bookings on Jaakonmeri made to start a moment from now, returned once their session is active.</summary>
internal static class ActiveSessions
{
    public const double Side = 300;

    /// <summary>A 300 m square centred <paramref name="east"/>/<paramref name="north"/> metres from the range centre, depths 0–20 m, active for <paramref name="duration"/>.</summary>
    public static async Task<Booking> StartAsync(GrpcChannel channel, string title, double east, double north, string vehicleId,
        string principalId = "ops-oceanalpha", TimeSpan? duration = null)
    {
        var request = Requests.Booking(title, Requests.Square(east, north, Side, DateTimeOffset.UtcNow.AddSeconds(1), duration ?? TimeSpan.FromMinutes(3)), vehicleId);
        return await StartAsync(channel, request, principalId);
    }

    /// <summary>Creates the booking (its first window should start a moment from now) and waits up to 20 s for its session to be active.</summary>
    public static async Task<Booking> StartAsync(GrpcChannel channel, CreateBookingRequest request, string principalId = "ops-oceanalpha")
    {
        var bookings = new BookingServiceClient(channel);
        var created = await bookings.CreateBookingAsync(request, Calls.As(principalId));
        created.Booking.ShouldNotBeNull(created.Rejection?.ToString());
        var giveUp = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < giveUp)
        {
            var booking = await bookings.GetBookingAsync(new GetBookingRequest { BookingId = created.Booking.Id }, Calls.As(principalId));
            if (booking.State == BookingState.Active)
            {
                return booking;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"booking {created.Booking.Id} did not become active");
    }
}
