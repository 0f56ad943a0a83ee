using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>RangeBook.BrokenBy: the bookings a new range definition puts in conflict (UpsertRange's affected_booking_ids).</summary>
public class DefinitionImpactTests
{
    /// <summary>Wanshan holding b-1 at the centre and b-2 400 m east of it (100 m clear of 300 m), both 1–2 h, 0–100 m.</summary>
    private static RangeBook Book() => TestBookings.Wanshan(
        TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)),
        TestBookings.Confirmed("b-2", Volumes.WanshanSquare(100, 1, 2, east: 400)));

    [Fact]
    public void SameDefinition_BreaksNothing()
    {
        Book().BrokenBy(TestRanges.Wanshan()).ShouldBeEmpty();
    }

    [Fact]
    public void WiderSeparation_BreaksBothBookingsNowTooClose()
    {
        var wider = TestRanges.Wanshan() with { Separation = new Separation(400, 30, TimeSpan.FromMinutes(5)) };

        Book().BrokenBy(wider).Select(b => b.Id).ShouldBe(["b-1", "b-2"]);
    }

    [Fact]
    public void LowerVerticalLimit_BreaksBookingsReachingAboveIt()
    {
        var lower = TestRanges.Wanshan() with { VerticalLimits = new VerticalBand(-100, 50) };

        Book().BrokenBy(lower).Select(b => b.Id).ShouldBe(["b-1", "b-2"]);
    }

    [Fact]
    public void NewExclusionZone_BreaksTheBookingInside()
    {
        var zone = new Zone("new-exclusion", "New exclusion", ZoneKind.Exclusion, Footprints.Square(Places.WanshanCentre, 200),
            new VerticalBand(-100, 300), [], []);
        var changed = TestRanges.Wanshan() with { Zones = [.. TestRanges.Wanshan().Zones, zone] };

        Book().BrokenBy(changed).Select(b => b.Id).ShouldBe(["b-1"]);
    }

    [Fact]
    public void ShorterHours_BreakBookingsOutsideThem()
    {
        var shorter = TestRanges.Wanshan() with { OperatingHours = [new WeeklyWindow(1, 10 * 60, 18 * 60)] };

        Book().BrokenBy(shorter).Select(b => b.Id).ShouldBe(["b-1", "b-2"]);
    }

    [Fact]
    public void SessionLimitOfOne_BreaksBothConcurrentSessions()
    {
        Book().BrokenBy(TestRanges.Wanshan() with { MaxConcurrentSessions = 1 }).Select(b => b.Id).ShouldBe(["b-1", "b-2"]);
    }

    [Fact]
    public void VesselsOnly_BreaksTheUavBooking()
    {
        var book = TestBookings.Wanshan(TestBookings.Confirmed("b-uav", Volumes.WanshanSquare(100, 1, 2)) with
        {
            Vehicles = [new Vehicle("uav-9", VehicleKind.Uav, "X")],
        });

        book.BrokenBy(TestRanges.Wanshan() with { AllowedVehicleKinds = [VehicleKind.Usv] }).Select(b => b.Id).ShouldBe(["b-uav"]);
    }

    [Fact]
    public void ConflictThatAlreadyExisted_NotBlamedOnTheNewDefinition()
    {
        // b-1 and b-3 overlap already (a HIGH booking kept b-3 in place, say); renaming the range breaks nothing.
        var book = TestBookings.Wanshan(
            TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)),
            TestBookings.Confirmed("b-3", Volumes.WanshanSquare(100, 1, 2, east: 50)));

        book.BrokenBy(TestRanges.Wanshan() with { Name = "Wanshan (renamed)" }).ShouldBeEmpty();
    }
}
