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
        // the run may end before the last tick is sent. A vehicle skips fixes only when its
        // stream stalled for more than a second (the JIT and the first connection on a busy
        // machine, or a pause later): the batch after the stall then carries exactly the
        // catch-up window, the last MaxCatchUpFixes fixes due, in order.
        var perVehicle = reports.GroupBy(r => r.VehicleId).ToList();
        perVehicle.Count.ShouldBe(9);
        foreach (var vehicle in perVehicle)
        {
            ((int)vehicle.Last().Sequence).ShouldBeInRange(14, 16);
        }
        var lastSent = new Dictionary<string, ulong>();
        foreach (var batch in server.Telemetry.Batches)
        {
            foreach (var group in batch.Reports.GroupBy(r => r.VehicleId))
            {
                var sequences = group.Select(r => r.Sequence).ToList();
                var previous = lastSent.GetValueOrDefault(group.Key);
                sequences.ShouldBe(Enumerable.Range(0, sequences.Count).Select(i => sequences[0] + (ulong)i), $"{group.Key} within a batch");
                if (sequences[0] != previous + 1)
                {
                    sequences[0].ShouldBeGreaterThan(previous + 1, $"{group.Key} after {previous}");
                    sequences.Count.ShouldBe(SwarmStream.MaxCatchUpFixes, $"{group.Key} resumed at {sequences[0]} after {previous}: only a catch-up window may follow a gap");
                }
                lastSent[group.Key] = sequences[^1];
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
