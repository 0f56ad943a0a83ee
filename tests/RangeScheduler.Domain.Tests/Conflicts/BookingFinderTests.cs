using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>
/// KIND_BOOKING on Wanshan (300 m / 30 m / 5 min) and with no separation: every case
/// separates the two volumes on one axis only (horizontal, vertical or time) and puts them
/// exactly at the separation, 1 cm (or 1 s) inside it and 1 cm (or 1 s) outside it.
/// </summary>
public class BookingFinderTests
{
    private static readonly VehicleCalendar NoVehicles = new();

    /// <summary>The requested volume: a 100 m square at Wanshan's centre, 0–100 m, from 1 h to 2 h after now.</summary>
    private static Volume4D Requested() => Volumes.WanshanSquare(100, 1, 2);

    private static Volume4D Other(double east = 0, double lower = 0, double upper = 100, int startSeconds = 3600, int endSeconds = 7200) =>
        Volumes.Of(Footprints.Square(Places.WanshanCentre, 100, east), Seconds(startSeconds, endSeconds), lower, upper);

    private static TimeWindow Seconds(int from, int to) => new(TestTimes.Now.AddSeconds(from), TestTimes.Now.AddSeconds(to));

    [Theory]
    // Horizontal only: the squares' facing edges are (east − 100) m apart.
    [InlineData("exactly 300 m apart", 400, 0, 100, 3600, 7200, false)]
    [InlineData("1 cm closer than 300 m", 399.99, 0, 100, 3600, 7200, true)]
    [InlineData("1 cm further than 300 m", 400.01, 0, 100, 3600, 7200, false)]
    // Vertical only: the bands are (lower − 100) m apart.
    [InlineData("bands exactly 30 m apart", 0, 130, 200, 3600, 7200, false)]
    [InlineData("bands 1 cm closer than 30 m", 0, 129.99, 200, 3600, 7200, true)]
    [InlineData("bands 1 cm further than 30 m", 0, 130.01, 200, 3600, 7200, false)]
    [InlineData("band below, exactly 30 m apart", 0, -100, -30, 3600, 7200, false)]
    [InlineData("band below, 1 cm closer", 0, -100, -29.99, 3600, 7200, true)]
    // Time only: the request ends at 7200 s; the buffer is 300 s.
    [InlineData("windows exactly 5 min apart", 0, 0, 100, 7500, 9000, false)]
    [InlineData("windows 1 s closer than 5 min", 0, 0, 100, 7499, 9000, true)]
    [InlineData("windows 1 s further than 5 min", 0, 0, 100, 7501, 9000, false)]
    [InlineData("earlier window exactly 5 min apart", 0, 0, 100, 0, 3300, false)]
    [InlineData("earlier window 1 s closer", 0, 0, 100, 0, 3301, true)]
    public void WanshanSeparation_OneAxisAtATime(string scenario, double east, double lower, double upper, int start, int end, bool conflicts)
    {
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Other(east, lower, upper, start, end)));

        var outcome = book.Check(Request(Requested()), TestTimes.Now, NoVehicles);

        outcome.Conflicts.Any(c => c.Kind == ConflictKind.Booking).ShouldBe(conflicts, scenario);
    }

    [Theory]
    [InlineData("squares touching", 100, 0, 100, 3600, 7200, false)]
    [InlineData("squares 1 cm apart", 100.01, 0, 100, 3600, 7200, false)]
    [InlineData("squares overlapping by 1 cm", 99.99, 0, 100, 3600, 7200, true)]
    [InlineData("bands touching", 0, 100, 200, 3600, 7200, false)]
    [InlineData("bands 1 cm apart", 0, 100.01, 200, 3600, 7200, false)]
    [InlineData("bands overlapping by 1 cm", 0, 99.99, 200, 3600, 7200, true)]
    [InlineData("windows touching (half-open)", 0, 0, 100, 7200, 9000, false)]
    [InlineData("windows 1 s apart", 0, 0, 100, 7201, 9000, false)]
    [InlineData("windows overlapping by 1 s", 0, 0, 100, 7199, 9000, true)]
    [InlineData("earlier window touching", 0, 0, 100, 0, 3600, false)]
    public void NoSeparation_OnlyOverlappingInteriorsConflict(string scenario, double east, double lower, double upper, int start, int end, bool conflicts)
    {
        var book = TestBookings.WanshanWithoutSeparation(TestBookings.Confirmed("b-1", Other(east, lower, upper, start, end)));

        var outcome = book.Check(Request(Requested()), TestTimes.Now, NoVehicles);

        outcome.Conflicts.Any(c => c.Kind == ConflictKind.Booking).ShouldBe(conflicts, scenario);
    }

    [Fact]
    public void CloserThanSeparation_ReportsGapsRequiredSeparationStateAndOverlap()
    {
        // 250 m apart horizontally, 10 m vertically; the other window starts 2 min after the request ends.
        var other = Other(east: 350, lower: 110, upper: 150, startSeconds: 7320, endSeconds: 9000);
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", other) with { State = BookingState.PendingApproval });

        var conflict = book.Check(Request(Requested()), TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem();

        conflict.Kind.ShouldBe(ConflictKind.Booking);
        conflict.VolumeIndex.ShouldBe(0);
        conflict.OtherId.ShouldBe("b-1");
        conflict.OtherState.ShouldBe(BookingState.PendingApproval);
        conflict.HorizontalGapMeters.ShouldBe(250, 0.01);
        conflict.VerticalGapMeters.ShouldBe(10, 1e-9);
        conflict.RequiredHorizontalMeters.ShouldBe(300);
        conflict.RequiredVerticalMeters.ShouldBe(30);
        // The other window widened by the buffer begins at 7020 s; the request runs to 7200 s.
        conflict.Overlap.ShouldBe(Seconds(7020, 7200));
    }

    [Fact]
    public void OverlappingFootprints_GapIsZero()
    {
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Other(east: 50)));

        var conflict = book.Check(Request(Requested()), TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem();

        conflict.HorizontalGapMeters.ShouldBe(0);
        conflict.VerticalGapMeters.ShouldBe(0);
        conflict.Overlap.ShouldBe(Seconds(3600, 7200));
    }

    [Fact]
    public void OtherOrganisationsBooking_MessageNamesOnlyIdStateAndDistances()
    {
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Other(east: 50)));

        var conflict = book.Check(Request(Requested()), TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem();

        conflict.Message.ShouldContain("b-1");
        conflict.Message.ShouldContain("CONFIRMED");
        conflict.Message.ShouldNotContain(TestBookings.RivalTitle);
        conflict.Message.ShouldNotContain(TestBookings.RivalVehicle);
        conflict.Message.ShouldNotContain(TestBookings.RivalOrganization);
        conflict.VehicleId.ShouldBeEmpty();
    }

    [Fact]
    public void TwoVolumesOfOneBookingInTheWay_OneConflictPerRequestedVolume()
    {
        var other = TestBookings.Confirmed("b-1", Other(east: 50, startSeconds: 3600, endSeconds: 5400), Other(east: 150, startSeconds: 5400, endSeconds: 7200));
        var book = TestBookings.Wanshan(other);
        var request = Request(Requested(), Volumes.WanshanSquare(100, 1, 2, east: 2000));

        var conflicts = book.Check(request, TestTimes.Now, NoVehicles).Conflicts;

        var conflict = conflicts.ShouldHaveSingleItem();
        conflict.VolumeIndex.ShouldBe(0);
        conflict.HorizontalGapMeters.ShouldBe(0);
        conflict.Overlap.ShouldBe(Seconds(3600, 7200));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OneBookingInTheWayTwice_MessageGivesTheLeastDistances(bool nearerFirst)
    {
        // 100 m and 0 m apart horizontally, 20 m and 5 m vertically, whichever of the booking's volumes comes first.
        Volume4D[] volumes = [Other(east: 200, lower: 120, upper: 150, startSeconds: 3600, endSeconds: 5400), Other(east: 50, lower: 105, upper: 150, startSeconds: 5400, endSeconds: 7200)];
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", nearerFirst ? [volumes[1], volumes[0]] : volumes));

        var conflict = book.Check(Request(Requested()), TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem();

        (conflict.HorizontalGapMeters, conflict.VerticalGapMeters).ShouldBe((0, 5));
        conflict.Message.ShouldBe("volumes[0] comes within 0 m horizontally and 5 m vertically of booking b-1 (CONFIRMED); "
            + "the range keeps bookings 300 m horizontally, 30 m vertically and 5 min apart in time");
    }

    [Fact]
    public void ConflictOfAnotherKindMadeWithoutItsMessage_ReadingItThrows()
    {
        var closure = new Conflict(ConflictKind.Closure, 0, "c-1", null);

        Should.Throw<InvalidOperationException>(() => closure.Message).Message.ShouldContain("Closure");
    }

    [Fact]
    public void SeveralBookingsInTheWay_EveryOneReported()
    {
        var book = TestBookings.Wanshan(
            TestBookings.Confirmed("b-1", Other(east: 50)),
            TestBookings.Confirmed("b-2", Other(east: -250)),
            TestBookings.Confirmed("b-3", Other(east: 1000)));

        var conflicts = book.Check(Request(Requested()), TestTimes.Now, NoVehicles).Conflicts;

        conflicts.Select(c => c.OtherId).ShouldBe(["b-1", "b-2"], ignoreOrder: true);
    }

    [Fact]
    public void UpdateOfExistingBooking_DoesNotConflictWithItself()
    {
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Requested()) with { OrganizationId = "oceanalpha" });

        var outcome = book.Check(new BookingRequestBuilder().WithVolume(Requested()).Ignoring("b-1").Build(), TestTimes.Now, NoVehicles);

        outcome.Conflicts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(BookingState.Completed)]
    [InlineData(BookingState.Cancelled)]
    [InlineData(BookingState.Rejected)]
    public void BookingThatNoLongerHoldsSpace_DoesNotConflict(BookingState state)
    {
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Requested()) with { State = state });

        book.Check(Request(Requested()), TestTimes.Now, NoVehicles).Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void StoredBookingEndingAtTheEndOfTheCalendar_StillBlocksItsSpace()
    {
        // Requests must end within the 30-day horizon; a stored booking is indexed whatever its window.
        var endless = new TimeWindow(TestTimes.Now.AddHours(1), DateTimeOffset.MaxValue);
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), TestBookings.Confirmed("b-1", Volumes.Of(Footprints.Square(Places.JaakonmeriCentre, 100), endless, -10, 0)));
        var window = new TimeWindow(TestTimes.Now.AddDays(2), TestTimes.Now.AddDays(3));
        var request = new BookingRequestBuilder().WithVolume(Footprints.Square(Places.JaakonmeriCentre, 100), window, -10, 0).Build();

        book.Check(request, TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem().Overlap.ShouldBe(window);
    }

    internal static BookingRequest Request(params Volume4D[] volumes)
    {
        var builder = new BookingRequestBuilder();
        foreach (var volume in volumes)
        {
            builder.WithVolume(volume);
        }
        return builder.Build();
    }
}
