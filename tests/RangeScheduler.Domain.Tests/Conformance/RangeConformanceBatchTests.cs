using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>
/// Batches: each vehicle's fixes in time order whatever order they come in, and late fixes that
/// show an episode already over.
/// </summary>
public class RangeConformanceBatchTests
{
    private readonly ConformanceHarness _range = new();

    public RangeConformanceBatchTests() => _range.Track(_range.Booking("b1"));

    [Fact]
    public void ExitAndReentryInOneBatchOutOfOrder_LeftVolumeThenResolved()
    {
        var outcome = _range.Observe(
            _range.Fix("b1", "b1-usv", 3, 0, 0),
            _range.Fix("b1", "b1-usv", 2, 600, 0),
            _range.Fix("b1", "b1-usv", 1, 0, 0));

        outcome.Alerts.Select(a => (a.Kind, a.Time)).ShouldBe([
            (AlertKind.LeftVolume, ConformanceHarness.At(2)),
            (AlertKind.Resolved, ConformanceHarness.At(3))]);
        outcome.States().ShouldBe([ConformanceState.Nonconforming, ConformanceState.Conforming]);
    }

    [Fact]
    public void SeveralVehiclesInOneBatch_EachJudgedOnItsOwnFixes()
    {
        _range.Track(_range.Booking("b2"));

        var outcome = _range.Observe(
            _range.Fix("b2", "b2-usv", 1, -600, -400),
            _range.Fix("b1", "b1-usv", 1, 600, 0),
            _range.Fix("b2", "b2-usv", 2, -400, -400));

        outcome.Alerts.Select(a => (a.Kind, a.BookingId)).ShouldBe([
            (AlertKind.LeftVolume, "b2"), (AlertKind.LeftVolume, "b1"), (AlertKind.Resolved, "b2")]);
    }

    [Fact]
    public void LateFixShowingAnEpisodeSinceOver_AlertAndResolvedAtTheLatestFix()
    {
        _range.Report("b1", 10, 0, 0);
        _range.Report("b1", 20, 100, 0);

        var outcome = _range.Report("b1", 15, 600, 0);

        outcome.Alerts.Select(a => (a.Kind, a.Time)).ShouldBe([
            (AlertKind.LeftVolume, ConformanceHarness.At(15)),
            (AlertKind.Resolved, ConformanceHarness.At(20))]);
        outcome.Alerts[1].ResolvesAlertId.ShouldBe(outcome.Alerts[0].Id);
        outcome.Alerts[1].Position.ShouldBe(_range.Point(100, 0));
        outcome.Changes.ShouldBeEmpty();
        _range.Engine.OpenAlerts.ShouldBeEmpty();
    }

    [Fact]
    public void LateFixShowingAnOpenEpisode_ChangesNothing()
    {
        _range.Report("b1", 10, 0, 0);
        _range.Report("b1", 20, 700, 0).Kinds().ShouldBe("LeftVolume");

        _range.Report("b1", 15, 0, 0).Alerts.ShouldBeEmpty();
        _range.Report("b1", 16, 800, 0).Alerts.ShouldBeEmpty();
        _range.Engine.OpenAlerts.Single().Kind.ShouldBe(AlertKind.LeftVolume);
    }

    [Fact]
    public void LateFix_DoesNotMoveTheLatestPosition()
    {
        _range.Track(_range.Booking("b2"));
        _range.Report("b1", 20, 0, 0);

        _range.Report("b1", 15, 450, -450);

        _range.Report("b2", 21, 420, -420).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void LateFixAfterALostLink_ResolvesIt()
    {
        _range.CheckLinks(0);
        _range.Report("b1", 20, 0, 0);
        _range.CheckLinks(26).Kinds().ShouldBe("LostLink");

        _range.Report("b1", 19, 0, 0).Kinds().ShouldBe("Resolved");
    }
}
