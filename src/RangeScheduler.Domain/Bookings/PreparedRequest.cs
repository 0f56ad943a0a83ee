using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Bookings;

/// <summary>
/// A booking request validated and projected onto its range's plane before the range's
/// turn, so that the turn, which holds up every other decision on the range, only looks for
/// conflicts (<see cref="RangeBook.Check(PreparedRequest, DateTimeOffset, VehicleCalendar)"/>).
/// Preparing reads only the plane, which is fixed for a range version, so requests are
/// prepared on many threads at once: ProjNet's forward transform keeps no state between calls
/// (its mutable fields are set when it is built; LocalProjectionConcurrencyTests holds it to
/// that), and NTS geometries are only read.
/// </summary>
public sealed class PreparedRequest
{
    private PreparedRequest(BookingRequest request, RangePlane plane, Probe probe)
    {
        Request = request;
        Plane = plane;
        Probe = probe;
    }

    public BookingRequest Request { get; }

    internal RangePlane Plane { get; }

    internal Probe Probe { get; }

    /// <exception cref="InvalidRequestException">The request is malformed for <paramref name="plane"/>'s range at <paramref name="now"/>.</exception>
    public static PreparedRequest Of(BookingRequest request, RangePlane plane, DateTimeOffset now)
    {
        var footprints = BookingRequestValidator.ValidateAndProject(request, plane, now);
        return new PreparedRequest(request, plane, Probe.Of(request, footprints));
    }

    /// <summary>
    /// True when what was prepared is what a check on <paramref name="plane"/> at
    /// <paramref name="now"/> would find: the range's definition has not changed since, and
    /// time has not moved a window out of the bookable span.
    /// </summary>
    internal bool HoldsFor(RangePlane plane, DateTimeOffset now)
    {
        if (!ReferenceEquals(plane, Plane))
        {
            return false;
        }
        foreach (var volume in Request.Volumes)
        {
            if (!TimeWindowValidator.StillBookable(volume.Window, now))
            {
                return false;
            }
        }
        return true;
    }
}
