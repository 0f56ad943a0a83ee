using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>The LOST_LINK watchdog on Wanshan (5 s link timeout).</summary>
public class RangeConformanceLinkTests
{
    private readonly ConformanceHarness _range = new();

    [Fact]
    public void NeverReported_LostOneTimeoutAfterTheFirstRoundThatSawTheBookingActive()
    {
        _range.Track(_range.Booking("b1"));

        _range.CheckLinks(1).Alerts.ShouldBeEmpty();
        _range.CheckLinks(6).Alerts.ShouldBeEmpty();
        var lost = _range.CheckLinks(6.2);

        var alert = lost.Single(AlertKind.LostLink);
        (alert.Severity, alert.BookingId, alert.VehicleId, alert.Time).ShouldBe((AlertSeverity.Critical, "b1", "b1-usv", ConformanceHarness.At(6.2)));
        alert.Message.ShouldBe("no report for 5.2 s (link timeout 5 s)");
        lost.States().ShouldBe([ConformanceState.NoTelemetry]);
    }

    [Fact]
    public void SilentAfterAFix_LostAfterTheTimeoutOnceAndResolvedByTheNextFix()
    {
        _range.Track(_range.Booking("b1"));
        _range.CheckLinks(0);
        _range.Report("b1", 2, 0, 0);

        _range.CheckLinks(7).Alerts.ShouldBeEmpty();
        var lost = _range.CheckLinks(7.2).Single(AlertKind.LostLink);
        _range.CheckLinks(7.4).Alerts.ShouldBeEmpty();
        var back = _range.Report("b1", 9, 0, 0);

        back.Single(AlertKind.Resolved).ResolvesAlertId.ShouldBe(lost.Id);
        back.States().ShouldBe([ConformanceState.Conforming]);
    }

    [Fact]
    public void PlannedSilence_NoLostLinkBeforeNextReportBy()
    {
        _range.Track(_range.Booking("b1"));
        _range.CheckLinks(0);
        _range.Observe(_range.Fix("b1", "b1-usv", 2, 0, 0, -20, nextReportBySeconds: 60));

        _range.CheckLinks(30).Alerts.ShouldBeEmpty();
        _range.CheckLinks(60).Alerts.ShouldBeEmpty();
        _range.CheckLinks(60.2).Kinds().ShouldBe("LostLink");
    }

    [Fact]
    public void ShortPlannedSilence_TheLinkTimeoutStillApplies()
    {
        _range.Track(_range.Booking("b1"));
        _range.CheckLinks(0);
        _range.Observe(_range.Fix("b1", "b1-usv", 2, 0, 0, nextReportBySeconds: 3));

        _range.CheckLinks(6.9).Alerts.ShouldBeEmpty();
        _range.CheckLinks(7.1).Kinds().ShouldBe("LostLink");
    }

    [Fact]
    public void BookingNotActive_NoWatchdog()
    {
        _range.Track(_range.Booking("b1") with { State = BookingState.Confirmed });

        _range.CheckLinks(0);
        _range.CheckLinks(60).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void ReportedBeforeActivation_TimeoutCountsFromActivation()
    {
        _range.Track(_range.Booking("b1") with { State = BookingState.Confirmed });
        _range.Report("b1", -60, 0, 0).Kinds().ShouldBe("OutsideWindow");
        _range.Track(_range.Booking("b1"));

        _range.CheckLinks(0).Alerts.ShouldBeEmpty();
        _range.CheckLinks(5.5).Kinds().ShouldBe("LostLink");
    }
}
