using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Tests.Conflicts;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Bookings;

/// <summary>
/// A request prepared before the range's turn is checked as the request itself would be,
/// also when the range was defined again or time moved on between preparing and checking.
/// </summary>
public class PreparedRequestTests
{
    private static readonly VehicleCalendar NoVehicles = new();

    [Fact]
    public void Prepared_FindsTheConflictsTheRequestFinds()
    {
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)));
        var request = BookingFinderTests.Request(Volumes.WanshanSquare(100, 1, 2));

        var prepared = PreparedRequest.Of(request, book.Plane, TestTimes.Now);

        book.Check(prepared, TestTimes.Now, NoVehicles).Conflicts.Select(c => c.OtherId)
            .ShouldBe(book.Check(request, TestTimes.Now, NoVehicles).Conflicts.Select(c => c.OtherId));
    }

    [Fact]
    public void PreparedOnAnEarlierDefinition_CheckedOnTheBooksOwn()
    {
        var earlier = TestBookings.Wanshan();
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)));

        var prepared = PreparedRequest.Of(BookingFinderTests.Request(Volumes.WanshanSquare(100, 1, 2)), earlier.Plane, TestTimes.Now);

        book.Check(prepared, TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem().OtherId.ShouldBe("b-1");
    }

    [Fact]
    public void WindowEndedSincePreparing_Refused()
    {
        var book = TestBookings.Wanshan();
        var prepared = PreparedRequest.Of(BookingFinderTests.Request(Volumes.WanshanSquare(100, 1, 2)), book.Plane, TestTimes.Now);

        var error = Should.Throw<InvalidRequestException>(() => book.Check(prepared, TestTimes.Now.AddHours(2), NoVehicles));

        error.Violations.ShouldHaveSingleItem().Field.ShouldBe("volumes[0].window");
    }

    [Fact]
    public void WindowBeyondTheHorizonWhenPrepared_RefusedWhenPrepared()
    {
        var request = BookingFinderTests.Request(Volumes.WanshanSquare(100, 24 * 31, 24 * 31 + 1));

        Should.Throw<InvalidRequestException>(() => PreparedRequest.Of(request, TestBookings.Wanshan().Plane, TestTimes.Now));
    }
}
