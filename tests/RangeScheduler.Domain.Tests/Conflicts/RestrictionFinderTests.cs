using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>KIND_CLOSURE (no separation; whole range; all heights; vehicle kinds) and KIND_EXCLUSION_ZONE (no time; active hours; vehicle kinds).</summary>
public class RestrictionFinderTests
{
    private static readonly VehicleCalendar NoVehicles = new();
    private static readonly GeoPoint Centre = Places.WanshanCentre;

    [Theory]
    [InlineData("whole range, all heights, during the request", null, null, null, 0, 3, true)]
    [InlineData("whole range, ending as the request starts", null, null, null, 0, 1, false)]
    [InlineData("whole range, starting as the request ends", null, null, null, 2, 3, false)]
    [InlineData("whole range, starting 1 s before the request ends", null, null, null, 2 - 1 / 3600.0, 3, true)]
    [InlineData("its area overlaps the request", 50.0, null, null, 0, 3, true)]
    [InlineData("its area touches the request", 100.0, null, null, 0, 3, false)]
    [InlineData("its area 1 cm away: no separation applies", 100.01, null, null, 0, 3, false)]
    [InlineData("above the request's band", null, 100.0, 300.0, 0, 3, false)]
    [InlineData("band overlapping the request's by 1 cm", null, 99.99, 300.0, 0, 3, true)]
    public void Closure_OverlapInTimeHeightAndArea(string scenario, double? east, double? lower, double? upper, double from, double to, bool conflicts)
    {
        var closure = Closure("c-1", TestTimes.Hours(from, to),
            east is { } offset ? Footprints.Square(Centre, 100, offset) : null,
            lower is { } l ? new VerticalBand(l, upper!.Value) : null);
        var book = new RangeBook(TestRanges.Wanshan(), [closure], []);

        var found = book.Check(Request(VehicleKind.Usv), TestTimes.Now, NoVehicles).Conflicts;

        found.Any(c => c.Kind == ConflictKind.Closure).ShouldBe(conflicts, scenario);
    }

    [Theory]
    [InlineData(VehicleKind.Usv, new VehicleKind[0], true)]
    [InlineData(VehicleKind.Usv, new[] { VehicleKind.Uav }, false)]
    [InlineData(VehicleKind.Uav, new[] { VehicleKind.Uav }, true)]
    [InlineData(VehicleKind.Uuv, new[] { VehicleKind.Usv, VehicleKind.Uuv }, true)]
    public void ClosureForSomeVehicleKinds_ConcernsOnlyThoseKinds(VehicleKind requested, VehicleKind[] closureKinds, bool conflicts)
    {
        var closure = Closure("c-1", TestTimes.Hours(0, 3)) with { VehicleKinds = closureKinds };
        var book = new RangeBook(TestRanges.Wanshan(), [closure], []);

        var found = book.Check(Request(requested), TestTimes.Now, NoVehicles).Conflicts;

        found.Any(c => c.Kind == ConflictKind.Closure).ShouldBe(conflicts);
    }

    [Fact]
    public void ClosureDuringPartOfTheRequest_ReportsTheOverlapAndReason()
    {
        var book = new RangeBook(TestRanges.Wanshan(), [Closure("c-1", TestTimes.Hours(1.5, 4))], []);

        var conflict = book.Check(Request(VehicleKind.Usv), TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem();

        conflict.Kind.ShouldBe(ConflictKind.Closure);
        conflict.OtherId.ShouldBe("c-1");
        conflict.VolumeIndex.ShouldBe(0);
        conflict.Overlap.ShouldBe(TestTimes.Hours(1.5, 2));
        conflict.Message.ShouldContain("maintenance");
    }

    [Theory]
    // Wanshan's aquaculture exclusion zone spans 21.80–21.83 N, 113.70–113.74 E; a 200 m square's
    // west edge is placed this far east of the zone's east edge, on Sunday when the range is closed.
    [InlineData("inside the zone", -3000.0, false)]
    [InlineData("overlapping the zone's east edge by 1 cm", -0.01, false)]
    [InlineData("touching the zone's east edge", 0.0, true)]
    [InlineData("1 cm east of the zone", 0.01, true)]
    public void ExclusionZone_ConflictsWhenEnteredWhateverTheTime(string scenario, double eastOfEdge, bool free)
    {
        var book = TestBookings.Wanshan();
        var eastEdge = book.Plane.Projection.Project(new GeoPoint(21.815, 113.74));
        var nextCorner = book.Plane.Projection.Project(new GeoPoint(21.83, 113.74));
        // The zone's east edge is straight on the plane but not quite north-south; keep the square's west edge along it.
        var slope = (nextCorner.X - eastEdge.X) / (nextCorner.Y - eastEdge.Y);
        (double, double) At(double east, double north) => (eastEdge.X + eastOfEdge + east + north * slope, eastEdge.Y + north);
        var square = Footprints.Polygon(Centre, At(0, -100), At(200, -100), At(200, 100), At(0, 100));
        var request = new BookingRequestBuilder().WithVolume(square, TestTimes.Hours(6 * 24 + 1, 6 * 24 + 2)).Build();

        var found = book.Check(request, TestTimes.Now, NoVehicles).Conflicts;

        found.Any(c => c.Kind == ConflictKind.ExclusionZone).ShouldBe(!free, scenario);
        if (!free)
        {
            var conflict = found.Single(c => c.Kind == ConflictKind.ExclusionZone);
            conflict.OtherId.ShouldBe("aquaculture-exclusion");
            conflict.Overlap.ShouldBe(request.Volumes[0].Window);
        }
    }

    [Theory]
    // The zone is active Mondays 10:00-12:00 Asia/Shanghai = 02:00-04:00 UTC; now is Monday 00:00 UTC.
    [InlineData("during the active hours", 1, 3, 2, 3)]
    [InlineData("before they start", 0, 2, null, null)]
    [InlineData("after they end", 4, 5, null, null)]
    [InlineData("spanning them", 1, 5, 2, 4)]
    public void ExclusionZoneWithActiveHours_ConflictsOnlyWhileInForce(string scenario, double from, double to, int? activeFrom, int? activeTo)
    {
        var range = WanshanWithZone(new WeeklyWindow(1, 10 * 60, 12 * 60));
        var request = new BookingRequestBuilder().WithVolume(Footprints.Square(Centre, 100), TestTimes.Hours(from, to)).Build();

        var found = TestBookings.Book(range).Check(request, TestTimes.Now, NoVehicles).Conflicts
            .Where(c => c.Kind == ConflictKind.ExclusionZone).ToList();

        if (activeFrom is null)
        {
            found.ShouldBeEmpty(scenario);
            return;
        }
        found.ShouldHaveSingleItem(scenario).Overlap.ShouldBe(TestTimes.Hours(activeFrom.Value, activeTo!.Value));
    }

    [Fact]
    public void ExclusionZoneActiveOnTwoDays_OneConflictSpanningBoth()
    {
        var range = WanshanWithZone(new WeeklyWindow(1, 10 * 60, 12 * 60), new WeeklyWindow(2, 10 * 60, 12 * 60));
        var request = new BookingRequestBuilder().WithVolume(Footprints.Square(Centre, 100), TestTimes.Hours(0, 30)).Build();

        var conflict = TestBookings.Book(range).Check(request, TestTimes.Now, NoVehicles).Conflicts
            .Where(c => c.Kind == ConflictKind.ExclusionZone).ShouldHaveSingleItem();

        conflict.Overlap.ShouldBe(TestTimes.Hours(2, 28));
    }

    [Theory]
    [InlineData(VehicleKind.Usv, false)]
    [InlineData(VehicleKind.Uav, true)]
    public void ExclusionZoneForUavs_DoesNotConcernVessels(VehicleKind kind, bool conflicts)
    {
        var range = WanshanWithZone();
        range = range with { Zones = [range.Zones[0] with { VehicleKinds = [VehicleKind.Uav] }] };

        var found = TestBookings.Book(range).Check(Request(kind), TestTimes.Now, NoVehicles).Conflicts;

        found.Any(c => c.Kind == ConflictKind.ExclusionZone).ShouldBe(conflicts);
    }

    [Fact]
    public void ExclusionZoneAboveTheBand_NoConflict()
    {
        var range = WanshanWithZone();
        range = range with { Zones = [range.Zones[0] with { Vertical = new VerticalBand(100, 300) }] };

        TestBookings.Book(range).Check(Request(VehicleKind.Usv), TestTimes.Now, NoVehicles).Conflicts.ShouldBeEmpty();
    }

    /// <summary>Wanshan with one more exclusion zone: a 1 km square around the centre.</summary>
    private static TestRange WanshanWithZone(params WeeklyWindow[] activeHours)
    {
        var zone = new Zone("trial-exclusion", "Trial exclusion", ZoneKind.Exclusion, Footprints.Square(Centre, 1000),
            new VerticalBand(-100, 300), activeHours, []);
        return TestRanges.Wanshan() with { Zones = [zone] };
    }

    private static Closure Closure(string id, TimeWindow window, Footprint? footprint = null, VerticalBand? band = null) =>
        new(id, "zhuhai-wanshan", footprint, band, window, "maintenance of the shore base", [], 1);

    /// <summary>A 100 m square at the centre, 0–100 m, 1–2 h after now, flown or sailed by one vehicle of <paramref name="kind"/>.</summary>
    private static BookingRequest Request(VehicleKind kind) =>
        new BookingRequestBuilder().WithVehicle("v-1", kind).WithVolume(Footprints.Square(Centre, 100), TestTimes.Hours(1, 2)).Build();
}
