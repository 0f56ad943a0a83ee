using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// WatchRange, GetLiveState and GetTrack (issue 5, deliverable 4): a snapshot first, live
/// positions filtered by booking and thinned per vehicle, resuming after a cursor with
/// exactly the events missed, heartbeats, and tracks read back in pages.
/// </summary>
public sealed class WatchRangeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    private readonly MonitorServiceClient _monitor = new(fixture.Server.Channel);

    private GrpcChannel Channel => fixture.Server.Channel;

    [Fact]
    public async Task NewWatcher_SnapshotThenLivePositionsOfTheBookingsAsked()
    {
        var watched = await ActiveSessions.StartAsync(Channel, "watched", -4000, 0, "usv-w1");
        var other = await ActiveSessions.StartAsync(Channel, "other", -3000, 0, "usv-w2");
        await using var station = StationStreamClient.Open(Channel);
        await station.SendAsync(StationStreamClient.Report(watched.Id, "usv-w1", 1, -4000, 0));
        await using var watcher = await RangeEventWatcher.StartAsync(Channel,
            new WatchRangeRequest { RangeId = Requests.Jaakonmeri, BookingIds = { watched.Id }, Positions = true });

        await station.SendAsync(StationStreamClient.Report(other.Id, "usv-w2", 1, -3000, 0), StationStreamClient.Report(watched.Id, "usv-w1", 2, -4010, 0));
        var position = await watcher.WaitForAsync(e => e.Position is not null, Soon);

        var snapshot = watcher.Events[0].Snapshot;
        snapshot.ShouldNotBeNull();
        snapshot.EventsLost.ShouldBeFalse();
        snapshot.State.ActiveBookings.Select(b => b.Id).ShouldBe([watched.Id]);
        snapshot.State.Latest.Single().Report.Sequence.ShouldBe(1UL);
        position.Position.Report.Sequence.ShouldBe(2UL);
        position.Position.VehicleKind.ShouldBe(VehicleKind.Usv);
        position.Position.Conformance.ShouldBe(ConformanceState.Conforming);
        position.Position.ReceivedAt.ShouldNotBeNull();
        watcher.Events.Where(e => e.Position is not null).ShouldAllBe(e => e.Position.Report.BookingId == watched.Id);
    }

    [Fact]
    public async Task ResumeAfterACursor_ExactlyTheEventsMissed()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "resume", -2000, 0, "usv-w3");
        await using var station = StationStreamClient.Open(Channel);
        var request = new WatchRangeRequest { RangeId = Requests.Jaakonmeri, BookingIds = { booking.Id }, Positions = true };
        string cursor;
        await using (var first = await RangeEventWatcher.StartAsync(Channel, request))
        {
            await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-w3", 1, -2000, 0));
            cursor = (await first.WaitForAsync(e => e.Position?.Report.Sequence == 1, Soon)).Cursor;
        }
        for (ulong sequence = 2; sequence <= 4; sequence++)
        {
            await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-w3", sequence, -2000 + (int)sequence, 0));
        }

        request.ResumeAfter = cursor;
        await using var resumed = await RangeEventWatcher.StartAsync(Channel, request);
        await resumed.WaitForAsync(e => e.Position?.Report.Sequence == 4, Soon);

        resumed.Events.ShouldNotContain(e => e.Snapshot != null);
        resumed.Events.Where(e => e.Position != null).Select(e => e.Position.Report.Sequence).ShouldBe([2UL, 3UL, 4UL]);
    }

    [Fact]
    public async Task UnknownCursor_SnapshotWithEventsLost()
    {
        await using var watcher = await RangeEventWatcher.StartAsync(Channel, new WatchRangeRequest { RangeId = Requests.Jaakonmeri, ResumeAfter = "not-a-cursor" });

        var snapshot = await watcher.WaitForAsync(e => e.Snapshot != null, Soon);

        snapshot.Snapshot.EventsLost.ShouldBeTrue();
    }

    [Fact]
    public async Task MaxRate_ThinsPositionsPerVehicle()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "thin", -1000, 0, "usv-w4");
        await using var station = StationStreamClient.Open(Channel);
        await using var watcher = await RangeEventWatcher.StartAsync(Channel,
            new WatchRangeRequest { RangeId = Requests.Jaakonmeri, BookingIds = { booking.Id }, Positions = true, MaxRateHz = 1 });
        var start = DateTimeOffset.UtcNow.AddSeconds(-2);
        var batch = new PositionBatch { BatchId = 1 };
        for (var i = 0; i < 20; i++)
        {
            batch.Reports.Add(StationStreamClient.Report(booking.Id, "usv-w4", (ulong)i + 1, -1000, 0, at: start.AddMilliseconds(100 * i)));
        }

        await station.SendAsync(batch);
        await watcher.WaitForAsync(e => e.Position?.Report.Sequence == 11, Soon);
        await Task.Delay(300);

        watcher.Events.Where(e => e.Position != null).Select(e => e.Position.Report.Sequence).ShouldBe([1UL, 11UL]);
    }

    [Fact]
    public async Task IdleStream_Heartbeats()
    {
        await using var watcher = await RangeEventWatcher.StartAsync(Channel, new WatchRangeRequest
        {
            RangeId = Requests.Jaakonmeri, BookingIds = { "nothing-happens-here" }, HeartbeatInterval = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(200)),
        });

        await watcher.WaitForAsync(e => e.Heartbeat != null, Soon);

        watcher.Events.First(e => e.Heartbeat != null).Cursor.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task LiveState_LatestPositionsOpenAlertsAndACursor()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "live", 0, 0, "usv-w5");
        await using var station = StationStreamClient.Open(Channel);
        await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-w5", 1, 0, 0), StationStreamClient.Report(booking.Id, "usv-w5", 2, 400, 0));
        await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.LeftVolume } a ? a : null, Soon);

        var state = await _monitor.GetLiveStateAsync(new GetLiveStateRequest { RangeId = Requests.Jaakonmeri }, Calls.As("ctl-jaakonmeri"));

        state.Latest.Single(p => p.Report.BookingId == booking.Id).Report.Sequence.ShouldBe(2UL);
        state.OpenAlerts.ShouldContain(a => a.BookingId == booking.Id && a.Kind == AlertKind.LeftVolume);
        state.ActiveBookings.ShouldContain(b => b.Id == booking.Id);
        state.Cursor.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Track_AscendingInPages_ForTheOwnersAndControllersOnly()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "track", 1000, 0, "usv-w6");
        await using var station = StationStreamClient.Open(Channel);
        var start = DateTimeOffset.UtcNow.AddSeconds(-3);
        for (var b = 0; b < 3; b++)
        {
            var batch = new PositionBatch { BatchId = (ulong)b + 1 };
            for (var i = 4; i >= 0; i--)
            {
                var n = b * 5 + i;
                batch.Reports.Add(StationStreamClient.Report(booking.Id, "usv-w6", (ulong)n + 1, 1000 + n, 0, at: start.AddMilliseconds(100 * n)));
            }
            await station.SendAsync(batch);
        }

        var reports = new List<PositionReport>();
        var token = "";
        do
        {
            var page = await _monitor.GetTrackAsync(new GetTrackRequest { BookingId = booking.Id, PageSize = 4, PageToken = token }, Calls.As("ops-oceanalpha"));
            page.Reports.Count.ShouldBeLessThanOrEqualTo(4);
            reports.AddRange(page.Reports);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        reports.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, 15).Select(i => (ulong)i));
        var window = await _monitor.GetTrackAsync(new GetTrackRequest
        {
            BookingId = booking.Id,
            Window = new TimeWindow { Start = Timestamp.FromDateTimeOffset(start.AddMilliseconds(500)), End = Timestamp.FromDateTimeOffset(start.AddMilliseconds(1000)) },
        }, Calls.As("ctl-jaakonmeri"));
        window.Reports.Select(r => r.Sequence).ShouldBe([6UL, 7UL, 8UL, 9UL, 10UL]);
        await Calls.ShouldEndWith(StatusCode.NotFound, async () => await _monitor.GetTrackAsync(new GetTrackRequest { BookingId = booking.Id }, Calls.As("ops-tidewater")));
        await Calls.ShouldEndWith(StatusCode.NotFound, async () => await _monitor.GetTrackAsync(new GetTrackRequest { BookingId = booking.Id }, Calls.As("ctl-wanshan")));
        await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _monitor.GetTrackAsync(new GetTrackRequest { BookingId = booking.Id, PageToken = "garbage!" }, Calls.As("ops-oceanalpha")));
        await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _monitor.GetTrackAsync(new GetTrackRequest { BookingId = booking.Id, VehicleId = "usv-nope" }, Calls.As("ops-oceanalpha")));
    }

    [Fact]
    public async Task BadWatchRequests_ClearStatuses()
    {
        await Calls.ShouldEndWith(StatusCode.InvalidArgument, () => FirstEventAsync(new WatchRangeRequest { RangeId = "", MaxRateHz = -1 }, "ctl-jaakonmeri"));
        await Calls.ShouldEndWith(StatusCode.PermissionDenied, () => FirstEventAsync(new WatchRangeRequest { RangeId = Requests.Jaakonmeri }, "ctl-wanshan"));
        await Calls.ShouldEndWith(StatusCode.PermissionDenied, () => FirstEventAsync(new WatchRangeRequest { RangeId = Requests.Jaakonmeri }, "ops-oceanalpha"));
        await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _monitor.GetLiveStateAsync(new GetLiveStateRequest(), Calls.As("ctl-jaakonmeri")));
        await Calls.ShouldEndWith(StatusCode.PermissionDenied, async () => await _monitor.GetLiveStateAsync(new GetLiveStateRequest { RangeId = Requests.Jaakonmeri }, Calls.As("ctl-wanshan")));
    }

    private async Task FirstEventAsync(WatchRangeRequest request, string principalId)
    {
        using var call = _monitor.WatchRange(request, Calls.As(principalId));
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }
}
