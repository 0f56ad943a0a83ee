using RangeScheduler.Domain.Bookings;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// <see cref="ConflictKind.VehicleDoubleBooked"/>: a requested vehicle already booked, by
/// the same organisation, in any range, at a time overlapping one of the requested volumes.
/// Windows are not widened: moving a vehicle between ranges is its owner's business.
/// </summary>
internal static class VehicleFinder
{
    public static void Find(VehicleCalendar calendar, Probe probe, List<Finding> into)
    {
        foreach (var volume in probe.Volumes)
        {
            foreach (var vehicle in probe.Vehicles)
            {
                foreach (var booked in calendar.BookedDuring(probe.OrganizationId, vehicle.Id, volume.Window))
                {
                    if (booked.BookingId == probe.IgnoreBookingId)
                    {
                        continue;
                    }
                    // The other booking is the caller's own organisation's, so naming its range is no leak.
                    var message = $"vehicle {vehicle.Id} of {ConflictText.Volume(volume.Index)} is booked at the same time "
                        + $"in booking {booked.BookingId} on range {booked.RangeId}";
                    var overlap = volume.Window.Intersect(booked.Window);
                    var conflict = new Conflict(ConflictKind.VehicleDoubleBooked, volume.Index, booked.BookingId, overlap, message)
                    {
                        VehicleId = vehicle.Id,
                    };
                    into.Add(new Finding(conflict, booked.Window));
                }
            }
        }
    }
}
