using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// One volume of a booking that holds space, with its footprint on the range's plane: what
/// <see cref="BookingIndex"/> stores and returns. The booking gives its id, state, priority,
/// organisation and vehicles.
/// </summary>
internal sealed class BookedVolume(Booking booking, int volumeIndex, PlanarFootprint footprint)
{
    public Booking Booking { get; } = booking;

    /// <summary>Which of <see cref="Booking"/>'s volumes this is.</summary>
    public int VolumeIndex { get; } = volumeIndex;

    public PlanarFootprint Footprint { get; } = footprint;

    public VerticalBand Vertical => Booking.Volumes[VolumeIndex].Vertical;

    public TimeWindow Window => Booking.Volumes[VolumeIndex].Window;

    public string BookingId => Booking.Id;

    /// <summary>Every volume of a booking that holds space, projected on <paramref name="plane"/>.</summary>
    public static BookedVolume[] Of(Booking booking, RangePlane plane)
    {
        var volumes = new BookedVolume[booking.Volumes.Count];
        for (var i = 0; i < volumes.Length; i++)
        {
            volumes[i] = new BookedVolume(booking, i, plane.Project(booking.Volumes[i].Footprint));
        }
        return volumes;
    }
}
