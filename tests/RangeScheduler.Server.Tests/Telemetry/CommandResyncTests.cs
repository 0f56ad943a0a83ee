using Microsoft.Extensions.Logging.Abstractions;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Telemetry;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Telemetry;
using RangeScheduler.Telemetry.RedisStreams;
using RangeScheduler.Telemetry.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// What <see cref="CommandResync"/> publishes again, on a real board, SQLite store and
/// in-process bus: open commands issued here that the bus lacks or holds at an earlier
/// status; not those it holds as far on, not those another process issued, not those no
/// longer open. (RedisTwoServerTests: the same after redis-server restarted empty.)
/// </summary>
public sealed class CommandResyncTests : CommandTestBase
{
    private CommandDelivery _delivery = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _delivery = new CommandDelivery(Board, new StationRoutes(), Bus, Record, new FixedTime(Now));
    }

    [Fact]
    public async Task IssuedHereAndOpen_TheBusLacksIt_PublishedAgainAndLogged()
    {
        var hold = Command("cmd-lost", CommandStatus.Delivered, expiresIn: TimeSpan.FromMinutes(5));
        Board.Apply(RangeId, hold, issuedHere: true);
        using var logs = new LogCapture();

        await new CommandResync(Board, _delivery, Bus, new TelemetryOptions(), new FixedTime(Now), logs.For<CommandResync>())
            .ResyncAsync(CancellationToken.None);

        (await CommandsOnTheBusAsync()).ShouldHaveSingleItem().ShouldBe(hold);
        logs.Entries.ShouldContain(e => e.EventName == "CommandsResynced" && e.Message.Contains(RangeId));
    }

    [Theory]
    [InlineData(CommandStatus.Delivered, CommandStatus.Queued, true)]
    [InlineData(CommandStatus.Delivered, CommandStatus.Delivered, false)]
    [InlineData(CommandStatus.Queued, CommandStatus.Delivered, false)]
    public async Task OnTheBus_PublishedAgainOnlyWhereTheBusIsBehind(CommandStatus onBoard, CommandStatus onTheBus, bool published)
    {
        var hold = Command("cmd-held", onBoard, expiresIn: TimeSpan.FromMinutes(5));
        Board.Apply(RangeId, hold, issuedHere: true);
        PutOnTheBus(hold, onTheBus);

        var count = _delivery.Resync(RangeId, new CommandsOnBus(await CommandsOnTheBusAsync()), Now);

        count.ShouldBe(published ? 1 : 0);
        (await CommandsOnTheBusAsync()).ShouldHaveSingleItem().Status.ShouldBe(published ? onBoard : onTheBus);
    }

    [Fact]
    public async Task IssuedElsewhere_NotPublishedByThisProcess()
    {
        Board.Apply(RangeId, Command("cmd-theirs", CommandStatus.Queued, expiresIn: TimeSpan.FromMinutes(5)));

        _delivery.Resync(RangeId, new CommandsOnBus([]), Now).ShouldBe(0);

        (await CommandsOnTheBusAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(CommandStatus.Acknowledged, 5)]
    [InlineData(CommandStatus.Queued, -1)]
    public async Task NoLongerOpen_NotPublished(CommandStatus status, int expiresInMinutes)
    {
        Board.Apply(RangeId, Command("cmd-closed", status, expiresIn: TimeSpan.FromMinutes(expiresInMinutes)), issuedHere: true);

        _delivery.Resync(RangeId, new CommandsOnBus([]), Now).ShouldBe(0);

        (await CommandsOnTheBusAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task OtherRange_NotPublishedOnThisOne()
    {
        Board.Apply("range-other", Command("cmd-other", CommandStatus.Queued, expiresIn: TimeSpan.FromMinutes(5)), issuedHere: true);

        _delivery.Resync(RangeId, new CommandsOnBus([]), Now).ShouldBe(0);

        (await CommandsOnTheBusAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task RedisDown_RoundSkipsTheRange_NextRoundAfterRedisIsBackPublishes()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var bus = new RedisRangeBus(redis.Configuration, new RangeBusOptions(), NullLoggerFactory.Instance, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var hold = Command("cmd-while-down", CommandStatus.Queued, expiresIn: TimeSpan.FromMinutes(5), at: now);
        Board.Apply(RangeId, hold, issuedHere: true);
        var delivery = new CommandDelivery(Board, new StationRoutes(), bus, new CommandRecord(Storage.Commands, NullLogger<CommandRecord>.Instance), TimeProvider.System);
        using var logs = new LogCapture();
        var resync = new CommandResync(Board, delivery, bus, new TelemetryOptions(), TimeProvider.System, logs.For<CommandResync>());
        await redis.StopAsync();

        await resync.ResyncAsync(CancellationToken.None);

        logs.Entries.ShouldBeEmpty();
        await redis.StartAgainAsync();
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!logs.Entries.Any(e => e.EventName == "CommandsResynced"))
        {
            DateTime.UtcNow.ShouldBeLessThan(giveUp, "the round did not publish once Redis was back");
            await resync.ResyncAsync(CancellationToken.None);
            await Task.Delay(200);
        }
        logs.Entries.ShouldNotContain(e => e.EventName == "CommandResyncFailed");
        (await bus.ReadLiveStateAsync(RangeId, CancellationToken.None)).Commands.ShouldHaveSingleItem().Id.ShouldBe(hold.Id);
    }

    [Fact]
    public async Task BusStateUnreadable_RoundLogsTheFailure_AndCarriesOn()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var bus = new RedisRangeBus(redis.Configuration, new RangeBusOptions(), NullLoggerFactory.Instance, TimeProvider.System);
        Board.Apply(RangeId, Command("cmd-open", CommandStatus.Queued, expiresIn: TimeSpan.FromMinutes(5), at: DateTimeOffset.UtcNow), issuedHere: true);
        var delivery = new CommandDelivery(Board, new StationRoutes(), bus, new CommandRecord(Storage.Commands, NullLogger<CommandRecord>.Instance), TimeProvider.System);
        using var logs = new LogCapture();
        // A command in the range's live state that is not a Command message: reading the state fails.
        await RedisCli(redis.Port, "HSET", $"rangescheduler:{{{RangeId}}}:commands", "cmd-damaged", "1\nzzzz");

        await new CommandResync(Board, delivery, bus, new TelemetryOptions(), TimeProvider.System, logs.For<CommandResync>())
            .ResyncAsync(CancellationToken.None);

        logs.Entries.ShouldContain(e => e.EventName == "CommandResyncFailed" && e.Message.Contains(RangeId));
    }

    private static async Task RedisCli(int port, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(), "-e" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
    }
}
