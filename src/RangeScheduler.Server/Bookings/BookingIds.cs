namespace RangeScheduler.Server.Bookings;

/// <summary>Ids the server issues: time-ordered (UUIDv7), so they sort roughly by creation, and prefixed by what they name.</summary>
internal static class BookingIds
{
    public static string NewBookingId() => "bk-" + Guid.CreateVersion7().ToString("N");

    public static string NewClosureId() => "cl-" + Guid.CreateVersion7().ToString("N");
}
