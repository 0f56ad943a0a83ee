using RangeScheduler.Grpc;
using RangeScheduler.Server.Identities;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Bookings;

/// <summary>
/// Serves <c>rangescheduler.v1.BookingService</c>: takes the caller from the call and hands
/// each rpc to the class that answers it. Domain and store failures become statuses in
/// <see cref="Errors.StatusErrors"/>; a conflict is a <c>Rejection</c> in an OK response.
/// </summary>
public sealed class BookingGrpcService(BookingCommands commands, BookingStateCommands states, BookingQueries queries, BookingWatch watch)
{
    public Task<V1.CheckConflictsResponse> CheckConflicts(V1.CheckConflictsRequest request, ServerCallContext context) =>
        queries.CheckAsync(context.Caller(), request, context.CancellationToken);

    public Task<V1.CreateBookingResponse> CreateBooking(V1.CreateBookingRequest request, ServerCallContext context) =>
        commands.CreateAsync(context.Caller(), request, context.CancellationToken);

    public Task<V1.Booking> GetBooking(V1.GetBookingRequest request, ServerCallContext context) =>
        queries.GetAsync(context.Caller(), request, context.CancellationToken);

    public Task<V1.ListBookingsResponse> ListBookings(V1.ListBookingsRequest request, ServerCallContext context) =>
        queries.ListAsync(context.Caller(), request, context.CancellationToken);

    public Task<V1.UpdateBookingResponse> UpdateBooking(V1.UpdateBookingRequest request, ServerCallContext context) =>
        commands.UpdateAsync(context.Caller(), request, context.CancellationToken);

    public Task<V1.Booking> CancelBooking(V1.CancelBookingRequest request, ServerCallContext context) =>
        states.CancelAsync(context.Caller(), request, context.CancellationToken);

    public Task<V1.Booking> DecideBooking(V1.DecideBookingRequest request, ServerCallContext context) =>
        states.DecideAsync(context.Caller(), request, context.CancellationToken);

    public Task<V1.FindSlotsResponse> FindSlots(V1.FindSlotsRequest request, ServerCallContext context) =>
        queries.FindSlotsAsync(context.Caller(), request, context.CancellationToken);

    public Task WatchBookings(V1.WatchBookingsRequest request, IServerStreamWriter<V1.BookingEvent> responses, ServerCallContext context) =>
        watch.WatchAsync(context.Caller(), request, responses, context);
}
