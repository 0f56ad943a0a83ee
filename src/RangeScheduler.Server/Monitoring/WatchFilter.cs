using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Monitoring;

/// <summary>
/// What one WatchRange asked to see: the bookings named (or all), positions or not, and at
/// most <c>max_rate_hz</c> positions per vehicle — judged on the fixes' own times, so a
/// burst that arrives late is thinned like a live one.
/// </summary>
internal sealed class WatchFilter(V1.WatchRangeRequest request)
{
    private readonly TimeSpan _period = request.MaxRateHz > 0 ? TimeSpan.FromSeconds(1 / request.MaxRateHz) : TimeSpan.Zero;
    private readonly Dictionary<(string Booking, string Vehicle), DateTimeOffset> _lastSent = new();

    public IReadOnlyCollection<string> BookingIds { get; } = request.BookingIds.ToHashSet(StringComparer.Ordinal);

    public bool Passes(V1.RangeEvent rangeEvent) => rangeEvent.EventCase switch
    {
        V1.RangeEvent.EventOneofCase.Position => request.Positions && Concerns(rangeEvent.Position.Report.BookingId) && IsDue(rangeEvent.Position.Report),
        V1.RangeEvent.EventOneofCase.Alert => Concerns(rangeEvent.Alert.BookingId),
        V1.RangeEvent.EventOneofCase.Booking => Concerns(rangeEvent.Booking.Booking?.Id ?? ""),
        V1.RangeEvent.EventOneofCase.Command => Concerns(rangeEvent.Command.BookingId),
        _ => true,
    };

    private bool Concerns(string bookingId) => BookingIds.Count == 0 || BookingIds.Contains(bookingId);

    private bool IsDue(V1.PositionReport report)
    {
        if (_period == TimeSpan.Zero)
        {
            return true;
        }
        var key = (report.BookingId, report.VehicleId);
        var at = report.Time.ToDateTimeOffset();
        if (_lastSent.TryGetValue(key, out var last) && at - last < _period && at >= last)
        {
            return false;
        }
        _lastSent[key] = at;
        return true;
    }
}
