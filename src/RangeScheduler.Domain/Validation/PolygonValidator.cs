using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Valid;
using RangeScheduler.Domain.Spatial;
using static System.FormattableString;

namespace RangeScheduler.Domain.Validation;

/// <summary>
/// The rules for a contract <c>Polygon</c> (DESIGN.md "Geometry", geo.proto <c>Ring</c>): at
/// most <see cref="FootprintValidator.MaxVertices"/> vertices, every point a valid LatLng, at
/// least 3 distinct points per ring, no ring crossing or touching itself, every hole inside
/// the exterior and holes not overlapping. Either winding order; the closing point may be
/// repeated or omitted.
/// </summary>
public static class PolygonValidator
{
    /// <summary>
    /// Below the 1 cm precision of DESIGN.md "Geometry" a ring encloses nothing. Points on one
    /// line rarely stay exactly on one line once projected, so a zero-area test would miss them.
    /// </summary>
    private const double MinRingAreaSquareMeters = 1e-4;

    /// <summary>
    /// Adds every violation under <paramref name="path"/> (e.g. <c>range.boundary</c> or
    /// <c>volumes[0].footprint.polygon</c>); true when there was none.
    /// </summary>
    /// <param name="projection">The plane the rings are checked in; null: one centred on the exterior ring.</param>
    public static bool Validate(PolygonFootprint polygon, string path, ValidationErrors errors, LocalProjection? projection = null)
    {
        var vertices = CountVertices(polygon);
        if (vertices > FootprintValidator.MaxVertices)
        {
            // Refused on the count alone, before any per-point or geometry work, so that an
            // oversized request costs next to nothing.
            errors.Add(path, $"has {vertices} vertices in all rings; at most {FootprintValidator.MaxVertices} are allowed");
            return false;
        }

        var before = errors.Count;
        var rings = new List<(IReadOnlyList<GeoPoint> Points, string Path)> { (polygon.Exterior, $"{path}.exterior") };
        rings.AddRange(polygon.Holes.Select((hole, h) => (hole, $"{path}.holes[{h}]")));
        foreach (var (points, ringPath) in rings)
        {
            ValidatePoints(points, ringPath, errors);
        }
        if (errors.Count > before)
        {
            return false;
        }

        // Geometry only once every coordinate is sound: a NaN or out-of-range point cannot be projected.
        projection ??= LocalProjection.CenteredOn(polygon.Exterior);
        var planar = new List<LinearRing>(rings.Count);
        foreach (var (points, ringPath) in rings)
        {
            if (PlanarRing(points, ringPath, projection, errors) is { } ring)
            {
                planar.Add(ring);
            }
        }
        if (errors.Count > before)
        {
            return false;
        }
        ValidateTopology(planar, rings.Select(r => r.Path).ToList(), path, projection, errors);
        return errors.Count == before;
    }

    private static int CountVertices(PolygonFootprint polygon) =>
        Vertices(polygon.Exterior) + polygon.Holes.Sum(Vertices);

    private static int Vertices(IReadOnlyList<GeoPoint> ring) =>
        ring.Count > 1 && ring[0] == ring[^1] ? ring.Count - 1 : ring.Count;

    private static void ValidatePoints(IReadOnlyList<GeoPoint> ring, string ringPath, ValidationErrors errors)
    {
        var before = errors.Count;
        for (var i = 0; i < ring.Count; i++)
        {
            if (!GeoPointValidator.IsValid(ring[i]))
            {
                GeoPointValidator.Validate(ring[i], $"{ringPath}.points[{i}]", errors);
            }
        }
        if (errors.Count == before && CountDistinctUpTo3(ring) < 3)
        {
            errors.Add($"{ringPath}.points", $"needs at least 3 distinct points; has {CountDistinctUpTo3(ring)}");
        }
    }

    /// <summary>Stops at 3: only "fewer than 3" matters, and a large ring should not be hashed in full.</summary>
    private static int CountDistinctUpTo3(IReadOnlyList<GeoPoint> ring)
    {
        var distinct = new HashSet<GeoPoint>();
        for (var i = 0; i < ring.Count && distinct.Count < 3; i++)
        {
            distinct.Add(ring[i]);
        }
        return distinct.Count;
    }

    /// <summary>The closed ring in metres, with consecutive repeated points dropped; null when a point does not project.</summary>
    private static LinearRing? PlanarRing(IReadOnlyList<GeoPoint> points, string ringPath, LocalProjection projection, ValidationErrors errors)
    {
        var coordinates = new List<Coordinate>(points.Count + 1);
        foreach (var point in points)
        {
            var coordinate = projection.Project(point);
            if (!double.IsFinite(coordinate.X) || !double.IsFinite(coordinate.Y))
            {
                errors.Add(ringPath, "reaches too far from the range's centre to be measured in its plane");
                return null;
            }
            if (coordinates.Count == 0 || !coordinates[^1].Equals2D(coordinate))
            {
                coordinates.Add(coordinate);
            }
        }
        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0].Copy());
        }
        // Distinct in degrees is not always distinct on the plane: (90, 0) and (90, 10) are both the pole.
        if (coordinates.Count < 4)
        {
            errors.Add($"{ringPath}.points", "needs at least 3 distinct places; some points are the same place");
            return null;
        }
        return FootprintProjector.Factory.CreateLinearRing(coordinates.ToArray());
    }

    private static void ValidateTopology(
        IReadOnlyList<LinearRing> rings, IReadOnlyList<string> paths, string path, LocalProjection projection, ValidationErrors errors)
    {
        var before = errors.Count;
        for (var i = 0; i < rings.Count; i++)
        {
            if (!RingSimplicity.IsProvenSimple(rings[i]) && new IsSimpleOp(rings[i]) is var simplicity && !simplicity.IsSimple())
            {
                errors.Add(paths[i], $"crosses or touches itself near {Describe(simplicity.NonSimpleLocation, projection)}");
            }
            else if (Area.OfRing(rings[i].CoordinateSequence) < MinRingAreaSquareMeters)
            {
                errors.Add(paths[i], "encloses no area: its points lie on one line");
            }
        }
        if (errors.Count > before || rings.Count == 1)
        {
            return;
        }

        var shell = PreparedGeometryFactory.Prepare(FootprintProjector.Factory.CreatePolygon(rings[0]));
        for (var h = 1; h < rings.Count; h++)
        {
            if (!shell.Covers(rings[h]))
            {
                errors.Add(paths[h], "lies outside the exterior ring");
            }
        }
        if (errors.Count > before)
        {
            return;
        }

        // Each ring is sound and each hole inside the shell; what is left is how the holes meet.
        var polygon = FootprintProjector.Factory.CreatePolygon(rings[0], rings.Skip(1).ToArray());
        var error = new IsValidOp(polygon).ValidationError;
        if (error is not null)
        {
            errors.Add($"{path}.holes", $"overlap or cut the polygon apart ({error.Message} near {Describe(error.Coordinate, projection)})");
        }
    }

    private static string Describe(Coordinate? location, LocalProjection projection)
    {
        if (location is null)
        {
            return "an unknown point";
        }
        var point = projection.Unproject(location);
        return Invariant($"latitude {point.Latitude:0.######}, longitude {point.Longitude:0.######}");
    }
}
