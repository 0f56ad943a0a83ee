using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// Conformance through the real server (issue 5, "Checked by"): a vehicle that leaves its
/// volume raises exactly one LEFT_VOLUME within a second, on the station's stream and on
/// WatchRange, and one RESOLVED when it returns; silence past the link timeout raises
/// LOST_LINK; the booking's conformance follows and is a booking event.
/// </summary>
public sealed class ConformanceStreamTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Punctual = TimeSpan.FromSeconds(1);

    private GrpcChannel Channel => fixture.Server.Channel;

    [Fact]
    public async Task LeavingAndReturning_OneLeftVolumeThenOneResolved()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "stray", -4000, 1000, "usv-c1");
        await using var watcher = await RangeEventWatcher.StartAsync(Channel, new WatchRangeRequest { RangeId = Requests.Jaakonmeri });
        await using var bookingEvents = await BookingWatcher.StartAsync(Channel, "ops-oceanalpha", Requests.Jaakonmeri);
        await using var station = StationStreamClient.Open(Channel);
        ulong sequence = 0;
        await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c1", ++sequence, -4000, 1000));

        var leftAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c1", ++sequence, -4000 + 200 + i * 10, 1000));
        }
        var left = await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.LeftVolume } a ? a : null, Punctual);
        var watched = await watcher.WaitForAsync(e => e.Alert?.Kind == AlertKind.LeftVolume, Punctual);
        (DateTimeOffset.UtcNow - leftAt).ShouldBeLessThan(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 3; i++)
        {
            await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c1", ++sequence, -4000, 1000));
        }
        var resolved = await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.Resolved } a ? a : null, Punctual);

        left.BookingId.ShouldBe(booking.Id);
        left.VehicleId.ShouldBe("usv-c1");
        left.DistanceM.ShouldBe(50, 1);
        watched.Alert.Id.ShouldBe(left.Id);
        resolved.ResolvesAlertId.ShouldBe(left.Id);
        station.Alerts.Count(a => a.Kind == AlertKind.LeftVolume).ShouldBe(1);
        station.Alerts.Count(a => a.Kind == AlertKind.Resolved).ShouldBe(1);
        await bookingEvents.WaitForAsync(booking.Id, BookingChange.Conformance, TimeSpan.FromSeconds(5));
        var conformance = bookingEvents.Of(booking.Id).Where(e => e.Event.Change == BookingChange.Conformance).Select(e => e.Event.Booking.Conformance).ToList();
        conformance.ShouldContain(ConformanceState.Nonconforming);
        await WaitForConformanceAsync(booking.Id, ConformanceState.Conforming);
    }

    [Fact]
    public async Task Silence_LostLinkAfterTheTimeout_ResolvedByTheNextReport()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "silent", -3000, 1000, "usv-c2");
        await using var station = StationStreamClient.Open(Channel);
        await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c2", 1, -3000, 1000));
        var silentSince = DateTimeOffset.UtcNow;

        var lost = await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.LostLink } a ? a : null, TimeSpan.FromSeconds(10));
        var noticedAfter = DateTimeOffset.UtcNow - silentSince;
        await WaitForConformanceAsync(booking.Id, ConformanceState.NoTelemetry);
        await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c2", 2, -3000, 1000));
        var resolved = await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.Resolved } a ? a : null, Punctual);

        noticedAfter.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4.9));
        noticedAfter.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        lost.VehicleId.ShouldBe("usv-c2");
        resolved.ResolvesAlertId.ShouldBe(lost.Id);
        await WaitForConformanceAsync(booking.Id, ConformanceState.Conforming);
    }

    [Fact]
    public async Task TooDeep_AltitudeAlert()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "deep", -2000, 1000, "usv-c3");
        await using var station = StationStreamClient.Open(Channel);

        await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c3", 1, -2000, 1000, depth: 35));
        var altitude = await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.Altitude } a ? a : null, Punctual);

        altitude.DistanceM.ShouldBe(15, 0.01);
    }

    [Fact]
    public async Task VehicleStrayingTowardsAnotherBooking_ProximityForBothVehicles()
    {
        var first = await ActiveSessions.StartAsync(Channel, "near a", 0, 1000, "usv-c4");
        var second = await ActiveSessions.StartAsync(Channel, "near b", 1000, 1000, "usv-c5");
        await using var station = StationStreamClient.Open(Channel);

        await station.SendAsync(
            StationStreamClient.Report(first.Id, "usv-c4", 1, 140, 1000),
            StationStreamClient.Report(second.Id, "usv-c5", 1, 600, 1000));
        await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.Proximity, VehicleId: "usv-c4" } a ? a : null, Punctual);
        var other = await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.Proximity, VehicleId: "usv-c5" } a ? a : null, Punctual);

        other.OtherBookingId.ShouldBe(first.Id);
        other.OtherVehicleId.ShouldBe("usv-c4");
        other.DistanceM.ShouldBe(460, 2);
    }

    [Fact]
    public async Task ReportAfterTheSessionEnded_OutsideWindow()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "overrun", 2000, 1000, "usv-c6", duration: TimeSpan.FromSeconds(2));
        await using var station = StationStreamClient.Open(Channel);
        await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c6", 1, 2000, 1000));
        var bookings = new BookingServiceClient(Channel);
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while ((await bookings.GetBookingAsync(new GetBookingRequest { BookingId = booking.Id }, Calls.As("ops-oceanalpha"))).State != BookingState.Completed)
        {
            DateTime.UtcNow.ShouldBeLessThan(giveUp, "the session did not complete");
            await Task.Delay(50);
        }

        var ack = await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c6", 2, 2000, 1000));
        var overrun = await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.OutsideWindow } a ? a : null, Punctual);

        ack.Accepted.ShouldBe(1u);
        overrun.BookingId.ShouldBe(booking.Id);
    }

    private async Task WaitForConformanceAsync(string bookingId, ConformanceState expected)
    {
        var bookings = new BookingServiceClient(Channel);
        var giveUp = DateTime.UtcNow.AddSeconds(5);
        var state = ConformanceState.Unspecified;
        while (DateTime.UtcNow < giveUp)
        {
            state = (await bookings.GetBookingAsync(new GetBookingRequest { BookingId = bookingId }, Calls.As("ops-oceanalpha"))).Conformance;
            if (state == expected)
            {
                return;
            }
            await Task.Delay(50);
        }
        state.ShouldBe(expected);
    }
}
