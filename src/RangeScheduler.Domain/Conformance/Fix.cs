using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// One accepted position fix (contract <c>PositionReport</c>), after the service's checks: the
/// booking is reportable, the vehicle is one of its vehicles, the report is not a duplicate.
/// </summary>
/// <param name="Time">When the fix was taken.</param>
/// <param name="ReceivedAt">When the server accepted it: what the LOST_LINK watchdog counts from.</param>
/// <param name="HeightMeters">
/// Metres above mean sea level, up positive: the caller already turned <c>depth_m</c> into its
/// negative and ellipsoid heights into AMSL ones (DESIGN.md, "Geometry"). Null: unknown (AIS),
/// so no vertical check for this fix.
/// </param>
/// <param name="NextReportBy">A planned silence: no LOST_LINK before this instant.</param>
public readonly record struct Fix(
    string BookingId,
    string VehicleId,
    DateTimeOffset Time,
    DateTimeOffset ReceivedAt,
    GeoPoint Position,
    double? HeightMeters,
    DateTimeOffset? NextReportBy);

/// <summary>Where a vehicle was at a time: what an alert records.</summary>
/// <param name="HeightMeters">Above mean sea level; null when unknown.</param>
internal readonly record struct Sighting(DateTimeOffset Time, GeoPoint Position, double? HeightMeters)
{
    public static Sighting Of(in Fix fix) => new(fix.Time, fix.Position, fix.HeightMeters);
}
