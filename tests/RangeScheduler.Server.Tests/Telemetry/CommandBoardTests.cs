using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Telemetry;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>A command's statuses only move forward, and a receipt never skips DELIVERED.</summary>
public sealed class CommandBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static (CommandBoard Board, StationStream Stream) SentToOneStream()
    {
        var board = new CommandBoard();
        board.Apply("range-1", new Command
        {
            Id = "cmd-1", BookingId = "bk-1", VehicleId = "usv-1", Kind = CommandKind.Hold, Status = CommandStatus.Queued,
            ExpiresAt = Timestamp.FromDateTimeOffset(Now.AddMinutes(5)),
        }, issuedHere: true);
        var stream = new StationStream("org-1");
        board.TakeUnsent("bk-1", "usv-1", stream, Now).Select(c => c.Id).ShouldBe(["cmd-1"]);
        return (board, stream);
    }

    private static CommandReceipt Acknowledged() => new() { CommandId = "cmd-1", Status = CommandStatus.Acknowledged };

    [Fact]
    public void ReceiptBeforeTheWriteIsMarkedDelivered_DeliveredThenAcknowledged()
    {
        var (board, stream) = SentToOneStream();

        board.Receipt(Acknowledged(), stream).Select(c => c.Command.Status).ShouldBe([CommandStatus.Delivered, CommandStatus.Acknowledged]);
        board.Delivered("cmd-1").ShouldBeNull();
        board.Find("cmd-1")!.Status.ShouldBe(CommandStatus.Acknowledged);
    }

    [Fact]
    public void ReceiptAfterDelivered_AcknowledgedOnly()
    {
        var (board, stream) = SentToOneStream();
        board.Delivered("cmd-1")!.Command.Status.ShouldBe(CommandStatus.Delivered);

        board.Receipt(Acknowledged(), stream).Select(c => c.Command.Status).ShouldBe([CommandStatus.Acknowledged]);
        board.Receipt(Acknowledged(), stream).ShouldBeEmpty();
    }

    [Fact]
    public void ReceiptFromAStreamNotSentTheCommand_NoChange()
    {
        var (board, _) = SentToOneStream();

        board.Receipt(Acknowledged(), new StationStream("org-1")).ShouldBeEmpty();
        board.Find("cmd-1")!.Status.ShouldBe(CommandStatus.Queued);
    }
}
