namespace RangeScheduler.Server.Bookings;

/// <summary>
/// Serves <c>rangescheduler.v1.BookingService</c>. It has no methods yet: the service is
/// mapped so that reflection lists it and every rpc answers UNIMPLEMENTED, after the access
/// check, until bookings are built on the domain and the store.
/// </summary>
public sealed class BookingGrpcService;
