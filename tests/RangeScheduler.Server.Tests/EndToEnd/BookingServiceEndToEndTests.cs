using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.EndToEnd;

/// <summary>BookingService over HTTP/2 with the C# client, on a server of its own (DESIGN.md, "Booking").</summary>
public sealed class BookingServiceEndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly BookingServiceClient _bookings = new(fixture.Server.Channel);

    [Fact]
    public async Task CreateBooking_ConfirmedAndVisibleToItsOrganisationOnly()
    {
        var start = Requests.Tomorrow(1);
        var created = await _bookings.CreateBookingAsync(Requests.Booking("harbour trials", Requests.Square(-3000, 2000, 400, start, TimeSpan.FromHours(1))), Calls.As("ops-oceanalpha"));

        var booking = created.Booking;
        booking.State.ShouldBe(BookingState.Confirmed);
        booking.Version.ShouldBe(1UL);
        booking.OrganizationId.ShouldBe("oceanalpha");
        (await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = booking.Id }, Calls.As("gs-oceanalpha-1"))).Title.ShouldBe("harbour trials");
        await Calls.ShouldEndWith(StatusCode.NotFound, async () => await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = booking.Id }, Calls.As("ops-tidewater")));
        var listed = await _bookings.ListBookingsAsync(new ListBookingsRequest { RangeId = Requests.Jaakonmeri }, Calls.As("ops-oceanalpha"));
        listed.Bookings.Select(b => b.Id).ShouldContain(booking.Id);
        (await _bookings.ListBookingsAsync(new ListBookingsRequest(), Calls.As("ops-tidewater"))).Bookings.ShouldNotContain(b => b.Id == booking.Id);
    }

    [Fact]
    public async Task ListBookingsPagedOneAtATime_EveryBookingOnceInStartOrderAndBadTokenRefused()
    {
        var principal = Calls.As("ctl-jaakonmeri");
        for (var i = 0; i < 3; i++)
        {
            var request = Requests.Booking($"paged {i}", Requests.Square(-4000 + i * 1500, -1000, 300, Requests.Tomorrow(21 - i), TimeSpan.FromHours(1)), "pager");
            await _bookings.CreateBookingAsync(request, principal);
        }
        var seen = new List<Booking>();
        var token = "";
        do
        {
            var page = await _bookings.ListBookingsAsync(new ListBookingsRequest { RangeId = Requests.Jaakonmeri, VehicleId = "pager", PageSize = 1, PageToken = token }, principal);
            page.Bookings.Count.ShouldBeLessThanOrEqualTo(1);
            seen.AddRange(page.Bookings);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        seen.Select(b => b.Title).ShouldBe(["paged 2", "paged 1", "paged 0"]);
        (await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _bookings.ListBookingsAsync(
            new ListBookingsRequest { PageToken = "not-a-token" }, principal))).Status.Detail.ShouldContain("page_token");
    }

    [Fact]
    public async Task OverlapWithAnotherOrganisation_RejectedShowingOnlyIdWindowAndDistances()
    {
        var start = Requests.Tomorrow(3);
        var first = await _bookings.CreateBookingAsync(Requests.Booking("secret sea trial", Requests.Square(0, -2500, 500, start, TimeSpan.FromHours(1))), Calls.As("ops-oceanalpha"));

        var second = await _bookings.CreateBookingAsync(Requests.Booking("rival", Requests.Square(200, -2500, 500, start, TimeSpan.FromHours(1)), "usv-9"), Calls.As("ops-tidewater"));

        second.OutcomeCase.ShouldBe(CreateBookingResponse.OutcomeOneofCase.Rejection);
        var conflict = second.Rejection.Conflicts.ShouldHaveSingleItem();
        conflict.Kind.ShouldBe(Conflict.Types.Kind.Booking);
        conflict.OtherId.ShouldBe(first.Booking.Id);
        conflict.OtherState.ShouldBe(BookingState.Confirmed);
        conflict.RequiredHorizontalM.ShouldBe(500);
        conflict.Message.ShouldNotContain("secret");
        conflict.Message.ShouldNotContain("oceanalpha");
        second.Rejection.SuggestedStarts.ShouldNotBeEmpty();
        second.Rejection.SuggestedStarts[0].ToDateTimeOffset().ShouldBeGreaterThanOrEqualTo(start.AddHours(1).AddMinutes(10));
    }

    [Fact]
    public async Task RetryWithTheSameIdempotencyKey_ReturnsTheFirstBooking()
    {
        var request = Requests.Booking("retried", Requests.Square(3000, -2000, 300, Requests.Tomorrow(5), TimeSpan.FromHours(1)), "usv-2", idempotencyKey: "retry-1");
        var first = await _bookings.CreateBookingAsync(request, Calls.As("ops-oceanalpha"));
        var again = await _bookings.CreateBookingAsync(request, Calls.As("ops-oceanalpha"));

        again.Booking.Id.ShouldBe(first.Booking.Id);
        var changed = request.Clone();
        changed.Title = "something else";
        (await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _bookings.CreateBookingAsync(changed, Calls.As("ops-oceanalpha"))))
            .Status.Detail.ShouldContain("idempotency_key");
    }

    [Fact]
    public async Task UpdateWithStaleVersion_AbortedAndNothingChanged()
    {
        var created = await _bookings.CreateBookingAsync(Requests.Booking("versioned", Requests.Square(-3000, -2000, 300, Requests.Tomorrow(7), TimeSpan.FromHours(1)), "usv-3"), Calls.As("ops-oceanalpha"));
        var updated = await _bookings.UpdateBookingAsync(new UpdateBookingRequest { BookingId = created.Booking.Id, ExpectedVersion = 1, Title = "renamed" }, Calls.As("ops-oceanalpha"));
        updated.Booking.Version.ShouldBe(2UL);

        await Calls.ShouldEndWith(StatusCode.Aborted, async () => await _bookings.UpdateBookingAsync(
            new UpdateBookingRequest { BookingId = created.Booking.Id, ExpectedVersion = 1, Title = "stale" }, Calls.As("ops-oceanalpha")));
        (await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = created.Booking.Id }, Calls.As("ops-oceanalpha"))).Title.ShouldBe("renamed");
    }

    [Fact]
    public async Task CancelByOwner_CancelledFreesTheSpaceAndCannotBeCancelledAgain()
    {
        var volume = Requests.Square(3000, 3000, 400, Requests.Tomorrow(9), TimeSpan.FromHours(1));
        var created = await _bookings.CreateBookingAsync(Requests.Booking("short-lived", volume, "usv-4"), Calls.As("ops-oceanalpha"));

        var cancelled = await _bookings.CancelBookingAsync(new CancelBookingRequest { BookingId = created.Booking.Id, Message = "weather" }, Calls.As("ops-oceanalpha"));

        cancelled.State.ShouldBe(BookingState.Cancelled);
        cancelled.StateReason.ShouldBe(StateReason.ByOwner);
        cancelled.StateMessage.ShouldBe("weather");
        (await _bookings.CreateBookingAsync(Requests.Booking("takes the freed space", volume, "usv-8"), Calls.As("ops-tidewater"))).Booking.State.ShouldBe(BookingState.Confirmed);
        await Calls.ShouldEndWith(StatusCode.FailedPrecondition, async () => await _bookings.CancelBookingAsync(new CancelBookingRequest { BookingId = created.Booking.Id }, Calls.As("ops-oceanalpha")));
    }

    [Fact]
    public async Task AnotherOrganisationsBooking_NotFoundForCancelAndUpdate()
    {
        var created = await _bookings.CreateBookingAsync(Requests.Booking("mine", Requests.Square(-1000, 4000, 300, Requests.Tomorrow(11), TimeSpan.FromHours(1)), "usv-5"), Calls.As("ops-oceanalpha"));
        await Calls.ShouldEndWith(StatusCode.NotFound, async () => await _bookings.CancelBookingAsync(new CancelBookingRequest { BookingId = created.Booking.Id }, Calls.As("ops-tidewater")));
        await Calls.ShouldEndWith(StatusCode.NotFound, async () => await _bookings.UpdateBookingAsync(new UpdateBookingRequest { BookingId = created.Booking.Id, ExpectedVersion = 1 }, Calls.As("ops-tidewater")));
    }

    [Fact]
    public async Task InvalidRequest_InvalidArgumentNamingEveryOffendingField()
    {
        var volume = Requests.Square(0, 0, 300, Requests.Tomorrow(13), TimeSpan.FromHours(1), lower: 0, upper: -10);
        volume.Footprint.Polygon.Exterior.Points[1].Latitude = 95;
        var request = Requests.Booking("bad", volume);
        request.Vehicles[0].Id = "";

        var error = await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _bookings.CreateBookingAsync(request, Calls.As("ops-oceanalpha")));

        error.Status.Detail.ShouldContain("volumes[0].footprint.polygon.exterior.points[1]");
        error.Status.Detail.ShouldContain("volumes[0].vertical");
        error.Status.Detail.ShouldContain("vehicles[0].id");
    }

    [Fact]
    public async Task HighPriority_OperatorsRefusedAndControllersPreemptNormalBookings()
    {
        var volume = Requests.Square(1500, 1500, 400, Requests.Tomorrow(15), TimeSpan.FromHours(1));
        var normal = await _bookings.CreateBookingAsync(Requests.Booking("normal", volume, "usv-6"), Calls.As("ops-oceanalpha"));
        var high = Requests.Booking("rescue drill", volume, "rescue-1");
        high.Priority = Priority.High;
        await Calls.ShouldEndWith(StatusCode.PermissionDenied, async () => await _bookings.CreateBookingAsync(high, Calls.As("ops-tidewater")));

        var preempting = await _bookings.CreateBookingAsync(high, Calls.As("ctl-jaakonmeri"));

        preempting.Booking.State.ShouldBe(BookingState.Confirmed);
        preempting.PreemptedBookingIds.ShouldBe([normal.Booking.Id]);
        var victim = await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = normal.Booking.Id }, Calls.As("ops-oceanalpha"));
        victim.State.ShouldBe(BookingState.Cancelled);
        victim.StateReason.ShouldBe(StateReason.Preempted);
    }

    [Fact]
    public async Task FindSlots_ReturnsFreeStartsAfterAnExistingBooking()
    {
        var start = Requests.Tomorrow(17);
        var taken = Requests.Square(-2000, -1500, 400, start, TimeSpan.FromHours(2));
        await _bookings.CreateBookingAsync(Requests.Booking("taken", taken, "usv-7"), Calls.As("ops-oceanalpha"));
        var request = new FindSlotsRequest
        {
            RangeId = Requests.Jaakonmeri,
            SearchWindow = new TimeWindow { Start = taken.Window.Start, End = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(start.AddHours(6)) },
            MaxResults = 2,
            Step = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMinutes(15)),
        };
        request.Vehicles.Add(new Vehicle { Id = "usv-77", Kind = VehicleKind.Usv });
        request.Volumes.Add(new RelativeVolume { Footprint = taken.Footprint, Vertical = taken.Vertical, Duration = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromHours(1)) });

        var found = await _bookings.FindSlotsAsync(request, Calls.As("ops-tidewater"));

        found.Starts.Select(s => s.ToDateTimeOffset()).ShouldBe([start.AddHours(2).AddMinutes(15), start.AddHours(2).AddMinutes(30)]);
    }

    [Fact]
    public async Task WatchBookings_SeesOwnChangesWithCursorsAndNotOthers()
    {
        using var watch = _bookings.WatchBookings(new WatchBookingsRequest { RangeId = Requests.Jaakonmeri }, Calls.As("ops-tidewater"));
        await watch.ResponseHeadersAsync;
        await _bookings.CreateBookingAsync(Requests.Booking("not theirs", Requests.Square(4000, 0, 300, Requests.Tomorrow(19), TimeSpan.FromHours(1)), "usv-10"), Calls.As("ops-oceanalpha"));
        var theirs = await _bookings.CreateBookingAsync(Requests.Booking("theirs", Requests.Square(-4000, 0, 300, Requests.Tomorrow(19), TimeSpan.FromHours(1)), "usv-11"), Calls.As("ops-tidewater"));

        var seen = await NextBookingEventAsync(watch);

        seen.Change.ShouldBe(BookingChange.Created);
        seen.Booking.Id.ShouldBe(theirs.Booking.Id);
        seen.Cursor.ShouldNotBeNullOrEmpty();
    }

    private static async Task<BookingEvent> NextBookingEventAsync(Grpc.Client.AsyncServerStreamingCall<BookingEvent> watch)
    {
        while (await watch.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (watch.ResponseStream.Current.Change != BookingChange.Heartbeat)
            {
                return watch.ResponseStream.Current;
            }
        }
        throw new InvalidOperationException("The watch ended without an event.");
    }
}
