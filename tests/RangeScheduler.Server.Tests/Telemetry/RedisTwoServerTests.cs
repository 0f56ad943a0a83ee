using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Storage.Tests.Support;
using RangeScheduler.Telemetry.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// Two server processes on one redis-server and one PostgreSQL database act as one system
/// (DESIGN.md, "Telemetry and conformance": any instance serves any watcher; commands reach
/// the station stream on whichever instance it is connected): a station streams on A, a
/// controller watches and commands on B. And when redis-server restarts without its data, an
/// open command comes back to the bus from the process that issued it.
/// </summary>
public sealed class RedisTwoServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private PostgresServer? _postgres;
    private RedisServer? _redis;

    private PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    private RedisServer Redis => _redis ?? throw new InvalidOperationException("redis-server has not started.");

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _redis = await RedisServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    [Fact]
    public async Task StationOnOneServer_ControllerOnTheOther_PositionsAlertsCommandAndLiveStateCross()
    {
        await using var servers = await TwoServers.StartAsync(Postgres, Redis, "telemetry_two_servers");
        var (a, b) = (servers.A, servers.B);
        var booking = await ActiveSessions.StartAsync(a.Channel, "two servers", 0, 0, "usv-x1");
        await using var watcher = await RangeEventWatcher.StartAsync(b.Channel,
            new WatchRangeRequest { RangeId = Requests.Jaakonmeri, BookingIds = { booking.Id }, Positions = true });
        await using var station = StationStreamClient.Open(a.Channel);

        var inside = await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-x1", 1, 0, 0));
        // 1 km east of the centre of a 300 m square.
        var outside = await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-x1", 2, 1000, 0));

        inside.Accepted.ShouldBe(1u);
        outside.Accepted.ShouldBe(1u);
        await watcher.WaitForAsync(e => e.Position?.Report is { VehicleId: "usv-x1", Sequence: 1 }, Generous);
        await watcher.WaitForAsync(e => e.Position?.Report is { VehicleId: "usv-x1", Sequence: 2 }, Generous);
        var left = await watcher.WaitForAsync(e => e.Alert is { Kind: AlertKind.LeftVolume } alert && alert.BookingId == booking.Id, Generous);
        left.Alert.VehicleId.ShouldBe("usv-x1");

        var monitorB = new MonitorServiceClient(b.Channel);
        var issued = await monitorB.IssueCommandAsync(new IssueCommandRequest
        {
            Command = new Command { BookingId = booking.Id, VehicleId = "usv-x1", Kind = CommandKind.Hold, Message = "hold: left the volume" },
            RequestId = "hold-across",
        }, Calls.As("ctl-jaakonmeri"));
        var delivered = await station.WaitForAsync(f => f.Command?.Id == issued.Id ? f.Command : null, Generous);
        var receipt = new PositionBatch { BatchId = 1000 };
        receipt.Reports.Add(StationStreamClient.Report(booking.Id, "usv-x1", 3, 1000, 0));
        receipt.Receipts.Add(new CommandReceipt { CommandId = issued.Id, Status = CommandStatus.Acknowledged, Message = "holding" });
        var receiptAck = await station.SendAsync(receipt);

        delivered.Kind.ShouldBe(CommandKind.Hold);
        receiptAck.Accepted.ShouldBe(1u);
        receiptAck.Rejected.ShouldBeEmpty();
        await watcher.WaitForAsync(e => e.Command is { Status: CommandStatus.Acknowledged } c && c.Id == issued.Id, Generous);
        watcher.Events.Where(e => e.Command?.Id == issued.Id).Select(e => e.Command.Status).ShouldContain(CommandStatus.Delivered);
        await watcher.WaitForAsync(e => e.Position?.Report is { VehicleId: "usv-x1", Sequence: 3 }, Generous);
        var live = await monitorB.GetLiveStateAsync(new GetLiveStateRequest { RangeId = Requests.Jaakonmeri }, Calls.As("ctl-jaakonmeri"));
        var latest = live.Latest.Single(p => p.Report.BookingId == booking.Id && p.Report.VehicleId == "usv-x1");
        latest.Report.Sequence.ShouldBe(3ul);
        live.OpenAlerts.ShouldContain(alert => alert.Kind == AlertKind.LeftVolume && alert.BookingId == booking.Id);
        live.ActiveBookings.ShouldContain(active => active.Id == booking.Id);
    }

    [Fact]
    public async Task StationReconnectsToTheOtherServer_SendsAgainWhatTheFirstAccepted_Duplicates()
    {
        await using var servers = await TwoServers.StartAsync(Postgres, Redis, "telemetry_reconnect");
        var (a, b) = (servers.A, servers.B);
        var booking = await ActiveSessions.StartAsync(a.Channel, "reconnect", 0, 2000, "usv-x2");
        await using (var onA = StationStreamClient.Open(a.Channel))
        {
            (await onA.SendAsync(StationStreamClient.Report(booking.Id, "usv-x2", 1, 0, 2000), StationStreamClient.Report(booking.Id, "usv-x2", 2, 0, 2000)))
                .Accepted.ShouldBe(2u);
        }
        await WaitForLatestAsync(b, booking.Id, "usv-x2", sequence: 2);

        // The station lost A's ack of its last batch and sends it again, with one new report, to B.
        await using var onB = StationStreamClient.Open(b.Channel);
        var again = await onB.SendAsync(StationStreamClient.Report(booking.Id, "usv-x2", 2, 0, 2000), StationStreamClient.Report(booking.Id, "usv-x2", 3, 0, 2000));

        again.Duplicates.ShouldBe(1u);
        again.Accepted.ShouldBe(1u);
        again.Rejected.ShouldBeEmpty();
    }

    /// <summary>Waits until <paramref name="server"/>'s live state (read from Redis) has the vehicle at that sequence.</summary>
    private static async Task WaitForLatestAsync(ServerProcess server, string bookingId, string vehicleId, ulong sequence)
    {
        var monitor = new MonitorServiceClient(server.Channel);
        var giveUp = DateTime.UtcNow + Generous;
        while (true)
        {
            var live = await monitor.GetLiveStateAsync(new GetLiveStateRequest { RangeId = Requests.Jaakonmeri }, Calls.As("ctl-jaakonmeri"));
            if (live.Latest.Any(p => p.Report.BookingId == bookingId && p.Report.VehicleId == vehicleId && p.Report.Sequence == sequence))
            {
                return;
            }
            DateTime.UtcNow.ShouldBeLessThan(giveUp, $"{vehicleId} never reached sequence {sequence} in the live state");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Two server processes on one redis-server and a new database of one PostgreSQL: each reads
    /// from the shared store what the other wrote (a booking, to accept IssueCommand).
    /// </summary>
    [Fact]
    public async Task RedisRestartedEmpty_OpenCommandPublishedAgainByItsIssuer_StationOnTheOtherServerGetsIt()
    {
        await using var servers = await TwoServers.StartAsync(Postgres, Redis, "telemetry_resync", "--RangeScheduler:Telemetry:CommandResyncInterval=00:00:01");
        var (a, b) = (servers.A, servers.B);
        var booking = await ActiveSessions.StartAsync(a.Channel, "redis resync", 0, 0, "usv-r1");
        Command hold;
        // A watcher on B reads Redis: once it has the HOLD, Redis had it, and losing it is Redis's doing.
        await using (var onB = await RangeEventWatcher.StartAsync(b.Channel, new WatchRangeRequest { RangeId = Requests.Jaakonmeri }))
        {
            hold = await new MonitorServiceClient(a.Channel).IssueCommandAsync(new IssueCommandRequest
            {
                Command = new Command { BookingId = booking.Id, Kind = CommandKind.Hold, Message = "hold" },
                RequestId = "hold-redis-resync",
            }, Calls.As("ctl-jaakonmeri"));
            var issued = hold.Id;
            await onB.WaitForAsync(e => e.Command?.Id == issued, Generous);
        }

        await Redis.StopAsync();
        await Redis.StartAgainAsync();
        // B's only way to learn of the HOLD is Redis, which lost it: its station reports the
        // vehicle until the HOLD arrives on its stream.
        await using var station = StationStreamClient.Open(b.Channel);
        var giveUp = DateTime.UtcNow + Generous;
        ulong sequence = 0;
        while (!station.Commands.Any(c => c.Id == hold.Id))
        {
            DateTime.UtcNow.ShouldBeLessThan(giveUp, "the HOLD did not reach the station on the other server");
            await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-r1", ++sequence, 0, 0));
            await Task.Delay(200);
        }

        station.Commands.First(c => c.Id == hold.Id).Kind.ShouldBe(CommandKind.Hold);
        while (!a.Output.Contains($"open commands of range {Requests.Jaakonmeri} issued here; they are published again"))
        {
            DateTime.UtcNow.ShouldBeLessThan(giveUp, "A did not log that it published the HOLD again");
            await Task.Delay(50);
        }
    }

    private sealed class TwoServers(ServerProcess a, ServerProcess b) : IAsyncDisposable
    {
        public ServerProcess A { get; } = a;

        public ServerProcess B { get; } = b;

        public static async Task<TwoServers> StartAsync(PostgresServer postgres, RedisServer redis, string database, params string[] more)
        {
            var store = await postgres.CreateDatabaseAsync(database);
            string[] args = [$"--RangeScheduler:Redis={redis.Configuration}", .. more];
            var a = await ServerProcess.StartAsync(store, args);
            try
            {
                return new TwoServers(a, await ServerProcess.StartAsync(store, args));
            }
            catch
            {
                await a.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }
}
