using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Telemetry.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// WatchRange's <c>resume_after</c> over the Redis Streams bus (telemetry.proto,
/// WatchRangeRequest; DESIGN.md: the cursor can encode positions in both streams): a watcher
/// that comes back with its last cursor gets exactly what it missed, with no snapshot.
/// </summary>
public sealed class RedisResumeTests : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private RedisServer? _redis;

    private RedisServer Redis => _redis ?? throw new InvalidOperationException("redis-server has not started.");

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Redis.DisposeAsync();

    [Fact]
    public async Task ResumeWithLastCursor_ExactlyTheMissedEvents_NoSnapshot()
    {
        await using var server = await RunningServer.StartAsync([$"--RangeScheduler:Redis={Redis.Configuration}"]);
        var booking = await ActiveSessions.StartAsync(server.Channel, "resume", 0, 0, "usv-c1");
        var watch = new WatchRangeRequest { RangeId = Requests.Jaakonmeri, BookingIds = { booking.Id }, Positions = true };
        // Watches throughout: what it got after the cursor is what the resumed watcher must get.
        await using var reference = await RangeEventWatcher.StartAsync(server.Channel, watch);
        await using var station = StationStreamClient.Open(server.Channel);
        var first = await RangeEventWatcher.StartAsync(server.Channel, watch);
        for (ulong sequence = 1; sequence <= 3; sequence++)
        {
            await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c1", sequence, 0, 0));
        }
        var lastRead = await first.WaitForAsync(e => e.Position?.Report.Sequence == 3, Generous);
        await first.DisposeAsync();

        // Missed: two positions inside, one outside (LEFT_VOLUME, the booking NONCONFORMING), one back (RESOLVED).
        foreach (var (sequence, east) in new (ulong, double)[] { (4, 0), (5, 0), (6, 1000), (7, 0) })
        {
            await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-c1", sequence, east, 0));
        }
        await reference.WaitForAsync(e => e.Position?.Report.Sequence == 7, Generous);
        await reference.WaitForAsync(e => e.Alert?.Kind == AlertKind.Resolved, Generous);
        var resume = watch.Clone();
        resume.ResumeAfter = lastRead.Cursor;
        await using var resumed = await RangeEventWatcher.StartAsync(server.Channel, resume);
        await resumed.WaitForAsync(e => e.Position?.Report.Sequence == 7, Generous);
        await resumed.WaitForAsync(e => e.Alert?.Kind == AlertKind.Resolved, Generous);
        // Time for a duplicate or a stray event to show up.
        await Task.Delay(TimeSpan.FromSeconds(1));

        var missed = Live(reference.Events).SkipWhile(e => e.Cursor != lastRead.Cursor).Skip(1).ToList();
        var got = Live(resumed.Events);
        // A Redis cursor (docs/telemetry-bus.md, "Cursor"), so any instance could resume it.
        lastRead.Cursor.ShouldStartWith("r.");
        got.Select(Describe).ShouldBe(missed.Select(Describe));
        got.Select(e => e.Cursor).ShouldBe(missed.Select(e => e.Cursor));
        resumed.Events.ShouldNotContain(e => e.Snapshot != null);
        got.Where(e => e.Position != null).Select(e => e.Position.Report.Sequence).ShouldBe([4ul, 5ul, 6ul, 7ul]);
        got.Where(e => e.Alert != null).Select(e => e.Alert.Kind).ShouldBe([AlertKind.LeftVolume, AlertKind.Resolved]);
    }

    /// <summary>Every event but heartbeats, which come on a timer and differ between watchers.</summary>
    private static List<RangeEvent> Live(IEnumerable<RangeEvent> events) =>
        events.Where(e => e.EventCase != RangeEvent.EventOneofCase.Heartbeat).ToList();

    private static string Describe(RangeEvent e) => e.EventCase switch
    {
        RangeEvent.EventOneofCase.Position => $"position {e.Position.Report.Sequence}",
        RangeEvent.EventOneofCase.Alert => $"alert {e.Alert.Kind}",
        RangeEvent.EventOneofCase.Booking => $"booking {e.Booking.Change}",
        _ => e.EventCase.ToString(),
    };
}
