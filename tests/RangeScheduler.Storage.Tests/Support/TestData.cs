using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Storage.Tests.Support;

/// <summary>
/// Ranges, bookings and closures for store tests, placed by metre offsets from a point off
/// Wanshan island (the Zhuhai sea test site). Ids are new on every call, so tests sharing a
/// database never see each other's rows.
/// </summary>
internal static class TestData
{
    public static readonly GeoPoint Wanshan = new(21.95, 113.72);

    /// <summary>A whole second with sub-microsecond ticks after it: every digit must come back.</summary>
    public static readonly DateTimeOffset Morning = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    /// <summary>A whole second, for times PostgreSQL keeps only to the microsecond (idempotency records).</summary>
    public static readonly DateTimeOffset Noon = new(2027, 2, 27, 12, 0, 0, TimeSpan.Zero);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static GeoPoint At(double eastMeters, double northMeters) => new(
        Wanshan.Latitude + northMeters / 111_320.0,
        Wanshan.Longitude + eastMeters / (111_320.0 * Math.Cos(Wanshan.Latitude * Math.PI / 180)));

    public static PolygonFootprint Square(double east, double north, double size) => new(
        [At(east, north), At(east + size, north), At(east + size, north + size), At(east, north + size)]);

    public static TimeWindow Hours(DateTimeOffset start, double hours) => new(start, start.AddHours(hours));

    public static Volume4D Volume(Footprint footprint, DateTimeOffset start, double hours = 1) =>
        new(footprint, new VerticalBand(0, 120), Hours(start, hours));

    /// <summary>A booking with one 100 m square volume at <paramref name="start"/> and one vehicle.</summary>
    public static Booking Booking(string rangeId, DateTimeOffset start, BookingState state = BookingState.Confirmed,
        string organizationId = "oceanalpha", string vehicleId = "usv-1", string? id = null) => new()
    {
        Id = id ?? NewId("booking"),
        RangeId = rangeId,
        OrganizationId = organizationId,
        Vehicles = [new Vehicle(vehicleId, VehicleKind.Usv, "M80")],
        Volumes = [Volume(Square(0, 0, 100), start)],
        State = state,
        CreatedAt = start.AddDays(-1),
        UpdatedAt = start.AddDays(-1),
    };

    /// <summary>A booking with every field set, and a volume of each footprint shape (the polygon with a hole).</summary>
    public static Booking FullBooking(string rangeId) => new()
    {
        Id = NewId("booking"),
        RangeId = rangeId,
        OrganizationId = "oceanalpha",
        Title = "Collision-avoidance trial 3 — 夜间",
        Vehicles = [new Vehicle("usv-1", VehicleKind.Usv, "M80"), new Vehicle("uav-7", VehicleKind.Uav, "Quad X")],
        Volumes =
        [
            new Volume4D(new PolygonFootprint(Square(0, 0, 1000).Exterior, [Square(400, 400, 200).Exterior]),
                new VerticalBand(-12.5, 0.000001), Hours(Morning, 2)),
            new Volume4D(new CircleFootprint(At(3000, 0), 750.25), new VerticalBand(0, 120), Hours(Morning.AddHours(2), 1)),
            new Volume4D(new CorridorFootprint([At(0, 2000), At(1500, 2500), At(3000, 2000)], 60), new VerticalBand(30, 90.5), Hours(Morning.AddHours(3), 0.5)),
        ],
        Priority = Priority.High,
        State = BookingState.Active,
        Conformance = ConformanceState.Contingent,
        Version = 7,
        CreatedAt = Morning.AddDays(-2),
        UpdatedAt = Morning.AddTicks(3),
        StateMessage = "activated at start",
        StateReason = StateReason.ByController,
        CommandInForce = CommandKind.Hold,
    };

    /// <summary>A range with every field set and a zone of each footprint shape.</summary>
    public static TestRange FullRange(string id) => new()
    {
        Id = id,
        Name = "Wanshan unmanned-ship test site",
        Domain = RangeDomain.AirAndSea,
        Boundary = new PolygonFootprint(Square(-20_000, -20_000, 40_000).Exterior, [Square(-1000, -1000, 500).Exterior]),
        VerticalLimits = new VerticalBand(-60, 500),
        TimeZone = "Asia/Shanghai",
        OperatingHours = [new WeeklyWindow(1, 480, 1080), new WeeklyWindow(6, 540, 720)],
        Separation = new Separation(50.5, 10, TimeSpan.FromMinutes(5)),
        MaxConcurrentSessions = 12,
        AllowedVehicleKinds = [VehicleKind.Usv, VehicleKind.Uav],
        Zones =
        [
            new Zone("harbour", "Harbour", ZoneKind.Exclusion, Square(-5000, -5000, 800), new VerticalBand(-60, 500),
                [new WeeklyWindow(7, 0, 1440)], [VehicleKind.Usv]),
            new Zone("pad", "Launch pad", ZoneKind.LaunchRecovery, new CircleFootprint(At(100, 100), 25), new VerticalBand(0, 50), [], []),
            new Zone("lane", "Transit lane", ZoneKind.Corridor, new CorridorFootprint([At(0, 0), At(5000, 5000)], 100),
                new VerticalBand(0, 0), [], [VehicleKind.Usv, VehicleKind.Uuv]),
        ],
        ApprovalRequired = true,
        Version = 1,
        LinkTimeout = TimeSpan.FromSeconds(7.5),
        BoundaryWarningMeters = 150,
        ReportGrace = TimeSpan.FromMinutes(15),
    };

    public static Closure Closure(string rangeId, DateTimeOffset start, string? id = null) => new(
        id ?? NewId("closure"), rangeId, Square(200, 200, 300), new VerticalBand(0, 300), Hours(start, 4),
        "Typhoon signal 3", [VehicleKind.Uav, VehicleKind.Usv], 2);

    /// <summary>A closure of the whole range at every height, for every vehicle kind.</summary>
    public static Closure WholeRangeClosure(string rangeId, DateTimeOffset start) => new(
        NewId("closure"), rangeId, null, null, Hours(start, 24), "Annual maintenance", [], 1);
}
