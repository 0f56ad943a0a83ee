using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Logs;
using RangeScheduler.GroundStation.Replay;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Telemetry.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// Each real log of <c>tools/data/telemetry</c> replayed by the ground-station tool
/// (<see cref="ReplayRunner"/>) into an active booking on the real server over Redis: every
/// fix is accepted and recorded, and the track comes back from GetTrack in time order.
/// </summary>
public sealed class LogReplayTests : IAsyncLifetime
{
    /// <summary>Every track of the logs stays within 2.1 km of its first fix, which the replay puts on the square's centre.</summary>
    private const double SquareSide = 5000;

    private const string AirRange = "jaakonmeri-air";

    private RedisServer? _redis;

    private RedisServer Redis => _redis ?? throw new InvalidOperationException("redis-server has not started.");

    public static TheoryData<string> Logs => new(
        "mavlink-vtol-sitl.tlog", "nmea-boat-ijsselmeer-2018.log", "ais-nmea-ijsselmeer-2020.log", "ais-sample.aivdm", "ais-aegean-sample.nmea");

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Redis.DisposeAsync();

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task ReplayAsFastAsPossible_EveryFixAcceptedAndInTheTrack(string log)
    {
        var file = Path.Combine(Repository.Root, "tools", "data", "telemetry", log);
        var fixes = TrackLogs.TrackOf(TrackLogs.Read(file), null).Count;
        // Speed 0 sends batches of up to 500 fixes at once; the per-vehicle rate limit would
        // reject most of them, and rate limiting has its own tests (StreamPositionsTests).
        await using var server = await RunningServer.StartAsync([
            $"--RangeScheduler:Redis={Redis.Configuration}",
            "--RangeScheduler:Telemetry:MaxReportRateHz=100000",
            "--RangeScheduler:Telemetry:ReportBurst=100000",
        ]);
        var request = log.EndsWith(".tlog", StringComparison.Ordinal) ? await AircraftBookingAsync(server.Channel) : VesselBooking(log);
        var booking = await ActiveSessions.StartAsync(server.Channel, request);
        var options = new ReplayOptions(server.Channel.Address, DevelopmentKeys.Prefix + "gs-oceanalpha-1", booking.Id, null, file, null, speed: 0, TimeSpan.FromMilliseconds(100));

        var summary = await new ReplayRunner(TextWriter.Null, TimeProvider.System).RunAsync(options, CancellationToken.None);
        var track = await TrackAsync(server.Channel, booking.Id);

        fixes.ShouldBeGreaterThan(0);
        summary.Fixes.ShouldBe(fixes);
        summary.Accepted.ShouldBe(fixes);
        summary.Rejected.ShouldBe(0);
        summary.Duplicates.ShouldBe(0);
        // The volume holds the whole track, so nothing may leave it or its band.
        summary.Alerts[(int)AlertKind.LeftVolume].ShouldBe(0);
        summary.Alerts[(int)AlertKind.Altitude].ShouldBe(0);
        track.Count.ShouldBe(fixes);
        // Ascending by time, ties by sequence (speed 0 stamps fixes with the time they are sent).
        track.Zip(track.Skip(1), (a, b) => (Time: a.Time.CompareTo(b.Time), SequenceRises: a.Sequence < b.Sequence))
            .ShouldAllBe(step => step.Time < 0 || (step.Time == 0 && step.SequenceRises));
        track.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, fixes).Select(s => (ulong)s));
    }

    /// <summary>Sea logs: a USV on Jaakonmeri, depths 0–20 m (the NMEA boat log's heights, −6…−4 m, lie in that band).</summary>
    private static CreateBookingRequest VesselBooking(string log) =>
        Requests.Booking($"replay {log}", Requests.Square(0, 0, SquareSide, DateTimeOffset.UtcNow.AddSeconds(1), TimeSpan.FromMinutes(10)), "usv-replay");

    /// <summary>
    /// The tlog is a UAV flight (586–645 m), and Jaakonmeri takes vessels only: an air range
    /// over the same water, open around the clock, for UAVs from 0 to 1,000 m, made by the
    /// administrator; the booking takes the whole band.
    /// </summary>
    private static async Task<CreateBookingRequest> AircraftBookingAsync(GrpcChannel channel)
    {
        var ranges = new RangeServiceClient(channel);
        var range = await ranges.GetRangeAsync(new GetRangeRequest { RangeId = Requests.Jaakonmeri }, Calls.As("root"));
        range.Id = AirRange;
        range.Name = "Jaakonmeri airspace";
        range.Domain = RangeDomain.Air;
        range.VerticalLimits = new VerticalBand { LowerM = 0, UpperM = 1000 };
        range.OperatingHours.Clear();
        range.AllowedVehicleKinds.Clear();
        range.AllowedVehicleKinds.Add(VehicleKind.Uav);
        await ranges.UpsertRangeAsync(new UpsertRangeRequest { Range = range }, Calls.As("root"));
        var request = new CreateBookingRequest { RangeId = AirRange, Title = "replay tlog" };
        request.Vehicles.Add(new Vehicle { Id = "uav-replay", Kind = VehicleKind.Uav, Model = "VTOL (SITL)" });
        request.Volumes.Add(Requests.Square(0, 0, SquareSide, DateTimeOffset.UtcNow.AddSeconds(1), TimeSpan.FromMinutes(10), lower: 0, upper: 1000));
        return request;
    }

    /// <summary>Every page of the booking's track.</summary>
    private static async Task<List<PositionReport>> TrackAsync(GrpcChannel channel, string bookingId)
    {
        var monitor = new MonitorServiceClient(channel);
        var reports = new List<PositionReport>();
        var token = "";
        do
        {
            var page = await monitor.GetTrackAsync(new GetTrackRequest { BookingId = bookingId, PageSize = 10_000, PageToken = token }, Calls.As("ops-oceanalpha"));
            reports.AddRange(page.Reports);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return reports;
    }
}
