using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Bookings;

/// <summary>
/// Every organisation's vehicles across all ranges, for <see cref="Conflicts.ConflictKind.VehicleDoubleBooked"/>:
/// the same vehicle (same organisation, same id) cannot be in two volumes at once, whichever
/// ranges they are on. Holds the windows of bookings that hold space. Thread-safe: one
/// calendar serves every range, and ranges decide in parallel.
/// </summary>
/// <remarks>
/// The caller keeps it in step with the stores, next to <c>RangeBook.Put</c>: a range's book
/// only knows its own range.
/// </remarks>
public sealed class VehicleCalendar
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Organization, string Vehicle), List<VehicleBooking>> _byVehicle = [];
    private readonly Dictionary<string, (string Organization, string RangeId, string[] Vehicles)> _byBooking = new(StringComparer.Ordinal);
    // So that replacing one range's bookings touches only those, not every range's under the lock.
    private readonly Dictionary<string, HashSet<string>> _byRange = new(StringComparer.Ordinal);

    /// <summary>Records the booking's vehicles and windows while its state holds space; forgets them otherwise.</summary>
    public void Put(Booking booking)
    {
        lock (_lock)
        {
            PutLocked(booking);
        }
    }

    /// <summary>
    /// Forgets every booking of the range and records <paramref name="bookings"/> instead, in
    /// one step: what a range's book rebuilt from the store holds, without a booking whose
    /// write failed, and without a moment in which the range's vehicles look free.
    /// </summary>
    public void ReplaceRange(string rangeId, IEnumerable<Booking> bookings)
    {
        lock (_lock)
        {
            if (_byRange.TryGetValue(rangeId, out var ofRange))
            {
                foreach (var bookingId in ofRange.ToList())
                {
                    RemoveLocked(bookingId);
                }
            }
            foreach (var booking in bookings)
            {
                PutLocked(booking);
            }
        }
    }

    private void PutLocked(Booking booking)
    {
        RemoveLocked(booking.Id);
        if (!booking.State.HoldsSpace())
        {
            return;
        }
        var vehicles = booking.Vehicles.Select(v => v.Id).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var vehicle in vehicles)
        {
            var key = (booking.OrganizationId, vehicle);
            if (!_byVehicle.TryGetValue(key, out var bookings))
            {
                bookings = [];
                _byVehicle.Add(key, bookings);
            }
            for (var i = 0; i < booking.Volumes.Count; i++)
            {
                bookings.Add(new VehicleBooking(booking.Id, booking.RangeId, i, booking.Volumes[i].Window));
            }
        }
        _byBooking.Add(booking.Id, (booking.OrganizationId, booking.RangeId, vehicles));
        if (!_byRange.TryGetValue(booking.RangeId, out var ofRange))
        {
            _byRange.Add(booking.RangeId, ofRange = new HashSet<string>(StringComparer.Ordinal));
        }
        ofRange.Add(booking.Id);
    }

    public void Remove(string bookingId)
    {
        lock (_lock)
        {
            RemoveLocked(bookingId);
        }
    }

    /// <summary>
    /// The volumes of the organisation's space-holding bookings that use the vehicle during
    /// <paramref name="window"/> (half-open, not widened by any buffer), in any range.
    /// </summary>
    public IReadOnlyList<VehicleBooking> BookedDuring(string organizationId, string vehicleId, TimeWindow window)
    {
        lock (_lock)
        {
            if (!_byVehicle.TryGetValue((organizationId, vehicleId), out var bookings))
            {
                return [];
            }
            return bookings.Where(b => b.Window.Overlaps(window)).ToList();
        }
    }

    private void RemoveLocked(string bookingId)
    {
        if (!_byBooking.Remove(bookingId, out var entry))
        {
            return;
        }
        var ofRange = _byRange[entry.RangeId];
        ofRange.Remove(bookingId);
        if (ofRange.Count == 0)
        {
            _byRange.Remove(entry.RangeId);
        }
        foreach (var vehicle in entry.Vehicles)
        {
            var key = (entry.Organization, vehicle);
            var bookings = _byVehicle[key];
            bookings.RemoveAll(b => b.BookingId == bookingId);
            if (bookings.Count == 0)
            {
                _byVehicle.Remove(key);
            }
        }
    }
}

/// <summary>One volume of a booking that uses a vehicle.</summary>
/// <param name="VolumeIndex">Which of the booking's volumes.</param>
public readonly record struct VehicleBooking(string BookingId, string RangeId, int VolumeIndex, TimeWindow Window);
