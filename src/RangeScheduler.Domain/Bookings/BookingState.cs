namespace RangeScheduler.Domain.Bookings;

/// <summary>The life of a booking (DESIGN.md, "Booking", "States").</summary>
public enum BookingState
{
    Unspecified = 0,
    PendingApproval = 1,
    Confirmed = 2,
    Active = 3,
    Completed = 4,
    Cancelled = 5,
    Rejected = 6,
}

/// <summary>The rules of <see cref="BookingState"/>, kept on the state so every caller applies the same ones.</summary>
public static class BookingStates
{
    /// <summary>
    /// States that keep others out of the booked space. The contract names PENDING_APPROVAL
    /// and CONFIRMED; a session in progress (ACTIVE) is flying or sailing there, so it holds
    /// its space too.
    /// </summary>
    public static bool HoldsSpace(this BookingState state) =>
        state is BookingState.PendingApproval or BookingState.Confirmed or BookingState.Active;

    /// <summary>COMPLETED, CANCELLED and REJECTED never change again.</summary>
    public static bool IsFinal(this BookingState state) =>
        state is BookingState.Completed or BookingState.Cancelled or BookingState.Rejected;

    /// <summary>
    /// True for the transitions DESIGN.md allows; everything else fails the same way, with
    /// FAILED_PRECONDITION. CONFIRMED may become COMPLETED directly when the session's whole
    /// window passed while no server ran it: a session is never activated after its end.
    /// </summary>
    public static bool CanBecome(this BookingState from, BookingState to) => (from, to) switch
    {
        (BookingState.PendingApproval, BookingState.Confirmed or BookingState.Rejected or BookingState.Cancelled) => true,
        (BookingState.Confirmed, BookingState.Active or BookingState.Completed or BookingState.Cancelled) => true,
        (BookingState.Active, BookingState.Completed) => true,
        _ => false,
    };

    /// <summary>Owners and controllers may change volumes, vehicles or title only before the session starts.</summary>
    public static bool IsChangeable(this BookingState state) =>
        state is BookingState.PendingApproval or BookingState.Confirmed;
}
