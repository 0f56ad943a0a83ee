namespace RangeScheduler.Domain.Spatial;

/// <summary>
/// A horizontal shape as the caller gave it, in WGS84 degrees. It is kept as given so that
/// it can be returned unchanged; conflicts are computed on its <see cref="PlanarFootprint"/>
/// in the range's local metric projection.
/// </summary>
public abstract record Footprint;

/// <summary>A ring and its holes; either winding order; the closing point may be repeated or omitted.</summary>
public sealed record PolygonFootprint(IReadOnlyList<GeoPoint> Exterior, IReadOnlyList<IReadOnlyList<GeoPoint>> Holes) : Footprint
{
    public PolygonFootprint(IReadOnlyList<GeoPoint> exterior) : this(exterior, []) { }
}

/// <summary>A disc of <see cref="RadiusMeters"/> around a centre.</summary>
public sealed record CircleFootprint(GeoPoint Center, double RadiusMeters) : Footprint;

/// <summary>A route widened by <see cref="HalfWidthMeters"/> on each side, with round ends.</summary>
public sealed record CorridorFootprint(IReadOnlyList<GeoPoint> Path, double HalfWidthMeters) : Footprint;
