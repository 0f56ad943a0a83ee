namespace RangeScheduler.GroundStation.Geo;

/// <summary>
/// An equirectangular plane tangent at <paramref name="originLatitude"/>,
/// <paramref name="originLongitude"/>: east and north metres from the origin. Its scale error
/// grows with the square of the distance (about 1 part in 10,000 at 20 km at mid latitudes),
/// which is enough for moving tracks and placing patterns within one test range.
/// </summary>
public readonly struct LocalTangentPlane(double originLatitude, double originLongitude)
{
    /// <summary>The IUGG mean Earth radius.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    private const double MetersPerDegree = EarthRadiusMeters * Units.DegreesToRadians;

    private readonly double _metersPerDegreeEast = MetersPerDegree * Math.Cos(originLatitude * Units.DegreesToRadians);

    public double OriginLatitude { get; } = originLatitude;

    public double OriginLongitude { get; } = originLongitude;

    public (double East, double North) ToLocal(double latitude, double longitude)
    {
        var dLon = longitude - OriginLongitude;
        // Across the antimeridian the short way round is the right one.
        dLon = dLon > 180 ? dLon - 360 : dLon < -180 ? dLon + 360 : dLon;
        return (dLon * _metersPerDegreeEast, (latitude - OriginLatitude) * MetersPerDegree);
    }

    public (double Latitude, double Longitude) ToGeodetic(double east, double north)
    {
        var longitude = OriginLongitude + east / _metersPerDegreeEast;
        longitude = longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;
        return (OriginLatitude + north / MetersPerDegree, longitude);
    }

    /// <summary>Great-circle distance (haversine), for checks independent of any plane.</summary>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = (lat2 - lat1) * Units.DegreesToRadians;
        var dLon = (lon2 - lon1) * Units.DegreesToRadians;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * Units.DegreesToRadians) * Math.Cos(lat2 * Units.DegreesToRadians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
