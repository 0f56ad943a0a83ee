using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;
using RangeScheduler.GroundStation.Tests.Geo;

namespace RangeScheduler.GroundStation.Tests.Support;

/// <summary>Bookings of each footprint shape, with three vehicles so that each flies every pattern.</summary>
internal static class SwarmBookings
{
    public static Booking Square() => Make("bk-square", FootprintShapeTests.Square(60.0, 21.5, 600));

    public static Booking Circle() => Make("bk-circle", new Footprint { Circle = new Circle { Center = new LatLng { Latitude = 21.95, Longitude = 113.72 }, RadiusM = 400 } });

    /// <summary>An L-shaped corridor 2 km on each leg, 300 m wide.</summary>
    public static Booking Corridor()
    {
        var plane = new LocalTangentPlane(21.9, 113.6);
        var corridor = new Corridor { HalfWidthM = 150 };
        foreach (var (east, north) in new[] { (0.0, 0.0), (2000.0, 0.0), (2000.0, 2000.0) })
        {
            var (lat, lon) = plane.ToGeodetic(east, north);
            corridor.Path.Add(new LatLng { Latitude = lat, Longitude = lon });
        }
        return Make("bk-corridor", new Footprint { Corridor = corridor });
    }

    public static Booking[] All() => [Square(), Circle(), Corridor()];

    private static Booking Make(string id, Footprint footprint)
    {
        var booking = new Booking
        {
            Id = id,
            State = BookingState.Active,
            Volumes = { new Volume4D { Footprint = footprint, Vertical = new VerticalBand { LowerM = 50, UpperM = 150 } } },
        };
        for (var i = 1; i <= 3; i++)
        {
            booking.Vehicles.Add(new Vehicle { Id = $"{id}-v{i}", Kind = i == 3 ? VehicleKind.Usv : VehicleKind.Uav });
        }
        return booking;
    }
}
