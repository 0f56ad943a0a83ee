using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Slots;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Tests.Conflicts;
using RangeScheduler.Domain.Time;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Slots;

/// <summary>
/// FindSlots (contract FindSlotsRequest) on Jaakonmeri: open around the clock, 500 m / 0 m /
/// 10 min separation, vessels only; volumes a 100 m square at the centre, 10 m deep.
/// </summary>
public class SlotFinderTests
{
    private static readonly VehicleCalendar NoVehicles = new();
    private static readonly GeoPoint Centre = Places.JaakonmeriCentre;

    private static RelativeVolume AtCentre(double offsetMinutes, double durationMinutes, double east = 0) =>
        new(Footprints.Square(Centre, 100, east), new VerticalBand(-10, 0), TimeSpan.FromMinutes(offsetMinutes), TimeSpan.FromMinutes(durationMinutes));

    private static Booking BookedAtCentre(string id, double fromHours, double toHours, double east = 0) =>
        TestBookings.Confirmed(id, Volumes.Of(Footprints.Square(Centre, 100, east), TestTimes.Hours(fromHours, toHours), -10, 0)) with { RangeId = "jaakonmeri" };

    private static SlotRequest Search(double fromHours, double toHours, int stepMinutes, int maxResults, params RelativeVolume[] volumes) =>
        new("oceanalpha", [new Vehicle("usv-1", VehicleKind.Usv, "M80")], volumes, TestTimes.Hours(fromHours, toHours),
            maxResults, TimeSpan.FromMinutes(stepMinutes), null, Priority.Normal);

    private static DateTimeOffset[] Minutes(params int[] minutes) => minutes.Select(m => TestTimes.Now.AddMinutes(m)).ToArray();

    [Fact]
    public void EmptyRange_StartsOnTheStepGridUntilTheWindowEnds()
    {
        var search = TestBookings.Book(TestRanges.Jaakonmeri()).FindSlots(Search(1, 2, 15, 0, AtCentre(0, 60)), TestTimes.Now, NoVehicles);

        search.Starts.ShouldBe(Minutes(60, 75, 90, 105));
        search.Blocking.ShouldBeEmpty();
    }

    [Fact]
    public void DefaultsApplied_FiveResultsOneMinuteApart()
    {
        var search = TestBookings.Book(TestRanges.Jaakonmeri()).FindSlots(Search(1, 2, 0, 0, AtCentre(0, 60)), TestTimes.Now, NoVehicles);

        search.Starts.ShouldBe(Minutes(60, 61, 62, 63, 64));
    }

    [Fact]
    public void BookingInTheWay_StartsBeforeAndAfterItsBufferedWindow()
    {
        // b-1 holds 2 h to 3 h; a 1 h volume must end by 1:50 or start from 3:10.
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 2, 3));

        var search = book.FindSlots(Search(0, 6, 10, 8, AtCentre(0, 60)), TestTimes.Now, NoVehicles);

        search.Starts.ShouldBe(Minutes(0, 10, 20, 30, 40, 50, 190, 200));
    }

    [Fact]
    public void WindowFullyBlocked_BlockingNamesWhatBlocksIt()
    {
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 0, 4), BookedAtCentre("b-2", 0, 4, east: 3000));

        var search = book.FindSlots(Search(1, 2, 10, 0, AtCentre(0, 60)), TestTimes.Now, NoVehicles);

        search.Starts.ShouldBeEmpty();
        var blocker = search.Blocking.ShouldHaveSingleItem();
        blocker.Kind.ShouldBe(ConflictKind.Booking);
        blocker.OtherId.ShouldBe("b-1");
        blocker.VolumeIndex.ShouldBe(0);
    }

    [Fact]
    public void FewerStartsThanAsked_BlockingListsOnlyWhatBlocksTheRest()
    {
        // b-1 (0–1 h) is behind the first start found; b-2 (2–5 h) blocks the rest of the window.
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 0, 1), BookedAtCentre("b-2", 2, 5));

        var search = book.FindSlots(Search(0, 4, 10, 5, AtCentre(0, 30)), TestTimes.Now, NoVehicles);

        search.Starts.ShouldBe(Minutes(70, 80));
        search.Blocking.Select(c => c.OtherId).ShouldBe(["b-2"]);
    }

    [Fact]
    public void VolumesMovingTogether_EachKeepsItsOffset()
    {
        // The second volume (3 km east, from 60 to 90 min after the start) meets b-1 (3 km east, 2–3 h).
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 2, 3, east: 3000));

        var search = book.FindSlots(Search(0, 4, 30, 10, AtCentre(0, 60), AtCentre(60, 30, east: 3000)), TestTimes.Now, NoVehicles);

        // Starts s with s + 90 min <= 1:50 or s + 60 min >= 3:10.
        search.Starts.ShouldBe(Minutes(0, 150, 180, 210));
    }

    [Fact]
    public void SearchAlignedToItsStart_StartsOffTheHour()
    {
        var request = Search(0, 1, 15, 0, AtCentre(0, 10)) with { SearchWindow = new TimeWindow(TestTimes.Now.AddMinutes(7), TestTimes.Now.AddMinutes(40)) };

        TestBookings.Book(TestRanges.Jaakonmeri()).FindSlots(request, TestTimes.Now, NoVehicles).Starts.ShouldBe(Minutes(7, 22, 37));
    }

    [Fact]
    public void SearchReachingIntoThePast_OnlyStartsWhoseVolumesHaveNotEnded()
    {
        var search = TestBookings.Book(TestRanges.Jaakonmeri()).FindSlots(Search(-2, 1, 30, 0, AtCentre(0, 60)), TestTimes.Now, NoVehicles);

        search.Starts.ShouldBe(Minutes(-30, 0, 30));
    }

    [Fact]
    public void SearchBeyondTheBookingHorizon_NoStartsAfterThirtyDays()
    {
        var request = Search(30 * 24 - 1, 30 * 24 + 1, 30, 0, AtCentre(0, 60));

        TestBookings.Book(TestRanges.Jaakonmeri()).FindSlots(request, TestTimes.Now, NoVehicles).Starts.ShouldBe(Minutes(30 * 24 * 60 - 60, 30 * 24 * 60 - 30, 30 * 24 * 60));
    }

    [Fact]
    public void SearchWindowEndingCenturiesAhead_StopsAtTheHorizon()
    {
        var request = Search(0, 1, 60 * 24, 100, AtCentre(0, 60)) with
        {
            SearchWindow = new TimeWindow(TestTimes.Now, DateTimeOffset.MaxValue.AddYears(-1)),
        };

        var search = TestBookings.Book(TestRanges.Jaakonmeri()).FindSlots(request, TestTimes.Now, NoVehicles);

        search.Starts.Count.ShouldBe(31);
        search.Starts[^1].ShouldBe(TestTimes.Now.AddDays(30));
    }

    [Fact]
    public void ExistingBookingLookingForANewTime_DoesNotBlockItself()
    {
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 0, 4));

        var search = book.FindSlots(Search(1, 2, 30, 0, AtCentre(0, 60)) with { IgnoreBookingId = "b-1" }, TestTimes.Now, NoVehicles);

        search.Starts.ShouldBe(Minutes(60, 90));
    }

    [Fact]
    public void HighPriority_NormalBookingsNotYetActiveDoNotBlock()
    {
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), BookedAtCentre("b-1", 0, 4), BookedAtCentre("b-2", 3, 4, east: 200) with { State = BookingState.Active });

        var search = book.FindSlots(Search(1, 3, 30, 0, AtCentre(0, 60)) with { Priority = Priority.High }, TestTimes.Now, NoVehicles);

        // b-2 is active: it still blocks volumes reaching past 2:50.
        search.Starts.ShouldBe(Minutes(60, 90));
    }

    [Fact]
    public void ClosedHoursAndClosures_BlockLikeBookings()
    {
        var range = TestRanges.Wanshan() with { MaxConcurrentSessions = 0 };
        var closure = new Closure("c-1", range.Id, null, null, TestTimes.Hours(2, 3), "weather", [], 1);
        var book = new RangeBook(range, [closure], []);
        var volume = new RelativeVolume(Footprints.Square(Places.WanshanCentre, 100), new VerticalBand(0, 50), TimeSpan.Zero, TimeSpan.FromHours(1));
        // Wanshan is open Monday 00:00–10:00 UTC; the closure takes 2–3 h.
        var request = new SlotRequest("oceanalpha", [new Vehicle("usv-1", VehicleKind.Usv, "M80")], [volume], TestTimes.Hours(0, 24), 20,
            TimeSpan.FromHours(1), null, Priority.Normal);

        var search = book.FindSlots(request, TestTimes.Now, NoVehicles);

        search.Starts.ShouldBe(Minutes(0, 60, 180, 240, 300, 360, 420, 480, 540));
        // Fewer than 20 found: what blocks the rest of the window, after 09:00, is the night.
        search.Blocking.Select(c => c.Kind).ShouldBe([ConflictKind.OutsideHours]);
    }

    [Fact]
    public void VehicleKindNotAllowed_NoStartsAndBlockingSaysWhy()
    {
        var request = Search(0, 4, 30, 0, AtCentre(0, 60)) with { Vehicles = [new Vehicle("uav-1", VehicleKind.Uav, "X")] };

        var search = TestBookings.Book(TestRanges.Jaakonmeri()).FindSlots(request, TestTimes.Now, NoVehicles);

        search.Starts.ShouldBeEmpty();
        search.Blocking.ShouldHaveSingleItem().Kind.ShouldBe(ConflictKind.VehicleNotAllowed);
    }

    [Fact]
    public void CapacityReached_StartsOnlyWhereTheSessionFits()
    {
        var range = TestRanges.Jaakonmeri() with { MaxConcurrentSessions = 1 };
        var book = TestBookings.Book(range, BookedAtCentre("b-1", 1, 2, east: 5000));

        var search = book.FindSlots(Search(0, 3, 30, 0, AtCentre(0, 30), AtCentre(30, 30, east: -3000)), TestTimes.Now, NoVehicles);

        // The session lasts 60 min from its start: it must end by 1 h or start from 2 h.
        search.Starts.ShouldBe(Minutes(0, 120, 150));
    }

    [Fact]
    public void MalformedSearch_EveryFieldNamed()
    {
        var request = Search(2, 1, -5, -1, AtCentre(-10, 0));

        var error = Should.Throw<InvalidRequestException>(() => TestBookings.Book(TestRanges.Jaakonmeri()).FindSlots(request, TestTimes.Now, NoVehicles));

        error.Violations.Select(v => v.Field).ShouldBe(
            ["volumes[0].offset", "volumes[0].duration", "search_window", "max_results", "step"], ignoreOrder: true);
    }
}
