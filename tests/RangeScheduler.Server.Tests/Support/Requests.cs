using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>
/// Booking requests for end-to-end tests, on the seeded ranges. Jaakonmeri is open around
/// the clock for surface and underwater vessels (500 m / 10 min separation, heights −60…0 m);
/// squares are placed by metre offsets from its centre.
/// </summary>
internal static class Requests
{
    public const string Jaakonmeri = "jaakonmeri";

    private static readonly (double Latitude, double Longitude) JaakonmeriCentre = (61.30, 21.08);

    /// <summary>A whole hour at least a day ahead, so tests stay within the 30-day horizon and never start in the past.</summary>
    public static DateTimeOffset Tomorrow(int hour) =>
        new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(2).AddHours(hour);

    public static Volume4D Square(double eastMeters, double northMeters, double sideMeters, DateTimeOffset start, TimeSpan duration, double lower = -20, double upper = 0)
    {
        var ring = new Ring();
        foreach (var (dx, dy) in new[] { (-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5) })
        {
            ring.Points.Add(Offset(eastMeters + dx * sideMeters, northMeters + dy * sideMeters));
        }
        return new Volume4D
        {
            Footprint = new Footprint { Polygon = new Polygon { Exterior = ring } },
            Vertical = new VerticalBand { LowerM = lower, UpperM = upper },
            Window = new TimeWindow { Start = Timestamp.FromDateTimeOffset(start), End = Timestamp.FromDateTimeOffset(start + duration) },
        };
    }

    public static CreateBookingRequest Booking(string title, Volume4D volume, string vehicleId = "usv-1", string idempotencyKey = "")
    {
        var request = new CreateBookingRequest { RangeId = Jaakonmeri, Title = title, IdempotencyKey = idempotencyKey };
        request.Vehicles.Add(new Vehicle { Id = vehicleId, Kind = VehicleKind.Usv, Model = "Otter" });
        request.Volumes.Add(volume);
        return request;
    }

    /// <summary>A point this many metres east and north of the Jaakonmeri centre (small offsets: a flat-earth step is exact enough for placing test squares).</summary>
    public static LatLng Offset(double eastMeters, double northMeters)
    {
        const double metresPerDegree = 111_320;
        return new LatLng
        {
            Latitude = JaakonmeriCentre.Latitude + northMeters / metresPerDegree,
            Longitude = JaakonmeriCentre.Longitude + eastMeters / (metresPerDegree * Math.Cos(JaakonmeriCentre.Latitude * Math.PI / 180)),
        };
    }
}
