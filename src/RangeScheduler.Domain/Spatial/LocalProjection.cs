using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace RangeScheduler.Domain.Spatial;

/// <summary>
/// The metric plane of one range: a transverse Mercator projection with scale 1 on a
/// meridian through the range's centre and its origin at that centre (DESIGN.md, "Geometry").
/// Within 50 km of the centre, distances are true to better than 1 part in 30,000, so
/// separations and the 1 cm precision can be computed in metres on the plane.
/// </summary>
public sealed class LocalProjection
{
    private static readonly CoordinateSystemFactory Systems = new();
    private static readonly CoordinateTransformationFactory Transformations = new();

    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    public LocalProjection(GeoPoint center)
    {
        Center = center;
        var parameters = new List<ProjectionParameter>
        {
            new("latitude_of_origin", center.Latitude),
            new("central_meridian", center.Longitude),
            new("scale_factor", 1.0),
            new("false_easting", 0.0),
            new("false_northing", 0.0),
        };
        var projection = Systems.CreateProjection("Transverse Mercator", "Transverse_Mercator", parameters);
        var local = Systems.CreateProjectedCoordinateSystem(
            $"Local TM at {center.Latitude:0.######},{center.Longitude:0.######}",
            GeographicCoordinateSystem.WGS84, projection, LinearUnit.Metre,
            new AxisInfo("East", AxisOrientationEnum.East), new AxisInfo("North", AxisOrientationEnum.North));
        var transformation = Transformations.CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, local);
        _forward = transformation.MathTransform;
        _inverse = transformation.MathTransform.Inverse();
    }

    public GeoPoint Center { get; }

    /// <summary>The projection centred on the middle of the points' bounding box, across the antimeridian if they straddle it.</summary>
    public static LocalProjection CenteredOn(IEnumerable<GeoPoint> points)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A projection needs at least one point to centre on.", nameof(points));
        }
        var latitude = (list.Min(p => p.Latitude) + list.Max(p => p.Latitude)) / 2;
        return new LocalProjection(new GeoPoint(latitude, MiddleLongitude(list)));
    }

    /// <summary>Metres east and north of the centre.</summary>
    public Coordinate Project(GeoPoint point)
    {
        var (x, y) = _forward.Transform(point.Longitude, point.Latitude);
        return new Coordinate(x, y);
    }

    /// <summary>
    /// Metres east and north of the centre, without allocating a <see cref="Coordinate"/>: the
    /// conformance engine projects every position fix, 100,000 a second.
    /// </summary>
    public (double X, double Y) ProjectXY(GeoPoint point) => _forward.Transform(point.Longitude, point.Latitude);

    public GeoPoint Unproject(Coordinate coordinate)
    {
        var (longitude, latitude) = _inverse.Transform(coordinate.X, coordinate.Y);
        return new GeoPoint(latitude, NormalizeLongitude(longitude));
    }

    /// <summary>The middle of the shortest arc of longitudes that holds every point.</summary>
    private static double MiddleLongitude(List<GeoPoint> points)
    {
        var reference = points[0].Longitude;
        var offsets = points.Select(p => NormalizeLongitude(p.Longitude - reference)).ToList();
        return NormalizeLongitude(reference + (offsets.Min() + offsets.Max()) / 2);
    }

    private static double NormalizeLongitude(double longitude)
    {
        var wrapped = (longitude + 180) % 360;
        return (wrapped < 0 ? wrapped + 360 : wrapped) - 180;
    }
}
