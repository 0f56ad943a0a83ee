using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;
using RangeScheduler.GroundStation.Replay;
using RangeScheduler.GroundStation.Tests.Geo;
using RangeScheduler.GroundStation.Tests.Support;

namespace RangeScheduler.GroundStation.Tests.Replay;

public sealed class ReplayRunnerTests
{
    private static Booking Booking() => new()
    {
        Id = "bk-1",
        State = BookingState.Active,
        Vehicles = { new Vehicle { Id = "uav-7", Kind = VehicleKind.Uav } },
        Volumes = { new Volume4D { Footprint = FootprintShapeTests.Square(), Vertical = new VerticalBand { LowerM = 0, UpperM = 2000 } } },
    };

    private static ReplayOptions Options(Uri server, string file, double speed, int batchMs = 100) =>
        new(server, "dev-gs-oceanalpha-1", "bk-1", null, LogFiles.PathOf(file), null, speed, TimeSpan.FromMilliseconds(batchMs));

    [Fact]
    public async Task MavlinkLogAsFastAsPossible_EveryFixSentInOrderOnTheBookingsCentroid()
    {
        await using var server = await FakeRangeServer.StartAsync(Booking());
        var output = new StringWriter();

        var summary = await new ReplayRunner(output, TimeProvider.System).RunAsync(Options(server.Address, LogFiles.Mavlink, 0), CancellationToken.None);

        var reports = server.Telemetry.Batches.SelectMany(b => b.Reports).ToList();
        reports.Count.ShouldBe(807);
        reports.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, 807).Select(i => (ulong)i));
        reports.ShouldAllBe(r => r.BookingId == "bk-1" && r.VehicleId == "uav-7" && r.Epoch == reports[0].Epoch && r.HasAltitudeM);
        LocalTangentPlane.DistanceMeters(reports[0].Latitude, reports[0].Longitude, 60.0, 21.5).ShouldBeLessThan(1);
        reports[0].Source.ShouldBe(PositionSource.Gnss);
        server.Telemetry.Authorizations.ShouldAllBe(a => a == "Bearer dev-gs-oceanalpha-1");
        summary.Fixes.ShouldBe(807);
        summary.Accepted.ShouldBe(807);
        output.ToString().ShouldContain("sent 807 in");
    }

    [Fact]
    public async Task CommandReceived_AnsweredWithAnAcknowledgedReceiptAndPrinted()
    {
        await using var server = await FakeRangeServer.StartAsync(Booking());
        var output = new StringWriter();

        var summary = await new ReplayRunner(output, TimeProvider.System).RunAsync(Options(server.Address, LogFiles.AisWithReceiverClock, 0), CancellationToken.None);

        var receipt = server.Telemetry.Batches.SelectMany(b => b.Receipts).ShouldHaveSingleItem();
        receipt.CommandId.ShouldBe(FakeTelemetryService.CommandId);
        receipt.Status.ShouldBe(CommandStatus.Acknowledged);
        summary.Commands.ShouldBe(1);
        summary.AlertTotal.ShouldBe(1);
        var printed = output.ToString();
        printed.ShouldContain($"command {FakeTelemetryService.CommandId} Hold for uav-7");
        printed.ShouldContain("alert NearBoundary");
        printed.ShouldContain("ack batch 1: accepted");
        // AIS: a sea vessel, no altitude.
        server.Telemetry.Batches.SelectMany(b => b.Reports).ShouldAllBe(r => !r.HasAltitudeM && r.Source == PositionSource.Ais);
    }

    [Fact]
    public async Task RealTimeScaled_FixesCoalescedIntoBatchesAndTimesFollowTheLog()
    {
        await using var server = await FakeRangeServer.StartAsync(Booking());

        // 148 fixes a second apart, at 100 × real time: about 1.5 s, some 15 batches of
        // 10 ms-spaced fixes; fewer when a busy machine wakes the sender late.
        await new ReplayRunner(TextWriter.Null, TimeProvider.System).RunAsync(Options(server.Address, LogFiles.NmeaBoat, 100), CancellationToken.None);

        var batches = server.Telemetry.Batches.Where(b => b.Reports.Count > 0).ToList();
        batches.Count.ShouldBeInRange(2, 40);
        var reports = batches.SelectMany(b => b.Reports).ToList();
        reports.Count.ShouldBe(148);
        var span = reports[^1].Time.ToDateTimeOffset() - reports[0].Time.ToDateTimeOffset();
        span.TotalSeconds.ShouldBe(1.47, 0.001);
    }
}
