using RangeScheduler.Contracts.V1;

namespace RangeScheduler.GroundStation.Geo;

/// <summary>
/// A booked <see cref="Footprint"/> (polygon, circle or corridor) in metres on a
/// <see cref="LocalTangentPlane"/>, answering the two questions the tool asks: where its
/// middle is, and how far inside it a point lies.
/// </summary>
public sealed class FootprintShape
{
    private readonly (double X, double Y)[][] _rings;  // polygon: exterior first, then holes
    private readonly (double X, double Y)[] _path;     // corridor centre line, or the circle's centre
    private readonly double _halfWidth;                // corridor half width, or the circle's radius

    private FootprintShape(LocalTangentPlane plane, (double, double)[][] rings, (double, double)[] path, double halfWidth)
    {
        Plane = plane;
        _rings = rings;
        _path = path;
        _halfWidth = halfWidth;
    }

    public LocalTangentPlane Plane { get; }

    public static FootprintShape Of(Footprint footprint)
    {
        switch (footprint.ShapeCase)
        {
            case Footprint.ShapeOneofCase.Polygon:
                var exterior = footprint.Polygon.Exterior.Points;
                var plane = new LocalTangentPlane(exterior[0].Latitude, exterior[0].Longitude);
                var rings = new[] { footprint.Polygon.Exterior }.Concat(footprint.Polygon.Holes)
                    .Select(ring => ring.Points.Select(p => plane.ToLocal(p.Latitude, p.Longitude)).ToArray()).ToArray();
                return new FootprintShape(plane, rings, [], 0);
            case Footprint.ShapeOneofCase.Circle:
                var circle = footprint.Circle;
                return new FootprintShape(new LocalTangentPlane(circle.Center.Latitude, circle.Center.Longitude), [], [(0, 0)], circle.RadiusM);
            case Footprint.ShapeOneofCase.Corridor:
                var start = footprint.Corridor.Path[0];
                var corridorPlane = new LocalTangentPlane(start.Latitude, start.Longitude);
                var path = footprint.Corridor.Path.Select(p => corridorPlane.ToLocal(p.Latitude, p.Longitude)).ToArray();
                return new FootprintShape(corridorPlane, [], path, footprint.Corridor.HalfWidthM);
            default:
                throw new ArgumentException("The footprint has no shape.", nameof(footprint));
        }
    }

    /// <summary>
    /// The polygon's area centroid (of its exterior ring), the circle's centre, or the point
    /// halfway along a corridor's centre line, which unlike a centroid is always inside it.
    /// </summary>
    public (double Latitude, double Longitude) Centroid()
    {
        var (x, y) = _rings.Length > 0 ? PlaneGeometry.AreaCentroid(_rings[0]) : PlaneGeometry.HalfwayAlong(_path);
        return Plane.ToGeodetic(x, y);
    }

    /// <summary>Metres from the point to the edge: positive inside, negative outside.</summary>
    public double DepthInside(double latitude, double longitude)
    {
        var (x, y) = Plane.ToLocal(latitude, longitude);
        return DepthInsideLocal(x, y);
    }

    internal double DepthInsideLocal(double x, double y)
    {
        if (_rings.Length == 0)
        {
            return _halfWidth - PlaneGeometry.DistanceToPath(_path, x, y, closed: false);
        }
        var nearest = double.MaxValue;
        var inside = false;
        for (var i = 0; i < _rings.Length; i++)
        {
            nearest = Math.Min(nearest, PlaneGeometry.DistanceToPath(_rings[i], x, y, closed: true));
            // Inside the exterior and outside every hole: each ring crossed flips the answer.
            inside ^= PlaneGeometry.Contains(_rings[i], x, y);
        }
        return inside ? nearest : -nearest;
    }

    /// <summary>
    /// A circle inside the footprint, as large as a search finds: the circle or corridor's
    /// own width, or for a polygon the deepest point of a 40 × 40 grid over its extent.
    /// </summary>
    public (double East, double North, double Radius) InnerCircle()
    {
        if (_rings.Length == 0)
        {
            var (x, y) = PlaneGeometry.HalfwayAlong(_path);
            return (x, y, _halfWidth);
        }
        var exterior = _rings[0];
        double minX = exterior.Min(p => p.X), maxX = exterior.Max(p => p.X), minY = exterior.Min(p => p.Y), maxY = exterior.Max(p => p.Y);
        const int steps = 40;
        var best = (East: 0.0, North: 0.0, Radius: double.MinValue);
        for (var i = 0; i <= steps; i++)
        {
            for (var j = 0; j <= steps; j++)
            {
                double x = minX + (maxX - minX) * i / steps, y = minY + (maxY - minY) * j / steps;
                var depth = DepthInsideLocal(x, y);
                if (depth > best.Radius)
                {
                    best = (x, y, depth);
                }
            }
        }
        return best;
    }
}
