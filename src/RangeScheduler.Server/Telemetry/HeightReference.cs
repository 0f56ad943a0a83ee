using RangeScheduler.Contracts.V1;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// A report's height as conformance reads it: metres above mean sea level, up positive.
/// Depth below the surface counts as a negative height; a GNSS height above the WGS84
/// ellipsoid is brought to mean sea level with the EGM96 geoid (contract
/// <c>VerticalReference</c>: "the server converts"). Without the geoid grid installed such
/// heights cannot be converted, and their reports are rejected rather than misjudged by up
/// to a hundred metres.
/// </summary>
public sealed class HeightReference(GeoidModel? geoid)
{
    public bool CanConvertEllipsoidHeights => geoid is not null;

    /// <summary>Null when the report carries neither altitude nor depth: no vertical check for it.</summary>
    public double? AboveMeanSeaLevel(PositionReport report)
    {
        if (report.HasAltitudeM)
        {
            return report.AltitudeReference == VerticalReference.Wgs84Ellipsoid && geoid is not null
                ? geoid.MeanSeaLevelHeight(new GeoPoint(report.Latitude, report.Longitude), report.AltitudeM)
                : report.AltitudeM;
        }
        return report.HasDepthM ? -report.DepthM : null;
    }
}
