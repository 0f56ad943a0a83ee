using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests;

/// <summary>
/// <see cref="IBookingStore"/>'s contract, run against each store by a subclass. Rows are
/// written through the ledger, the only way bookings and closures are written.
/// </summary>
public abstract class BookingStoreTests : StoreTestBase
{
    private readonly string _rangeId = TestData.NewId("range");

    [Fact]
    public async Task Get_BookingWithEveryFieldAndShape_ReadBackEqual()
    {
        var booking = TestData.FullBooking(_rangeId);
        await Storage.Ledger.PutAsync(booking);

        var read = await (await OpenAsync()).Bookings.GetAsync(booking.Id, None);

        read.ShouldMatch(booking);
    }

    [Fact]
    public async Task Get_UnknownId_Null() =>
        (await Storage.Bookings.GetAsync(TestData.NewId("booking"), None)).ShouldBeNull();

    [Fact]
    public async Task Get_BookingWrittenAgain_LatestWholeBooking()
    {
        var booking = TestData.Booking(_rangeId, TestData.Morning);
        await Storage.Ledger.PutAsync(booking);
        var cancelled = booking with
        {
            State = BookingState.Cancelled,
            StateReason = StateReason.ByOwner,
            Version = 2,
            Vehicles = [new Vehicle("usv-2", VehicleKind.Usv, "M90")],
        };

        await Storage.Ledger.PutAsync(cancelled);

        (await Storage.Bookings.GetAsync(booking.Id, None)).ShouldMatch(cancelled);
        (await Storage.Bookings.ListAsync(ForRange() with { VehicleId = "usv-1" }, None)).ShouldBeEmpty();
        (await Storage.Bookings.ListAsync(ForRange() with { VehicleId = "usv-2" }, None)).Select(b => b.Id).ShouldBe([booking.Id]);
    }

    [Fact]
    public async Task GetClosure_EveryField_ReadBackEqual()
    {
        var closure = TestData.Closure(_rangeId, TestData.Morning) with { Footprint = new CircleFootprint(TestData.At(10, 10), 333.3) };
        await Storage.Ledger.AddClosuresAsync(closure);

        (await (await OpenAsync()).Bookings.GetClosureAsync(closure.Id, None)).ShouldMatch(closure);
    }

    [Fact]
    public async Task GetClosure_WholeRangeAtEveryHeight_KeepsNullFootprintAndBand()
    {
        var closure = TestData.WholeRangeClosure(_rangeId, TestData.Morning);
        await Storage.Ledger.AddClosuresAsync(closure);

        var read = await Storage.Bookings.GetClosureAsync(closure.Id, None);

        read.ShouldMatch(closure);
        read!.Footprint.ShouldBeNull();
        read.Vertical.ShouldBeNull();
    }

    [Fact]
    public async Task GetClosure_UnknownId_Null() =>
        (await Storage.Bookings.GetClosureAsync(TestData.NewId("closure"), None)).ShouldBeNull();

    [Fact]
    public async Task ListClosures_OrderedByStartThenIdAndRemovedOnesGone()
    {
        var late = TestData.Closure(_rangeId, TestData.Morning.AddDays(2), id: "c-a");
        var earlyB = TestData.Closure(_rangeId, TestData.Morning, id: TestData.NewId("c-b"));
        var earlyA = TestData.Closure(_rangeId, TestData.Morning, id: TestData.NewId("c-a"));
        var removed = TestData.Closure(_rangeId, TestData.Morning.AddDays(1));
        await Storage.Ledger.AddClosuresAsync(late with { Id = TestData.NewId("c-z") }, earlyB, earlyA, removed);
        await Storage.Ledger.RemoveClosureAsync(_rangeId, removed.Id);

        var listed = await Storage.Bookings.ListClosuresAsync(_rangeId, None);

        listed.Select(c => c.Window.Start).ShouldBe([TestData.Morning, TestData.Morning, TestData.Morning.AddDays(2)]);
        listed.Take(2).Select(c => c.Id).ShouldBe(new[] { earlyA.Id, earlyB.Id }.Order(StringComparer.Ordinal));
        (await Storage.Bookings.GetClosureAsync(removed.Id, None)).ShouldBeNull();
    }

    [Fact]
    public async Task ListClosures_UnknownRange_Empty() =>
        (await Storage.Bookings.ListClosuresAsync(TestData.NewId("range"), None)).ShouldBeEmpty();

    [Fact]
    public async Task List_EachFilter_OnlyMatchingBookings()
    {
        var otherRange = TestData.NewId("range");
        var org = TestData.NewId("org");
        var a = TestData.Booking(_rangeId, TestData.Morning, BookingState.Confirmed, org, "usv-1");
        var b = TestData.Booking(_rangeId, TestData.Morning.AddHours(5), BookingState.PendingApproval, org, "usv-2");
        var c = TestData.Booking(otherRange, TestData.Morning.AddHours(2), BookingState.Cancelled, org, "usv-1");
        var d = TestData.Booking(_rangeId, TestData.Morning.AddHours(1), BookingState.Confirmed, TestData.NewId("org"), "usv-1");
        await Storage.Ledger.PutAsync(a, b, d);
        await Storage.Ledger.PutAsync(c);
        var mine = new BookingQuery(null, org, null, null, null, null, 0);

        (await List(mine)).ShouldBe([a.Id, c.Id, b.Id]);
        (await List(mine with { RangeIds = [_rangeId] })).ShouldBe([a.Id, b.Id]);
        (await List(mine with { RangeIds = [_rangeId, otherRange] })).ShouldBe([a.Id, c.Id, b.Id]);
        (await List(ForRange())).ShouldBe([a.Id, d.Id, b.Id]);
        (await List(mine with { States = [BookingState.Cancelled, BookingState.PendingApproval] })).ShouldBe([c.Id, b.Id]);
        (await List(mine with { VehicleId = "usv-1" })).ShouldBe([a.Id, c.Id]);
        (await List(mine with { VehicleId = "usv-9" })).ShouldBeEmpty();
        // a ends where the window starts and c starts where it ends: half-open, neither overlaps.
        (await List(mine with { Window = TestData.Hours(TestData.Morning.AddHours(1), 1) })).ShouldBeEmpty();
        (await List(mine with { Window = TestData.Hours(TestData.Morning.AddMinutes(59), 1.1) })).ShouldBe([a.Id, c.Id]);
        (await List(mine with { Window = new TimeWindow(TestData.Morning.AddHours(5.5), DateTimeOffset.MaxValue) })).ShouldBe([b.Id]);
        (await List(mine with { Window = new TimeWindow(DateTimeOffset.MinValue, TestData.Morning.AddMinutes(1)) })).ShouldBe([a.Id]);
    }

    [Fact]
    public async Task List_KeysetPages_OrderedByFirstStartThenId()
    {
        var org = TestData.NewId("org");
        var bookings = new[] { 3, 1, 1, 2, 1, 0 }
            .Select((hour, i) => TestData.Booking(_rangeId, TestData.Morning.AddHours(hour), organizationId: org, id: $"{org}-{(char)('f' - i)}"))
            .ToArray();
        await Storage.Ledger.PutAsync(bookings);
        var expected = bookings.OrderBy(b => b.Span.Start).ThenBy(b => b.Id, StringComparer.Ordinal).Select(b => b.Id).ToList();

        var pages = new List<IReadOnlyList<string>>();
        var query = new BookingQuery(null, org, null, null, null, null, 4);
        while (true)
        {
            var page = await Storage.Bookings.ListAsync(query, None);
            if (page.Count == 0)
            {
                break;
            }
            pages.Add(page.Select(b => b.Id).ToList());
            query = query with { After = (page[^1].Span.Start, page[^1].Id) };
        }

        pages.Select(p => p.Count).ShouldBe([4, 2]);
        pages.SelectMany(p => p).ShouldBe(expected);
    }

    [Fact]
    public async Task LoadRangeState_SpaceHoldingBookingsClosuresAndSequence()
    {
        var holding = new[] { BookingState.PendingApproval, BookingState.Confirmed, BookingState.Active }
            .Select((s, i) => TestData.Booking(_rangeId, TestData.Morning.AddHours(i), s)).ToArray();
        var released = new[] { BookingState.Completed, BookingState.Cancelled, BookingState.Rejected }
            .Select(s => TestData.Booking(_rangeId, TestData.Morning, s)).ToArray();
        var closure = TestData.WholeRangeClosure(_rangeId, TestData.Morning);
        await Storage.Ledger.PutAsync([.. holding, .. released]);
        await Storage.Ledger.PutAsync(TestData.Booking(TestData.NewId("range"), TestData.Morning));
        var last = await Storage.Ledger.AddClosuresAsync(closure);

        var state = await (await OpenAsync()).Bookings.LoadRangeStateAsync(_rangeId, None);

        state.Sequence.ShouldBe(last.Sequence);
        state.Sequence.ShouldBe(2);
        state.Bookings.Select(b => b.Id).ShouldBe(holding.Select(b => b.Id));
        state.Bookings.ShouldMatch(holding.ToList());
        state.Closures.ShouldMatch(new List<Closure> { closure });
    }

    [Fact]
    public async Task LoadRangeState_UnknownRange_EmptyAtSequenceZero()
    {
        var state = await Storage.Bookings.LoadRangeStateAsync(TestData.NewId("range"), None);

        state.Sequence.ShouldBe(0);
        state.Bookings.ShouldBeEmpty();
        state.Closures.ShouldBeEmpty();
    }

    [Fact]
    public async Task FindIdempotency_AtMostMaxAgeOld_Found()
    {
        var record = new IdempotencyRecord(TestData.NewId("org"), "key-1", "sha256:abc", "booking-1", TestData.Noon);
        await Storage.Ledger.RememberAsync(_rangeId, record);

        var found = await Storage.Bookings.FindIdempotencyAsync(record.OrganizationId, "key-1", record.CreatedAt.AddHours(24), TimeSpan.FromHours(24), None);

        found.ShouldBe(record);
    }

    [Fact]
    public async Task FindIdempotency_OlderThanMaxAgeOrOtherKey_Null()
    {
        var record = new IdempotencyRecord(TestData.NewId("org"), "key-1", "sha256:abc", "booking-1", TestData.Noon);
        await Storage.Ledger.RememberAsync(_rangeId, record);
        var day = TimeSpan.FromHours(24);

        (await Storage.Bookings.FindIdempotencyAsync(record.OrganizationId, "key-1", record.CreatedAt.Add(day).AddSeconds(1), day, None)).ShouldBeNull();
        (await Storage.Bookings.FindIdempotencyAsync(record.OrganizationId, "key-2", record.CreatedAt, day, None)).ShouldBeNull();
        (await Storage.Bookings.FindIdempotencyAsync(TestData.NewId("org"), "key-1", record.CreatedAt, day, None)).ShouldBeNull();
    }

    [Fact]
    public async Task FindIdempotency_KeyWrittenAgainAfterRetention_LatestRecord()
    {
        var first = new IdempotencyRecord(TestData.NewId("org"), "key-1", "sha256:abc", "booking-1", TestData.Noon.AddDays(-2));
        var second = first with { RequestHash = "sha256:def", BookingId = "booking-2", CreatedAt = TestData.Noon };
        await Storage.Ledger.RememberAsync(_rangeId, first);

        await Storage.Ledger.RememberAsync(_rangeId, second);

        (await Storage.Bookings.FindIdempotencyAsync(first.OrganizationId, "key-1", TestData.Noon.AddHours(1), TimeSpan.FromHours(24), None)).ShouldBe(second);
    }

    [Fact]
    public async Task PruneIdempotency_DeletesOnlyRecordsMadeBefore()
    {
        var org = TestData.NewId("org");
        var old = new IdempotencyRecord(org, "old", "h", "b-1", TestData.Noon.AddYears(-30));
        var kept = new IdempotencyRecord(org, "kept", "h", "b-2", TestData.Noon.AddYears(-30).AddSeconds(1));
        await Storage.Ledger.WriteAsync(_rangeId, new LedgerWrite([], [], [], [old, kept]));

        var pruned = await Storage.Bookings.PruneIdempotencyAsync(kept.CreatedAt, None);

        pruned.ShouldBe(1);
        (await Storage.Bookings.FindIdempotencyAsync(org, "old", TestData.Morning, TimeSpan.FromDays(36500), None)).ShouldBeNull();
        (await Storage.Bookings.FindIdempotencyAsync(org, "kept", TestData.Morning, TimeSpan.FromDays(36500), None)).ShouldBe(kept);
        (await Storage.Bookings.PruneIdempotencyAsync(kept.CreatedAt, None)).ShouldBe(0);
    }

    private BookingQuery ForRange() => new([_rangeId], null, null, null, null, null, 0);

    private async Task<IReadOnlyList<string>> List(BookingQuery query) =>
        (await Storage.Bookings.ListAsync(query, None)).Select(b => b.Id).ToList();
}
