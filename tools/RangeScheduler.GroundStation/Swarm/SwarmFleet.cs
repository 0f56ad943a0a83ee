using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;

namespace RangeScheduler.GroundStation.Swarm;

/// <summary>
/// Places every vehicle of the swarm's bookings in its booking's first volume: the
/// patterns take turns (circle, lawn-mower, figure eight) and fill the largest circle found
/// inside the footprint, less the margin; vehicles of one booking share it, spread along the
/// path. Every 1/fraction-th vehicle strays, at a time spread over the middle of the run.
/// </summary>
public static class SwarmFleet
{
    private const int Directions = 72;

    public static IReadOnlyList<SimulatedVehicle> Build(SwarmOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RateHz);
        var vehicles = new List<SimulatedVehicle>();
        foreach (var booking in options.Bookings)
        {
            var volume = booking.Volumes.Count > 0 ? booking.Volumes[0] : throw new ArgumentException($"Booking {booking.Id} has no volume.", nameof(options));
            var shape = FootprintShape.Of(volume.Footprint);
            var (east, north, inner) = shape.InnerCircle();
            var radius = inner - options.MarginMeters;
            if (radius <= 0)
            {
                throw new ArgumentException($"Booking {booking.Id}'s volume leaves no room inside a {options.MarginMeters} m margin.", nameof(options));
            }
            var centre = shape.Plane.ToGeodetic(east, north);
            var local = new LocalTangentPlane(centre.Latitude, centre.Longitude);
            var (oneEast, _) = local.ToLocal(centre.Latitude, centre.Longitude + 1);
            var (_, oneNorth) = local.ToLocal(centre.Latitude + 1, centre.Longitude);
            var band = volume.Vertical;
            for (var j = 0; j < booking.Vehicles.Count; j++)
            {
                var index = vehicles.Count;
                var vehicle = booking.Vehicles[j];
                var stray = Strays(index, options.StrayFraction) ? Stray(options, index, shape, east, north, inner, radius) : null;
                vehicles.Add(new SimulatedVehicle(
                    booking.Id, vehicle.Id, (FlightPattern)(index % 3),
                    vehicle.Kind == VehicleKind.Uav && band is not null ? (band.LowerM + band.UpperM) / 2 : null,
                    options.SpeedMetersPerSecond, centre, radius, oneNorth, oneEast, options.RateHz,
                    (double)j / booking.Vehicles.Count, stray));
            }
        }
        return vehicles;
    }

    private static bool Strays(int index, double fraction) =>
        Math.Floor((index + 1) * fraction) > Math.Floor(index * fraction);

    /// <summary>
    /// The way out: of 72 directions from the pattern's centre, the one whose point beyond
    /// the inner circle lies deepest outside; the excursion goes 100 m plus the margin past
    /// the inner circle.
    /// </summary>
    private static StrayPlan Stray(SwarmOptions options, int index, FootprintShape shape, double east, double north, double inner, double radius)
    {
        var reach = inner + options.MarginMeters + 100;
        var best = (X: 0.0, Y: 0.0, Depth: double.MaxValue);
        for (var d = 0; d < Directions; d++)
        {
            var angle = 2 * Math.PI * d / Directions;
            double x = Math.Cos(angle) * reach, y = Math.Sin(angle) * reach;
            var depth = shape.DepthInsideLocal(east + x, north + y);
            if (depth < best.Depth)
            {
                best = (x, y, depth);
            }
        }
        // Golden-ratio steps spread the excursions over 20–70 % of the run.
        var start = 0.2 + 0.5 * (index * 0.6180339887 % 1);
        var firstFix = (long)(start * options.Duration.TotalSeconds * options.RateHz);
        return new StrayPlan(firstFix, firstFix + (long)Math.Ceiling(options.StrayDuration.TotalSeconds * options.RateHz), best.X / radius, best.Y / radius);
    }
}
