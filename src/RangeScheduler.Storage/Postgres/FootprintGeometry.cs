using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// A footprint as a PostGIS geometry in WGS84 longitude/latitude (SRID 4326), sent as EWKB
/// since Npgsql's NetTopologySuite plugin is not available (shared/DEPENDENCIES.md). A
/// polygon is its rings as given. A circle or corridor is buffered as the conflict checks
/// buffer it (<see cref="FootprintProjector"/>, within <see cref="FootprintProjector.MaxBufferErrorMeters"/>
/// of the true outline), on a transverse Mercator plane centred on the shape itself so that no
/// range is needed, and its vertices are taken back to longitude and latitude. The geometry
/// serves SQL queries; the booking's document keeps the shape as given.
/// </summary>
internal static class FootprintGeometry
{
    public const int Wgs84Srid = 4326;

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), Wgs84Srid);

    public static byte[] ToEwkb(Footprint footprint) =>
        new WKBWriter(ByteOrder.LittleEndian, handleSRID: true).Write(ToGeometry(footprint));

    public static Geometry ToGeometry(Footprint footprint) => footprint switch
    {
        PolygonFootprint polygon => Wgs84.CreatePolygon(
            Ring(polygon.Exterior), polygon.Holes.Select(Ring).ToArray()),
        CircleFootprint circle => Buffered(circle, [circle.Center]),
        CorridorFootprint corridor => Buffered(corridor, corridor.Path),
        _ => throw new ArgumentOutOfRangeException(nameof(footprint), footprint, "Unknown footprint shape"),
    };

    private static Geometry Buffered(Footprint footprint, IReadOnlyList<GeoPoint> points)
    {
        var projection = LocalProjection.CenteredOn(points);
        var planar = FootprintProjector.Project(footprint, projection).Geometry;
        var geometry = Wgs84.CreateGeometry(planar);
        geometry.Apply(new Unprojection(projection));
        return geometry;
    }

    private static LinearRing Ring(IReadOnlyList<GeoPoint> points)
    {
        var coordinates = points.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToList();
        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0].Copy());
        }
        return Wgs84.CreateLinearRing(coordinates.ToArray());
    }

    /// <summary>Moves every vertex from the plane back to longitude (x) and latitude (y).</summary>
    private sealed class Unprojection(LocalProjection projection) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                var point = projection.Unproject(sequence.GetCoordinate(i));
                sequence.SetX(i, point.Longitude);
                sequence.SetY(i, point.Latitude);
            }
        }
    }
}
