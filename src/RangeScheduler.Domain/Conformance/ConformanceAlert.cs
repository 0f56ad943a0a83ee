using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// One alert (contract <c>Alert</c>). An alert opens an episode; the matching
/// <see cref="AlertKind.Resolved"/> alert, whose <see cref="ResolvesAlertId"/> names it, closes it.
/// </summary>
/// <param name="Time">The time of the fix that started or ended the condition.</param>
/// <param name="Position">Where the vehicle was at <paramref name="Time"/>.</param>
/// <param name="HeightMeters">Metres above mean sea level at <paramref name="Time"/>; null when unknown.</param>
/// <param name="DistanceMeters">How far outside, inside or close, in metres; 0 where it does not apply.</param>
/// <param name="OtherId">The zone or closure id of ENTERED_EXCLUSION; otherwise empty.</param>
/// <param name="ResolvesAlertId">For RESOLVED: the alert that ended; otherwise empty.</param>
/// <param name="OtherBookingId">For PROXIMITY: the other vehicle's booking; otherwise empty.</param>
/// <param name="OtherVehicleId">For PROXIMITY: the other vehicle; otherwise empty.</param>
public sealed record ConformanceAlert(
    string Id,
    AlertKind Kind,
    AlertSeverity Severity,
    string RangeId,
    string BookingId,
    string VehicleId,
    DateTimeOffset Time,
    GeoPoint Position,
    double? HeightMeters,
    double DistanceMeters,
    string OtherId,
    string Message,
    string ResolvesAlertId,
    string OtherBookingId,
    string OtherVehicleId);
