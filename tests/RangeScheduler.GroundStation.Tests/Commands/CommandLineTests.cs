using System.CommandLine;
using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Replay;
using RangeScheduler.GroundStation.Swarm;
using RangeScheduler.GroundStation.Tests.Geo;
using RangeScheduler.GroundStation.Tests.Support;

namespace RangeScheduler.GroundStation.Tests.Commands;

/// <summary>The commands as a user types them, against the in-test server.</summary>
public sealed class CommandLineTests
{
    private static Booking Booking() => new()
    {
        Id = "bk-cli",
        Vehicles = { new Vehicle { Id = "usv-1", Kind = VehicleKind.Usv }, new Vehicle { Id = "usv-2", Kind = VehicleKind.Usv } },
        Volumes = { new Volume4D { Footprint = FootprintShapeTests.Square(), Vertical = new VerticalBand { LowerM = -10, UpperM = 10 } } },
    };

    [Fact]
    public async Task Replay_OptionsReachTheRun()
    {
        await using var server = await FakeRangeServer.StartAsync(Booking());

        var exit = await ReplayCommand.Create().Parse([
            "--server", server.Address.ToString(), "--key", "gs-key", "--booking", "bk-cli", "--vehicle", "usv-2",
            "--file", LogFiles.PathOf(LogFiles.NmeaBoat), "--speed", "0", "--batch-ms", "50",
        ]).InvokeAsync();

        exit.ShouldBe(0);
        server.Telemetry.Authorizations.ShouldAllBe(a => a == "Bearer gs-key");
        var reports = server.Telemetry.Batches.SelectMany(b => b.Reports).ToList();
        reports.Count.ShouldBe(148);
        reports.ShouldAllBe(r => r.VehicleId == "usv-2");
        // The boat's GGA altitude (-4 m) lies in the band [-10, 10]: kept.
        reports[0].AltitudeM.ShouldBe(-4);
    }

    [Fact]
    public async Task Replay_UnknownBooking_OneLineErrorAndExitCode1()
    {
        await using var server = await FakeRangeServer.StartAsync(Booking());

        var exit = await ReplayCommand.Create().Parse([
            "--server", server.Address.ToString(), "--booking", "bk-missing", "--file", LogFiles.PathOf(LogFiles.Mavlink),
        ]).InvokeAsync();

        exit.ShouldBe(1);
        server.Telemetry.Batches.ShouldBeEmpty();
    }

    [Fact]
    public async Task Swarm_GivenBookings_FliesTheirVehicles()
    {
        await using var server = await FakeRangeServer.StartAsync(Booking());

        var exit = await SwarmCommand.Create().Parse([
            "--server", server.Address.ToString(), "--bookings", "bk-cli", "--rate", "10", "--duration", "1", "--streams", "2",
        ]).InvokeAsync();

        exit.ShouldBe(0);
        server.Telemetry.Batches.SelectMany(b => b.Reports).Select(r => r.VehicleId).Distinct().Order().ShouldBe(["usv-1", "usv-2"]);
    }
}
