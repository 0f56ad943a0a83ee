using System.Runtime.CompilerServices;
using RangeScheduler.Domain.Bookings;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// A booking's vehicles by id, made once per booking version and kept as long as it is:
/// ingest asks for every report, and a swarm booking holds a hundred vehicles.
/// </summary>
internal static class BookingVehicles
{
    private static readonly ConditionalWeakTable<Booking, Dictionary<string, Vehicle>> Vehicles = new();

    /// <summary>
    /// The booking's vehicle of that id, or null when it has none. Ingest keys what it keeps per
    /// vehicle by the returned vehicle's <see cref="Vehicle.Id"/>, one string per vehicle, so that
    /// a lookup matches its key by reference rather than by comparing it with the copy each
    /// report brings, which at swarm scale was last read seconds ago.
    /// </summary>
    public static Vehicle? Find(Booking booking, string vehicleId) =>
        Vehicles.GetValue(booking, b => b.Vehicles.ToDictionary(v => v.Id, StringComparer.Ordinal))
            .GetValueOrDefault(vehicleId);
}
