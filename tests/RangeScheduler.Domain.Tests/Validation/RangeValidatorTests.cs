using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class RangeValidatorTests
{
    private static readonly Dictionary<string, Func<TestRange, TestRange>> Cases = new()
    {
        ["id empty"] = r => r with { Id = "" },
        ["id with a space"] = r => r with { Id = "zhuhai wanshan" },
        ["id with a slash"] = r => r with { Id = "zhuhai/wanshan" },
        ["id starting with a dash"] = r => r with { Id = "-wanshan" },
        ["id of 65 characters"] = r => r with { Id = new string('a', 65) },
        ["domain unknown"] = r => r with { Domain = (RangeDomain)12 },
        ["boundary point latitude 91"] = r => r with { Boundary = WithPoint(r.Boundary, 2, new GeoPoint(91, 113.9)) },
        ["boundary bow-tie"] = r => r with { Boundary = TestRanges.Polygon((21.7, 113.7), (21.8, 113.8), (21.8, 113.7), (21.7, 113.8)) },
        ["boundary of two points"] = r => r with { Boundary = TestRanges.Polygon((21.7, 113.7), (21.8, 113.8)) },
        ["vertical limits reversed"] = r => r with { VerticalLimits = new VerticalBand(300, -100) },
        ["time zone unknown"] = r => r with { TimeZone = "Mars/Olympus_Mons" },
        ["time zone empty"] = r => r with { TimeZone = "" },
        ["time zone a Windows id"] = r => r with { TimeZone = "China Standard Time" },
        ["operating hours day 0"] = r => r with { OperatingHours = [new WeeklyWindow(0, 480, 1080)] },
        ["operating hours crossing midnight"] = r => r with { OperatingHours = [new WeeklyWindow(1, 480, 1080), new WeeklyWindow(5, 1200, 1500)] },
        ["horizontal separation negative"] = r => r with { Separation = r.Separation with { HorizontalMeters = -1 } },
        ["vertical separation NaN"] = r => r with { Separation = r.Separation with { VerticalMeters = double.NaN } },
        ["time buffer negative"] = r => r with { Separation = r.Separation with { TimeBuffer = TimeSpan.FromSeconds(-1) } },
        ["max concurrent sessions negative"] = r => r with { MaxConcurrentSessions = -1 },
        ["allowed vehicle kind unset"] = r => r with { AllowedVehicleKinds = [VehicleKind.Usv, VehicleKind.Unspecified] },
        ["link timeout negative"] = r => r with { LinkTimeout = TimeSpan.FromSeconds(-5) },
        ["boundary warning negative"] = r => r with { BoundaryWarningMeters = -10 },
        ["report grace negative"] = r => r with { ReportGrace = TimeSpan.FromMinutes(-1) },
        ["zone ids repeated"] = r => r with { Zones = [r.Zones[0], r.Zones[1] with { Id = r.Zones[0].Id }] },
        ["zone id empty"] = r => r with { Zones = [r.Zones[0] with { Id = "" }] },
        ["zone kind unset"] = r => r with { Zones = [r.Zones[0], r.Zones[1] with { Kind = ZoneKind.Unspecified }] },
        ["zone footprint point NaN"] = r => r with { Zones = [r.Zones[0], r.Zones[1] with { Footprint = WithPoint((PolygonFootprint)r.Zones[1].Footprint, 0, new GeoPoint(double.NaN, 113.7)) }] },
        ["zone circle radius 0"] = r => r with { Zones = [r.Zones[0] with { Footprint = new CircleFootprint(Places.WanshanCentre, 0) }] },
        ["zone band reversed"] = r => r with { Zones = [r.Zones[0] with { Vertical = new VerticalBand(10, 0) }] },
        ["zone active hours ending after midnight"] = r => r with { Zones = [r.Zones[0] with { ActiveHours = [new WeeklyWindow(1, 0, 1441)] }] },
        ["zone vehicle kind unknown"] = r => r with { Zones = [r.Zones[0] with { VehicleKinds = [(VehicleKind)8] }] },
    };

    public static TheoryData<string> SeedRanges => ["wanshan", "jaakonmeri", "antimeridian"];

    [Theory]
    [MemberData(nameof(SeedRanges))]
    public void RangeBuiltFromTheSeeds_Accepted(string name)
    {
        var range = name switch
        {
            "wanshan" => TestRanges.Wanshan(),
            "jaakonmeri" => TestRanges.Jaakonmeri(),
            _ => TestRanges.Antimeridian(),
        };

        Should.NotThrow(() => RangeValidator.Validate(range));
    }

    [Theory]
    [InlineData("id empty", "range.id")]
    [InlineData("id with a space", "range.id")]
    [InlineData("id with a slash", "range.id")]
    [InlineData("id starting with a dash", "range.id")]
    [InlineData("id of 65 characters", "range.id")]
    [InlineData("domain unknown", "range.domain")]
    [InlineData("boundary point latitude 91", "range.boundary.exterior.points[2]")]
    [InlineData("boundary bow-tie", "range.boundary.exterior")]
    [InlineData("boundary of two points", "range.boundary.exterior.points")]
    [InlineData("vertical limits reversed", "range.vertical_limits")]
    [InlineData("time zone unknown", "range.time_zone")]
    [InlineData("time zone empty", "range.time_zone")]
    [InlineData("time zone a Windows id", "range.time_zone")]
    [InlineData("operating hours day 0", "range.operating_hours[0]")]
    [InlineData("operating hours crossing midnight", "range.operating_hours[1]")]
    [InlineData("horizontal separation negative", "range.separation.horizontal_m")]
    [InlineData("vertical separation NaN", "range.separation.vertical_m")]
    [InlineData("time buffer negative", "range.separation.time_buffer")]
    [InlineData("max concurrent sessions negative", "range.max_concurrent_sessions")]
    [InlineData("allowed vehicle kind unset", "range.allowed_vehicle_kinds[1]")]
    [InlineData("link timeout negative", "range.link_timeout")]
    [InlineData("boundary warning negative", "range.boundary_warning_m")]
    [InlineData("report grace negative", "range.report_grace")]
    [InlineData("zone ids repeated", "range.zones[1].id")]
    [InlineData("zone id empty", "range.zones[0].id")]
    [InlineData("zone kind unset", "range.zones[1].kind")]
    [InlineData("zone footprint point NaN", "range.zones[1].footprint.polygon.exterior.points[0]")]
    [InlineData("zone circle radius 0", "range.zones[0].footprint.circle.radius_m")]
    [InlineData("zone band reversed", "range.zones[0].vertical")]
    [InlineData("zone active hours ending after midnight", "range.zones[0].active_hours[0]")]
    [InlineData("zone vehicle kind unknown", "range.zones[0].vehicle_kinds[0]")]
    public void OneRuleBroken_InvalidRequestNamingItsField(string scenario, string field)
    {
        var range = Cases[scenario](TestRanges.Wanshan());

        var error = Should.Throw<InvalidRequestException>(() => RangeValidator.Validate(range));

        error.Violations.Select(v => v.Field).ShouldBe([field], scenario);
    }

    [Fact]
    public void SeveralRulesBroken_EveryViolationReportedTogether()
    {
        var range = TestRanges.Jaakonmeri() with
        {
            Id = "",
            Boundary = WithPoint(TestRanges.Jaakonmeri().Boundary, 1, new GeoPoint(61.3, double.NaN)),
            TimeZone = "Europe/Nowhere",
            OperatingHours = [new WeeklyWindow(8, 0, 60)],
            Zones = [new Zone("buoy", "Buoy", ZoneKind.Exclusion, new CircleFootprint(Places.JaakonmeriCentre, -1), new VerticalBand(0, -10), [], [])],
        };
        var errors = new ValidationErrors();

        RangeValidator.Validate(range, errors);

        errors.Violations.Select(v => v.Field).ShouldBe(
        [
            "range.id", "range.boundary.exterior.points[1]", "range.time_zone", "range.operating_hours[0]",
            "range.zones[0].footprint.circle.radius_m", "range.zones[0].vertical",
        ]);
    }

    [Fact]
    public void RootGiven_PathsStartWithIt()
    {
        var range = TestRanges.Wanshan() with { TimeZone = "Asia/Zhuhai", Zones = [TestRanges.Wanshan().Zones[0] with { Id = "" }] };

        var error = Should.Throw<InvalidRequestException>(() => RangeValidator.Validate(range, "seeds/ranges/zhuhai-wanshan.json"));

        error.Violations.Select(v => v.Field).ShouldBe(
            ["seeds/ranges/zhuhai-wanshan.json.time_zone", "seeds/ranges/zhuhai-wanshan.json.zones[0].id"]);
    }

    private static PolygonFootprint WithPoint(PolygonFootprint polygon, int index, GeoPoint point)
    {
        var points = polygon.Exterior.ToList();
        points[index] = point;
        return new PolygonFootprint(points, polygon.Holes);
    }
}
