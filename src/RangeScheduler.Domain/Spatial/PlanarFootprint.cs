using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace RangeScheduler.Domain.Spatial;

/// <summary>
/// A footprint in its range's metric plane (metres east and north of the range centre),
/// prepared for repeated intersection and distance tests. Circles and corridors are
/// polygons here, with enough segments that they stay within 0.5 m of the true shape.
/// </summary>
public sealed class PlanarFootprint
{
    private IPreparedGeometry? _prepared;

    public PlanarFootprint(Geometry geometry)
    {
        Geometry = geometry;
        Envelope = geometry.EnvelopeInternal;
    }

    /// <summary>A Polygon or MultiPolygon in metres.</summary>
    public Geometry Geometry { get; }

    /// <summary>The bounding box, in metres: what the spatial index works with.</summary>
    public Envelope Envelope { get; }

    /// <summary>Area in square metres.</summary>
    public double AreaSquareMeters => Geometry.Area;

    /// <summary>Prepared on first use: most footprints are tested only through their envelope.</summary>
    public IPreparedGeometry Prepared => _prepared ??= PreparedGeometryFactory.Prepare(Geometry);
}
