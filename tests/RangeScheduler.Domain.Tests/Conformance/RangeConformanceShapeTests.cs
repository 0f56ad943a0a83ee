using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>
/// Circles, corridors and holes, and a range at 61° N where a degree of longitude is half a
/// degree of latitude: distances are metres on the range's plane whatever the shape or latitude.
/// </summary>
public class RangeConformanceShapeTests
{
    [Theory]
    [InlineData("well inside", 250, 0, "")]
    [InlineData("1 m outside the rim", 301, 0, "LeftVolume")]
    [InlineData("1 m outside the rim, to the north-west", -212.84, 212.84, "LeftVolume")]
    [InlineData("1 m inside the rim, to the south-west", -211.43, -211.43, "")]
    public void CircleFootprint_OutsideTheRimLeftVolume(string scenario, double east, double north, string kinds)
    {
        var range = new ConformanceHarness();
        range.Track(range.Booking("b1", [Volumes.Circle(range.Centre, 300, TestTimes.Hours(0, 2))]));

        range.Report("b1", 10, east, north).Kinds().ShouldBe(kinds, scenario);
    }

    [Fact]
    public void CircleFootprint_DistanceFromTheRimWithinTheBufferError()
    {
        var range = new ConformanceHarness();
        range.Track(range.Booking("b1", [Volumes.Circle(range.Centre, 300, TestTimes.Hours(0, 2))]));

        range.Report("b1", 10, 0, 320).Single(AlertKind.LeftVolume).DistanceMeters.ShouldBe(20, 0.5);
    }

    [Theory]
    [InlineData("on the path", 0, 0, "")]
    [InlineData("1 cm past the side", 0, 50.01, "LeftVolume")]
    [InlineData("inside, near the side", 300, -49, "")]
    [InlineData("inside the round end", 1040, 0, "")]
    [InlineData("past the round end", 1051, 0, "LeftVolume")]
    [InlineData("past the square corner the round end cuts off", 1045, 45, "LeftVolume")]
    public void CorridorFootprint_SidesAndRoundEnds(string scenario, double east, double north, string kinds)
    {
        var range = new ConformanceHarness();
        var corridor = Footprints.Corridor(range.Centre, 50, (-1000, 0), (1000, 0));
        range.Track(range.Booking("b1", [Volumes.Of(corridor, TestTimes.Hours(0, 2))]));

        range.Report("b1", 10, east, north).Kinds().ShouldBe(kinds, scenario);
    }

    [Fact]
    public void PolygonWithAHole_InTheHoleIsOutside()
    {
        var range = new ConformanceHarness();
        var footprint = Footprints.PolygonWithHoles(range.Centre,
            [(-500, -500), (500, -500), (500, 500), (-500, 500)],
            [(-100, -100), (100, -100), (100, 100), (-100, 100)]);
        range.Track(range.Booking("b1", [Volumes.Of(footprint, TestTimes.Hours(0, 2))]));

        range.Report("b1", 10, 0, 0).Single(AlertKind.LeftVolume).DistanceMeters.ShouldBe(100, 1e-6);
        range.Report("b1", 11, 300, 0).Kinds().ShouldBe("Resolved");
    }

    [Theory]
    [InlineData("1 cm east of the east edge", 1000.01, 0, "LeftVolume")]
    [InlineData("1 cm inside the north edge", 0, 999.99, "")]
    [InlineData("1 cm north of the north edge", 0, 1000.01, "LeftVolume")]
    public void JaakonmeriAt61North_EdgesToTheCentimetre(string scenario, double east, double north, string kinds)
    {
        var range = new ConformanceHarness(TestRanges.Jaakonmeri());
        range.Track(range.Booking("b1", [Volumes.Square(range.Centre, 2000, TestTimes.Hours(0, 2), lowerMeters: -60, upperMeters: 0)]));

        range.Report("b1", 10, east, north).Kinds().ShouldBe(kinds, scenario);
    }

    [Fact]
    public void JaakonmeriUnderwaterVehicle_DepthChecked()
    {
        var range = new ConformanceHarness(TestRanges.Jaakonmeri());
        var uuv = new Vehicle("b1-usv", VehicleKind.Uuv, "Hugin");
        range.Track(range.Booking("b1", [Volumes.Square(range.Centre, 2000, TestTimes.Hours(0, 2), lowerMeters: -60, upperMeters: 0)], uuv));

        range.Report("b1", 10, 0, 0, -30).Alerts.ShouldBeEmpty();
        range.Report("b1", 11, 0, 0, -60.5).Single(AlertKind.Altitude).DistanceMeters.ShouldBe(0.5, 1e-9);
        range.Report("b1", 12, 0, 0, -59.5).Alerts.ShouldBeEmpty();
        range.Report("b1", 13, 0, 0, -58.9).Kinds().ShouldBe("Resolved");
    }
}
