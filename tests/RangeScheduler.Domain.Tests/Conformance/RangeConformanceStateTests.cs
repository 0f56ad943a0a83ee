using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>
/// A booking's conformance and its order (docs/conformance.md): NONCONFORMING, then CONTINGENT,
/// then NO_TELEMETRY, then CONFORMING; and open alerts ended when a booking is final or forgotten.
/// </summary>
public class RangeConformanceStateTests
{
    private readonly ConformanceHarness _range = new();

    [Fact]
    public void ActiveBookingTracked_Conforming()
    {
        _range.Track(_range.Booking("b1")).States().ShouldBe([ConformanceState.Conforming]);
        _range.Engine.StateOf("b1").ShouldBe(ConformanceState.Conforming);
    }

    [Fact]
    public void BookingNotYetActive_Unspecified()
    {
        _range.Track(_range.Booking("b1") with { State = BookingState.Confirmed }).Changes.ShouldBeEmpty();
        _range.Engine.StateOf("b1").ShouldBe(ConformanceState.Unspecified);
        _range.Engine.StateOf("unknown").ShouldBe(ConformanceState.Unspecified);
    }

    [Fact]
    public void LeavingAndReturning_NonconformingThenConforming()
    {
        _range.Track(_range.Booking("b1"));

        _range.Report("b1", 10, 600, 0).States().ShouldBe([ConformanceState.Nonconforming]);
        _range.Report("b1", 11, 700, 0).Changes.ShouldBeEmpty();
        _range.Report("b1", 12, 0, 0).States().ShouldBe([ConformanceState.Conforming]);
    }

    [Fact]
    public void HoldInForce_ContingentUntilResumed()
    {
        _range.Track(_range.Booking("b1"));

        _range.Track(_range.Booking("b1") with { CommandInForce = CommandKind.Hold }).States().ShouldBe([ConformanceState.Contingent]);
        _range.Track(_range.Booking("b1") with { CommandInForce = CommandKind.Resume }).States().ShouldBe([ConformanceState.Conforming]);
    }

    [Fact]
    public void OutsideDuringAReturnToBase_NonconformingComesFirst()
    {
        _range.Track(_range.Booking("b1") with { CommandInForce = CommandKind.ReturnToBase });

        _range.Report("b1", 10, 600, 0).States().ShouldBe([ConformanceState.Nonconforming]);
        _range.Report("b1", 11, 0, 0).States().ShouldBe([ConformanceState.Contingent]);
    }

    [Fact]
    public void LostLinkDuringAHold_ContingentComesFirst()
    {
        _range.Track(_range.Booking("b1") with { CommandInForce = CommandKind.Hold });
        _range.CheckLinks(0);

        _range.CheckLinks(6).Kinds().ShouldBe("LostLink");
        _range.Engine.StateOf("b1").ShouldBe(ConformanceState.Contingent);
        _range.Track(_range.Booking("b1")).States().ShouldBe([ConformanceState.NoTelemetry]);
    }

    [Fact]
    public void OutsideWhileLost_Nonconforming()
    {
        _range.Track(_range.Booking("b1"));
        _range.CheckLinks(0);
        _range.CheckLinks(6).States().ShouldBe([ConformanceState.NoTelemetry]);

        var outcome = _range.Report("b1", 7, 800, 0);

        outcome.Kinds().ShouldBe("Resolved LeftVolume");
        outcome.States().ShouldBe([ConformanceState.Nonconforming]);
    }

    [Fact]
    public void BookingCompleted_OpenAlertsResolved_OverrunRaisesOutsideWindow()
    {
        _range.Track(_range.Booking("b1"));
        _range.Track(_range.Booking("b2"));
        _range.Report("b1", 10, 600, 0);
        _range.Report("b2", 10, 650, 0);

        var outcome = _range.Track(_range.Booking("b1") with { State = BookingState.Completed, UpdatedAt = ConformanceHarness.At(2 * 3600) });

        outcome.Alerts.Select(a => (a.Kind, a.BookingId)).ShouldBe([(AlertKind.Resolved, "b1"), (AlertKind.Resolved, "b1"), (AlertKind.Resolved, "b2")]);
        outcome.Alerts[0].Message.ShouldBe("LEFT_VOLUME closed: no longer watched");
        outcome.Changes.ShouldBeEmpty();
        _range.Engine.OpenAlerts.Select(a => (a.Kind, a.BookingId)).ShouldBe([(AlertKind.LeftVolume, "b2")]);
        _range.Engine.StateOf("b1").ShouldBe(ConformanceState.Nonconforming);
        _range.Report("b1", 11, 0, 0).Alerts.ShouldBeEmpty();
        _range.Report("b1", 2 * 3600 + 60, 0, 0).Single(AlertKind.OutsideWindow).BookingId.ShouldBe("b1");
    }

    [Fact]
    public void SessionTerminatedEarly_VehicleStillReporting_OneOutsideWindowFromTheEnd()
    {
        _range.Track(_range.Booking("b1"));
        _range.Report("b1", 10, 0, 0);
        _range.Track(_range.Booking("b1") with { State = BookingState.Completed, StateReason = StateReason.Terminated, UpdatedAt = ConformanceHarness.At(60) });

        _range.Report("b1", 59.9, 0, 0).Alerts.ShouldBeEmpty();
        var atTheEnd = _range.Report("b1", 60, 0, 0);
        atTheEnd.Kinds().ShouldBe("OutsideWindow");
        atTheEnd.Alerts[0].Message.ShouldBe("reporting while no booked volume is in force");
        _range.Report("b1", 61, 0, 0).Alerts.ShouldBeEmpty();
        _range.Engine.OpenAlerts.Select(a => a.Kind).ShouldBe([AlertKind.OutsideWindow]);
    }

    [Fact]
    public void BookingCancelled_TrackingStops()
    {
        _range.Track(_range.Booking("b1"));
        _range.Report("b1", 10, 600, 0);

        _range.Track(_range.Booking("b1") with { State = BookingState.Cancelled }).Single(AlertKind.Resolved);

        _range.Report("b1", 2 * 3600 + 60, 900, 0).Alerts.ShouldBeEmpty();
        _range.Engine.OpenAlerts.ShouldBeEmpty();
    }

    [Fact]
    public void Forgotten_OpenAlertsResolved()
    {
        _range.Track(_range.Booking("b1"));
        var left = _range.Report("b1", 10, 600, 0).Single(AlertKind.LeftVolume);

        var resolved = _range.Forget("b1").Single(AlertKind.Resolved);

        (resolved.ResolvesAlertId, resolved.Time).ShouldBe((left.Id, ConformanceHarness.At(10)));
        _range.Engine.OpenAlerts.ShouldBeEmpty();
        _range.Forget("b1").Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void VehicleRemovedFromTheBooking_ItsAlertsResolved()
    {
        var both = new[] { new Vehicle("a", Ranges.VehicleKind.Usv, "M80"), new Vehicle("b", Ranges.VehicleKind.Usv, "M80") };
        _range.Track(_range.Booking("b1", null, both));
        _range.Observe(_range.Fix("b1", "b", 10, 600, 0)).States().ShouldBe([ConformanceState.Nonconforming]);

        var outcome = _range.Track(_range.Booking("b1", null, both[0]));

        outcome.Kinds().ShouldBe("Resolved");
        outcome.States().ShouldBe([ConformanceState.Conforming]);
    }
}
