using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Tests.Conflicts;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Bookings;

/// <summary>A controller's commands to an active session (issue 5): in force without a new version, or ending it.</summary>
public class BookingCommandTests
{
    private static readonly DateTimeOffset Now = TestTimes.Now.AddHours(2);

    private static Booking Active() =>
        TestBookings.Confirmed("bk-c", Volumes.WanshanSquare(100, 1, 4)) with { State = BookingState.Active, Version = 2 };

    [Theory]
    [InlineData(CommandKind.Hold)]
    [InlineData(CommandKind.ReturnToBase)]
    public void HoldOrReturn_InForce_VersionKept(CommandKind kind)
    {
        var held = BookingLifecycle.Command(Active(), kind, "ferry", Now);

        held.CommandInForce.ShouldBe(kind);
        held.Version.ShouldBe(2);
        held.State.ShouldBe(BookingState.Active);
    }

    [Fact]
    public void Resume_LiftsTheCommandInForce()
    {
        var held = BookingLifecycle.Command(Active(), CommandKind.Hold, "", Now);

        BookingLifecycle.Command(held, CommandKind.Resume, "", Now).CommandInForce.ShouldBe(CommandKind.Unspecified);
    }

    [Fact]
    public void Terminate_CompletedWithReasonAndMessage_NewVersion()
    {
        var ended = BookingLifecycle.Command(Active(), CommandKind.TerminateSession, "test over", Now);

        (ended.State, ended.StateReason, ended.StateMessage, ended.Version, ended.UpdatedAt)
            .ShouldBe((BookingState.Completed, StateReason.Terminated, "test over", 3L, Now));
    }

    [Theory]
    [InlineData(BookingState.Confirmed)]
    [InlineData(BookingState.Completed)]
    [InlineData(BookingState.Cancelled)]
    public void NotActive_IllegalTransition(BookingState state) =>
        Should.Throw<IllegalTransitionException>(() => BookingLifecycle.Command(Active() with { State = state }, CommandKind.Hold, "", Now))
            .Message.ShouldContain("ACTIVE sessions only");
}
