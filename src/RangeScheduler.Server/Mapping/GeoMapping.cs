using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Mapping;

/// <summary>Footprints, bands, windows and times between the contract and the domain.</summary>
internal static class GeoMapping
{
    public static Footprint? ToDomain(V1.Footprint? footprint, string path, MappingErrors errors)
    {
        switch (footprint?.ShapeCase)
        {
            case V1.Footprint.ShapeOneofCase.Polygon:
                return ToDomain(footprint.Polygon, $"{path}.polygon", errors);
            case V1.Footprint.ShapeOneofCase.Circle:
                if (footprint.Circle.Center is null)
                {
                    errors.Add($"{path}.circle.center", "must be set");
                    return null;
                }
                return new CircleFootprint(ToDomain(footprint.Circle.Center), footprint.Circle.RadiusM);
            case V1.Footprint.ShapeOneofCase.Corridor:
                return new CorridorFootprint(footprint.Corridor.Path.Select(ToDomain).ToList(), footprint.Corridor.HalfWidthM);
            default:
                errors.Add(path, "must be set: a polygon, circle or corridor");
                return null;
        }
    }

    public static PolygonFootprint? ToDomain(V1.Polygon? polygon, string path, MappingErrors errors)
    {
        if (polygon?.Exterior is null)
        {
            errors.Add($"{path}.exterior", "must be set");
            return null;
        }
        return new PolygonFootprint(Points(polygon.Exterior), polygon.Holes.Select(Points).ToList());
    }

    public static V1.Footprint ToContract(Footprint footprint) => footprint switch
    {
        PolygonFootprint polygon => new V1.Footprint { Polygon = ToContract(polygon) },
        CircleFootprint circle => new V1.Footprint { Circle = new V1.Circle { Center = ToContract(circle.Center), RadiusM = circle.RadiusMeters } },
        CorridorFootprint corridor => new V1.Footprint { Corridor = Corridor(corridor) },
        _ => throw new ArgumentOutOfRangeException(nameof(footprint), footprint, "Unknown footprint shape"),
    };

    public static V1.Polygon ToContract(PolygonFootprint polygon)
    {
        var contract = new V1.Polygon { Exterior = Ring(polygon.Exterior) };
        contract.Holes.Add(polygon.Holes.Select(Ring));
        return contract;
    }

    public static VerticalBand? ToDomain(V1.VerticalBand? band, string path, MappingErrors errors)
    {
        if (band is null)
        {
            errors.Add(path, "must be set");
            return null;
        }
        return new VerticalBand(band.LowerM, band.UpperM);
    }

    public static V1.VerticalBand ToContract(VerticalBand band) => new() { LowerM = band.LowerMeters, UpperM = band.UpperMeters };

    /// <summary>A window whose both ends must be set.</summary>
    public static TimeWindow? ToDomain(V1.TimeWindow? window, string path, MappingErrors errors)
    {
        if (window is null)
        {
            errors.Add(path, "must be set");
            return null;
        }
        var start = ToDomain(window.Start, $"{path}.start", errors, required: true);
        var end = ToDomain(window.End, $"{path}.end", errors, required: true);
        return start is { } s && end is { } e ? new TimeWindow(s, e) : null;
    }

    /// <summary>A filter window: an unset end is unbounded on that side.</summary>
    public static TimeWindow? ToFilter(V1.TimeWindow? window, string path, MappingErrors errors)
    {
        if (window is null)
        {
            return null;
        }
        var start = ToDomain(window.Start, $"{path}.start", errors, required: false) ?? DateTimeOffset.MinValue;
        var end = ToDomain(window.End, $"{path}.end", errors, required: false) ?? DateTimeOffset.MaxValue;
        return new TimeWindow(start, end);
    }

    public static V1.TimeWindow ToContract(TimeWindow window) => new() { Start = ToContract(window.Start), End = ToContract(window.End) };

    public static DateTimeOffset? ToDomain(Timestamp? timestamp, string path, MappingErrors errors, bool required)
    {
        if (timestamp is null)
        {
            if (required)
            {
                errors.Add(path, "must be set");
            }
            return null;
        }
        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            errors.Add(path, "is not a valid timestamp");
            return null;
        }
    }

    public static Timestamp ToContract(DateTimeOffset time) => Timestamp.FromDateTimeOffset(time);

    public static TimeSpan ToDomain(Duration? duration, TimeSpan whenZero) =>
        duration is null || (duration.Seconds == 0 && duration.Nanos == 0) ? whenZero : duration.ToTimeSpan();

    public static GeoPoint ToDomain(V1.LatLng point) => new(point.Latitude, point.Longitude);

    public static V1.LatLng ToContract(GeoPoint point) => new() { Latitude = point.Latitude, Longitude = point.Longitude };

    private static List<GeoPoint> Points(V1.Ring ring) => ring.Points.Select(ToDomain).ToList();

    private static V1.Ring Ring(IEnumerable<GeoPoint> points)
    {
        var ring = new V1.Ring();
        ring.Points.Add(points.Select(ToContract));
        return ring;
    }

    private static V1.Corridor Corridor(CorridorFootprint corridor)
    {
        var contract = new V1.Corridor { HalfWidthM = corridor.HalfWidthMeters };
        contract.Path.Add(corridor.Path.Select(ToContract));
        return contract;
    }
}
