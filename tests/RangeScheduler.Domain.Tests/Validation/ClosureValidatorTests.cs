using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class ClosureValidatorTests
{
    private static readonly RangePlane Wanshan = new(TestRanges.Wanshan());
    private static readonly DateTimeOffset Now = TestTimes.Now;

    private static readonly Closure WholeRangeTomorrow =
        new("c-1", "zhuhai-wanshan", null, null, TestTimes.Hours(24, 30), "typhoon", [], 1);

    private static readonly Dictionary<string, Func<Closure, Closure>> Cases = new()
    {
        ["polygon bow-tie"] = c => c with { Footprint = Footprints.Polygon(Places.WanshanCentre, (0, 0), (100, 100), (100, 0), (0, 100)) },
        ["circle radius negative"] = c => c with { Footprint = new CircleFootprint(Places.WanshanCentre, -1) },
        ["corridor of one point"] = c => c with { Footprint = new CorridorFootprint([Places.WanshanCentre], 10) },
        ["band reversed"] = c => c with { Vertical = new VerticalBand(100, 0) },
        ["band infinite"] = c => c with { Vertical = new VerticalBand(0, double.PositiveInfinity) },
        ["window reversed"] = c => c with { Window = TestTimes.Hours(5, 4) },
        ["window ended"] = c => c with { Window = TestTimes.Hours(-5, -4) },
        ["window unset"] = c => c with { Window = default },
        ["window start unset"] = c => c with { Window = new TimeWindow(default, Now.AddHours(3)) },
        ["vehicle kind unset"] = c => c with { VehicleKinds = [VehicleKind.Uav, VehicleKind.Unspecified] },
    };

    [Fact]
    public void WholeRangeAtEveryHeight_Accepted() =>
        Should.NotThrow(() => ClosureValidator.Validate(WholeRangeTomorrow, Wanshan, Now));

    [Fact]
    public void AreaBandAndKindsInProgressOrMonthsAhead_Accepted()
    {
        var inProgress = WholeRangeTomorrow with
        {
            Footprint = Footprints.Circle(Places.WanshanAquaculture, 2_000),
            Vertical = new VerticalBand(-100, 0),
            VehicleKinds = [VehicleKind.Usv, VehicleKind.Uuv],
            Window = TestTimes.Hours(-1, 1),
        };
        var monthsAhead = WholeRangeTomorrow with { Window = TestTimes.Hours(24 * 90, 24 * 91) };

        Should.NotThrow(() => ClosureValidator.Validate(inProgress, Wanshan, Now));
        Should.NotThrow(() => ClosureValidator.Validate(monthsAhead, Wanshan, Now));
    }

    [Theory]
    [InlineData("polygon bow-tie", "closure.footprint.polygon.exterior")]
    [InlineData("circle radius negative", "closure.footprint.circle.radius_m")]
    [InlineData("corridor of one point", "closure.footprint.corridor.path")]
    [InlineData("band reversed", "closure.vertical")]
    [InlineData("band infinite", "closure.vertical")]
    [InlineData("window reversed", "closure.window")]
    [InlineData("window ended", "closure.window")]
    [InlineData("window unset", "closure.window")]
    [InlineData("window start unset", "closure.window")]
    [InlineData("vehicle kind unset", "closure.vehicle_kinds[1]")]
    public void OneRuleBroken_InvalidRequestNamingItsField(string scenario, string field)
    {
        var closure = Cases[scenario](WholeRangeTomorrow);

        var error = Should.Throw<InvalidRequestException>(() => ClosureValidator.Validate(closure, Wanshan, Now));

        error.Violations.Select(v => v.Field).ShouldBe([field], scenario);
    }

    [Fact]
    public void RootGiven_PathsStartWithIt()
    {
        var closure = WholeRangeTomorrow with { Vertical = new VerticalBand(1, 0) };

        var error = Should.Throw<InvalidRequestException>(() => ClosureValidator.Validate(closure, Wanshan, Now, "closures[2]"));

        error.Violations.ShouldHaveSingleItem().Field.ShouldBe("closures[2].vertical");
    }

    [Fact]
    public void SeveralRulesBroken_EveryViolationReportedTogether()
    {
        var closure = WholeRangeTomorrow with
        {
            Footprint = new CircleFootprint(new GeoPoint(95, 113.7), 0),
            Vertical = new VerticalBand(5, 1),
            Window = TestTimes.Hours(3, 2),
        };

        var error = Should.Throw<InvalidRequestException>(() => ClosureValidator.Validate(closure, Wanshan, Now));

        error.Violations.Select(v => v.Field).ShouldBe(
            ["closure.footprint.circle.center", "closure.footprint.circle.radius_m", "closure.vertical", "closure.window"]);
    }
}
