using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The distance between two polygonal footprints (Polygon or MultiPolygon), 0 when they
/// intersect, computed as NTS's <c>DistanceOp</c> does — containment of one component's first
/// point in the other, then the least segment-to-segment distance — but without allocating:
/// <c>DistanceOp</c> makes an envelope per segment pair and lists per call, and at a million
/// bookings a check meets dozens of neighbours, so that garbage is what set off collections
/// in the middle of checks. Brute force over the segment pairs, for small shapes only.
/// </summary>
internal static class PolygonDistance
{
    public static double Between(Geometry a, Geometry b)
    {
        if (HasPointInside(a, b) || HasPointInside(b, a))
        {
            return 0;
        }
        var least = double.MaxValue;
        for (var i = 0; i < a.NumGeometries; i++)
        {
            var polygonA = (Polygon)a.GetGeometryN(i);
            for (var j = 0; j < b.NumGeometries; j++)
            {
                var polygonB = (Polygon)b.GetGeometryN(j);
                for (var ringA = 0; ringA <= polygonA.NumInteriorRings; ringA++)
                {
                    for (var ringB = 0; ringB <= polygonB.NumInteriorRings; ringB++)
                    {
                        least = RingDistance(Ring(polygonA, ringA), Ring(polygonB, ringB), least);
                        if (least == 0)
                        {
                            return 0;
                        }
                    }
                }
            }
        }
        return least;
    }

    /// <summary>Ring 0 is the shell, then the holes.</summary>
    private static LineString Ring(Polygon polygon, int ring) => ring == 0 ? polygon.Shell : polygon.GetInteriorRingN(ring - 1);

    /// <summary>
    /// True when the first point of one of <paramref name="inner"/>'s polygons lies in or on a
    /// polygon of <paramref name="outer"/>. Boundaries that do not cross then mean the whole
    /// polygon is inside; boundaries that do cross are found by the segment distances anyway.
    /// </summary>
    private static bool HasPointInside(Geometry outer, Geometry inner)
    {
        for (var i = 0; i < inner.NumGeometries; i++)
        {
            var point = ((Polygon)inner.GetGeometryN(i)).Shell.CoordinateSequence.GetCoordinate(0);
            for (var j = 0; j < outer.NumGeometries; j++)
            {
                if (Covers((Polygon)outer.GetGeometryN(j), point))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Inside the shell and not inside a hole, by counting crossings. Not robust for a point on
    /// or a rounding error from an edge, and need not be: such a point is ~0 from the other
    /// boundary, which the segment distances then report.
    /// </summary>
    private static bool Covers(Polygon polygon, Coordinate point)
    {
        if (!polygon.EnvelopeInternal.Covers(point) || !Encloses(polygon.Shell.CoordinateSequence, point))
        {
            return false;
        }
        for (var h = 0; h < polygon.NumInteriorRings; h++)
        {
            if (Encloses(polygon.GetInteriorRingN(h).CoordinateSequence, point))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether a ray from <paramref name="point"/> eastwards crosses the closed ring an odd number of times.</summary>
    private static bool Encloses(CoordinateSequence ring, Coordinate point)
    {
        var inside = false;
        for (var i = 1; i < ring.Count; i++)
        {
            var (x0, y0, x1, y1) = (ring.GetX(i - 1), ring.GetY(i - 1), ring.GetX(i), ring.GetY(i));
            if ((y0 > point.Y) != (y1 > point.Y) && point.X < x0 + (point.Y - y0) * (x1 - x0) / (y1 - y0))
            {
                inside = !inside;
            }
        }
        return inside;
    }

    /// <summary>
    /// The least of <paramref name="least"/> and the distance between the rings' segments,
    /// skipping ring and segment pairs whose boxes are already further apart than the least found.
    /// </summary>
    private static double RingDistance(LineString a, LineString b, double least)
    {
        var boxB = b.EnvelopeInternal;
        if (a.EnvelopeInternal.Distance(boxB) > least)
        {
            return least;
        }
        var pointsA = a.CoordinateSequence;
        var pointsB = b.CoordinateSequence;
        for (var i = 0; i < pointsA.Count - 1; i++)
        {
            var a0 = pointsA.GetCoordinate(i);
            var a1 = pointsA.GetCoordinate(i + 1);
            if (BoxGap(a0, a1, boxB) > least)
            {
                continue;
            }
            for (var j = 0; j < pointsB.Count - 1; j++)
            {
                var distance = DistanceComputer.SegmentToSegment(a0, a1, pointsB.GetCoordinate(j), pointsB.GetCoordinate(j + 1));
                if (distance < least)
                {
                    least = distance;
                    if (least == 0)
                    {
                        return 0;
                    }
                }
            }
        }
        return least;
    }

    /// <summary>The distance between the segment's box and <paramref name="box"/>: a lower bound of any distance between what they hold.</summary>
    private static double BoxGap(Coordinate p, Coordinate q, Envelope box)
    {
        var dx = Math.Max(0, Math.Max(Math.Min(p.X, q.X) - box.MaxX, box.MinX - Math.Max(p.X, q.X)));
        var dy = Math.Max(0, Math.Max(Math.Min(p.Y, q.Y) - box.MaxY, box.MinY - Math.Max(p.Y, q.Y)));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
