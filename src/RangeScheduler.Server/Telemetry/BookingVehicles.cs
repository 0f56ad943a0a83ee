using System.Runtime.CompilerServices;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// A booking's vehicles by id, made once per booking version and kept as long as it is:
/// ingest asks for every report, and a swarm booking holds a hundred vehicles.
/// </summary>
internal static class BookingVehicles
{
    private static readonly ConditionalWeakTable<Booking, Dictionary<string, VehicleKind>> Kinds = new();

    /// <summary>The vehicle's kind, or null when it is not one of the booking's vehicles.</summary>
    public static VehicleKind? KindOf(Booking booking, string vehicleId) =>
        Kinds.GetValue(booking, b => b.Vehicles.ToDictionary(v => v.Id, v => v.Kind, StringComparer.Ordinal))
            .TryGetValue(vehicleId, out var kind) ? kind : null;
}
