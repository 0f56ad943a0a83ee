using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Distance;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// One volume being checked, on the range's plane. It is the side prepared for repeated
/// tests: one request volume meets many blockers, so its prepared geometry, eroded interior
/// and facet index are built once, on first need, and reused for every candidate.
/// </summary>
internal sealed class RequestedVolume
{
    private IPreparedGeometry? _interior;
    private IndexedFacetDistance? _facetDistance;

    /// <param name="window">
    /// The window to check: the volume's own for a booking check; for a slot search, every
    /// time the volume could occupy for any start in the search window.
    /// </param>
    public RequestedVolume(int index, PlanarFootprint footprint, VerticalBand vertical, TimeWindow window)
    {
        Index = index;
        Footprint = footprint;
        Vertical = vertical;
        Window = window;
    }

    /// <summary>The position of the volume in the request (<c>Conflict.volume_index</c>).</summary>
    public int Index { get; }

    public PlanarFootprint Footprint { get; }

    public VerticalBand Vertical { get; }

    public TimeWindow Window { get; }

    public IPreparedGeometry Prepared => Footprint.Prepared;

    /// <summary>
    /// The footprint shrunk by <see cref="Proximity.ToleranceMeters"/>: a shape that intersects
    /// it reaches more than the tolerance into the footprint, which is what "interiors
    /// overlap" means at 1 cm precision (a touching shape, or one a rounding error over the
    /// edge, does not).
    /// </summary>
    public IPreparedGeometry Interior =>
        _interior ??= PreparedGeometryFactory.Prepare(Footprint.Geometry.Buffer(-Proximity.ToleranceMeters));

    /// <summary>Distances to large shapes in O(log n) per facet rather than comparing every pair of segments.</summary>
    public IndexedFacetDistance FacetDistance => _facetDistance ??= new IndexedFacetDistance(Footprint.Geometry);

    /// <summary>The request's volumes as given, each checked over its own window.</summary>
    public static RequestedVolume[] Of(IReadOnlyList<Volume4D> volumes, RangePlane plane) =>
        Of(volumes, volumes.Select(v => plane.Project(v.Footprint)).ToArray());

    /// <param name="footprints">Each volume's footprint already on the range's plane, in the same order.</param>
    public static RequestedVolume[] Of(IReadOnlyList<Volume4D> volumes, IReadOnlyList<PlanarFootprint> footprints)
    {
        var requested = new RequestedVolume[volumes.Count];
        for (var i = 0; i < requested.Length; i++)
        {
            var volume = volumes[i];
            requested[i] = new RequestedVolume(i, footprints[i], volume.Vertical, volume.Window);
        }
        return requested;
    }

    /// <summary>A booked volume seen as a request, to test it against a closure or a new range definition.</summary>
    public static RequestedVolume Of(BookedVolume booked) =>
        new(booked.VolumeIndex, booked.Footprint, booked.Vertical, booked.Window);
}
