using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>KIND_VEHICLE_DOUBLE_BOOKED: the same organisation's vehicle booked elsewhere, any range, overlapping in time, not widened.</summary>
public class VehicleFinderTests
{
    /// <summary>oceanalpha's usv-1 booked on Wanshan from 1 h to 2 h.</summary>
    private static VehicleCalendar CalendarWithUsv1OnWanshan(BookingState state = BookingState.Confirmed)
    {
        var calendar = new VehicleCalendar();
        calendar.Put(TestBookings.Confirmed("w-1", Volumes.WanshanSquare(100, 1, 2)) with
        {
            OrganizationId = "oceanalpha",
            Vehicles = [new Vehicle("usv-1", VehicleKind.Usv, "M80")],
            State = state,
        });
        return calendar;
    }

    [Theory]
    [InlineData("overlapping", "oceanalpha", "usv-1", 1.5, 3, true)]
    [InlineData("another vehicle", "oceanalpha", "usv-2", 1.5, 3, false)]
    [InlineData("another organisation's vehicle of the same id", "rivalco", "usv-1", 1.5, 3, false)]
    [InlineData("starting as the other ends", "oceanalpha", "usv-1", 2, 3, false)]
    [InlineData("starting 1 s before the other ends", "oceanalpha", "usv-1", 2 - 1 / 3600.0, 3, true)]
    public void VehicleBookedOnAnotherRange_DoubleBookedOnlyWhenTheSameVehicleOverlaps(
        string scenario, string organization, string vehicle, double from, double to, bool conflicts)
    {
        var request = new BookingRequestBuilder()
            .ForOrganization(organization)
            .WithVehicle(vehicle)
            .WithVolume(Volumes.Of(Footprints.Square(Places.JaakonmeriCentre, 100), TestTimes.Hours(from, to), -10, 0))
            .Build();

        var found = TestBookings.Book(TestRanges.Jaakonmeri()).Check(request, TestTimes.Now, CalendarWithUsv1OnWanshan()).Conflicts;

        found.Any(c => c.Kind == ConflictKind.VehicleDoubleBooked).ShouldBe(conflicts, scenario);
    }

    [Fact]
    public void DoubleBooked_NamesTheVehicleBookingAndOverlap()
    {
        var request = new BookingRequestBuilder()
            .WithVolume(Volumes.Of(Footprints.Square(Places.JaakonmeriCentre, 100), TestTimes.Hours(1.5, 3), -10, 0))
            .Build();

        var conflict = TestBookings.Book(TestRanges.Jaakonmeri()).Check(request, TestTimes.Now, CalendarWithUsv1OnWanshan())
            .Conflicts.ShouldHaveSingleItem();

        conflict.Kind.ShouldBe(ConflictKind.VehicleDoubleBooked);
        conflict.VehicleId.ShouldBe("usv-1");
        conflict.OtherId.ShouldBe("w-1");
        conflict.VolumeIndex.ShouldBe(0);
        conflict.Overlap.ShouldBe(TestTimes.Hours(1.5, 2));
    }

    [Theory]
    [InlineData(BookingState.Cancelled)]
    [InlineData(BookingState.Completed)]
    public void OtherBookingNoLongerHoldingSpace_NotDoubleBooked(BookingState state)
    {
        var request = new BookingRequestBuilder().WithVolume(Volumes.WanshanSquare(100, 1, 2, east: 5000)).Build();

        TestBookings.Wanshan().Check(request, TestTimes.Now, CalendarWithUsv1OnWanshan(state)).Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void UpdateMovingTheBookingItself_NotDoubleBooked()
    {
        var request = new BookingRequestBuilder().WithVolume(Volumes.WanshanSquare(100, 1.5, 2.5, east: 5000)).Ignoring("w-1").Build();

        TestBookings.Wanshan().Check(request, TestTimes.Now, CalendarWithUsv1OnWanshan()).Conflicts.ShouldBeEmpty();
    }
}
