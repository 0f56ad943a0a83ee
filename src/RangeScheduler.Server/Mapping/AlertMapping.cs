using RangeScheduler.Domain.Conformance;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Mapping;

/// <summary>Conformance alerts as the contract's <c>Alert</c>.</summary>
public static class AlertMapping
{
    public static V1.Alert ToContract(ConformanceAlert alert) => new()
    {
        Id = alert.Id,
        Kind = alert.Kind switch
        {
            AlertKind.LeftVolume => V1.AlertKind.LeftVolume,
            AlertKind.NearBoundary => V1.AlertKind.NearBoundary,
            AlertKind.EnteredExclusion => V1.AlertKind.EnteredExclusion,
            AlertKind.Altitude => V1.AlertKind.Altitude,
            AlertKind.LostLink => V1.AlertKind.LostLink,
            AlertKind.Proximity => V1.AlertKind.Proximity,
            AlertKind.OutsideWindow => V1.AlertKind.OutsideWindow,
            AlertKind.Resolved => V1.AlertKind.Resolved,
            _ => V1.AlertKind.Unspecified,
        },
        Severity = alert.Severity switch
        {
            AlertSeverity.Info => V1.Severity.Info,
            AlertSeverity.Warning => V1.Severity.Warning,
            AlertSeverity.Critical => V1.Severity.Critical,
            _ => V1.Severity.Unspecified,
        },
        RangeId = alert.RangeId,
        BookingId = alert.BookingId,
        VehicleId = alert.VehicleId,
        Time = GeoMapping.ToContract(alert.Time),
        Position = GeoMapping.ToContract(alert.Position),
        AltitudeM = alert.HeightMeters ?? 0,
        DistanceM = alert.DistanceMeters,
        OtherId = alert.OtherId,
        Message = alert.Message,
        ResolvesAlertId = alert.ResolvesAlertId,
        OtherBookingId = alert.OtherBookingId,
        OtherVehicleId = alert.OtherVehicleId,
    };
}
