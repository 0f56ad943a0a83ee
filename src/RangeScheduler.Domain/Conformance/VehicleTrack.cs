using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// One vehicle of a tracked booking: its latest evaluated fix and its open alerts. Episodes of
/// a kind that a vehicle has at most once are kept in a slot per kind; exclusions per zone or
/// closure id, proximities per other vehicle.
/// </summary>
internal sealed class VehicleTrack(TrackedBooking booking, Vehicle vehicle)
{
    private readonly ConformanceAlert?[] _open = new ConformanceAlert?[(int)AlertKind.Resolved];

    public TrackedBooking Booking { get; } = booking;

    public string VehicleId { get; } = vehicle.Id;

    public VehicleKind Kind { get; set; } = vehicle.Kind;

    public bool HasFix { get; private set; }

    /// <summary>The latest fix evaluated in time order; late fixes never replace it.</summary>
    public Sighting Latest { get; private set; }

    /// <summary>The latest position on the range's plane, in metres.</summary>
    public double X { get; private set; }

    public double Y { get; private set; }

    public DateTimeOffset LastReceivedAt { get; private set; }

    public DateTimeOffset? NextReportBy { get; private set; }

    /// <summary>The proximity grid's cell and this track's place in it; -1 when not in the grid.</summary>
    public long Cell { get; set; }

    public int CellSlot { get; set; } = -1;

    public Dictionary<string, ConformanceAlert>? Exclusions { get; private set; }

    public Dictionary<VehicleTrack, ConformanceAlert>? Proximities { get; private set; }

    public IEnumerable<ConformanceAlert> OpenAlerts =>
        _open.OfType<ConformanceAlert>()
            .Concat(Exclusions?.Values ?? Enumerable.Empty<ConformanceAlert>())
            .Concat(Proximities?.Values ?? Enumerable.Empty<ConformanceAlert>());

    public ConformanceAlert? OpenOf(AlertKind kind) => _open[(int)kind];

    public void MoveTo(in Fix fix, double x, double y)
    {
        (HasFix, Latest, X, Y, NextReportBy) = (true, Sighting.Of(fix), x, y, fix.NextReportBy);
        Heard(fix.ReceivedAt);
    }

    /// <summary>Any accepted fix shows the link is up, a late one too.</summary>
    public void Heard(DateTimeOffset receivedAt)
    {
        if (receivedAt > LastReceivedAt)
        {
            LastReceivedAt = receivedAt;
        }
    }

    /// <summary>A new range plane: the same position, new metres.</summary>
    public void Reproject(double x, double y) => (X, Y) = (x, y);

    public void Opened(ConformanceAlert alert, VehicleTrack? other)
    {
        switch (alert.Kind)
        {
            case AlertKind.EnteredExclusion:
                (Exclusions ??= new(StringComparer.Ordinal))[alert.OtherId] = alert;
                break;
            case AlertKind.Proximity:
                (Proximities ??= [])[other!] = alert;
                break;
            default:
                _open[(int)alert.Kind] = alert;
                break;
        }
        Booking.Count(alert.Kind, +1);
    }

    public void Closed(ConformanceAlert alert, VehicleTrack? other)
    {
        switch (alert.Kind)
        {
            case AlertKind.EnteredExclusion:
                Exclusions!.Remove(alert.OtherId);
                break;
            case AlertKind.Proximity:
                Proximities!.Remove(other!);
                break;
            default:
                _open[(int)alert.Kind] = null;
                break;
        }
        Booking.Count(alert.Kind, -1);
    }
}
