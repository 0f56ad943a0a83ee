using System.Collections.Concurrent;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;

namespace RangeScheduler.GroundStation.Tests.Support;

/// <summary>
/// Bookings without any rules: GetBooking over the bookings a test gave and those created
/// since (NOT_FOUND for any other id); CreateBooking books anything, already ACTIVE, as
/// though its start had come; CancelBooking records the id.
/// </summary>
internal sealed class FakeBookingService(Booking[] bookings)
{
    private readonly ConcurrentDictionary<string, Booking> _bookings = new(bookings.ToDictionary(b => b.Id));
    private int _created;

    public ConcurrentQueue<CreateBookingRequest> Created { get; } = new();

    public ConcurrentQueue<string> Cancelled { get; } = new();

    public Task<Booking> GetBooking(GetBookingRequest request, ServerCallContext context) =>
        Task.FromResult(_bookings.TryGetValue(request.BookingId, out var booking)
            ? booking
            : throw new RpcException(new Status(StatusCode.NotFound, $"no booking {request.BookingId}")));

    public Task<CreateBookingResponse> CreateBooking(CreateBookingRequest request, ServerCallContext context)
    {
        Created.Enqueue(request);
        var booking = new Booking
        {
            Id = $"bk-created-{Interlocked.Increment(ref _created)}",
            RangeId = request.RangeId,
            Title = request.Title,
            Vehicles = { request.Vehicles },
            Volumes = { request.Volumes },
            State = BookingState.Active,
        };
        _bookings[booking.Id] = booking;
        return Task.FromResult(new CreateBookingResponse { Booking = booking });
    }

    public Task<Booking> CancelBooking(CancelBookingRequest request, ServerCallContext context)
    {
        Cancelled.Enqueue(request.BookingId);
        return GetBooking(new GetBookingRequest { BookingId = request.BookingId }, context);
    }
}
