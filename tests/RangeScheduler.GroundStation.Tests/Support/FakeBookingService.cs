using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;

namespace RangeScheduler.GroundStation.Tests.Support;

/// <summary>GetBooking over the bookings a test gave; NOT_FOUND for any other id.</summary>
internal sealed class FakeBookingService(Booking[] bookings)
{
    public Task<Booking> GetBooking(GetBookingRequest request, ServerCallContext context) =>
        Task.FromResult(bookings.FirstOrDefault(b => b.Id == request.BookingId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"no booking {request.BookingId}")));
}
