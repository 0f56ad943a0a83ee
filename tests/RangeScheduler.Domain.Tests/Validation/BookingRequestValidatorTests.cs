using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class BookingRequestValidatorTests
{
    private static readonly RangePlane Wanshan = new(TestRanges.Wanshan());
    private static readonly GeoPoint Centre = Places.WanshanCentre;
    private static readonly DateTimeOffset Now = TestTimes.Now;

    private static readonly Dictionary<string, Func<BookingRequestBuilder, BookingRequestBuilder>> Cases = new()
    {
        ["no vehicles"] = b => b.WithVolume(Volumes.WanshanSquare(100, 1, 2)).WithVehicles(),
        ["blank vehicle id"] = b => b.WithVehicle(" ").WithVolume(Volumes.WanshanSquare(100, 1, 2)),
        ["duplicate vehicle id"] = b => b.WithVehicle("usv-1").WithVehicle("usv-1").WithVolume(Volumes.WanshanSquare(100, 1, 2)),
        ["vehicle kind unset"] = b => b.WithVehicle("usv-1").WithVehicle("uav-1", VehicleKind.Unspecified).WithVolume(Volumes.WanshanSquare(100, 1, 2)),
        ["vehicle kind unknown"] = b => b.WithVehicle("usv-1").WithVehicle("uav-1", (VehicleKind)9).WithVolume(Volumes.WanshanSquare(100, 1, 2)),
        ["priority unknown"] = b => b.WithPriority((Priority)7).WithVolume(Volumes.WanshanSquare(100, 1, 2)),
        ["no volumes"] = b => b,
        ["footprint unset"] = b => b.WithVolume(new Volume4D(null!, new VerticalBand(0, 100), TestTimes.Hours(1, 2))),
        ["polygon point out of range"] = b => b.WithVolume(Volumes.WanshanSquare(100, 1, 2))
            .WithVolume(Volumes.Of(new PolygonFootprint([Centre, new(21.83, 113.78), new(21.84, 113.78), new(21.84, 190)]), TestTimes.Hours(1, 2))),
        ["bow-tie"] = b => b.WithVolume(Footprints.Polygon(Centre, (0, 0), (100, 100), (100, 0), (0, 100)), TestTimes.Hours(1, 2)),
        ["10,001 vertices"] = b => b.WithVolume(RegularPolygon(10_001), TestTimes.Hours(1, 2)),
        ["radius 0"] = b => b.WithVolume(new CircleFootprint(Centre, 0), TestTimes.Hours(1, 2)),
        ["corridor point NaN"] = b => b.WithVolume(new CorridorFootprint([Centre, Centre, new(double.NaN, 113.7)], 10), TestTimes.Hours(1, 2)),
        ["half-width negative"] = b => b.WithVolume(Footprints.Corridor(Centre, -3, (0, 0), (500, 0)), TestTimes.Hours(1, 2)),
        ["circle larger than the range"] = b => b.WithVolume(Footprints.Circle(Centre, 50_000), TestTimes.Hours(1, 2)),
        ["circle of 1e300 m"] = b => b.WithVolume(new CircleFootprint(Centre, 1e300), TestTimes.Hours(1, 2)),
        ["lower above upper"] = b => b.WithVolume(Volumes.WanshanSquare(100, 1, 2, lowerMeters: 50, upperMeters: 10)),
        ["start equals end"] = b => b.WithVolume(Volumes.WanshanSquare(100, 2, 2)),
        ["start after end"] = b => b.WithVolume(Volumes.WanshanSquare(100, 3, 2)),
        ["ended in the past"] = b => b.WithVolume(Volumes.WanshanSquare(100, -3, -2)),
        ["ends now"] = b => b.WithVolume(Volumes.WanshanSquare(100, -3, 0)),
        ["starts 31 days ahead"] = b => b.WithVolume(Volumes.WanshanSquare(100, 31 * 24, 31 * 24 + 1)),
        ["window unset"] = b => b.WithVolume(Volumes.Of(Footprints.Square(Centre, 100), default)),
        ["window end unset"] = b => b.WithVolume(Volumes.Of(Footprints.Square(Centre, 100), new(Now.AddHours(1), default))),
    };

    [Theory]
    [InlineData("no vehicles", "vehicles")]
    [InlineData("blank vehicle id", "vehicles[0].id")]
    [InlineData("duplicate vehicle id", "vehicles[1].id")]
    [InlineData("vehicle kind unset", "vehicles[1].kind")]
    [InlineData("vehicle kind unknown", "vehicles[1].kind")]
    [InlineData("priority unknown", "priority")]
    [InlineData("no volumes", "volumes")]
    [InlineData("footprint unset", "volumes[0].footprint")]
    [InlineData("polygon point out of range", "volumes[1].footprint.polygon.exterior.points[3]")]
    [InlineData("bow-tie", "volumes[0].footprint.polygon.exterior")]
    [InlineData("10,001 vertices", "volumes[0].footprint.polygon")]
    [InlineData("radius 0", "volumes[0].footprint.circle.radius_m")]
    [InlineData("corridor point NaN", "volumes[0].footprint.corridor.path[2]")]
    [InlineData("half-width negative", "volumes[0].footprint.corridor.half_width_m")]
    [InlineData("circle larger than the range", "volumes[0].footprint")]
    [InlineData("circle of 1e300 m", "volumes[0].footprint")]
    [InlineData("lower above upper", "volumes[0].vertical")]
    [InlineData("start equals end", "volumes[0].window")]
    [InlineData("start after end", "volumes[0].window")]
    [InlineData("ended in the past", "volumes[0].window")]
    [InlineData("ends now", "volumes[0].window")]
    [InlineData("starts 31 days ahead", "volumes[0].window")]
    [InlineData("window unset", "volumes[0].window")]
    [InlineData("window end unset", "volumes[0].window")]
    public void OneRuleBroken_InvalidRequestNamingItsField(string scenario, string field)
    {
        var request = Cases[scenario](new BookingRequestBuilder()).Build();

        var error = Should.Throw<InvalidRequestException>(() => BookingRequestValidator.Validate(request, Wanshan, Now));

        error.Violations.Select(v => v.Field).ShouldBe([field], scenario);
        error.Message.ShouldContain(field);
    }

    [Fact]
    public void WellFormedRequestOfEveryShape_Accepted()
    {
        var request = new BookingRequestBuilder()
            .WithVehicle("usv-1").WithVehicle("uav-7", VehicleKind.Uav)
            .WithVolume(Volumes.WanshanSquare(500, 1, 3, north: 2_000))
            .WithVolume(Footprints.Circle(Centre, 800, east: -3_000), TestTimes.Hours(-0.5, 4), -20, 0)
            .WithVolume(Footprints.Corridor(Centre, 100, (0, 0), (5_000, 0), (5_000, 5_000)), TestTimes.Hours(24 * 30 - 2, 24 * 30))
            .WithVolume(TestRanges.Wanshan().Boundary, TestTimes.Hours(5, 6))
            .Build();

        Should.NotThrow(() => BookingRequestValidator.Validate(request, Wanshan, Now));
    }

    [Fact]
    public void TenThousandVertexPolygon_AcceptedWithinASecond()
    {
        var request = new BookingRequestBuilder().WithVolume(RegularPolygon(10_000), TestTimes.Hours(1, 2)).Build();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        BookingRequestValidator.Validate(request, Wanshan, Now);

        clock.ElapsedMilliseconds.ShouldBeLessThan(1_000);
    }

    [Fact]
    public void SeveralRulesBroken_EveryViolationReportedTogether()
    {
        var request = new BookingRequest(
            "oceanalpha",
            [new Vehicle("", VehicleKind.Usv, "M80"), new Vehicle("uav-1", VehicleKind.Unspecified, "")],
            [
                Volumes.WanshanSquare(100, 3, 2),
                Volumes.Of(Footprints.Polygon(Centre, (0, 0), (100, 100), (100, 0), (0, 100)), TestTimes.Hours(1, 2), 10, 5),
                Volumes.Of(new CircleFootprint(new GeoPoint(21.8, 200), -1), TestTimes.Hours(800, 801)),
            ],
            Priority.Normal,
            null);

        var error = Should.Throw<InvalidRequestException>(() => BookingRequestValidator.Validate(request, Wanshan, Now));

        error.Violations.Select(v => v.Field).ShouldBe(
        [
            "vehicles[0].id", "vehicles[1].kind",
            "volumes[0].window",
            "volumes[1].footprint.polygon.exterior", "volumes[1].vertical",
            "volumes[2].footprint.circle.center", "volumes[2].footprint.circle.radius_m", "volumes[2].window",
        ]);
    }

    [Fact]
    public void ValidateIntoErrors_AddsToWhatTheCallerFoundAndDoesNotThrow()
    {
        var errors = new ValidationErrors();
        errors.Add("range_id", "unknown");
        var request = new BookingRequestBuilder().WithVolume(Volumes.WanshanSquare(100, 2, 1)).Build();

        BookingRequestValidator.Validate(request, Wanshan, Now, errors);

        errors.Violations.Select(v => v.Field).ShouldBe(["range_id", "volumes[0].window"]);
    }

    private static PolygonFootprint RegularPolygon(int vertices) =>
        Footprints.Polygon(Centre, Enumerable.Range(0, vertices)
            .Select(i => 2 * Math.PI * i / vertices)
            .Select(angle => (1_000 * Math.Cos(angle), 1_000 * Math.Sin(angle)))
            .ToArray());
}
