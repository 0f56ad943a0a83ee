using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using static RangeScheduler.Contracts.Clients.ContractServices;

namespace RangeScheduler.Contracts.Clients;

/// <summary>Calls <c>rangescheduler.v1.BookingService</c>: conflicts, bookings, slots and booking events.</summary>
public sealed class BookingServiceClient(GrpcChannel channel)
{
    public AsyncUnaryCall<CheckConflictsResponse> CheckConflictsAsync(CheckConflictsRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.CheckConflicts, request, options);

    /// <summary>A conflicting request is not an error: the response holds a <see cref="Rejection"/>.</summary>
    public AsyncUnaryCall<CreateBookingResponse> CreateBookingAsync(CreateBookingRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.CreateBooking, request, options);

    public AsyncUnaryCall<Booking> GetBookingAsync(GetBookingRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.GetBooking, request, options);

    public AsyncUnaryCall<ListBookingsResponse> ListBookingsAsync(ListBookingsRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.ListBookings, request, options);

    public AsyncUnaryCall<UpdateBookingResponse> UpdateBookingAsync(UpdateBookingRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.UpdateBooking, request, options);

    public AsyncUnaryCall<Booking> CancelBookingAsync(CancelBookingRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.CancelBooking, request, options);

    /// <summary>Controllers of the booking's range only.</summary>
    public AsyncUnaryCall<Booking> DecideBookingAsync(DecideBookingRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.DecideBooking, request, options);

    public AsyncUnaryCall<FindSlotsResponse> FindSlotsAsync(FindSlotsRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.FindSlots, request, options);

    /// <summary>Booking events until the call is cancelled; resume with the last event's cursor.</summary>
    public AsyncServerStreamingCall<BookingEvent> WatchBookings(WatchBookingsRequest request, CallOptions options = default) =>
        channel.AsyncServerStreamingCall(Methods.WatchBookings, request, options);

    private static class Methods
    {
        public static readonly Method<CheckConflictsRequest, CheckConflictsResponse> CheckConflicts = MethodOf<CheckConflictsRequest, CheckConflictsResponse>(BookingService, nameof(CheckConflicts));
        public static readonly Method<CreateBookingRequest, CreateBookingResponse> CreateBooking = MethodOf<CreateBookingRequest, CreateBookingResponse>(BookingService, nameof(CreateBooking));
        public static readonly Method<GetBookingRequest, Booking> GetBooking = MethodOf<GetBookingRequest, Booking>(BookingService, nameof(GetBooking));
        public static readonly Method<ListBookingsRequest, ListBookingsResponse> ListBookings = MethodOf<ListBookingsRequest, ListBookingsResponse>(BookingService, nameof(ListBookings));
        public static readonly Method<UpdateBookingRequest, UpdateBookingResponse> UpdateBooking = MethodOf<UpdateBookingRequest, UpdateBookingResponse>(BookingService, nameof(UpdateBooking));
        public static readonly Method<CancelBookingRequest, Booking> CancelBooking = MethodOf<CancelBookingRequest, Booking>(BookingService, nameof(CancelBooking));
        public static readonly Method<DecideBookingRequest, Booking> DecideBooking = MethodOf<DecideBookingRequest, Booking>(BookingService, nameof(DecideBooking));
        public static readonly Method<FindSlotsRequest, FindSlotsResponse> FindSlots = MethodOf<FindSlotsRequest, FindSlotsResponse>(BookingService, nameof(FindSlots));
        public static readonly Method<WatchBookingsRequest, BookingEvent> WatchBookings = MethodOf<WatchBookingsRequest, BookingEvent>(BookingService, nameof(WatchBookings));
    }
}
