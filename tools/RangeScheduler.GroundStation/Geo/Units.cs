namespace RangeScheduler.GroundStation.Geo;

/// <summary>Angle and speed conversions shared by the log readers and the geometry.</summary>
internal static class Units
{
    public const double DegreesToRadians = Math.PI / 180;

    /// <summary>1 international knot = 1852 m per hour.</summary>
    public const double KnotsToMetersPerSecond = 1852.0 / 3600.0;

    /// <summary>The same direction in [0, 360).</summary>
    public static double NormalizeDegrees(double degrees)
    {
        var d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }

    /// <summary>A compass bearing, 0 north and 90 east, of a local east/north vector.</summary>
    public static double BearingDegrees(double east, double north) =>
        NormalizeDegrees(Math.Atan2(east, north) / DegreesToRadians);
}
