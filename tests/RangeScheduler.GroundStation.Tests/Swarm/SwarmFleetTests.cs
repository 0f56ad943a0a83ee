using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;
using RangeScheduler.GroundStation.Swarm;
using RangeScheduler.GroundStation.Tests.Support;

namespace RangeScheduler.GroundStation.Tests.Swarm;

public sealed class SwarmFleetTests
{
    private const double Margin = 25;

    private static SwarmOptions Options(Booking[] bookings, double stray, double rateHz = 1, double durationSeconds = 60) =>
        new(new Uri("http://127.0.0.1:1"), "unused", bookings, rateHz, TimeSpan.FromSeconds(durationSeconds), stray, MarginMeters: Margin);

    private static FootprintShape ShapeOf(Booking[] bookings, SimulatedVehicle vehicle) =>
        FootprintShape.Of(bookings.Single(b => b.Id == vehicle.BookingId).Volumes[0].Footprint);

    [Fact]
    public void EveryPatternInEveryShape_StaysInsideWithTheMargin()
    {
        var bookings = SwarmBookings.All();
        var vehicles = SwarmFleet.Build(Options(bookings, 0));

        vehicles.Count.ShouldBe(9);
        vehicles.Select(v => v.Pattern).Distinct().Count().ShouldBe(3);
        foreach (var vehicle in vehicles)
        {
            var shape = ShapeOf(bookings, vehicle);
            // 12 m/s for 20,000 s: every pattern loops many times over.
            for (long fix = 0; fix < 20_000; fix += 3)
            {
                vehicle.PositionAt(fix, out var lat, out var lon);
                // The pattern is laid out on a plane tangent at its centre, the footprint on
                // one tangent at its first point: up to a metre apart over a few km.
                shape.DepthInside(lat, lon).ShouldBeGreaterThan(Margin - 1, $"{vehicle.VehicleId} ({vehicle.Pattern}) fix {fix}");
            }
        }
    }

    [Fact]
    public void StrayingVehicles_LeaveTheirVolumeAndComeBack()
    {
        var bookings = SwarmBookings.All();
        var options = Options(bookings, 1, rateHz: 5, durationSeconds: 60);
        var vehicles = SwarmFleet.Build(options);

        vehicles.ShouldAllBe(v => v.Strays);
        foreach (var vehicle in vehicles)
        {
            var shape = ShapeOf(bookings, vehicle);
            var depths = new List<double>();
            for (long fix = 0; fix <= 300; fix++)
            {
                vehicle.PositionAt(fix, out var lat, out var lon);
                depths.Add(shape.DepthInside(lat, lon));
            }
            var firstOut = depths.FindIndex(d => d < 0);
            var lastOut = depths.FindLastIndex(d => d < 0);
            firstOut.ShouldBeGreaterThan(0, $"{vehicle.VehicleId} never left");
            depths.Min().ShouldBeLessThan(-50);
            // Out for a few seconds at 5 Hz, then back inside with the margin to the end.
            (lastOut - firstOut).ShouldBeInRange(5, 6 * 5);
            depths.Skip(lastOut + 1 + 12).ShouldAllBe(d => d > Margin - 1);
            depths.Take(firstOut - 12).ShouldAllBe(d => d > Margin - 1);
        }
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 0)]
    [InlineData(0.34, 3)]
    [InlineData(0.5, 4)]
    [InlineData(1.0, 9)]
    public void StrayFraction_ThatShareOfVehiclesStrays(double fraction, int straying)
    {
        SwarmFleet.Build(Options(SwarmBookings.All(), fraction)).Count(v => v.Strays).ShouldBe(straying);
    }

    [Fact]
    public void Vessels_ReportNoAltitudeAndAircraftTheMiddleOfTheBand()
    {
        var vehicles = SwarmFleet.Build(Options([SwarmBookings.Square()], 0));

        vehicles.Select(v => v.AltitudeMeters).ShouldBe([100.0, 100.0, null]);
    }
}
