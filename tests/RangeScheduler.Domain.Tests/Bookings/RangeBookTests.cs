using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Tests.Conflicts;

namespace RangeScheduler.Domain.Tests.Bookings;

/// <summary>Keeping a range's book in step: bookings put, replaced and removed; closures put and removed.</summary>
public class RangeBookTests
{
    private static readonly VehicleCalendar NoVehicles = new();
    private static readonly BookingRequest AtCentre = BookingFinderTests.Request(Volumes.WanshanSquare(100, 1, 2));

    [Fact]
    public void NewBook_HoldsOnlyBookingsThatHoldSpace()
    {
        var book = TestBookings.Wanshan(
            TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)),
            TestBookings.Confirmed("b-2", Volumes.WanshanSquare(100, 1, 2)) with { State = BookingState.Cancelled });

        book.BookingCount.ShouldBe(1);
        book.Find("b-1").ShouldNotBeNull();
        book.Find("b-2").ShouldBeNull();
        book.Range.Id.ShouldBe("zhuhai-wanshan");
        book.Plane.Projection.Center.Latitude.ShouldBe(Places.WanshanCentre.Latitude, 1e-9);
        book.Plane.Projection.Center.Longitude.ShouldBe(Places.WanshanCentre.Longitude, 1e-9);
    }

    [Fact]
    public void BookingMoved_ConflictsFollowItsNewVolumes()
    {
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)));

        book.Put(TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 5, 6)) with { Version = 2 });

        book.Check(AtCentre, TestTimes.Now, NoVehicles).Conflicts.ShouldBeEmpty();
        book.Check(BookingFinderTests.Request(Volumes.WanshanSquare(100, 5, 6)), TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem();
        book.Find("b-1")!.Version.ShouldBe(2);
    }

    [Theory]
    [InlineData(BookingState.Cancelled)]
    [InlineData(BookingState.Completed)]
    [InlineData(BookingState.Rejected)]
    public void BookingPutInAStateWithoutSpace_Dropped(BookingState state)
    {
        var booking = TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2));
        var book = TestBookings.Wanshan(booking);

        book.Put(booking with { State = state });

        book.Find("b-1").ShouldBeNull();
        book.Check(AtCentre, TestTimes.Now, NoVehicles).Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void BookingRemoved_NoLongerConflictsAndRemovingAgainDoesNothing()
    {
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)));

        book.Remove("b-1");
        book.Remove("b-1");

        book.BookingCount.ShouldBe(0);
        book.Check(AtCentre, TestTimes.Now, NoVehicles).Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void ClosurePutReplacedAndRemoved_ChecksFollow()
    {
        var book = TestBookings.Wanshan();
        var closure = new Closure("c-1", "zhuhai-wanshan", null, null, TestTimes.Hours(0, 3), "typhoon", [], 1);

        book.PutClosure(closure);
        book.Check(AtCentre, TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem().Kind.ShouldBe(ConflictKind.Closure);

        book.PutClosure(closure with { Window = TestTimes.Hours(5, 6), Version = 2 });
        book.Closures.ShouldHaveSingleItem().Version.ShouldBe(2);
        book.Check(AtCentre, TestTimes.Now, NoVehicles).Conflicts.ShouldBeEmpty();

        book.RemoveClosure("c-1");
        book.Closures.ShouldBeEmpty();
    }

    [Fact]
    public void ManyBookingsPutAndRemoved_ChecksMatchWhatRemains()
    {
        var book = TestBookings.Book(TestRanges.Wanshan() with { MaxConcurrentSessions = 0 });
        for (var i = 0; i < 200; i++)
        {
            book.Put(TestBookings.Confirmed($"b-{i}", Volumes.WanshanSquare(100, 1, 2, east: (i % 20) * 1000 - 10_000, north: (i / 20) * 1000 - 5000)));
        }
        for (var i = 0; i < 200; i += 2)
        {
            book.Remove($"b-{i}");
        }

        // Bookings sit 1 km apart: a request meets only the one where it is. b-110 is at the centre, b-111 1 km east.
        book.Check(AtCentre, TestTimes.Now, NoVehicles).Conflicts.ShouldBeEmpty();
        var east = BookingFinderTests.Request(Volumes.WanshanSquare(100, 1, 2, east: 1000));
        book.Check(east, TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem().OtherId.ShouldBe("b-111");
        book.BookingCount.ShouldBe(100);
    }
}
