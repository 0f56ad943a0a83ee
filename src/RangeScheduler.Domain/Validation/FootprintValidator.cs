using RangeScheduler.Domain.Spatial;
using static System.FormattableString;

namespace RangeScheduler.Domain.Validation;

/// <summary>
/// The shape rules of DESIGN.md "Geometry" for one contract <c>Footprint</c>: coordinates
/// finite and in range, radius and half-width finite and &gt; 0, a corridor of at least 2
/// points, polygons as <see cref="PolygonValidator"/> checks them, and at most
/// <see cref="MaxVertices"/> vertices. Paths name the contract fields below
/// <c>path</c>, e.g. <c>volumes[0].footprint.circle.radius_m</c>.
/// </summary>
public static class FootprintValidator
{
    /// <summary>Vertices per footprint, all rings together (a repeated closing point is not counted).</summary>
    public const int MaxVertices = 10_000;

    /// <summary>
    /// Adds every violation of <paramref name="footprint"/> (null: the field is unset) and
    /// returns true when there was none, i.e. when the footprint can be projected.
    /// </summary>
    /// <param name="path">The contract path of the <c>Footprint</c> field, e.g. <c>volumes[1].footprint</c>.</param>
    /// <param name="projection">
    /// The plane the footprint will be used in (the range's); null: one centred on the footprint.
    /// Polygon rings are checked for self-intersection there.
    /// </param>
    public static bool Validate(Footprint? footprint, string path, ValidationErrors errors, LocalProjection? projection = null)
    {
        switch (footprint)
        {
            case null:
                errors.Add(path, "is required: set a polygon, circle or corridor");
                return false;
            case PolygonFootprint polygon:
                return PolygonValidator.Validate(polygon, $"{path}.polygon", errors, projection);
            case CircleFootprint circle:
                return ValidateCircle(circle, $"{path}.circle", errors);
            case CorridorFootprint corridor:
                return ValidateCorridor(corridor, $"{path}.corridor", errors);
            default:
                errors.Add(path, $"is a {footprint.GetType().Name}, which is not a polygon, circle or corridor");
                return false;
        }
    }

    /// <summary>
    /// A footprint with more area than the whole range cannot fit in it (DESIGN.md "Geometry"):
    /// a violation at <paramref name="path"/>. Refusing it before the conflict checks also keeps
    /// absurd circles and corridors away from the geometry. Call only for a footprint that
    /// passed <see cref="Validate"/>.
    /// </summary>
    public static bool ValidateArea(Footprint footprint, string path, RangePlane plane, ValidationErrors errors) =>
        ValidateArea(plane.Project(footprint), path, plane, errors);

    /// <summary><see cref="ValidateArea(Footprint, string, RangePlane, ValidationErrors)"/> for a footprint already on <paramref name="plane"/>.</summary>
    public static bool ValidateArea(PlanarFootprint projected, string path, RangePlane plane, ValidationErrors errors)
    {
        var area = projected.AreaSquareMeters;
        var rangeArea = plane.Boundary.AreaSquareMeters;
        // A NaN area, from a shape too large for the plane, fails this comparison and is refused too.
        if (area <= rangeArea)
        {
            return true;
        }
        errors.Add(path, Invariant($"covers {area / 1e6:0.###} km², more than the range's {rangeArea / 1e6:0.###} km²"));
        return false;
    }

    private static bool ValidateCircle(CircleFootprint circle, string path, ValidationErrors errors)
    {
        var centreOk = GeoPointValidator.Validate(circle.Center, $"{path}.center", errors);
        var radiusOk = ValidateDistance(circle.RadiusMeters, $"{path}.radius_m", errors);
        return centreOk && radiusOk;
    }

    private static bool ValidateCorridor(CorridorFootprint corridor, string path, ValidationErrors errors)
    {
        var before = errors.Count;
        if (corridor.Path.Count < 2)
        {
            errors.Add($"{path}.path", $"needs at least 2 points; has {corridor.Path.Count}");
        }
        else if (corridor.Path.Count > MaxVertices)
        {
            // Checked before the points so that an oversized request is refused without touching them.
            errors.Add($"{path}.path", $"has {corridor.Path.Count} points; at most {MaxVertices} are allowed");
        }
        else
        {
            for (var i = 0; i < corridor.Path.Count; i++)
            {
                if (!GeoPointValidator.IsValid(corridor.Path[i]))
                {
                    GeoPointValidator.Validate(corridor.Path[i], $"{path}.path[{i}]", errors);
                }
            }
        }
        ValidateDistance(corridor.HalfWidthMeters, $"{path}.half_width_m", errors);
        return errors.Count == before;
    }

    private static bool ValidateDistance(double meters, string path, ValidationErrors errors)
    {
        if (double.IsFinite(meters) && meters > 0)
        {
            return true;
        }
        errors.Add(path, Invariant($"must be a finite number of metres > 0; is {meters}"));
        return false;
    }
}
