using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>
/// ENTERED_EXCLUSION for exclusion zones (active hours in the range's time zone, vehicle kinds,
/// bands) and closures (their window, whole-range ones). The "reef" zone is a 200 m square
/// 300 m east of Wanshan's centre (east 200–400 m), inside the booked 1 km square.
/// </summary>
public class RangeConformanceExclusionTests
{
    private static ConformanceHarness RangeWithReef(
        ZoneKind kind = ZoneKind.Exclusion, IReadOnlyList<WeeklyWindow>? hours = null, IReadOnlyList<VehicleKind>? kinds = null,
        VerticalBand? band = null)
    {
        var reef = new Zone("reef", "Reef", kind, Footprints.Square(Places.WanshanCentre, 200, 300),
            band ?? new VerticalBand(-100, 300), hours ?? [], kinds ?? []);
        var range = new ConformanceHarness(TestRanges.Wanshan() with { Zones = [reef] });
        range.Track(range.Booking("b1"));
        return range;
    }

    [Fact]
    public void IntoAnExclusionZone_OneAlertUntilOutByTheMargin()
    {
        var range = RangeWithReef();

        var alert = range.Report("b1", 10, 250, 0).Single(AlertKind.EnteredExclusion);
        alert.OtherId.ShouldBe("reef");
        alert.Severity.ShouldBe(AlertSeverity.Critical);
        alert.DistanceMeters.ShouldBe(50, 1e-6);
        alert.Message.ShouldBe("inside exclusion zone reef, 50.00 m from its edge");
        range.Report("b1", 11, 300, 0).Alerts.ShouldBeEmpty();
        range.Report("b1", 12, 199.5, 0).Alerts.ShouldBeEmpty();
        var resolved = range.Report("b1", 13, 150, 0).Single(AlertKind.Resolved);
        (resolved.ResolvesAlertId, resolved.OtherId).ShouldBe((alert.Id, "reef"));
    }

    [Fact]
    public void ZoneThatIsNotAnExclusion_NoAlert()
    {
        RangeWithReef(ZoneKind.TestArea).Report("b1", 10, 300, 0).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void ZoneWithActiveHours_OnlyWhileActiveInTheRangesTimeZone()
    {
        // Monday 09:00–09:30 in Asia/Shanghai is 01:00–01:30 UTC; the harness starts at Monday 00:00 UTC.
        var range = RangeWithReef(hours: [new WeeklyWindow(1, 9 * 60, 9 * 60 + 30)]);

        range.Report("b1", 600, 300, 0).Alerts.ShouldBeEmpty();
        range.Report("b1", 3700, 300, 0).Kinds().ShouldBe("EnteredExclusion");
        range.Report("b1", 5500, 300, 0).Kinds().ShouldBe("Resolved");
    }

    [Fact]
    public void ZoneForOtherVehicleKinds_OnlyThoseAlerted()
    {
        var range = RangeWithReef(kinds: [VehicleKind.Uav]);
        range.Track(range.Booking("b2", null, new Vehicle("b2-usv", VehicleKind.Uav, "drone")));

        range.Report("b1", 10, 300, 0).Alerts.ShouldBeEmpty();
        range.Report("b2", 10, 300, -400).Alerts.ShouldBeEmpty();
        range.Report("b2", 11, 300, 50).Kinds().ShouldBe("EnteredExclusion Proximity Proximity");
    }

    [Theory]
    [InlineData("at the surface, below the zone's band", 0.0, "")]
    [InlineData("height unknown", null, "EnteredExclusion")]
    [InlineData("inside the zone's band", 60.0, "EnteredExclusion")]
    public void ZoneWithABand_HeightCheckedWhenKnown(string scenario, double? height, string kinds)
    {
        RangeWithReef(band: new VerticalBand(50, 300)).Report("b1", 10, 300, 0, height).Kinds().ShouldBe(kinds, scenario);
    }

    [Fact]
    public void Closure_OnlyWithinItsWindow()
    {
        var range = new ConformanceHarness();
        range.Track(range.Booking("b1"));
        range.Engine.PutClosure(Closure("c1", Footprints.Square(range.Centre, 200), TestTimes.Hours(0.5, 1)));

        range.Report("b1", 600, 0, 0).Alerts.ShouldBeEmpty();
        range.Report("b1", 1900, 0, 0).Single(AlertKind.EnteredExclusion).OtherId.ShouldBe("c1");
        range.Report("b1", 3600, 0, 0).Kinds().ShouldBe("Resolved");
    }

    [Fact]
    public void ClosureOfTheWholeRange_EveryPositionAlerted()
    {
        var range = new ConformanceHarness();
        range.Track(range.Booking("b1"));
        range.Engine.PutClosure(Closure("storm", null, TestTimes.Hours(0, 1)));

        range.Report("b1", 10, 0, 0).Single(AlertKind.EnteredExclusion).Message.ShouldBe("inside closure storm, which covers the whole range");
    }

    [Fact]
    public void ClosureRemoved_EpisodeEndsAtTheNextFix()
    {
        var range = new ConformanceHarness();
        range.Track(range.Booking("b1"));
        range.Engine.PutClosure(Closure("c1", Footprints.Square(range.Centre, 200), TestTimes.Hours(0, 1)));
        range.Report("b1", 10, 0, 0).Kinds().ShouldBe("EnteredExclusion");

        range.Engine.RemoveClosure("c1");

        range.Report("b1", 11, 0, 0).Single(AlertKind.Resolved).OtherId.ShouldBe("c1");
    }

    private static Closure Closure(string id, Footprint? footprint, TimeWindow window) =>
        new(id, "zhuhai-wanshan", footprint, null, window, "test", [], 1);
}
