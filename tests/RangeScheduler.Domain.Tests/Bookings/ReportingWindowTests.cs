using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Tests.Conflicts;

namespace RangeScheduler.Domain.Tests.Bookings;

/// <summary>
/// When a booking's vehicles may report (issue 5): confirmed, active or completed, from the
/// grace before the first start until the grace after the last end, half-open.
/// </summary>
public class ReportingWindowTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    // Two volumes: the booking spans 1 h to 4 h from TestTimes.Now.
    private static Booking Session(BookingState state) =>
        TestBookings.Confirmed("bk-r", Volumes.WanshanSquare(100, 2, 4), Volumes.WanshanSquare(100, 1, 3, east: 500)) with { State = state };

    private static DateTimeOffset At(double hours) => TestTimes.Now.AddHours(hours);

    [Theory]
    [InlineData(BookingState.Confirmed, 1.0)]
    [InlineData(BookingState.Active, 2.5)]
    [InlineData(BookingState.Completed, 4.1)]
    public void ReportableStates_WithinTheSpan_Reportable(BookingState state, double hours) =>
        ReportingWindow.WhyNot(Session(state), Grace, At(hours)).ShouldBeNull();

    [Fact]
    public void GraceEdges_HalfOpen()
    {
        var booking = Session(BookingState.Active);

        ReportingWindow.WhyNot(booking, Grace, At(1) - Grace).ShouldBeNull();
        ReportingWindow.WhyNot(booking, Grace, At(1) - Grace - TimeSpan.FromTicks(1))!.ShouldContain("before the booking's first start");
        ReportingWindow.WhyNot(booking, Grace, At(4) + Grace - TimeSpan.FromTicks(1)).ShouldBeNull();
        ReportingWindow.WhyNot(booking, Grace, At(4) + Grace)!.ShouldContain("after the booking's last end");
    }

    [Theory]
    [InlineData(BookingState.PendingApproval, "pending approval")]
    [InlineData(BookingState.Cancelled, "cancelled")]
    [InlineData(BookingState.Rejected, "rejected")]
    public void OtherStates_NotReportable(BookingState state, string named) =>
        ReportingWindow.WhyNot(Session(state), Grace, At(2))!.ShouldContain(named);
}
