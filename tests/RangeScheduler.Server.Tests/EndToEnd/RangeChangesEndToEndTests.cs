using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.EndToEnd;

/// <summary>Closures, approvals and range definitions over HTTP/2, on a server of their own.</summary>
public sealed class RangeChangesEndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly BookingServiceClient _bookings = new(fixture.Server.Channel);
    private readonly RangeServiceClient _ranges = new(fixture.Server.Channel);

    [Fact]
    public async Task ClosureWithCancelAffected_CancelsOverlappingBookingsWithReasonClosure()
    {
        var volume = Requests.Square(-5000, 1000, 400, Requests.Tomorrow(2), TimeSpan.FromHours(1));
        var booking = (await _bookings.CreateBookingAsync(Requests.Booking("in the way", volume, "usv-20"), Calls.As("ops-oceanalpha"))).Booking;
        var closure = new Closure { RangeId = Requests.Jaakonmeri, Window = volume.Window, Reason = "storm" };

        var created = await _ranges.CreateClosureAsync(new CreateClosureRequest { Closure = closure, CancelAffected = true }, Calls.As("ctl-jaakonmeri"));

        created.AffectedBookingIds.ShouldBe([booking.Id]);
        var cancelled = await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = booking.Id }, Calls.As("ops-oceanalpha"));
        cancelled.State.ShouldBe(BookingState.Cancelled);
        cancelled.StateReason.ShouldBe(StateReason.Closure);
        var rebooked = await _bookings.CreateBookingAsync(Requests.Booking("during the storm", volume, "usv-21"), Calls.As("ops-oceanalpha"));
        rebooked.Rejection.Conflicts.ShouldContain(c => c.Kind == Conflict.Types.Kind.Closure && c.OtherId == created.Closure.Id);
    }

    [Fact]
    public async Task ClosureKeepingBookings_ListedThenDeletedFreesTheSpace()
    {
        var volume = Requests.Square(5000, 1000, 400, Requests.Tomorrow(4), TimeSpan.FromHours(1));
        var booking = (await _bookings.CreateBookingAsync(Requests.Booking("kept", volume, "usv-22"), Calls.As("ops-oceanalpha"))).Booking;
        var created = await _ranges.CreateClosureAsync(new CreateClosureRequest
        {
            Closure = new Closure { RangeId = Requests.Jaakonmeri, Window = volume.Window, Reason = "survey" },
        }, Calls.As("ctl-jaakonmeri"));

        created.AffectedBookingIds.ShouldBe([booking.Id]);
        (await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = booking.Id }, Calls.As("ops-oceanalpha"))).State.ShouldBe(BookingState.Confirmed);
        var listed = await _ranges.ListClosuresAsync(new ListClosuresRequest { RangeId = Requests.Jaakonmeri }, Calls.As("ops-oceanalpha"));
        listed.Closures.Select(c => c.Id).ShouldContain(created.Closure.Id);

        await _ranges.DeleteClosureAsync(new DeleteClosureRequest { ClosureId = created.Closure.Id }, Calls.As("ctl-jaakonmeri"));

        (await _ranges.ListClosuresAsync(new ListClosuresRequest { RangeId = Requests.Jaakonmeri }, Calls.As("ops-oceanalpha"))).Closures
            .ShouldNotContain(c => c.Id == created.Closure.Id);
        await Calls.ShouldEndWith(StatusCode.NotFound, async () => await _ranges.DeleteClosureAsync(new DeleteClosureRequest { ClosureId = created.Closure.Id }, Calls.As("ctl-jaakonmeri")));
    }

    [Fact]
    public async Task ClosureOnAnotherControllersRange_PermissionDenied() =>
        await Calls.ShouldEndWith(StatusCode.PermissionDenied, async () => await _ranges.CreateClosureAsync(new CreateClosureRequest
        {
            Closure = new Closure { RangeId = Requests.Jaakonmeri, Window = Requests.Square(0, 0, 1, Requests.Tomorrow(6), TimeSpan.FromHours(1)).Window },
        }, Calls.As("ctl-wanshan")));

    [Fact]
    public async Task ApprovalRequired_BookingsWaitForTheControllersDecision()
    {
        var range = await _ranges.GetRangeAsync(new GetRangeRequest { RangeId = Requests.Jaakonmeri }, Calls.As("root"));
        range.ApprovalRequired = true;
        var upserted = await _ranges.UpsertRangeAsync(new UpsertRangeRequest { Range = range, ExpectedVersion = range.Version }, Calls.As("root"));
        upserted.Range.Version.ShouldBe(range.Version + 1);
        try
        {
            var pending = (await _bookings.CreateBookingAsync(Requests.Booking("needs a yes", Requests.Square(-5000, -1000, 300, Requests.Tomorrow(8), TimeSpan.FromHours(1)), "usv-23"), Calls.As("ops-oceanalpha"))).Booking;
            pending.State.ShouldBe(BookingState.PendingApproval);
            await Calls.ShouldEndWith(StatusCode.PermissionDenied, async () => await _bookings.DecideBookingAsync(
                new DecideBookingRequest { BookingId = pending.Id, Decision = Decision.Approve }, Calls.As("ops-oceanalpha")));
            await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _bookings.DecideBookingAsync(
                new DecideBookingRequest { BookingId = pending.Id }, Calls.As("ctl-jaakonmeri")));

            var approved = await _bookings.DecideBookingAsync(new DecideBookingRequest { BookingId = pending.Id, Decision = Decision.Approve, ExpectedVersion = 1 }, Calls.As("ctl-jaakonmeri"));

            approved.State.ShouldBe(BookingState.Confirmed);
            approved.Version.ShouldBe(2UL);
            await Calls.ShouldEndWith(StatusCode.FailedPrecondition, async () => await _bookings.DecideBookingAsync(
                new DecideBookingRequest { BookingId = pending.Id, Decision = Decision.Reject }, Calls.As("ctl-jaakonmeri")));
        }
        finally
        {
            upserted.Range.ApprovalRequired = false;
            await _ranges.UpsertRangeAsync(new UpsertRangeRequest { Range = upserted.Range, ExpectedVersion = upserted.Range.Version }, Calls.As("root"));
        }
    }

    [Fact]
    public async Task UpsertRange_CreatesStaleVersionAbortsAndDuplicateAlreadyExists()
    {
        var range = await _ranges.GetRangeAsync(new GetRangeRequest { RangeId = Requests.Jaakonmeri }, Calls.As("root"));
        range.Id = "jaakonmeri-north";
        range.Name = "Jaakonmeri, northern half";

        var created = await _ranges.UpsertRangeAsync(new UpsertRangeRequest { Range = range }, Calls.As("root"));

        created.Range.Version.ShouldBe(1UL);
        await Calls.ShouldEndWith(StatusCode.AlreadyExists, async () => await _ranges.UpsertRangeAsync(new UpsertRangeRequest { Range = range }, Calls.As("root")));
        await Calls.ShouldEndWith(StatusCode.Aborted, async () => await _ranges.UpsertRangeAsync(new UpsertRangeRequest { Range = range, ExpectedVersion = 7 }, Calls.As("root")));
        (await _ranges.GetRangeAsync(new GetRangeRequest { RangeId = "jaakonmeri-north" }, Calls.As("ops-oceanalpha"))).Name.ShouldBe("Jaakonmeri, northern half");
    }

    [Fact]
    public async Task UpsertRangeWithInvalidGeometry_InvalidArgumentAndRangeUnchanged()
    {
        var range = await _ranges.GetRangeAsync(new GetRangeRequest { RangeId = Requests.Jaakonmeri }, Calls.As("root"));
        var broken = range.Clone();
        broken.Boundary.Exterior.Points[2].Longitude = 200;
        broken.TimeZone = "Mars/Olympus_Mons";

        var error = await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _ranges.UpsertRangeAsync(
            new UpsertRangeRequest { Range = broken, ExpectedVersion = range.Version }, Calls.As("root")));

        error.Status.Detail.ShouldContain("range.boundary.exterior.points[2]");
        error.Status.Detail.ShouldContain("range.time_zone");
        (await _ranges.GetRangeAsync(new GetRangeRequest { RangeId = Requests.Jaakonmeri }, Calls.As("root"))).Version.ShouldBe(range.Version);
    }
}
