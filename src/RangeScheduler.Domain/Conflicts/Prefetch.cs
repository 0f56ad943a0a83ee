using NetTopologySuite.Geometries;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// Brings into cache what a conflict check is about to read at a million bookings, where each
/// of it is a cache miss: the entries of the index cells a query visits, then the footprint
/// rings and ids of the neighbours it found. The loops that use them (scanning a cell, the
/// exact test of a neighbour) are too long for the processor to look ahead to the next cell's
/// or neighbour's miss, so they would wait for them one at a time. Read here first, in loops
/// small enough that all the misses are in flight together, they cost about one wait instead
/// (docs/benchmarks.md, conflict check, "fourth session").
/// </summary>
internal static class Prefetch
{
    /// <summary>Where the reads end up, so that the compiler cannot drop them as unused.</summary>
    private static int s_sink;

    /// <summary>The start, middle and end of each cell's entries.</summary>
    public static void Cells(List<(GridCell[] Columns, int Column)> cells)
    {
        var sum = 0;
        foreach (var (columns, column) in cells)
        {
            var entries = columns[column].Entries;
            sum += entries[0].Slot + entries[entries.Length / 2].Slot + entries[^1].Slot;
        }
        s_sink = sum;
    }

    /// <summary>
    /// Each neighbour's outer ring and its booking id, which a conflict's message copies. The
    /// chain to the ring (footprint, polygon, ring, coordinates) is followed for all of them at once.
    /// </summary>
    public static void Neighbours(ReadOnlySpan<BookedVolume> neighbours)
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
