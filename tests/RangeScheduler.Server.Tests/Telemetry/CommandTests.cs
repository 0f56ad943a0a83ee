using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// IssueCommand (issue 5, deliverable 4): commands reach the station stream carrying the
/// vehicle, again on a new stream until acknowledged, every status change is a range event,
/// and the booking follows (command in force, or completed by TERMINATE_SESSION).
/// </summary>
public sealed class CommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    private readonly MonitorServiceClient _monitor = new(fixture.Server.Channel);
    private readonly BookingServiceClient _bookings = new(fixture.Server.Channel);

    private GrpcChannel Channel => fixture.Server.Channel;

    [Fact]
    public async Task Hold_DeliveredAgainOnReconnect_AcknowledgedThenResumed()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "hold", -4000, -1000, "usv-k1");
        await using var watcher = await RangeEventWatcher.StartAsync(Channel, new WatchRangeRequest { RangeId = Requests.Jaakonmeri, BookingIds = { booking.Id } });
        var first = StationStreamClient.Open(Channel);
        await first.SendAsync(StationStreamClient.Report(booking.Id, "usv-k1", 1, -4000, -1000));

        var issued = await IssueAsync(booking.Id, CommandKind.Hold, "hold for a ferry", "hold-1");
        var delivered = await first.WaitForAsync(f => f.Command, Soon);
        await first.DisposeAsync();
        await using var second = StationStreamClient.Open(Channel);
        await second.SendAsync(StationStreamClient.Report(booking.Id, "usv-k1", 2, -4000, -1000));
        var again = await second.WaitForAsync(f => f.Command, Soon);
        var receipt = new PositionBatch { BatchId = 77 };
        receipt.Receipts.Add(new CommandReceipt { CommandId = issued.Id, Status = CommandStatus.Acknowledged });
        await second.SendAsync(receipt);

        issued.Status.ShouldBe(CommandStatus.Queued);
        issued.IssuedBy.ShouldBe("ctl-jaakonmeri");
        (issued.ExpiresAt.ToDateTimeOffset() - issued.IssuedAt.ToDateTimeOffset()).ShouldBe(TimeSpan.FromMinutes(5));
        delivered.Id.ShouldBe(issued.Id);
        again.Id.ShouldBe(issued.Id);
        await watcher.WaitForAsync(e => e.Command is { Status: CommandStatus.Acknowledged } c && c.Id == issued.Id, Soon);
        watcher.Events.Where(e => e.Command?.Id == issued.Id).Select(e => e.Command.Status).ShouldContain(CommandStatus.Delivered);
        (await GetAsync(booking.Id)).CommandInForce.ShouldBe(CommandKind.Hold);
        await WaitForAsync(booking.Id, b => b.Conformance == ConformanceState.Contingent);

        await IssueAsync(booking.Id, CommandKind.Resume, "carry on", "resume-1");
        (await GetAsync(booking.Id)).CommandInForce.ShouldBe(CommandKind.Unspecified);
    }

    [Fact]
    public async Task SameRequestId_SameCommand_DifferentCommand_InvalidArgument()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "retry", -3000, -1000, "usv-k2");

        var first = await IssueAsync(booking.Id, CommandKind.ReturnToBase, "weather", "rtb-1");
        var retried = await IssueAsync(booking.Id, CommandKind.ReturnToBase, "weather", "rtb-1");

        retried.Id.ShouldBe(first.Id);
        var error = await Calls.ShouldEndWith(StatusCode.InvalidArgument, () => IssueAsync(booking.Id, CommandKind.Hold, "weather", "rtb-1"));
        error.Status.Detail.ShouldContain("request_id");
    }

    [Fact]
    public async Task Terminate_CompletesTheBookingWithReasonTerminated()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "terminate", -2000, -1000, "usv-k3");
        await using var events = await BookingWatcher.StartAsync(Channel, "ops-oceanalpha", Requests.Jaakonmeri);

        await IssueAsync(booking.Id, CommandKind.TerminateSession, "test over", "");

        var ended = await GetAsync(booking.Id);
        ended.State.ShouldBe(BookingState.Completed);
        ended.StateReason.ShouldBe(StateReason.Terminated);
        ended.StateMessage.ShouldBe("test over");
        ended.Version.ShouldBe(booking.Version + 1);
        await events.WaitForAsync(booking.Id, BookingChange.Completed, Soon);
        await Calls.ShouldEndWith(StatusCode.FailedPrecondition, () => IssueAsync(booking.Id, CommandKind.Hold, "too late", ""));
    }

    [Fact]
    public async Task Terminated_VehicleStillReporting_OutsideWindowToStationAndWatcher()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "overrun", -2000, 1000, "usv-k7");
        await using var watcher = await RangeEventWatcher.StartAsync(Channel, new WatchRangeRequest { RangeId = Requests.Jaakonmeri, BookingIds = { booking.Id } });
        await using var station = StationStreamClient.Open(Channel);
        (await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-k7", 1, -2000, 1000))).Accepted.ShouldBe(1u);

        await IssueAsync(booking.Id, CommandKind.TerminateSession, "test over", "");
        var ack = await station.SendAsync(StationStreamClient.Report(booking.Id, "usv-k7", 2, -2000, 1000));

        ack.Accepted.ShouldBe(1u);
        var overrun = await station.WaitForAsync(f => f.Alert is { Kind: AlertKind.OutsideWindow } a ? a : null, Soon);
        overrun.BookingId.ShouldBe(booking.Id);
        overrun.VehicleId.ShouldBe("usv-k7");
        await watcher.WaitForAsync(e => e.Alert is { Kind: AlertKind.OutsideWindow } a && a.Id == overrun.Id, Soon);
        station.Alerts.Where(a => a.Kind == AlertKind.OutsideWindow).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task BadCommands_ClearStatuses()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "bad commands", -1000, -1000, "usv-k4");
        var bookingsLater = await _bookings.CreateBookingAsync(
            Requests.Booking("not active", Requests.Square(0, -1000, 300, Requests.Tomorrow(5), TimeSpan.FromHours(1)), "usv-k5"), Calls.As("ops-oceanalpha"));

        var invalid = await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _monitor.IssueCommandAsync(
            new IssueCommandRequest { Command = new Command { BookingId = "", Kind = CommandKind.Unspecified } }, Calls.As("ctl-jaakonmeri")));
        invalid.Status.Detail.ShouldContain("command.booking_id");
        invalid.Status.Detail.ShouldContain("command.kind");
        await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _monitor.IssueCommandAsync(new IssueCommandRequest(), Calls.As("ctl-jaakonmeri")));
        var vehicle = await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _monitor.IssueCommandAsync(
            new IssueCommandRequest { Command = new Command { BookingId = booking.Id, VehicleId = "usv-nope", Kind = CommandKind.Hold } }, Calls.As("ctl-jaakonmeri")));
        vehicle.Status.Detail.ShouldContain("command.vehicle_id");
        await Calls.ShouldEndWith(StatusCode.NotFound, () => IssueAsync("no-such-booking", CommandKind.Hold, "", ""));
        await Calls.ShouldEndWith(StatusCode.PermissionDenied, async () => await _monitor.IssueCommandAsync(
            new IssueCommandRequest { Command = new Command { BookingId = booking.Id, Kind = CommandKind.Hold } }, Calls.As("ctl-wanshan")));
        await Calls.ShouldEndWith(StatusCode.PermissionDenied, async () => await _monitor.IssueCommandAsync(
            new IssueCommandRequest { Command = new Command { BookingId = booking.Id, Kind = CommandKind.Hold } }, Calls.As("ops-oceanalpha")));
        await Calls.ShouldEndWith(StatusCode.FailedPrecondition, () => IssueAsync(bookingsLater.Booking.Id, CommandKind.Hold, "", ""));
        var expired = await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _monitor.IssueCommandAsync(new IssueCommandRequest
        {
            Command = new Command { BookingId = booking.Id, Kind = CommandKind.Hold, ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)) },
        }, Calls.As("ctl-jaakonmeri")));
        expired.Status.Detail.ShouldContain("command.expires_at");
    }

    [Fact]
    public async Task UnacknowledgedCommand_ExpiresAtItsTime()
    {
        var booking = await ActiveSessions.StartAsync(Channel, "expiry", 1000, -1000, "usv-k6");
        await using var watcher = await RangeEventWatcher.StartAsync(Channel, new WatchRangeRequest { RangeId = Requests.Jaakonmeri, BookingIds = { booking.Id } });

        var issued = await _monitor.IssueCommandAsync(new IssueCommandRequest
        {
            Command = new Command { BookingId = booking.Id, Kind = CommandKind.Hold, ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(1)) },
        }, Calls.As("ctl-jaakonmeri"));

        await watcher.WaitForAsync(e => e.Command is { Status: CommandStatus.Expired } c && c.Id == issued.Id, Soon);
    }

    private async Task<Command> IssueAsync(string bookingId, CommandKind kind, string message, string requestId) =>
        await _monitor.IssueCommandAsync(new IssueCommandRequest
        {
            Command = new Command { BookingId = bookingId, Kind = kind, Message = message },
            RequestId = requestId,
        }, Calls.As("ctl-jaakonmeri"));

    private async Task<Booking> GetAsync(string bookingId) =>
        await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = bookingId }, Calls.As("ops-oceanalpha"));

    private async Task WaitForAsync(string bookingId, Func<Booking, bool> condition)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(5);
        while (!condition(await GetAsync(bookingId)))
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"booking {bookingId} did not reach the expected state");
            }
            await Task.Delay(50);
        }
    }
}
