using NetTopologySuite.Geometries;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// Brings into cache what the exact test of a neighbouring booking reads: its footprint's
/// outer ring and its id, which a conflict's message copies. At a million bookings each of
/// those is a cache miss, several of them in a chain (footprint, ring, coordinates), and the
/// exact test, too large a loop for the processor to look ahead of, would wait for them one
/// neighbour at a time. Read here first, in a loop small enough that the misses of all the
/// neighbours are in flight together, they cost about one wait instead of one per neighbour
/// (docs/benchmarks.md, conflict check, "fourth session").
/// </summary>
internal static class NeighbourPrefetch
{
    /// <summary>Where the reads end up, so that the compiler cannot drop them as unused.</summary>
    private static int s_sink;

    public static void Touch(ReadOnlySpan<BookedVolume> neighbours)
    {
        var sum = 0;
        foreach (var booked in neighbours)
        {
            if (booked.Footprint.Geometry.GetGeometryN(0) is Polygon polygon)
            {
                var ring = polygon.Shell.CoordinateSequence;
                sum += (int)ring.GetX(0) + (int)ring.GetX(ring.Count / 2);
            }
            sum += booked.BookingId.Length;
        }
        s_sink = sum;
    }
}
