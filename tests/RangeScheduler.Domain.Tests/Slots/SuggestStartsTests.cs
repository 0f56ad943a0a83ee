using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Tests.Conflicts;

namespace RangeScheduler.Domain.Tests.Slots;

/// <summary>
/// Rejection.suggested_starts: the nearest free starts at or after the request's earliest
/// start, every volume moved together; one per run of free starts, up to three.
/// </summary>
public class SuggestStartsTests
{
    private static readonly VehicleCalendar NoVehicles = new();
    private static readonly GeoPoint Centre = Places.JaakonmeriCentre;

    private static Booking BookedAtCentre(string id, double fromHours, double toHours, double east = 0) =>
        TestBookings.Confirmed(id, Volumes.Of(Footprints.Square(Centre, 100, east), TestTimes.Hours(fromHours, toHours), -10, 0));

    private static BookingRequest Request(params (double From, double To, double East)[] volumes)
    {
        var builder = new BookingRequestBuilder();
        foreach (var (from, to, east) in volumes)
        {
            builder.WithVolume(Volumes.Of(Footprints.Square(Centre, 100, east), TestTimes.Hours(from, to), -10, 0));
        }
        return builder.Build();
    }

    [Fact]
    public void BlockedByOneBooking_FirstFreeStartIsAfterItsBufferedEnd()
    {
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 2, 3));

        var starts = book.SuggestStarts(Request((2.5, 3.5, 0)), TestTimes.Now, NoVehicles);

        starts.ShouldBe([TestTimes.Now.AddMinutes(190)]);
    }

    [Fact]
    public void SeveralGaps_OneSuggestionPerGapEarliestFirst()
    {
        // With a 10 min buffer, a 30 min volume can start 3:10–3:20, 4:40–5:20 or 8:10–8:20 (and after 10:10).
        var book = TestBookings.Book(TestRanges.Jaakonmeri(),
            BookedAtCentre("b-1", 1, 3), BookedAtCentre("b-2", 4, 4.5), BookedAtCentre("b-3", 6, 8), BookedAtCentre("b-4", 9, 10));

        var starts = book.SuggestStarts(Request((1, 1.5, 0)), TestTimes.Now, NoVehicles);

        starts.ShouldBe([TestTimes.Now.AddMinutes(190), TestTimes.Now.AddMinutes(280), TestTimes.Now.AddMinutes(490)]);
    }

    [Fact]
    public void GapExactlyLongEnough_Suggested()
    {
        // b-1 ends at 2:00 and b-2 starts at 3:20: a 1 h volume fits exactly from 2:10.
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 1, 2), BookedAtCentre("b-2", 3 + 1 / 3.0, 5));

        var starts = book.SuggestStarts(Request((1, 2, 0)), TestTimes.Now, NoVehicles, count: 1);

        starts.ShouldBe([TestTimes.Now.AddMinutes(130)]);
    }

    [Fact]
    public void VolumesMovedTogether_OffsetsKept()
    {
        // The second volume (3 km east, 1 h after the first) meets b-1 (3 km east, 2–3 h).
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 2, 3, east: 3000));

        var starts = book.SuggestStarts(Request((1, 2, 0), (2, 3, 3000)), TestTimes.Now, NoVehicles);

        // The second volume must start from 3:10, so the first from 2:10.
        starts.ShouldBe([TestTimes.Now.AddMinutes(130)]);
    }

    [Fact]
    public void BlockedAtAllTimes_NoSuggestion()
    {
        var request = new BookingRequestBuilder()
            .WithVehicle("uav-1", VehicleKind.Uav)
            .WithVolume(Volumes.Of(Footprints.Square(Centre, 100), TestTimes.Hours(1, 2), -10, 0))
            .Build();

        TestBookings.Book(TestRanges.Jaakonmeri()).SuggestStarts(request, TestTimes.Now, NoVehicles).ShouldBeEmpty();
    }

    [Fact]
    public void OnlyFreeBeyondTheBookingHorizon_NoSuggestion()
    {
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 1, 30 * 24 + 1));

        book.SuggestStarts(Request((2, 3, 0)), TestTimes.Now, NoVehicles).ShouldBeEmpty();
    }
}
