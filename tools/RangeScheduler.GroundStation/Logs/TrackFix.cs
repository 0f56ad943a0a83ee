namespace RangeScheduler.GroundStation.Logs;

/// <summary>The kind of log a fix was read from.</summary>
public enum LogKind
{
    Mavlink,
    Nmea,
    Ais,
}

/// <summary>
/// One position of one vehicle as a log recorded it, whatever the log's format.
/// </summary>
/// <param name="Offset">Time since the log's first fix; every reader sets it, so a track can be re-timed even when the log carries no date.</param>
/// <param name="Time">The fix's UTC time, when the log carries a date; null otherwise.</param>
/// <param name="AltitudeMeters">Above mean sea level; null when the log has no height (AIS, RMC alone).</param>
/// <param name="SpeedMetersPerSecond">Over ground.</param>
/// <param name="CourseDegrees">Over ground, [0, 360).</param>
/// <param name="HeadingDegrees">Where the bow or nose points, [0, 360).</param>
/// <param name="VehicleKey">MMSI for AIS, the system id for MAVLink, "1" for NMEA (one receiver).</param>
public sealed record TrackFix(
    TimeSpan Offset,
    DateTimeOffset? Time,
    double Latitude,
    double Longitude,
    double? AltitudeMeters,
    double? SpeedMetersPerSecond,
    double? CourseDegrees,
    double? HeadingDegrees,
    LogKind Source,
    string VehicleKey);
