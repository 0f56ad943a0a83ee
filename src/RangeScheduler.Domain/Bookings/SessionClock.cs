namespace RangeScheduler.Domain.Bookings;

/// <summary>
/// How a booking moves on by itself as time passes (DESIGN.md, "States"): a confirmed
/// booking becomes ACTIVE at its first volume's start and COMPLETED at its last volume's
/// end; one still PENDING_APPROVAL at its start is cancelled. The scheduler asks at the
/// instants <see cref="NextStepAt"/> names; asking late (the server was down) gives the
/// state the booking should be in by then, so a session is never activated after its end.
/// </summary>
public static class SessionClock
{
    public const string ApprovalTimedOutMessage = "approval timed out";
    public const string EndedBeforeActivationMessage = "its window ended before the session could be activated";

    /// <summary>When the booking next moves on by itself; null when it never will (a final state).</summary>
    public static DateTimeOffset? NextStepAt(Booking booking) => booking.State switch
    {
        BookingState.PendingApproval or BookingState.Confirmed => booking.Span.Start,
        BookingState.Active => booking.Span.End,
        _ => null,
    };

    /// <summary>The booking as it must be at <paramref name="now"/>; null when nothing is due yet.</summary>
    public static Booking? Advance(Booking booking, DateTimeOffset now)
    {
        if (NextStepAt(booking) is not { } due || now < due)
        {
            return null;
        }
        var span = booking.Span;
        return booking.State switch
        {
            BookingState.PendingApproval =>
                BookingLifecycle.Transition(booking, BookingState.Cancelled, StateReason.ApprovalTimedOut, ApprovalTimedOutMessage, now),
            BookingState.Confirmed when now >= span.End =>
                BookingLifecycle.Transition(booking, BookingState.Completed, StateReason.Unspecified, EndedBeforeActivationMessage, now),
            // A session starts conforming (nothing has been seen outside yet); live monitoring moves it on from there.
            BookingState.Confirmed =>
                BookingLifecycle.Transition(booking, BookingState.Active, StateReason.Unspecified, "", now) with { Conformance = ConformanceState.Conforming },
            _ => BookingLifecycle.Transition(booking, BookingState.Completed, StateReason.Unspecified, "", now),
        };
    }
}
