using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// A booking's volumes on the range's plane, ready for per-fix checks: each footprint as flat
/// rings, with its window and band. Built once per booking version and range version.
/// </summary>
internal sealed class BookedVolumes
{
    private readonly Geometry[] _geometries;
    private readonly PlanarRings[] _rings;
    private readonly TimeWindow[] _windows;
    private readonly VerticalBand[] _bands;
    /// <summary>
    /// Unions of footprints that contain a fix together, keyed by their indices as chars. Built on
    /// first need: overlapping volumes in force at once are rare, and a vehicle in the overlap is
    /// only near the edge of their union, not of either one.
    /// </summary>
    private readonly Dictionary<string, PlanarRings> _unions = new(StringComparer.Ordinal);

    public BookedVolumes(IReadOnlyList<Volume4D> volumes, RangePlane plane)
    {
        _geometries = volumes.Select(v => plane.Project(v.Footprint).Geometry).ToArray();
        _rings = _geometries.Select(g => new PlanarRings(g)).ToArray();
        _windows = volumes.Select(v => v.Window).ToArray();
        _bands = volumes.Select(v => v.Vertical).ToArray();
    }

    /// <param name="depthWanted">
    /// How deep inside matters to the caller; the depth is measured no further (0: not at all),
    /// which saves walking every edge of a large footprint for the common fix.
    /// </param>
    public VolumeFindings Assess(double x, double y, double? height, DateTimeOffset time, double depthWanted)
    {
        Span<char> containing = _rings.Length <= 64 ? stackalloc char[_rings.Length] : new char[_rings.Length];
        var count = 0;
        var inForce = false;
        var outside = double.PositiveInfinity;
        for (var i = 0; i < _rings.Length; i++)
        {
            if (!_windows[i].Contains(time))
            {
                continue;
            }
            inForce = true;
            if (_rings[i].Contains(x, y))
            {
                containing[count++] = (char)i;
            }
            else if (count == 0)
            {
                outside = _rings[i].DistanceToEdge(x, y, outside);
            }
        }
        if (!inForce)
        {
            return VolumeFindings.NotInForce;
        }
        if (count == 0)
        {
            return new VolumeFindings(true, false, outside, 0, false, false, false, 0);
        }
        var within = containing[..count];
        var depth = depthWanted <= 0 ? 0 : Edge(within).DistanceToEdge(x, y, depthWanted);
        return height is { } h
            ? Vertical(within, h, depth)
            : new VolumeFindings(true, true, 0, depth, false, false, false, 0);
    }

    private VolumeFindings Vertical(ReadOnlySpan<char> containing, double height, double depth)
    {
        var inBand = false;
        var clear = false;
        var gap = double.PositiveInfinity;
        foreach (var index in containing)
        {
            var band = _bands[index];
            gap = Math.Min(gap, Math.Max(band.LowerMeters - height, height - band.UpperMeters));
            // A band thinner than twice the margin could never be cleared by the full margin.
            var margin = Math.Min(RangeConformance.HysteresisMeters, (band.UpperMeters - band.LowerMeters) / 2);
            inBand |= height >= band.LowerMeters && height <= band.UpperMeters;
            clear |= height >= band.LowerMeters + margin && height <= band.UpperMeters - margin;
        }
        return new VolumeFindings(true, true, 0, depth, true, inBand, clear, Math.Max(0, gap));
    }

    private PlanarRings Edge(ReadOnlySpan<char> containing)
    {
        if (containing.Length == 1)
        {
            return _rings[containing[0]];
        }
        var lookup = _unions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(containing, out var union))
        {
            var parts = new List<Geometry>();
            foreach (var index in containing)
            {
                parts.Add(_geometries[index]);
            }
            union = new PlanarRings(UnaryUnionOp.Union(parts));
            _unions[containing.ToString()] = union;
        }
        return union;
    }
}
