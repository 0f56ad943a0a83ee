using RangeScheduler.Domain.Bookings;

namespace RangeScheduler.Domain.Tests.Bookings;

public class BookingStatesTests
{
    /// <summary>DESIGN.md "Booking", "States", and the contract's <c>BookingState</c>: every other pair is refused.</summary>
    private static readonly HashSet<(BookingState From, BookingState To)> Allowed =
    [
        (BookingState.PendingApproval, BookingState.Confirmed),
        (BookingState.PendingApproval, BookingState.Rejected),
        (BookingState.PendingApproval, BookingState.Cancelled),
        (BookingState.Confirmed, BookingState.Active),
        (BookingState.Confirmed, BookingState.Cancelled),
        // A session whose whole window passed while no server ran it is never activated after its end (issue 4).
        (BookingState.Confirmed, BookingState.Completed),
        (BookingState.Active, BookingState.Completed),
    ];

    public static TheoryData<BookingState, BookingState, bool> EveryPair()
    {
        var data = new TheoryData<BookingState, BookingState, bool>();
        foreach (var from in Enum.GetValues<BookingState>())
        {
            foreach (var to in Enum.GetValues<BookingState>())
            {
                data.Add(from, to, Allowed.Contains((from, to)));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Transition_AllowedOnlyWhereTheDesignSaysSo(BookingState from, BookingState to, bool allowed) =>
        from.CanBecome(to).ShouldBe(allowed);

    [Theory]
    [InlineData(BookingState.Unspecified, false, false, false)]
    [InlineData(BookingState.PendingApproval, true, false, true)]
    [InlineData(BookingState.Confirmed, true, false, true)]
    [InlineData(BookingState.Active, true, false, false)]
    [InlineData(BookingState.Completed, false, true, false)]
    [InlineData(BookingState.Cancelled, false, true, false)]
    [InlineData(BookingState.Rejected, false, true, false)]
    public void State_HoldsSpaceIsFinalAndIsChangeableAsDesigned(BookingState state, bool holdsSpace, bool isFinal, bool isChangeable)
    {
        state.HoldsSpace().ShouldBe(holdsSpace);
        state.IsFinal().ShouldBe(isFinal);
        state.IsChangeable().ShouldBe(isChangeable);
    }

    [Fact]
    public void FinalState_NeverBecomesAnything()
    {
        var finals = Enum.GetValues<BookingState>().Where(s => s.IsFinal());

        finals.ShouldAllBe(from => Enum.GetValues<BookingState>().All(to => !from.CanBecome(to)));
    }
}
