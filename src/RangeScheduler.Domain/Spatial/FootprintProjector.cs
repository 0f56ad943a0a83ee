using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

namespace RangeScheduler.Domain.Spatial;

/// <summary>
/// Turns a WGS84 footprint into its polygon on a range's plane. Assumes a footprint that
/// passed <c>FootprintValidator</c>; rings are made counter-clockwise and closed here.
/// </summary>
public static class FootprintProjector
{
    /// <summary>The largest distance allowed between a buffered circle or corridor and its true outline (DESIGN.md, "Geometry").</summary>
    public const double MaxBufferErrorMeters = 0.5;

    private const int MaxQuadrantSegments = 2048;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);

    public static PlanarFootprint Project(Footprint footprint, LocalProjection projection) => new(footprint switch
    {
        PolygonFootprint polygon => Polygon(polygon, projection),
        CircleFootprint circle => Factory.CreatePoint(projection.Project(circle.Center))
            .Buffer(circle.RadiusMeters, QuadrantSegmentsFor(circle.RadiusMeters)),
        CorridorFootprint corridor => Factory.CreateLineString(corridor.Path.Select(projection.Project).ToArray())
            .Buffer(corridor.HalfWidthMeters, new BufferParameters(QuadrantSegmentsFor(corridor.HalfWidthMeters), EndCapStyle.Round)),
        _ => throw new ArgumentOutOfRangeException(nameof(footprint), footprint, "Unknown footprint shape"),
    });

    /// <summary>
    /// Segments per quarter circle so that a chord strays at most <see cref="MaxBufferErrorMeters"/>
    /// from the arc. A chord over angle a has sagitta r(1 − cos(a/2)). A full circle's chords
    /// span π/2q each, but NTS rounds the chords of a corridor's round join to a whole number,
    /// so one may span up to 1.5 × π/2q: q is chosen so that even that one stays within the error.
    /// </summary>
    public static int QuadrantSegmentsFor(double radiusMeters)
    {
        if (radiusMeters <= MaxBufferErrorMeters)
        {
            return 8;
        }
        var halfAngle = Math.Acos(1 - MaxBufferErrorMeters / radiusMeters);
        var segments = (int)Math.Ceiling(1.5 * Math.PI / (4 * halfAngle));
        return Math.Clamp(segments, 8, MaxQuadrantSegments);
    }

    private static Polygon Polygon(PolygonFootprint polygon, LocalProjection projection)
    {
        var shell = Ring(polygon.Exterior, projection, counterClockwise: true);
        var holes = polygon.Holes.Select(h => Ring(h, projection, counterClockwise: false)).ToArray();
        return Factory.CreatePolygon(shell, holes);
    }

    private static LinearRing Ring(IReadOnlyList<GeoPoint> points, LocalProjection projection, bool counterClockwise)
    {
        var coordinates = points.Select(projection.Project).ToList();
        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0].Copy());
        }
        var ring = Factory.CreateLinearRing(coordinates.ToArray());
        return ring.IsCCW == counterClockwise ? ring : (LinearRing)ring.Reverse();
    }
}
