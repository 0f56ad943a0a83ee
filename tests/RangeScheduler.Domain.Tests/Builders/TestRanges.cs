using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Tests.Builders;

/// <summary>
/// Ranges for tests, built in code from the facts of <c>seeds/ranges/*.json</c> (the domain has
/// no JSON loader; <c>TestRangesTests</c> checks these against the seed files). Adjust with
/// <c>with { … }</c>.
/// </summary>
public static class TestRanges
{
    /// <summary>Mon–Sat 08:00–18:00 local time: Wanshan's operating hours.</summary>
    public static readonly IReadOnlyList<WeeklyWindow> MondayToSaturdayDaytime =
        Enumerable.Range(1, 6).Select(day => new WeeklyWindow(day, 8 * 60, 18 * 60)).ToList();

    /// <summary>zhuhai-wanshan: air and sea, Asia/Shanghai, 300 m / 30 m / 5 min separation, five zones.</summary>
    public static TestRange Wanshan() => new()
    {
        Id = "zhuhai-wanshan",
        Name = "Wanshan unmanned-ship sea test site (Zhuhai)",
        Domain = RangeDomain.AirAndSea,
        Boundary = Polygon(
            (21.675, 113.625), (21.675, 113.925), (21.911, 113.925), (21.911, 113.76),
            (21.99, 113.76), (21.99, 113.695), (21.911, 113.695), (21.911, 113.625)),
        VerticalLimits = new VerticalBand(-100, 300),
        TimeZone = "Asia/Shanghai",
        OperatingHours = MondayToSaturdayDaytime,
        Separation = new Separation(300, 30, TimeSpan.FromSeconds(300)),
        MaxConcurrentSessions = 12,
        Zones =
        [
            Zone("phase1-commissioning", ZoneKind.TestArea, Box(21.93, 113.7, 21.9707, 113.7465), -50, 120),
            Zone("phase2-performance", ZoneKind.TestArea, Box(21.68, 113.63, 21.906, 113.92), -100, 300),
            Zone("xiaowanshan-shore-base", ZoneKind.LaunchRecovery, Box(21.975, 113.715, 21.985, 113.735), 0, 120),
            Zone("transit-corridor", ZoneKind.Corridor, Box(21.906, 113.71, 21.93, 113.74), -10, 120),
            Zone("aquaculture-exclusion", ZoneKind.Exclusion, Box(21.8, 113.7, 21.83, 113.74), -100, 300),
        ],
    };

    /// <summary>jaakonmeri: sea only (USV, UUV), Europe/Helsinki, always open, 500 m / 0 m / 10 min separation.</summary>
    public static TestRange Jaakonmeri() => new()
    {
        Id = "jaakonmeri",
        Name = "Jaakonmeri autonomous-ship test area (Eurajoki, Finland)",
        Domain = RangeDomain.Sea,
        Boundary = Polygon(
            (61.34583333333333, 20.919166666666666), (61.32666666666667, 21.245),
            (61.26083333333333, 21.211166666666667), (61.280833333333334, 20.909166666666668)),
        VerticalLimits = new VerticalBand(-60, 0),
        TimeZone = "Europe/Helsinki",
        Separation = new Separation(500, 0, TimeSpan.FromSeconds(600)),
        AllowedVehicleKinds = [VehicleKind.Usv, VehicleKind.Uuv],
    };

    /// <summary>
    /// A synthetic 0.4° square near Fiji (about 42 km across) centred on the antimeridian, so its
    /// boundary mixes longitudes 179.8 and −179.8. Pacific/Fiji, always open, no separation.
    /// </summary>
    public static TestRange Antimeridian() => new()
    {
        Id = "fiji-antimeridian",
        Name = "Synthetic range across the antimeridian",
        Domain = RangeDomain.AirAndSea,
        Boundary = Polygon((-17.2, 179.8), (-17.2, -179.8), (-16.8, -179.8), (-16.8, 179.8)),
        VerticalLimits = new VerticalBand(-50, 500),
        TimeZone = "Pacific/Fiji",
    };

    /// <summary>A polygon from (latitude, longitude) pairs, in the order the seeds list them.</summary>
    public static PolygonFootprint Polygon(params (double Latitude, double Longitude)[] points) =>
        new(points.Select(p => new GeoPoint(p.Latitude, p.Longitude)).ToList());

    private static PolygonFootprint Box(double south, double west, double north, double east) =>
        Polygon((south, west), (south, east), (north, east), (north, west));

    private static Zone Zone(string id, ZoneKind kind, Footprint footprint, double lower, double upper) =>
        new(id, id, kind, footprint, new VerticalBand(lower, upper), [], []);
}
