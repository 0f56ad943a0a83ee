using NetTopologySuite.Geometries;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// A polygonal footprint on the range's plane as flat coordinate arrays, for the per-fix tests:
/// containment by ray casting and distance to the edge by plain loops, with no allocation. NTS
/// is used once, to build it; its point tests allocate, and at 100,000 fixes a second that
/// garbage would cost more than the arithmetic.
/// </summary>
internal sealed class PlanarRings
{
    private readonly double[] _x;
    private readonly double[] _y;
    /// <summary>Where each closed ring starts in the arrays, and one past the last ring's end.</summary>
    private readonly int[] _ringStarts;

    /// <param name="geometry">A Polygon or MultiPolygon in metres, every ring closed.</param>
    public PlanarRings(Geometry geometry)
    {
        var rings = new List<CoordinateSequence>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(i);
            rings.Add(polygon.Shell.CoordinateSequence);
            rings.AddRange(polygon.Holes.Select(hole => hole.CoordinateSequence));
        }
        var count = rings.Sum(ring => ring.Count);
        _x = new double[count];
        _y = new double[count];
        _ringStarts = new int[rings.Count + 1];
        var next = 0;
        for (var r = 0; r < rings.Count; r++)
        {
            _ringStarts[r] = next;
            for (var i = 0; i < rings[r].Count; i++, next++)
            {
                _x[next] = rings[r].GetX(i);
                _y[next] = rings[r].GetY(i);
            }
        }
        _ringStarts[^1] = next;
        var envelope = geometry.EnvelopeInternal;
        (MinX, MinY, MaxX, MaxY) = (envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
    }

    public double MinX { get; }
    public double MinY { get; }
    public double MaxX { get; }
    public double MaxY { get; }

    /// <summary>A lower bound of the distance from the point to anything inside: 0 within the bounding box.</summary>
    public double EnvelopeGap(double x, double y)
    {
        var dx = Math.Max(0, Math.Max(MinX - x, x - MaxX));
        var dy = Math.Max(0, Math.Max(MinY - y, y - MaxY));
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>
    /// Inside by the even-odd rule over every ring: right for a valid Polygon or MultiPolygon,
    /// whose rings never cross. A point within rounding of an edge may go either way; the
    /// hysteresis margin keeps that from flapping alerts.
    /// </summary>
    public bool Contains(double x, double y)
    {
        if (x < MinX || x > MaxX || y < MinY || y > MaxY)
        {
            return false;
        }
        var inside = false;
        for (var r = 0; r < _ringStarts.Length - 1; r++)
        {
            for (var i = _ringStarts[r] + 1; i < _ringStarts[r + 1]; i++)
            {
                var (x0, y0, x1, y1) = (_x[i - 1], _y[i - 1], _x[i], _y[i]);
                if ((y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0))
                {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /// <summary>
    /// The distance from the point to the nearest edge, or <paramref name="enough"/> when every
    /// edge is at least that far: callers compare with a threshold, so segments whose boxes are
    /// beyond the best so far are skipped.
    /// </summary>
    public double DistanceToEdge(double x, double y, double enough = double.PositiveInfinity)
    {
        var best = enough;
        for (var r = 0; r < _ringStarts.Length - 1; r++)
        {
            for (var i = _ringStarts[r] + 1; i < _ringStarts[r + 1]; i++)
            {
                var (x0, y0, x1, y1) = (_x[i - 1], _y[i - 1], _x[i], _y[i]);
                var gapX = Math.Max(0, Math.Max(Math.Min(x0, x1) - x, x - Math.Max(x0, x1)));
                var gapY = Math.Max(0, Math.Max(Math.Min(y0, y1) - y, y - Math.Max(y0, y1)));
                if (gapX >= best || gapY >= best)
                {
                    continue;
                }
                best = Math.Min(best, SegmentDistance(x, y, x0, y0, x1, y1));
            }
        }
        return best;
    }

    private static double SegmentDistance(double x, double y, double x0, double y0, double x1, double y1)
    {
        var (dx, dy) = (x1 - x0, y1 - y0);
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((x - x0) * dx + (y - y0) * dy) / lengthSquared, 0, 1);
        var (ex, ey) = (x0 + t * dx - x, y0 + t * dy - y);
        return Math.Sqrt(ex * ex + ey * ey);
    }
}
