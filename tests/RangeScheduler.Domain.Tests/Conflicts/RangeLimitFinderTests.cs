using NetTopologySuite.Geometries;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>KIND_OUTSIDE_RANGE, KIND_OUTSIDE_HOURS and KIND_VEHICLE_NOT_ALLOWED.</summary>
public class RangeLimitFinderTests
{
    private static readonly VehicleCalendar NoVehicles = new();

    [Theory]
    // Wanshan's south-west corner, as metre offsets on its plane; squares of 500 m placed against it.
    [InlineData("touching the boundary from inside", 0, 0, false)]
    [InlineData("1 cm inside", 0.01, 0.01, false)]
    [InlineData("1 cm outside to the west", -0.01, 0, true)]
    [InlineData("1 cm outside to the south", 0, -0.01, true)]
    [InlineData("half outside", -250, 0, true)]
    public void SquareAgainstTheBoundaryCorner_OutsideOnlyWhenItLeaves(string scenario, double east, double north, bool outside)
    {
        var book = TestBookings.Wanshan();
        // The boundary's edges are straight on the plane between its projected corners, and not
        // quite at right angles there: build the "square" along both edges from the corner.
        var corner = book.Plane.Projection.Project(new GeoPoint(21.675, 113.625));
        var (ux, uy) = UnitTowards(corner, book.Plane.Projection.Project(new GeoPoint(21.675, 113.925)));
        var (vx, vy) = UnitTowards(corner, book.Plane.Projection.Project(new GeoPoint(21.911, 113.625)));
        (double, double) At(double a, double b) =>
            (corner.X + (east + a) * ux + (north + b) * vx, corner.Y + (east + a) * uy + (north + b) * vy);
        var square = Footprints.Polygon(Places.WanshanCentre, At(0, 0), At(500, 0), At(500, 500), At(0, 500));

        var conflicts = book.Check(Request(square, new VerticalBand(0, 100)), TestTimes.Now, NoVehicles).Conflicts;

        conflicts.Any(c => c.Kind == ConflictKind.OutsideRange).ShouldBe(outside, scenario);
    }

    [Theory]
    // Wanshan's vertical limits are -100 m to 300 m.
    [InlineData("at the limits", -100, 300, false)]
    [InlineData("1 cm above", 250, 300.01, true)]
    [InlineData("1 cm below", -100.01, 0, true)]
    [InlineData("entirely above", 400, 500, true)]
    public void BandAgainstTheVerticalLimits_OutsideOnlyWhenItLeaves(string scenario, double lower, double upper, bool outside)
    {
        var request = Request(Footprints.Square(Places.WanshanCentre, 100), new VerticalBand(lower, upper));

        var conflicts = TestBookings.Wanshan().Check(request, TestTimes.Now, NoVehicles).Conflicts;

        conflicts.Any(c => c.Kind == ConflictKind.OutsideRange).ShouldBe(outside, scenario);
    }

    [Fact]
    public void FootprintAndBandBothOutside_OneConflictNamingBoth()
    {
        var request = Request(Footprints.Square(Places.WanshanCentre, 100, north: 30_000), new VerticalBand(0, 400));

        var conflict = TestBookings.Wanshan().Check(request, TestTimes.Now, NoVehicles).Conflicts
            .Where(c => c.Kind == ConflictKind.OutsideRange).ShouldHaveSingleItem();

        conflict.VolumeIndex.ShouldBe(0);
        conflict.Message.ShouldContain("boundary");
        conflict.Message.ShouldContain("vertical limits");
        conflict.Overlap.ShouldBe(TestTimes.Hours(1, 2));
    }

    [Theory]
    // Wanshan: Mon-Sat 08:00-18:00 Asia/Shanghai (UTC+8), i.e. 00:00-10:00 UTC; now is Monday 00:00 UTC.
    [InlineData("within the day's hours", 1, 3, null, null)]
    [InlineData("running past closing", 9, 11, 10, 11)]
    [InlineData("starting at closing", 10, 11, 10, 11)]
    [InlineData("ending at closing", 9, 10, null, null)]
    [InlineData("on Sunday", 6 * 24 + 1, 6 * 24 + 3, 6 * 24 + 1, 6 * 24 + 3)]
    [InlineData("overnight, closed between days", 9, 25, 10, 24)]
    public void WanshanOperatingHours_ClosedPartReported(string scenario, double from, double to, int? closedFrom, int? closedTo)
    {
        var request = Request(Footprints.Square(Places.WanshanCentre, 100), new VerticalBand(0, 100), TestTimes.Hours(from, to));

        var conflicts = TestBookings.Wanshan().Check(request, TestTimes.Now, NoVehicles).Conflicts.Where(c => c.Kind == ConflictKind.OutsideHours).ToList();

        if (closedFrom is null)
        {
            conflicts.ShouldBeEmpty(scenario);
            return;
        }
        conflicts.ShouldHaveSingleItem(scenario).Overlap.ShouldBe(TestTimes.Hours(closedFrom.Value, closedTo!.Value), scenario);
    }

    [Theory]
    // Jaakonmeri given daily hours 08:00-18:00 Europe/Helsinki. Clocks go forward on Sunday 29 March
    // 2026 at 03:00 local (UTC+2 to UTC+3): 08:00 local is 06:00 UTC on the 28th and 05:00 UTC on the 29th.
    [InlineData("Saturday 05:30-06:30 UTC, before 08:00 EET", 28, true)]
    [InlineData("Sunday 05:30-06:30 UTC, after 08:00 EEST", 29, false)]
    public void OperatingHoursAcrossTheDaylightSavingChange_FollowLocalTime(string scenario, int day, bool outside)
    {
        var range = TestRanges.Jaakonmeri() with
        {
            OperatingHours = Enumerable.Range(1, 7).Select(d => new WeeklyWindow(d, 8 * 60, 18 * 60)).ToList(),
        };
        var window = new TimeWindow(TestTimes.Utc(2026, 3, day, 5, 30), TestTimes.Utc(2026, 3, day, 6, 30));
        var request = Request(Footprints.Square(Places.JaakonmeriCentre, 100), new VerticalBand(-10, 0), window);

        var conflicts = TestBookings.Book(range).Check(request, TestTimes.Now, NoVehicles).Conflicts;

        conflicts.Any(c => c.Kind == ConflictKind.OutsideHours).ShouldBe(outside, scenario);
        if (outside)
        {
            conflicts.Single(c => c.Kind == ConflictKind.OutsideHours).Overlap
                .ShouldBe(new TimeWindow(TestTimes.Utc(2026, 3, day, 5, 30), TestTimes.Utc(2026, 3, day, 6, 0)));
        }
    }

    [Fact]
    public void UavOnASeaOnlyRange_VehicleNotAllowedForThatVehicleOnly()
    {
        var request = new BookingRequestBuilder()
            .WithVehicle("usv-1", VehicleKind.Usv)
            .WithVehicle("uav-1", VehicleKind.Uav)
            .WithVolume(Footprints.Square(Places.JaakonmeriCentre, 100), TestTimes.Hours(1, 2), -10, 0)
            .Build();

        var conflict = TestBookings.Book(TestRanges.Jaakonmeri()).Check(request, TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem();

        conflict.Kind.ShouldBe(ConflictKind.VehicleNotAllowed);
        conflict.VehicleId.ShouldBe("uav-1");
        conflict.VolumeIndex.ShouldBeNull();
        conflict.Message.ShouldContain("UAV");
    }

    [Fact]
    public void RangeAllowingEveryKind_NoVehicleConflict()
    {
        var request = new BookingRequestBuilder().WithVehicle("uav-1", VehicleKind.Uav).WithVolume(Volumes.WanshanSquare(100, 1, 2)).Build();

        TestBookings.Wanshan().Check(request, TestTimes.Now, NoVehicles).Conflicts.ShouldBeEmpty();
    }

    private static (double X, double Y) UnitTowards(Coordinate from, Coordinate to)
    {
        var length = from.Distance(to);
        return ((to.X - from.X) / length, (to.Y - from.Y) / length);
    }

    private static BookingRequest Request(Footprint footprint, VerticalBand band, TimeWindow? window = null) =>
        new BookingRequestBuilder().WithVolume(footprint, window ?? TestTimes.Hours(1, 2), band.LowerMeters, band.UpperMeters).Build();
}
