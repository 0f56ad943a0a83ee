using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>Every reason at once, in a stable order; pre-emption by HIGH priority; validation before detection.</summary>
public class ConflictDetectorTests
{
    private static readonly VehicleCalendar NoVehicles = new();

    [Fact]
    public void RequestWrongInEveryWay_EveryConflictReportedTogetherInKindOrder()
    {
        // Jaakonmeri allows USV and UUV only; its limits are -60 m to 0 m; the range here opens
        // daily at 08:00 Helsinki time, is closed from 1 h to 3 h after now, and holds b-1 where the request goes.
        var range = TestRanges.Jaakonmeri() with
        {
            OperatingHours = Enumerable.Range(1, 7).Select(d => new WeeklyWindow(d, 8 * 60, 18 * 60)).ToList(),
            MaxConcurrentSessions = 1,
        };
        var closure = new Closure("c-1", range.Id, null, null, TestTimes.Hours(1, 3), "ice", [], 1);
        var other = TestBookings.Confirmed("b-1", Volumes.Of(Footprints.Square(Places.JaakonmeriCentre, 100), TestTimes.Hours(1, 2), -10, 0));
        var calendar = new VehicleCalendar();
        calendar.Put(TestBookings.Confirmed("w-1", Volumes.WanshanSquare(100, 1, 2)) with
        {
            OrganizationId = "oceanalpha",
            Vehicles = [new Vehicle("usv-1", VehicleKind.Usv, "M80")],
        });
        var request = new BookingRequestBuilder()
            .WithVehicle("usv-1")
            .WithVehicle("uav-1", VehicleKind.Uav)
            .WithVolume(Volumes.Of(Footprints.Square(Places.JaakonmeriCentre, 100), TestTimes.Hours(1, 2), -10, 5))
            .Build();
        var book = new RangeBook(range, [closure], [other]);

        var conflicts = book.Check(request, TestTimes.Now, calendar).Conflicts;

        conflicts.Select(c => c.Kind).ShouldBe(
        [
            ConflictKind.Booking, ConflictKind.Closure, ConflictKind.OutsideRange, ConflictKind.OutsideHours,
            ConflictKind.Capacity, ConflictKind.VehicleNotAllowed, ConflictKind.VehicleDoubleBooked,
        ]);
    }

    [Fact]
    public void TwoVolumesEachInTheWay_OneConflictPerVolumeOrderedByVolume()
    {
        var book = TestBookings.Wanshan(
            TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)),
            TestBookings.Confirmed("b-2", Volumes.WanshanSquare(100, 3, 4, east: 3000)));
        var request = BookingFinderTests.Request(Volumes.WanshanSquare(100, 3, 4, east: 3000), Volumes.WanshanSquare(100, 1, 2));

        var conflicts = book.Check(request, TestTimes.Now, NoVehicles).Conflicts;

        conflicts.Select(c => (c.VolumeIndex, c.OtherId)).ShouldBe([(0, "b-2"), (1, "b-1")]);
    }

    [Theory]
    [InlineData("NORMAL, CONFIRMED", Priority.Normal, BookingState.Confirmed, true)]
    [InlineData("NORMAL, PENDING_APPROVAL", Priority.Normal, BookingState.PendingApproval, true)]
    [InlineData("NORMAL, ACTIVE", Priority.Normal, BookingState.Active, false)]
    [InlineData("HIGH, CONFIRMED", Priority.High, BookingState.Confirmed, false)]
    public void HighPriorityRequest_PreemptsNormalBookingsNotYetActive(string scenario, Priority priority, BookingState state, bool preempted)
    {
        var other = TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)) with { Priority = priority, State = state };
        var request = new BookingRequestBuilder().WithVolume(Volumes.WanshanSquare(100, 1, 2)).WithPriority(Priority.High).Build();

        var outcome = TestBookings.Wanshan(other).Check(request, TestTimes.Now, NoVehicles);

        outcome.Preempted.Count.ShouldBe(preempted ? 1 : 0, scenario);
        outcome.Conflicts.Count.ShouldBe(preempted ? 0 : 1, scenario);
    }

    [Fact]
    public void HighPriorityRequestMeetingABookingTwice_PreemptsItOnce()
    {
        var other = TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2), Volumes.WanshanSquare(100, 2, 3));
        var request = new BookingRequestBuilder()
            .WithVolume(Volumes.WanshanSquare(100, 1, 2))
            .WithVolume(Volumes.WanshanSquare(100, 2, 3, east: 50))
            .WithPriority(Priority.High)
            .Build();

        var outcome = TestBookings.Wanshan(other).Check(request, TestTimes.Now, NoVehicles);

        outcome.Preempted.ShouldBe(["b-1"]);
        outcome.Conflicts.ShouldBeEmpty();
        outcome.IsFree.ShouldBeTrue();
    }

    [Fact]
    public void NormalPriorityRequest_NeverPreempts()
    {
        var request = BookingFinderTests.Request(Volumes.WanshanSquare(100, 1, 2));

        var outcome = TestBookings.Wanshan(TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2))).Check(request, TestTimes.Now, NoVehicles);

        outcome.Preempted.ShouldBeEmpty();
        outcome.Conflicts.ShouldHaveSingleItem().Kind.ShouldBe(ConflictKind.Booking);
    }

    [Fact]
    public void MalformedRequest_InvalidBeforeAnyConflictIsLookedFor()
    {
        var request = new BookingRequestBuilder()
            .WithVolume(Volumes.WanshanSquare(100, 2, 1))
            .WithVolume(Volumes.WanshanSquare(100, 1, 2, lowerMeters: 50, upperMeters: 10))
            .Build();

        var error = Should.Throw<InvalidRequestException>(() => TestBookings.Wanshan().Check(request, TestTimes.Now, NoVehicles));

        error.Violations.Select(v => v.Field).ShouldBe(["volumes[0].window", "volumes[1].vertical"], ignoreOrder: true);
    }

    [Fact]
    public void FreeRequest_NoConflictsNothingPreempted()
    {
        var outcome = TestBookings.Wanshan().Check(BookingFinderTests.Request(Volumes.WanshanSquare(100, 1, 2)), TestTimes.Now, NoVehicles);

        outcome.IsFree.ShouldBeTrue();
        outcome.Preempted.ShouldBeEmpty();
    }
}
