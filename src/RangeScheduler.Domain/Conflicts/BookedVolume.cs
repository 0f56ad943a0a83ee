using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// One volume of a booking that holds space, with its footprint on the range's plane: what
/// <see cref="BookingIndex"/> stores and returns. The booking gives its id, state, priority,
/// organisation and vehicles.
/// </summary>
/// <remarks>
/// What a conflict check reads of every neighbour (id, window, band, state, priority) is
/// copied here rather than read through <see cref="Booking"/>: at a million bookings each
/// neighbour is a cache miss, and following the booking and its volume list cost two or three
/// more per neighbour. The copies hold because a booking is immutable and every new version
/// is indexed afresh (<see cref="RangeBook.Put"/>).
/// </remarks>
internal sealed class BookedVolume(Booking booking, int volumeIndex, PlanarFootprint footprint)
{
    public Booking Booking { get; } = booking;

    /// <summary>Which of <see cref="Booking"/>'s volumes this is.</summary>
    public int VolumeIndex { get; } = volumeIndex;

    public PlanarFootprint Footprint { get; } = footprint;

    public VerticalBand Vertical { get; } = booking.Volumes[volumeIndex].Vertical;

    public TimeWindow Window { get; } = booking.Volumes[volumeIndex].Window;

    public string BookingId { get; } = booking.Id;

    public BookingState State { get; } = booking.State;

    public Priority Priority { get; } = booking.Priority;

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
