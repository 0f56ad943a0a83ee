using RangeScheduler.Domain.Spatial;
using static System.FormattableString;

namespace RangeScheduler.Domain.Validation;

/// <summary>WGS84 coordinates as the contract's <c>LatLng</c> requires: finite, latitude in [−90, 90], longitude in [−180, 180].</summary>
public static class GeoPointValidator
{
    /// <summary>Adds at most one violation at <paramref name="path"/>, naming every bad coordinate; false when it did.</summary>
    public static bool Validate(GeoPoint point, string path, ValidationErrors errors)
    {
        if (IsValid(point))
        {
            return true;
        }
        var latitudeOk = IsFiniteWithin(point.Latitude, 90);
        var longitudeOk = IsFiniteWithin(point.Longitude, 180);
        var problems = new List<string>(2);
        if (!latitudeOk)
        {
            problems.Add(Invariant($"latitude {point.Latitude} is not a number within [-90, 90]"));
        }
        if (!longitudeOk)
        {
            problems.Add(Invariant($"longitude {point.Longitude} is not a number within [-180, 180]"));
        }
        errors.Add(path, string.Join("; ", problems));
        return false;
    }

    /// <summary>
    /// True when <see cref="Validate"/> would add nothing: lets callers with many points format
    /// a point's path only for a bad one, rather than a string per point of every request.
    /// </summary>
    public static bool IsValid(GeoPoint point) => IsFiniteWithin(point.Latitude, 90) && IsFiniteWithin(point.Longitude, 180);

    /// <summary>NaN fails every comparison, so it is caught here along with the infinities.</summary>
    private static bool IsFiniteWithin(double value, double limit) => value >= -limit && value <= limit;
}
