using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>
/// LEFT_VOLUME, ALTITUDE, NEAR_BOUNDARY and OUTSIDE_WINDOW against a booking's volumes in force,
/// with hysteresis. The default booking is a 1 km square around Wanshan's centre (edges at
/// ±500 m), 0–100 m, for the first two hours.
/// </summary>
public class RangeConformanceVolumeTests
{
    private readonly ConformanceHarness _range = new();

    public RangeConformanceVolumeTests() => _range.Track(_range.Booking("b1"));

    [Fact]
    public void FixInside_NoAlerts()
    {
        _range.Report("b1", 10, 0, 0, 50).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void OneCentimetreOutside_LeftVolumeRaised()
    {
        var alert = _range.Report("b1", 10, 500.01, 0).Single(AlertKind.LeftVolume);

        alert.Severity.ShouldBe(AlertSeverity.Critical);
        alert.DistanceMeters.ShouldBe(0.01, 0.001);
        alert.Message.ShouldBe("0.01 m outside the booked volume");
        (alert.RangeId, alert.BookingId, alert.VehicleId, alert.Id).ShouldBe(("zhuhai-wanshan", "b1", "b1-usv", "alert-1"));
        alert.Time.ShouldBe(ConformanceHarness.At(10));
    }

    [Fact]
    public void StillOutside_NoSecondAlert()
    {
        _range.Report("b1", 10, 600, 0).Kinds().ShouldBe("LeftVolume");

        _range.Report("b1", 11, 650, 0).Alerts.ShouldBeEmpty();
        _range.Report("b1", 12, 600, 0).Alerts.ShouldBeEmpty();
        _range.Engine.OpenAlerts.Count().ShouldBe(1);
    }

    [Fact]
    public void BackInsideByTheMargin_Resolved()
    {
        var left = _range.Report("b1", 10, 520, 0).Single(AlertKind.LeftVolume);

        var resolved = _range.Report("b1", 11, 498.9, 0).Single(AlertKind.Resolved);

        resolved.ResolvesAlertId.ShouldBe(left.Id);
        resolved.Severity.ShouldBe(AlertSeverity.Info);
        (resolved.BookingId, resolved.VehicleId).ShouldBe(("b1", "b1-usv"));
        resolved.Time.ShouldBe(ConformanceHarness.At(11));
        _range.Engine.OpenAlerts.ShouldBeEmpty();
    }

    [Fact]
    public void JitterAroundTheEdgeWithinTheMargin_OneAlertUntilClearlyBack()
    {
        var kinds = new[] { 500.01, 499.5, 500.3, 499.2, 500.5, 499.01 }
            .Select((east, i) => _range.Report("b1", 10 + i, east, 0).Kinds())
            .ToList();

        kinds.ShouldBe(["LeftVolume", "", "", "", "", ""]);
        _range.Report("b1", 20, 490, 0).Kinds().ShouldBe("Resolved");
    }

    [Fact]
    public void AboveTheBand_AltitudeRaisedAndResolvedOnlyBelowTheMargin()
    {
        var alert = _range.Report("b1", 10, 0, 0, 100.5).Single(AlertKind.Altitude);
        alert.DistanceMeters.ShouldBe(0.5, 1e-9);
        alert.Severity.ShouldBe(AlertSeverity.Critical);

        _range.Report("b1", 11, 0, 0, 99.5).Alerts.ShouldBeEmpty();
        _range.Report("b1", 12, 0, 0, 98).Kinds().ShouldBe("Resolved");
    }

    [Fact]
    public void BelowTheBand_AltitudeWithTheDepth()
    {
        _range.Report("b1", 10, 0, 0, -20).Single(AlertKind.Altitude).DistanceMeters.ShouldBe(20, 1e-9);
    }

    [Fact]
    public void HeightUnknown_NoVerticalCheck()
    {
        _range.Report("b1", 10, 0, 0, null).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void OutsideAndTooHigh_OnlyLeftVolume()
    {
        _range.Report("b1", 10, 700, 0, 500).Kinds().ShouldBe("LeftVolume");
    }

    [Fact]
    public void NearTheEdge_NearBoundaryWarningUntilClearByTheMargin()
    {
        var range = new ConformanceHarness(TestRanges.Wanshan() with { BoundaryWarningMeters = 50 });
        range.Track(range.Booking("b1"));

        range.Report("b1", 10, 0, 0).Alerts.ShouldBeEmpty();
        var near = range.Report("b1", 11, 460, 0).Single(AlertKind.NearBoundary);
        near.Severity.ShouldBe(AlertSeverity.Warning);
        near.DistanceMeters.ShouldBe(40, 1e-6);
        near.Message.ShouldBe("40.00 m from the edge of the booked volume (warning at 50 m)");
        range.Report("b1", 12, 449.5, 0).Alerts.ShouldBeEmpty();
        range.Report("b1", 13, 440, 0).Kinds().ShouldBe("Resolved");
    }

    [Fact]
    public void SurfaceVesselAtTheTopOfItsBand_NoNearBoundary()
    {
        var range = new ConformanceHarness(TestRanges.Wanshan() with { BoundaryWarningMeters = 50 });
        range.Track(range.Booking("b1", [Volumes.Square(range.Centre, 1000, TestTimes.Hours(0, 2), lowerMeters: -50, upperMeters: 0)]));

        range.Report("b1", 10, 0, 0, 0).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void OverlappingVolumesInForce_NearBoundaryMeasuredToTheirUnion()
    {
        var range = new ConformanceHarness(TestRanges.Wanshan() with { BoundaryWarningMeters = 50 });
        var window = TestTimes.Hours(0, 2);
        range.Track(range.Booking("b1", [Volumes.Square(range.Centre, 1000, window), Volumes.Square(range.Centre, 1000, window, east: 500)]));
        range.Track(range.Booking("b2"));

        range.Report("b1", 10, 480, 0).Alerts.ShouldBeEmpty();
        range.Report("b2", 10, 480, -400).Kinds().ShouldBe("NearBoundary");
    }

    [Fact]
    public void VolumesNotInForce_OnlyTheOneInForceCounts()
    {
        var booking = _range.Booking("b2", [
            Volumes.Square(_range.Centre, 1000, TestTimes.Hours(0, 1)),
            Volumes.Square(_range.Centre, 1000, TestTimes.Hours(1, 2), east: 3000)]);
        _range.Track(booking);

        _range.Report("b2", 1800, 3000, 0).Single(AlertKind.LeftVolume).DistanceMeters.ShouldBe(2500, 1e-6);
        _range.Report("b2", 3600, 3000, 0).Kinds().ShouldBe("Resolved");
    }

    [Fact]
    public void GapBetweenWindows_OutsideWindowInsteadOfLeftVolume()
    {
        _range.Track(_range.Booking("b2", [
            Volumes.Square(_range.Centre, 1000, TestTimes.Hours(0, 1)),
            Volumes.Square(_range.Centre, 1000, TestTimes.Hours(1.5, 2))]));

        var outside = _range.Report("b2", 3600, 5000, 0).Single(AlertKind.OutsideWindow);
        outside.Severity.ShouldBe(AlertSeverity.Warning);
        _range.Report("b2", 1.5 * 3600, 0, 0).Kinds().ShouldBe("Resolved");
    }

    [Fact]
    public void FixAtTheStartOfTheWindow_InForce_AtItsEnd_Not()
    {
        _range.Report("b1", 0, 0, 0).Alerts.ShouldBeEmpty();
        _range.Report("b1", 2 * 3600, 0, 0).Kinds().ShouldBe("OutsideWindow");
    }

    [Fact]
    public void OutsideWindowWhileOutside_LeftVolumeStaysOpenUntilBackInside()
    {
        _range.Report("b1", 7100, 800, 0).Kinds().ShouldBe("LeftVolume");
        _range.Report("b1", 7300, 800, 0).Kinds().ShouldBe("OutsideWindow");
        _range.Engine.OpenAlerts.Select(a => a.Kind).ShouldBe([AlertKind.LeftVolume, AlertKind.OutsideWindow], ignoreOrder: true);
    }
}
