using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// StreamPositions ingest (issue 5, deliverable 1): every report checked, rejections listed in
/// the Ack with their code, duplicates counted, every batch acknowledged in order, and the
/// stream open after bad reports.
/// </summary>
public sealed class StreamPositionsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private GrpcChannel Channel => fixture.Server.Channel;

    [Fact]
    public async Task ReportsInsideAnActiveSession_AcceptedAndDuplicatesCounted()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "ingest", -4000, 0, "usv-i1");
        await using var station = StationStreamClient.Open(Channel);

        var first = await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-i1", 1, -4000, 0), StationStreamClient.Report(booking.Id, "usv-i1", 2, -4010, 0));
        var again = await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-i1", 2, -4010, 0), StationStreamClient.Report(booking.Id, "usv-i1", 1, -4000, 0));
        var next = await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-i1", 3, -4020, 0));

        (first.Accepted, first.Duplicates, first.Rejected.Count).ShouldBe((2u, 0u, 0));
        (again.Accepted, again.Duplicates, again.Rejected.Count).ShouldBe((0u, 2u, 0));
        (next.Accepted, next.Duplicates).ShouldBe((1u, 0u));
    }

    [Fact]
    public async Task NewEpoch_RestartsTheSequence()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "epoch", -3000, 0, "usv-i2");
        await using var station = StationStreamClient.Open(Channel);
        await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-i2", 50, -3000, 0));

        var restarted = StationStreamClient.Report(booking.Id, "usv-i2", 1, -3000, 0);
        restarted.Epoch = 1;
        var ack = await station.SendAsync(restarted);

        ack.Accepted.ShouldBe(1u);
    }

    [Fact]
    public async Task BadReports_RejectedWithTheirCodes_StreamStaysOpen()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "rejections", -2000, 0, "usv-i3");
        var foreign = await ActiveSessions.StartAsync(Channel, "foreign", -1000, 0, "usv-t1", "ops-tidewater");
        await using var station = StationStreamClient.Open(Channel);
        var invalid = StationStreamClient.Report(booking.Id, "usv-i3", 1, -2000, 0);
        invalid.Latitude = 91;
        invalid.CourseDeg = 360;
        var skewed = StationStreamClient.Report(booking.Id, "usv-i3", 2, -2000, 0, at: DateTimeOffset.UtcNow.AddMinutes(-1));

        var ack = await station.SendAsync(
            invalid,
            StationStreamClient.Report("no-such-booking", "usv-i3", 1, -2000, 0),
            StationStreamClient.Report(foreign.Id, "usv-t1", 1, -1000, 0),
            StationStreamClient.Report(booking.Id, "usv-other", 1, -2000, 0),
            skewed,
            StationStreamClient.Report(booking.Id, "usv-i3", 3, -2000, 0));

        ack.Accepted.ShouldBe(1u);
        ack.Rejected.Select(r => r.Code).ShouldBe([
            RejectedReport.Types.Code.Invalid,
            RejectedReport.Types.Code.BookingNotFound,
            RejectedReport.Types.Code.NotPermitted,
            RejectedReport.Types.Code.VehicleNotInBooking,
            RejectedReport.Types.Code.ClockSkew,
        ]);
        ack.Rejected[0].Reason.ShouldContain("reports[0].latitude");
        ack.Rejected[0].Reason.ShouldContain("reports[0].course_deg");
        ack.Rejected[4].Reason.ShouldContain("reports[4].time");
        (await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-i3", 4, -2000, 0))).Accepted.ShouldBe(1u);
    }

    [Fact]
    public async Task BookingNotYetReportable_NotReportable()
    {
        var bookings = new BookingServiceClient(Channel);
        var later = await bookings.CreateBookingAsync(
            Requests.Booking("later", Requests.Square(0, 0, 300, Requests.Tomorrow(3), TimeSpan.FromHours(1)), "usv-i4"), Calls.As("ops-oceanalpha"));
        await using var station = StationStreamClient.Open(Channel);

        var ack = await station.SendAsync(StationStreamClient.Report(later.Booking.Id, "usv-i4", 1, 0, 0));

        ack.Rejected.Single().Code.ShouldBe(RejectedReport.Types.Code.NotReportable);
        ack.Rejected.Single().Reason.ShouldContain("before the booking's first start");
    }

    [Fact]
    public async Task CancelledBooking_NotReportable()
    {
        var bookings = new BookingServiceClient(Channel);
        var created = await bookings.CreateBookingAsync(
            Requests.Booking("cancelled", Requests.Square(1000, 0, 300, DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromMinutes(5)), "usv-i5"), Calls.As("ops-oceanalpha"));
        await bookings.CancelBookingAsync(new CancelBookingRequest { BookingId = created.Booking.Id }, Calls.As("ops-oceanalpha"));
        await using var station = StationStreamClient.Open(Channel);

        var ack = await station.SendAsync(StationStreamClient.Report(created.Booking.Id, "usv-i5", 1, 1000, 0));

        ack.Rejected.Single().Code.ShouldBe(RejectedReport.Types.Code.NotReportable);
        ack.Rejected.Single().Reason.ShouldContain("cancelled");
    }

    [Fact]
    public async Task ManyBatches_AcknowledgedInOrder_HeartbeatsToo()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "order", 2000, 0, "usv-i6");
        await using var station = StationStreamClient.Open(Channel);
        var acks = new List<Ack>();

        for (ulong id = 1; id <= 20; id++)
        {
            var batch = new PositionBatch { BatchId = 1000 + id };
            if (id % 2 == 0)
            {
                batch.Reports.Add(StationStreamClient.Report(booking.Id, "usv-i6", id, 2000, 0));
            }
            acks.Add(await station.SendAsync(batch));
        }

        acks.Select(a => a.BatchId).ShouldBe(Enumerable.Range(1, 20).Select(i => 1000UL + (ulong)i));
        acks.Sum(a => a.Accepted).ShouldBe(10u);
    }

    [Fact]
    public async Task VehicleOverItsRate_RateLimitedNotDisconnected()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "rate", 3000, 0, "usv-i7");
        await using var station = StationStreamClient.Open(Channel);
        var batch = new PositionBatch { BatchId = 1 };
        for (ulong sequence = 1; sequence <= 800; sequence++)
        {
            batch.Reports.Add(StationStreamClient.Report(booking.Id, "usv-i7", sequence, 3000, 0));
        }

        var ack = await station.SendAsync(batch);

        ack.Accepted.ShouldBeGreaterThanOrEqualTo(500u);
        ack.Accepted.ShouldBeLessThan(800u);
        ack.Rejected.ShouldAllBe(r => r.Code == RejectedReport.Types.Code.RateLimited);
        ack.Rejected.Count.ShouldBe(800 - (int)ack.Accepted);
    }

    [Fact]
    public async Task OperatorKey_PermissionDenied()
    {
        var call = new TelemetryServiceClient(Channel).StreamPositions(Calls.As("ops-oceanalpha"));
        await call.RequestStream.WriteAsync(new PositionBatch());
        await Calls.ShouldEndWith(StatusCode.PermissionDenied, () => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task UnsetTime_Invalid()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "no time", 4000, 0, "usv-i8");
        await using var station = StationStreamClient.Open(Channel);
        var report = StationStreamClient.Report(booking.Id, "usv-i8", 1, 4000, 0);
        report.Time = null;
        report.HorizontalAccuracyM = -1;

        var ack = await station.SendAsync(report);

        ack.Rejected.Single().Code.ShouldBe(RejectedReport.Types.Code.Invalid);
        ack.Rejected.Single().Reason.ShouldBe("reports[0].time: required; reports[0].horizontal_accuracy_m: must be a finite number, not negative");
    }
}
