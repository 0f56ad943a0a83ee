using System.Collections.Concurrent;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Which of this process's station streams carries each vehicle: the one that last
/// reported it. Alerts and commands about a vehicle are written there.
/// </summary>
public sealed class StationRoutes
{
    private readonly ConcurrentDictionary<(string Booking, string Vehicle), StationStream> _routes = new();

    /// <summary>Records that <paramref name="stream"/> carries the vehicle; true when it did not before.</summary>
    public bool Carry(string bookingId, string vehicleId, StationStream stream)
    {
        var key = (bookingId, vehicleId);
        if (_routes.TryGetValue(key, out var current) && ReferenceEquals(current, stream))
        {
            return false;
        }
        _routes[key] = stream;
        return true;
    }

    public StationStream? Carrier(string bookingId, string vehicleId) => _routes.GetValueOrDefault((bookingId, vehicleId));

    /// <summary>The distinct streams carrying any vehicle of the booking.</summary>
    public IReadOnlyList<StationStream> Carriers(string bookingId)
    {
        List<StationStream> carriers = [];
        foreach (var (key, stream) in _routes)
        {
            if (key.Booking == bookingId && !carriers.Contains(stream))
            {
                carriers.Add(stream);
            }
        }
        return carriers;
    }

    /// <summary>The stream ended: it carries nothing any more.</summary>
    public void Drop(StationStream stream)
    {
        foreach (var (key, carrier) in _routes)
        {
            if (ReferenceEquals(carrier, stream))
            {
                _routes.TryRemove(new KeyValuePair<(string, string), StationStream>(key, carrier));
            }
        }
    }
}
