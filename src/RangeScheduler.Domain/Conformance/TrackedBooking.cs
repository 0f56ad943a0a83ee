using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// A booking under watch: its latest version, its volumes on the plane, its vehicles, and the
/// counts of open alerts its conformance depends on, so that the state is found without
/// walking the alerts.
/// </summary>
internal sealed class TrackedBooking
{
    private int _outside;
    private int _lostLinks;

    public TrackedBooking(Booking booking, RangePlane plane)
    {
        Booking = booking;
        Volumes = new BookedVolumes(booking.Volumes, plane);
        State = booking.Conformance;
        foreach (var vehicle in booking.Vehicles)
        {
            Vehicles[vehicle.Id] = new VehicleTrack(this, vehicle);
        }
    }

    public Booking Booking { get; private set; }

    public BookedVolumes Volumes { get; private set; }

    public Dictionary<string, VehicleTrack> Vehicles { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// When the session ended, once the booking is COMPLETED: a completed booking is final, so
    /// its last change was the completion. A session terminated early has no volume in force from
    /// then on, although its booked windows run on: a vehicle still reporting has overrun it.
    /// </summary>
    public DateTimeOffset? SessionEndedAt => Booking.State == BookingState.Completed ? Booking.UpdatedAt : null;

    /// <summary>The conformance last reported, starting from the one the booking was stored with.</summary>
    public ConformanceState State { get; set; }

    /// <summary>The first watchdog round that saw the booking ACTIVE: a vehicle that never reported counts from here.</summary>
    public DateTimeOffset? ActiveSince { get; set; }

    /// <summary>
    /// Takes a new version. Vehicles that stay keep their tracks and alerts; the ones no longer in
    /// the booking are returned, for the caller to end their alerts.
    /// </summary>
    public List<VehicleTrack> Replace(Booking booking, RangePlane plane)
    {
        var volumesChanged = !booking.Volumes.SequenceEqual(Booking.Volumes);
        Booking = booking;
        if (volumesChanged)
        {
            Volumes = new BookedVolumes(booking.Volumes, plane);
        }
        var gone = Vehicles.Values.Where(track => !booking.Vehicles.Any(v => v.Id == track.VehicleId)).ToList();
        foreach (var vehicle in booking.Vehicles)
        {
            if (Vehicles.TryGetValue(vehicle.Id, out var track))
            {
                track.Kind = vehicle.Kind;
            }
            else
            {
                Vehicles[vehicle.Id] = new VehicleTrack(this, vehicle);
            }
        }
        foreach (var track in gone)
        {
            Vehicles.Remove(track.VehicleId);
        }
        return gone;
    }

    /// <summary>A new range version may move the plane's origin: the footprints are projected again.</summary>
    public void Reproject(RangePlane plane) => Volumes = new BookedVolumes(Booking.Volumes, plane);

    public void Count(AlertKind kind, int delta)
    {
        if (kind is AlertKind.LeftVolume or AlertKind.Altitude or AlertKind.EnteredExclusion)
        {
            _outside += delta;
        }
        else if (kind == AlertKind.LostLink)
        {
            _lostLinks += delta;
        }
    }

    /// <summary>
    /// The conformance the booking has now (docs/conformance.md, "Booking conformance"): being
    /// outside is the most urgent, then a controller's hold or return, then silence. A completed
    /// session keeps the conformance it ended with.
    /// </summary>
    public ConformanceState Evaluate() => Booking.State == BookingState.Completed
        ? State
        : Booking.State != BookingState.Active
        ? ConformanceState.Unspecified
        : _outside > 0 ? ConformanceState.Nonconforming
        : Booking.CommandInForce is CommandKind.Hold or CommandKind.ReturnToBase ? ConformanceState.Contingent
        : _lostLinks > 0 ? ConformanceState.NoTelemetry
        : ConformanceState.Conforming;
}
