using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Tests.Conflicts;

namespace RangeScheduler.Domain.Tests.Bookings;

/// <summary>The organisation's vehicles over all ranges: what is booked when, kept while bookings hold space, safe to share.</summary>
public class VehicleCalendarTests
{
    private static Booking UsvBooking(string id, string organization, double from, double to, string rangeId = "zhuhai-wanshan") =>
        TestBookings.Confirmed(id, Volumes.WanshanSquare(100, from, to)) with
        {
            OrganizationId = organization,
            RangeId = rangeId,
            Vehicles = [new Vehicle("usv-1", VehicleKind.Usv, "M80"), new Vehicle("usv-2", VehicleKind.Usv, "M80")],
        };

    [Fact]
    public void BookingPut_EachVehicleBookedDuringItsVolumes()
    {
        var calendar = new VehicleCalendar();
        calendar.Put(UsvBooking("b-1", "oceanalpha", 1, 2));

        calendar.BookedDuring("oceanalpha", "usv-2", TestTimes.Hours(1.5, 3)).ShouldHaveSingleItem().BookingId.ShouldBe("b-1");
        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(2, 3)).ShouldBeEmpty();
        calendar.BookedDuring("rivalco", "usv-1", TestTimes.Hours(1, 2)).ShouldBeEmpty();
    }

    [Fact]
    public void RangeReplaced_ItsBookingsAreTheGivenOnesAndOtherRangesKeepTheirs()
    {
        var calendar = new VehicleCalendar();
        calendar.Put(UsvBooking("failed-write", "oceanalpha", 1, 2));
        calendar.Put(UsvBooking("stored", "oceanalpha", 3, 4));
        calendar.Put(UsvBooking("elsewhere", "oceanalpha", 5, 6, rangeId: "jaakonmeri"));

        calendar.ReplaceRange("zhuhai-wanshan", [UsvBooking("stored", "oceanalpha", 3, 4)]);

        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(1, 2)).ShouldBeEmpty();
        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(3, 4)).ShouldHaveSingleItem().BookingId.ShouldBe("stored");
        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(5, 6)).ShouldHaveSingleItem().BookingId.ShouldBe("elsewhere");
    }

    [Fact]
    public void RangeReplacedAfterRemovalsAndCancellations_OnlyTheGivenOnesLeft()
    {
        var calendar = new VehicleCalendar();
        calendar.Put(UsvBooking("removed", "oceanalpha", 1, 2));
        calendar.Put(UsvBooking("cancelled", "oceanalpha", 3, 4));
        calendar.Put(UsvBooking("dropped", "oceanalpha", 5, 6));
        calendar.Remove("removed");
        calendar.Put(UsvBooking("cancelled", "oceanalpha", 3, 4) with { State = BookingState.Cancelled });

        calendar.ReplaceRange("zhuhai-wanshan", []);
        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(0, 24)).ShouldBeEmpty();

        calendar.ReplaceRange("zhuhai-wanshan", [UsvBooking("reloaded", "oceanalpha", 7, 8)]);
        calendar.ReplaceRange("zhuhai-wanshan", [UsvBooking("reloaded", "oceanalpha", 7, 8)]);
        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(0, 24)).ShouldHaveSingleItem().BookingId.ShouldBe("reloaded");
    }

    [Fact]
    public void BookingReplacedThenCancelled_CalendarFollows()
    {
        var calendar = new VehicleCalendar();
        var booking = UsvBooking("b-1", "oceanalpha", 1, 2);
        calendar.Put(booking);

        calendar.Put(booking with { Volumes = [Volumes.WanshanSquare(100, 5, 6)] });
        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(1, 2)).ShouldBeEmpty();
        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(5, 6)).ShouldHaveSingleItem();

        calendar.Put(booking with { State = BookingState.Cancelled });
        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(0, 24)).ShouldBeEmpty();
    }

    [Fact]
    public void BookingRemoved_Forgotten()
    {
        var calendar = new VehicleCalendar();
        calendar.Put(UsvBooking("b-1", "oceanalpha", 1, 2));

        calendar.Remove("b-1");
        calendar.Remove("b-1");

        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(0, 24)).ShouldBeEmpty();
    }

    [Fact]
    public void RangesPuttingAndCheckingInParallel_NothingLostOrTorn()
    {
        var calendar = new VehicleCalendar();

        Parallel.For(0, 4, range =>
        {
            for (var i = 0; i < 500; i++)
            {
                calendar.Put(UsvBooking($"r{range}-b{i}", "oceanalpha", i, i + 0.5, $"range-{range}"));
                calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(i, i + 1)).ShouldNotBeEmpty();
                if (i % 2 == 1)
                {
                    calendar.Remove($"r{range}-b{i}");
                }
            }
        });

        calendar.BookedDuring("oceanalpha", "usv-1", TestTimes.Hours(0, 1000)).Count.ShouldBe(4 * 250);
    }
}
