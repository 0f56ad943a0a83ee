using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Swarm;
using RangeScheduler.GroundStation.Tests.Support;

namespace RangeScheduler.GroundStation.Tests.Swarm;

public sealed class SwarmSimulatorTests
{
    [Fact]
    public async Task TwoStreams_EveryVehicleReportsAtTheRateAndCommandsGetReceipts()
    {
        var bookings = SwarmBookings.All();
        await using var server = await FakeRangeServer.StartAsync(bookings);
        var options = new SwarmOptions(server.Address, "dev-gs-oceanalpha-1", bookings, RateHz: 10, Duration: TimeSpan.FromSeconds(1.5), Streams: 2);

        var result = await new SwarmSimulator(options, TimeProvider.System).RunAsync(CancellationToken.None);

        var reports = server.Telemetry.Batches.SelectMany(b => b.Reports).ToList();
        // Fixes 0..15 (t = 0 s .. 1.5 s) of 9 vehicles, numbered 1..16; on a loaded machine
        // the run may end before the last tick is sent. No vehicle skips a fix once it has
        // started, but a first batch that went out more than a second late (JIT and the first
        // connection on a busy machine) starts at the catch-up window, not at fix 0.
        var perVehicle = reports.GroupBy(r => r.VehicleId).ToList();
        perVehicle.Count.ShouldBe(9);
        foreach (var vehicle in perVehicle)
        {
            var sequences = vehicle.Select(r => r.Sequence).ToList();
            var first = (int)sequences[0];
            sequences.ShouldBe(Enumerable.Range(first, sequences.Count).Select(i => (ulong)i));
            ((int)sequences[^1]).ShouldBeInRange(14, 16);
            if (first > 1)
            {
                sequences.Count.ShouldBeGreaterThanOrEqualTo(SwarmStream.MaxCatchUpFixes);
            }
        }
        server.Telemetry.Authorizations.Count.ShouldBe(2);
        // The fake sends one command per stream; each is answered.
        server.Telemetry.Batches.SelectMany(b => b.Receipts).Select(r => r.Status).ShouldBe([CommandStatus.Acknowledged, CommandStatus.Acknowledged]);
        result.Vehicles.ShouldBe(9);
        result.Totals.Fixes.ShouldBe(reports.Count);
        result.Totals.Accepted.ShouldBe(reports.Count);
        result.Totals.Alerts[(int)AlertKind.NearBoundary].ShouldBe(2);
    }
}
