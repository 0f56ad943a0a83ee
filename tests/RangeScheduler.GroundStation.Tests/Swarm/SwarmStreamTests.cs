using Google.Protobuf;
using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Swarm;
using RangeScheduler.GroundStation.Tests.Geo;
using RangeScheduler.GroundStation.Tests.Support;

namespace RangeScheduler.GroundStation.Tests.Swarm;

public sealed class SwarmStreamTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<SimulatedVehicle> Fleet(Booking[] bookings, double rateHz) =>
        SwarmFleet.Build(new SwarmOptions(new Uri("http://127.0.0.1:1"), "unused", bookings, rateHz, TimeSpan.FromMinutes(1)));

    [Fact]
    public void Fill_EachVehiclesDueFixesWithTheirOwnTimesAndSequences()
    {
        var stream = new SwarmStream(Fleet(SwarmBookings.All(), 10), 10, Start, 42);
        var batch = new PositionBatch();

        stream.Fill(batch, TimeSpan.FromMilliseconds(250)).ShouldBe(9 * 3);  // fixes 0, 1 and 2 of 9 vehicles
        var first = batch.Reports.Where(r => r.VehicleId == "bk-square-v1").ToList();
        first.Select(r => r.Sequence).ShouldBe([1UL, 2UL, 3UL]);
        first.Select(r => r.Time.ToDateTimeOffset()).ShouldBe([Start, Start.AddMilliseconds(100), Start.AddMilliseconds(200)]);
        batch.Reports.ShouldAllBe(r => r.Epoch == 42);

        stream.Fill(batch, TimeSpan.FromMilliseconds(350)).ShouldBe(9);
        batch.Reports.Where(r => r.VehicleId == "bk-square-v1").ShouldHaveSingleItem().Sequence.ShouldBe(4UL);
        stream.Fill(batch, TimeSpan.FromMilliseconds(380)).ShouldBe(0);
    }

    [Fact]
    public void SenderStalled_MissedFixesSkippedNotBurst()
    {
        var stream = new SwarmStream(Fleet([SwarmBookings.Circle()], 10), 10, Start, 1);
        var batch = new PositionBatch();
        stream.Fill(batch, TimeSpan.Zero);

        stream.Fill(batch, TimeSpan.FromSeconds(60)).ShouldBe(3 * SwarmStream.MaxCatchUpFixes);

        batch.Reports.Max(r => r.Sequence).ShouldBe(601UL);
    }

    [Fact]
    public void TenThousandVehicles_EveryTickFillsOneFixPerVehicle_ReusingTheBatch()
    {
        // 1,000 bookings of 10 vehicles at 10 Hz: one 100 ms batch is 10,000 fixes.
        var bookings = Enumerable.Range(0, 1000).Select(i =>
        {
            var booking = new Booking { Id = $"bk-{i}", Volumes = { new Volume4D { Footprint = FootprintShapeTests.Square(60 + i * 0.001, 21.5, 300), Vertical = new VerticalBand { LowerM = 50, UpperM = 150 } } } };
            booking.Vehicles.Add(Enumerable.Range(0, 10).Select(v => new Vehicle { Id = $"v{i}-{v}", Kind = VehicleKind.Uav }));
            return booking;
        }).ToArray();
        var stream = new SwarmStream(Fleet(bookings, 10), 10, Start, 1);
        var batch = new PositionBatch();
        var buffer = new MemoryStream();
        stream.Fill(batch, TimeSpan.Zero);

        long fixes = 0;
        for (var tick = 1; tick <= 50; tick++)
        {
            fixes += stream.Fill(batch, TimeSpan.FromMilliseconds(100 * tick));
            buffer.SetLength(0);
            batch.WriteTo(buffer);
        }

        // How fast this goes is measured by the telemetry benchmark, not here.
        fixes.ShouldBe(500_000);
        batch.Reports.Count.ShouldBe(10_000);
        buffer.Length.ShouldBeGreaterThan(0);
    }
}
