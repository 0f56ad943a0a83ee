using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace RangeScheduler.Domain.Validation;

/// <summary>
/// A quick proof that a small ring neither crosses nor touches itself, for the footprints of
/// everyday requests. NTS's <c>IsSimpleOp</c> builds a noding index per ring, kilobytes of
/// garbage per booking check; comparing every pair of a few segments needs none. Only a
/// proof of simplicity: a ring it cannot prove simple goes to <c>IsSimpleOp</c>, which also
/// says where the ring meets itself.
/// </summary>
internal static class RingSimplicity
{
    /// <summary>Above this many segments the pairwise test costs more than the index it avoids.</summary>
    private const int MaxSegments = 32;

    /// <summary>
    /// True when no two segments of the closed <paramref name="ring"/> meet, except
    /// neighbours at their one shared vertex; false when they do or the ring is too large.
    /// </summary>
    public static bool IsProvenSimple(LinearRing ring)
    {
        var points = ring.Coordinates;
        var segments = points.Length - 1;
        if (segments > MaxSegments)
        {
            return false;
        }
        var intersector = new RobustLineIntersector();
        for (var i = 0; i < segments; i++)
        {
            for (var j = i + 1; j < segments; j++)
            {
                intersector.ComputeIntersection(points[i], points[i + 1], points[j], points[j + 1]);
                if (!intersector.HasIntersection)
                {
                    continue;
                }
                // Neighbours (the first and last segment are neighbours too) share exactly one vertex;
                // anything more, such as a spike folding back along its neighbour, is a touch.
                var neighbours = j == i + 1 || (i == 0 && j == segments - 1);
                if (!neighbours || intersector.IntersectionNum != 1)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
