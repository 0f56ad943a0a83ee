using System.Diagnostics;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Telemetry;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Tests.Durability;

/// <summary>
/// Commands are safety messages that IssueCommand stores (DESIGN.md): on the embedded defaults
/// (SQLite, in-process bus) a command survives a SIGKILL of the server — delivered to the
/// station that reports its vehicle after the restart, found again at its latest status by its
/// request id — and
/// one the station acknowledged is not delivered again after the next.
/// </summary>
public sealed class CommandRestartTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Hold_ServerKilledBeforeDelivery_DeliveredAfterRestart_NotAgainOnceAcknowledged()
    {
        using var data = new TempDirectory();
        Booking booking;
        Command issued;
        await using (var first = await ServerProcess.StartAsync(data.SqliteStore))
        {
            booking = await ActiveSessions.StartAsync(first.Channel, "hold across a restart", -4000, 2000, "usv-r1", duration: TimeSpan.FromMinutes(10));
            issued = await IssueAsync(first.Channel, booking.Id, "hold-across-restart");
            await first.KillAsync();
        }

        await using (var second = await ServerProcess.StartAsync(data.SqliteStore))
        {
            var restored = await IssueAsync(second.Channel, booking.Id, "hold-across-restart");
            await using var station = StationStreamClient.Open(second.Channel);
            (await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-r1", 1, -4000, 2000))).Accepted.ShouldBe(1u);
            var delivered = await station.WaitForAsync(f => f.Command, Soon);
            var receipt = new PositionBatch { BatchId = 9 };
            receipt.Receipts.Add(new CommandReceipt { CommandId = issued.Id, Status = CommandStatus.Acknowledged });
            await station.SendAsync(receipt);
            await WaitUntilStoredAsync(data.SqliteStore, issued.Id, CommandStatus.Acknowledged);

            restored.Id.ShouldBe(issued.Id, "a retried request finds the first command after a restart");
            restored.Status.ShouldBe(CommandStatus.Queued);
            restored.IssuedAt.ShouldBe(issued.IssuedAt);
            restored.ExpiresAt.ShouldBe(issued.ExpiresAt);
            delivered.Id.ShouldBe(issued.Id);
            await second.KillAsync();
        }

        await using var third = await ServerProcess.StartAsync(data.SqliteStore);
        (await IssueAsync(third.Channel, booking.Id, "hold-across-restart")).Status.ShouldBe(CommandStatus.Acknowledged);
        await using var again = StationStreamClient.Open(third.Channel);
        (await again.SendAsync(StationStreamClient.Report(booking.Id, "usv-r1", 2, -4000, 2000))).Accepted.ShouldBe(1u);
        await Task.Delay(TimeSpan.FromSeconds(1));
        again.Commands.ShouldBeEmpty("an acknowledged command is not delivered again");
    }

    private static async Task<Command> IssueAsync(GrpcChannel channel, string bookingId, string requestId) =>
        await new MonitorServiceClient(channel).IssueCommandAsync(new IssueCommandRequest
        {
            Command = new Command { BookingId = bookingId, Kind = CommandKind.Hold, Message = "hold for a ferry" },
            RequestId = requestId,
        }, Calls.As("ctl-jaakonmeri"));

    /// <summary>Status changes are stored in the background; waits until the file has this one, so that the kill after it loses nothing.</summary>
    private static async Task WaitUntilStoredAsync(string store, string commandId, CommandStatus status)
    {
        await using var storage = RangeStorage.Open(store);
        var giveUp = Stopwatch.StartNew();
        while (true)
        {
            var stored = await storage.Commands.ListExpiringAfterAsync(DateTimeOffset.MinValue, CancellationToken.None);
            if (stored.Any(c => c.Id == commandId && c.Stage == CommandBoard.Rank(status)))
            {
                return;
            }
            if (giveUp.Elapsed > Soon)
            {
                throw new TimeoutException($"command {commandId} was not stored as {status}");
            }
            await Task.Delay(20);
        }
    }
}
