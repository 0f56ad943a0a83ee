using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Tests.Conflicts;

namespace RangeScheduler.Domain.Tests.Bookings;

/// <summary>
/// How a session moves on by itself (issue 4): ACTIVE from the first volume's start,
/// COMPLETED at the last volume's end, pending approvals cancelled at the start, and a
/// late look (the server was down) never activating a session after its end.
/// </summary>
public class SessionClockTests
{
    // Two volumes: the session runs from the first start (1 h) to the last end (4 h).
    private static Booking Session(BookingState state) =>
        TestBookings.Confirmed("bk-1", Volumes.WanshanSquare(100, 2, 4), Volumes.WanshanSquare(100, 1, 3, east: 500)) with { State = state, Version = 3 };

    private static DateTimeOffset At(double hours) => TestTimes.Now.AddHours(hours);

    [Theory]
    [InlineData(BookingState.PendingApproval, 1.0)]
    [InlineData(BookingState.Confirmed, 1.0)]
    [InlineData(BookingState.Active, 4.0)]
    public void NextStepAt_StartUntilActiveThenEnd(BookingState state, double hours) =>
        SessionClock.NextStepAt(Session(state)).ShouldBe(At(hours));

    [Theory]
    [InlineData(BookingState.Completed)]
    [InlineData(BookingState.Cancelled)]
    [InlineData(BookingState.Rejected)]
    public void NextStepAt_FinalStates_Never(BookingState state) =>
        SessionClock.NextStepAt(Session(state)).ShouldBeNull();

    [Theory]
    [InlineData(BookingState.PendingApproval, 0.999)]
    [InlineData(BookingState.Confirmed, 0.999)]
    [InlineData(BookingState.Active, 3.999)]
    [InlineData(BookingState.Completed, 10)]
    [InlineData(BookingState.Cancelled, 10)]
    public void Advance_BeforeItsTimeOrFinal_Nothing(BookingState state, double hours) =>
        SessionClock.Advance(Session(state), At(hours)).ShouldBeNull();

    [Fact]
    public void Advance_ConfirmedAtItsStart_ActiveOneVersionUpAndConforming()
    {
        var active = SessionClock.Advance(Session(BookingState.Confirmed), At(1)).ShouldNotBeNull();

        active.State.ShouldBe(BookingState.Active);
        active.Conformance.ShouldBe(ConformanceState.Conforming);
        active.Version.ShouldBe(4);
        active.UpdatedAt.ShouldBe(At(1));
        active.StateReason.ShouldBe(StateReason.Unspecified);
    }

    [Fact]
    public void Advance_ConfirmedLateButInsideItsWindow_ActiveAtOnce() =>
        SessionClock.Advance(Session(BookingState.Confirmed), At(3.5)).ShouldNotBeNull().State.ShouldBe(BookingState.Active);

    [Theory]
    [InlineData(4.0)]
    [InlineData(30.0)]
    public void Advance_ConfirmedAfterItsEnd_CompletedWithoutEverBeingActive(double hours)
    {
        var completed = SessionClock.Advance(Session(BookingState.Confirmed), At(hours)).ShouldNotBeNull();

        completed.State.ShouldBe(BookingState.Completed);
        completed.Version.ShouldBe(4);
        completed.StateMessage.ShouldBe(SessionClock.EndedBeforeActivationMessage);
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(30.0)]
    public void Advance_ActiveAtOrAfterItsEnd_Completed(double hours)
    {
        var completed = SessionClock.Advance(Session(BookingState.Active), At(hours)).ShouldNotBeNull();

        completed.State.ShouldBe(BookingState.Completed);
        completed.StateReason.ShouldBe(StateReason.Unspecified);
        completed.StateMessage.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(5.0)]
    public void Advance_PendingAtOrAfterItsStart_CancelledAsApprovalTimedOut(double hours)
    {
        var cancelled = SessionClock.Advance(Session(BookingState.PendingApproval), At(hours)).ShouldNotBeNull();

        cancelled.State.ShouldBe(BookingState.Cancelled);
        cancelled.StateReason.ShouldBe(StateReason.ApprovalTimedOut);
        cancelled.StateMessage.ShouldBe("approval timed out");
    }
}
