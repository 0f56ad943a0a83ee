using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>
/// PROXIMITY between vehicles of different bookings on Wanshan (300 m horizontal, 30 m vertical
/// separation, 5 s link timeout): one episode per pair, an alert for each side.
/// </summary>
public class RangeConformanceProximityTests
{
    private readonly ConformanceHarness _range = new();

    public RangeConformanceProximityTests()
    {
        _range.Track(_range.Booking("b1"));
        _range.Track(_range.Booking("b2"));
    }

    [Fact]
    public void TwoBookingsVehiclesTooClose_OneAlertForEachSide()
    {
        _range.Report("b1", 10, 0, 0).Alerts.ShouldBeEmpty();

        var alerts = _range.Report("b2", 11, 200, 0).Alerts;

        alerts.Select(a => (a.Kind, a.BookingId, a.VehicleId, a.OtherBookingId, a.OtherVehicleId)).ShouldBe([
            (AlertKind.Proximity, "b2", "b2-usv", "b1", "b1-usv"),
            (AlertKind.Proximity, "b1", "b1-usv", "b2", "b2-usv")]);
        alerts.ShouldAllBe(a => a.Severity == AlertSeverity.Warning && Math.Abs(a.DistanceMeters - 200) < 1e-6);
        alerts[0].Message.ShouldBe("200.00 m from vehicle b1-usv of booking b1 (separation 300 m)");
    }

    [Fact]
    public void PairMovesApart_ResolvedOnBothSidesOnlyPastTheMargin()
    {
        _range.Report("b1", 10, 0, 0);
        var raised = _range.Report("b2", 11, 200, 0).Alerts.Select(a => a.Id).ToList();

        _range.Report("b2", 12, 250, 0).Alerts.ShouldBeEmpty();
        _range.Report("b2", 13, 300.5, 0).Alerts.ShouldBeEmpty();
        var resolved = _range.Report("b2", 14, 301.5, 0).Alerts;

        resolved.Select(a => (a.Kind, a.BookingId)).ShouldBe([(AlertKind.Resolved, "b2"), (AlertKind.Resolved, "b1")]);
        resolved.Select(a => a.ResolvesAlertId).ShouldBe(raised);
        _range.Engine.OpenAlerts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("20 m apart vertically", 0.0, 20.0, "Proximity Proximity")]
    [InlineData("40 m apart vertically", 0.0, 40.0, "")]
    [InlineData("one height unknown: horizontal only", 0.0, null, "Proximity Proximity")]
    public void VerticalSeparation_CountsWhenBothHeightsKnown(string scenario, double? first, double? second, string kinds)
    {
        _range.Report("b1", 10, 0, 0, first);

        _range.Report("b2", 11, 100, 0, second).Kinds().ShouldBe(kinds, scenario);
    }

    [Fact]
    public void NoVerticalSeparation_HorizontalAloneCounts()
    {
        var range = new ConformanceHarness(TestRanges.Jaakonmeri());
        var window = TestTimes.Hours(0, 2);
        range.Track(range.Booking("b1", [Volumes.Square(range.Centre, 2000, window, lowerMeters: -60, upperMeters: 0)]));
        range.Track(range.Booking("b2", [Volumes.Square(range.Centre, 2000, window, lowerMeters: -60, upperMeters: 0)]));
        range.Report("b1", 10, 0, 0, 0);

        range.Report("b2", 11, 400, 0, -50).Kinds().ShouldBe("Proximity Proximity");
    }

    [Fact]
    public void VehicleCrossesManyCells_GridKeepsOnlyOccupiedCellsAndStillFindsPairs()
    {
        // 30 steps of 100 m cross ten 300 m cells; b2's vehicle has not reported, so one cell holds a vehicle.
        for (var step = 0; step <= 30; step++)
        {
            _range.Report("b1", 10 + step * 0.1, -1500 + step * 100, 0);
        }
        _range.Engine.ProximityCells.ShouldBe(1);

        // Where b1's vehicle started, outside b2's volume: no one is there any more.
        _range.Report("b2", 13.2, -1500, 0).Kinds().ShouldBe("LeftVolume");
        _range.Engine.ProximityCells.ShouldBe(2);
        _range.Report("b2", 13.3, 1450, 0).Kinds().ShouldBe("Proximity Proximity");
        _range.Engine.ProximityCells.ShouldBe(1);
    }

    [Fact]
    public void VehiclesOfTheSameBooking_NeverProximity()
    {
        var range = new ConformanceHarness();
        range.Track(range.Booking("b1", null, new Vehicle("a", VehicleKind.Usv, "M80"), new Vehicle("b", VehicleKind.Usv, "M80")));

        range.Observe(range.Fix("b1", "a", 10, 0, 0), range.Fix("b1", "b", 10, 5, 0)).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void OtherFixOlderThanTheLinkTimeout_NotCompared()
    {
        _range.Report("b1", 10, 0, 0);

        _range.Report("b2", 16, 100, 0).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void PartnerFallsSilent_PairEndsWhenItsFixGrowsStale()
    {
        _range.Report("b1", 10, 0, 0);
        _range.Report("b2", 11, 100, 0).Kinds().ShouldBe("Proximity Proximity");

        _range.Report("b2", 15, 100, 0).Alerts.ShouldBeEmpty();
        _range.Report("b2", 16, 100, 0).Kinds().ShouldBe("Resolved Resolved");
    }

    [Theory]
    [InlineData("across the origin's cell corners", -1, -1, 150, 150)]
    [InlineData("neighbouring cells in a row", 299, 10, 301, 10)]
    [InlineData("far from the origin, negative cells", -4001, -3001, -3800, -3100)]
    public void PairsInNeighbouringGridCells_Found(string scenario, double east1, double north1, double east2, double north2)
    {
        var range = new ConformanceHarness(TestRanges.Wanshan() with { Zones = [] });
        var volume = Volumes.Square(range.Centre, 10_000, TestTimes.Hours(0, 2));
        range.Track(range.Booking("b1", [volume]));
        range.Track(range.Booking("b2", [volume]));
        range.Report("b1", 10, east1, north1);

        range.Report("b2", 11, east2, north2).Kinds().ShouldBe("Proximity Proximity", scenario);
    }

    [Fact]
    public void ManyVehiclesOnAGrid_OnlyTheCloseOnesPaired()
    {
        var range = new ConformanceHarness(TestRanges.Wanshan() with { Separation = new Separation(300, 0, TimeSpan.Zero), Zones = [] });
        var volume = Volumes.Square(range.Centre, 20_000, TestTimes.Hours(0, 2));
        var fixes = new List<Fix>();
        for (var i = 0; i < 400; i++)
        {
            range.Track(range.Booking($"v{i}", [volume]));
            // A 20 × 20 lattice 500 m apart, and one more vehicle 250 m east of every tenth.
            fixes.Add(range.Fix($"v{i}", $"v{i}-usv", 10, (i % 20) * 500 - 5000, (i / 20) * 500 - 5000));
        }
        for (var i = 0; i < 400; i += 10)
        {
            range.Track(range.Booking($"w{i}", [volume]));
            fixes.Add(range.Fix($"w{i}", $"w{i}-usv", 10, (i % 20) * 500 - 4750, (i / 20) * 500 - 5000));
        }

        var alerts = range.Observe([.. fixes]).Alerts;

        // Each newcomer, in column 0 or 10, sits 250 m from its lattice point and from the next one east.
        alerts.Count(a => a.Kind == AlertKind.Proximity).ShouldBe(2 * (40 + 40));
    }
}
