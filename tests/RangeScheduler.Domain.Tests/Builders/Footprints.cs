using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Tests.Builders;

/// <summary>
/// Footprints for tests, written as metre offsets (east, north) from a named point or as WKT.
/// Offsets are taken on a <see cref="LocalProjection"/> centred on the point: from a range's
/// centre (<see cref="Places"/>) that is exactly the range's own plane, so offsets can be
/// placed to the centimetre against its boundary; from any other point, sizes still hold to
/// well under a centimetre, but "east" turns slightly (by the meridian convergence, about
/// 0.02° per 0.05° of longitude at Wanshan).
/// </summary>
public static class Footprints
{
    /// <summary>An axis-aligned square of <paramref name="sideMeters"/>, centred <paramref name="east"/>/<paramref name="north"/> metres from <paramref name="origin"/>.</summary>
    public static PolygonFootprint Square(GeoPoint origin, double sideMeters, double east = 0, double north = 0) =>
        Rectangle(origin, east - sideMeters / 2, north - sideMeters / 2, east + sideMeters / 2, north + sideMeters / 2);

    /// <summary>An axis-aligned rectangle between two corners given as metre offsets from <paramref name="origin"/>.</summary>
    public static PolygonFootprint Rectangle(GeoPoint origin, double west, double south, double east, double north) =>
        Polygon(origin, (west, south), (east, south), (east, north), (west, north));

    /// <summary>A polygon without holes; the ring is left open and in the order given.</summary>
    public static PolygonFootprint Polygon(GeoPoint origin, params (double East, double North)[] ring) =>
        new(Points(origin, ring));

    /// <summary>A polygon with holes, every ring as metre offsets from <paramref name="origin"/>.</summary>
    public static PolygonFootprint PolygonWithHoles(
        GeoPoint origin, (double East, double North)[] exterior, params (double East, double North)[][] holes) =>
        new(Points(origin, exterior), holes.Select(hole => Points(origin, hole)).ToList());

    /// <summary>A disc of <paramref name="radiusMeters"/> centred <paramref name="east"/>/<paramref name="north"/> metres from <paramref name="origin"/>.</summary>
    public static CircleFootprint Circle(GeoPoint origin, double radiusMeters, double east = 0, double north = 0) =>
        new(Point(origin, east, north), radiusMeters);

    /// <summary>A corridor along a path of metre offsets from <paramref name="origin"/>.</summary>
    public static CorridorFootprint Corridor(GeoPoint origin, double halfWidthMeters, params (double East, double North)[] path) =>
        new(Points(origin, path), halfWidthMeters);

    /// <summary>The point <paramref name="east"/>/<paramref name="north"/> metres from <paramref name="origin"/>.</summary>
    public static GeoPoint Point(GeoPoint origin, double east, double north) =>
        new LocalProjection(origin).Unproject(new Coordinate(east, north));

    /// <summary>
    /// A polygon from WKT in degrees, longitude first as WKT has it:
    /// <c>POLYGON ((113.70 21.80, 113.74 21.80, 113.74 21.83, 113.70 21.83, 113.70 21.80))</c>.
    /// </summary>
    public static PolygonFootprint Wkt(string polygonWkt)
    {
        var polygon = (Polygon)new WKTReader().Read(polygonWkt);
        return new PolygonFootprint(
            Degrees(polygon.ExteriorRing.Coordinates),
            polygon.InteriorRings.Select(hole => Degrees(hole.Coordinates)).ToList());
    }

    private static IReadOnlyList<GeoPoint> Points(GeoPoint origin, IEnumerable<(double East, double North)> offsets)
    {
        var projection = new LocalProjection(origin);
        return offsets.Select(o => projection.Unproject(new Coordinate(o.East, o.North))).ToList();
    }

    private static IReadOnlyList<GeoPoint> Degrees(Coordinate[] coordinates) =>
        coordinates.Select(c => new GeoPoint(c.Y, c.X)).ToList();
}
