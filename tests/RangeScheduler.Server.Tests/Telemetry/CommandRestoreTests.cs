using Microsoft.Extensions.Logging.Abstractions;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Telemetry;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Storage;
using RangeScheduler.Storage.Commands;
using RangeScheduler.Telemetry;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// What <see cref="CommandRestore"/> puts back at start-up, on a real SQLite store and the
/// in-process bus: stored commands the bus lacks, or has at an earlier status; not those the
/// bus has as far on, nor those that expired longer than <see cref="CommandBoard.Kept"/> ago.
/// </summary>
public sealed class CommandRestoreTests : CommandTestBase
{
    [Fact]
    public async Task StoredNotOnTheBus_BackOnBoardAndBus_ExpiredHere()
    {
        var queued = Command("cmd-queued", CommandStatus.Queued, expiresIn: TimeSpan.FromMinutes(5));
        await Record.SaveAsync(RangeId, queued, CancellationToken.None);

        await RestoreAsync();

        Board.Find(queued.Id).ShouldNotBeNull().Status.ShouldBe(CommandStatus.Queued);
        (await CommandsOnTheBusAsync()).ShouldHaveSingleItem().ShouldBe(queued);
        Board.Expire(Now.AddMinutes(6)).ShouldHaveSingleItem().Command.Status.ShouldBe(CommandStatus.Expired);
    }

    [Theory]
    [InlineData(CommandStatus.Delivered, CommandStatus.Queued, true)]
    [InlineData(CommandStatus.Delivered, CommandStatus.Delivered, false)]
    [InlineData(CommandStatus.Queued, CommandStatus.Acknowledged, false)]
    public async Task OnTheBusAlready_RestoredOnlyWhereTheBusIsBehind(CommandStatus stored, CommandStatus onTheBus, bool restored)
    {
        var command = Command("cmd-on-the-bus", stored, expiresIn: TimeSpan.FromMinutes(5));
        PutOnTheBus(command, onTheBus);
        await Record.SaveAsync(RangeId, command, CancellationToken.None);

        await RestoreAsync();

        Board.Find(command.Id)?.Status.ShouldBe(stored);
        (Board.Find(command.Id) is not null).ShouldBe(restored);
        (await CommandsOnTheBusAsync()).ShouldHaveSingleItem().Status.ShouldBe(restored ? stored : onTheBus);
    }

    [Fact]
    public async Task ExpiredLongerThanKeptAgo_NotRestored_RecentlyExpired_Restored()
    {
        var forgotten = Command("cmd-old", CommandStatus.Expired, expiresIn: -CommandBoard.Kept - TimeSpan.FromMinutes(1));
        var recent = Command("cmd-recent", CommandStatus.Expired, expiresIn: -TimeSpan.FromMinutes(1));
        await Record.SaveAsync(RangeId, forgotten, CancellationToken.None);
        await Record.SaveAsync(RangeId, recent, CancellationToken.None);

        await RestoreAsync();

        Board.Find(forgotten.Id).ShouldBeNull();
        Board.Find(recent.Id).ShouldNotBeNull().Status.ShouldBe(CommandStatus.Expired);
        (await CommandsOnTheBusAsync()).Select(c => c.Id).ShouldBe([recent.Id]);
    }

    [Fact]
    public async Task StoredDocumentUnreadable_LoggedAndLeftOut_OthersRestored()
    {
        var readable = Command("cmd-readable", CommandStatus.Queued, expiresIn: TimeSpan.FromMinutes(5));
        await Record.SaveAsync(RangeId, readable, CancellationToken.None);
        await Storage.Commands.SaveAsync(
            new StoredCommand("cmd-damaged", RangeId, 1, Now.AddMinutes(-1), Now.AddMinutes(5), [0xFF, 0xFF, 0xFF]), CancellationToken.None);
        using var logs = new LogCapture();

        await new CommandRestore(new CommandRecord(Storage.Commands, logs.For<CommandRecord>()), Board, Bus, new FixedTime(Now), NullLogger<CommandRestore>.Instance)
            .StartAsync(CancellationToken.None);

        Board.Find(readable.Id).ShouldNotBeNull();
        Board.Find("cmd-damaged").ShouldBeNull();
        (await CommandsOnTheBusAsync()).Select(c => c.Id).ShouldBe([readable.Id]);
        logs.Entries.ShouldContain(e => e.EventName == "CommandUnreadable" && e.Message.Contains("cmd-damaged"));
    }

    [Fact]
    public async Task StatusChangeTheStoreRefuses_Logged_StoredStatusUnchanged()
    {
        var queued = Command("cmd-refused", CommandStatus.Queued, expiresIn: TimeSpan.FromMinutes(5));
        await Record.SaveAsync(RangeId, queued, CancellationToken.None);
        using var logs = new LogCapture();
        await Storage.DisposeAsync();
        var closed = new CommandRecord(Storage.Commands, logs.For<CommandRecord>());

        closed.Keep(new CommandChange(RangeId, WithStatus(queued, CommandStatus.Acknowledged)));

        await WaitForAsync(() => logs.Entries.Any(e => e.EventName == "CommandStatusNotStored"));
        logs.Entries.ShouldContain(e => e.Message.Contains(queued.Id) && e.Message.Contains("Acknowledged"));
        await using var reopened = RangeStorage.Open(SqliteStore);
        (await reopened.Commands.ListExpiringAfterAsync(Now, CancellationToken.None)).ShouldHaveSingleItem().Stage.ShouldBe(CommandBoard.Rank(CommandStatus.Queued));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var tries = 0; !condition(); tries++)
        {
            tries.ShouldBeLessThan(500, "waited 10 s");
            await Task.Delay(20);
        }
    }

    private Task RestoreAsync() =>
        new CommandRestore(Record, Board, Bus, new FixedTime(Now), NullLogger<CommandRestore>.Instance).StartAsync(CancellationToken.None);
}
