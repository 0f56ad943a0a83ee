using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// A server stopped and started again on the same SQLite file, on the in-process bus, whose live
/// state goes with the process: the reports of runs not yet sealed are stored at a graceful stop,
/// and a vehicle goes on after the last report of its stored track, so that a station sending
/// again what the first process accepted gets duplicates, not a second copy in the track.
/// </summary>
public sealed class TelemetryRestartTests : IDisposable
{
    private const string Vehicle = "usv-restart";

    private readonly TempDirectory _data = new();

    // A restart takes seconds; reports sent again must not be refused for their age first.
    private string[] Settings => [$"--RangeScheduler:Store={_data.SqliteStore}", "--RangeScheduler:Telemetry:MaxClockSkew=00:01:00"];

    [Fact]
    public async Task GracefulStop_RunsNotYetSealedAreStored()
    {
        string bookingId;
        await using (var first = await RunningServer.StartAsync(Settings))
        {
            bookingId = (await ActiveSessions.StartAsync(first.Channel, "restart-track", 0, 0, Vehicle)).Id;
            await using var station = StationStreamClient.Open(first.Channel);
            (await station.SendAsync(Reports(bookingId, 1, 2, 3))).Accepted.ShouldBe(3u);
        }

        await using var second = await RunningServer.StartAsync(Settings);
        var track = await new MonitorServiceClient(second.Channel).GetTrackAsync(new GetTrackRequest { BookingId = bookingId }, Calls.As("ops-oceanalpha"));

        track.Reports.Select(r => r.Sequence).ShouldBe([1ul, 2ul, 3ul]);
    }

    [Fact]
    public async Task Restarted_StationSendsAgainWhatTheFirstProcessAccepted_DuplicatesAndTrackOnceEach()
    {
        string bookingId;
        PositionReport[] sent;
        await using (var first = await RunningServer.StartAsync(Settings))
        {
            bookingId = (await ActiveSessions.StartAsync(first.Channel, "restart-duplicates", 0, 0, Vehicle)).Id;
            sent = Reports(bookingId, 1, 2);
            await using var station = StationStreamClient.Open(first.Channel);
            (await station.SendAsync(sent)).Accepted.ShouldBe(2u);
        }

        await using var second = await RunningServer.StartAsync(Settings);
        await using (var station = StationStreamClient.Open(second.Channel))
        {
            var again = await station.SendAsync([sent[1], .. Reports(bookingId, 3)]);

            (again.Accepted, again.Duplicates, again.Rejected.Count).ShouldBe((1u, 1u, 0));
        }
        var track = await new MonitorServiceClient(second.Channel).GetTrackAsync(new GetTrackRequest { BookingId = bookingId }, Calls.As("ops-oceanalpha"));
        track.Reports.Select(r => r.Sequence).ShouldBe([1ul, 2ul, 3ul]);
    }

    public void Dispose() => _data.Dispose();

    private static PositionReport[] Reports(string bookingId, params ulong[] sequences) =>
        sequences.Select(sequence => StationStreamClient.Report(bookingId, Vehicle, sequence, 0, 10 * sequence)).ToArray();
}
