namespace RangeScheduler.Domain.Bookings;

/// <summary>
/// When a booking's vehicles may report positions (DESIGN.md, "Telemetry and conformance"):
/// while it is confirmed, active or completed, from the range's report grace before its first
/// start until the grace after its last end. Reports inside that span but outside every
/// booked window are accepted and raise OUTSIDE_WINDOW.
/// </summary>
public static class ReportingWindow
{
    /// <summary>Null when a fix at <paramref name="fixTime"/> may be reported; otherwise why not.</summary>
    public static string? WhyNot(Booking booking, TimeSpan grace, DateTimeOffset fixTime)
    {
        if (booking.State is not (BookingState.Confirmed or BookingState.Active or BookingState.Completed))
        {
            return $"booking \"{booking.Id}\" is {Describe(booking.State)}; only confirmed, active or completed bookings report";
        }
        var span = booking.Span;
        if (fixTime < span.Start - grace)
        {
            return $"the fix is more than {grace.TotalMinutes:0.##} min before the booking's first start";
        }
        if (fixTime >= span.End + grace)
        {
            return $"the fix is more than {grace.TotalMinutes:0.##} min after the booking's last end";
        }
        return null;
    }

    private static string Describe(BookingState state) => state switch
    {
        BookingState.PendingApproval => "pending approval",
        BookingState.Cancelled => "cancelled",
        BookingState.Rejected => "rejected",
        _ => state.ToString().ToLowerInvariant(),
    };
}
