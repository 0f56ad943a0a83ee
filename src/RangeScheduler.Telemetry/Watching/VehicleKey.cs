using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry.Watching;

/// <summary>
/// The unit positions coalesce by and the live state keeps one position for: a vehicle within
/// a booking (the same vehicle may fly two bookings of the range one after the other).
/// </summary>
internal readonly record struct VehicleKey(string BookingId, string VehicleId)
{
    public static VehicleKey Of(PositionUpdate update) =>
        new(update.Report?.BookingId ?? "", update.Report?.VehicleId ?? "");

    /// <summary>
    /// A hash field for Redis: the booking first, so that forgetting a booking can match a
    /// prefix; a newline cannot occur in the ids the server accepts.
    /// </summary>
    public string ToField() => BookingId + "\n" + VehicleId;
}
