using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Domain.Spatial;

/// <summary>
/// A range in its own metric plane: the projection centred on its boundary, and its
/// boundary and zones as prepared polygons in metres. Built once per range version.
/// </summary>
public sealed class RangePlane
{
    public RangePlane(TestRange range)
    {
        Range = range;
        Projection = LocalProjection.CenteredOn(range.Boundary.Exterior);
        Boundary = Project(range.Boundary);
        Zones = range.Zones.Select(zone => new PlanarZone(zone, Project(zone.Footprint))).ToList();
    }

    public TestRange Range { get; }

    public LocalProjection Projection { get; }

    public PlanarFootprint Boundary { get; }

    public IReadOnlyList<PlanarZone> Zones { get; }

    public PlanarFootprint Project(Footprint footprint) => FootprintProjector.Project(footprint, Projection);
}

/// <summary>A zone with its footprint in the range's plane.</summary>
public sealed record PlanarZone(Zone Zone, PlanarFootprint Footprint);
