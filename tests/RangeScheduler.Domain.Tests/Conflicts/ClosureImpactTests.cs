using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>RangeBook.AffectedBy: the bookings a new closure overlaps, by the same rule that would refuse them.</summary>
public class ClosureImpactTests
{
    private static readonly GeoPoint Centre = Places.WanshanCentre;

    /// <summary>Wanshan holding: b-1 at the centre (1–2 h), b-2 3 km east (1–2 h), b-3 at the centre (5–6 h), b-4 a UAV at the centre 150–200 m up (1–2 h).</summary>
    private static RangeBook Book() => TestBookings.Wanshan(
        TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2)),
        TestBookings.Confirmed("b-2", Volumes.WanshanSquare(100, 1, 2, east: 3000)),
        TestBookings.Confirmed("b-3", Volumes.WanshanSquare(100, 5, 6)),
        TestBookings.Confirmed("b-4", Volumes.WanshanSquare(100, 1, 2, lowerMeters: 150, upperMeters: 200)) with
        {
            Vehicles = [new Vehicle("uav-9", VehicleKind.Uav, "X")],
        });

    private static Closure Closure(TimeWindow window, Footprint? footprint = null, VerticalBand? band = null, params VehicleKind[] kinds) =>
        new("c-1", "zhuhai-wanshan", footprint, band, window, "typhoon", kinds, 1);

    [Theory]
    [InlineData("whole range, 0–3 h", null, null, null, null, "b-1,b-2,b-4")]
    [InlineData("whole range, all day", null, null, null, null, "b-1,b-2,b-3,b-4", 0, 24)]
    [InlineData("1 km square at the centre", 1000.0, null, null, null, "b-1,b-4")]
    [InlineData("1 km square at the centre, below 100 m", 1000.0, -100.0, 100.0, null, "b-1")]
    [InlineData("whole range, UAVs only", null, null, null, VehicleKind.Uav, "b-4")]
    [InlineData("whole range, ending as they start", null, null, null, null, "", 0, 1)]
    public void Closure_AffectsTheBookingsItWouldHaveRefused(
        string scenario, double? side, double? lower, double? upper, VehicleKind? kind, string expected, double from = 0, double to = 3)
    {
        var closure = Closure(TestTimes.Hours(from, to),
            side is { } s ? Footprints.Square(Centre, s) : null,
            lower is { } l ? new VerticalBand(l, upper!.Value) : null,
            kind is { } k ? [k] : []);

        var affected = Book().AffectedBy(closure);

        string.Join(",", affected.Select(b => b.Id)).ShouldBe(expected, scenario);
    }

    [Fact]
    public void ClosureTouchingABooking_DoesNotAffectIt()
    {
        var closure = Closure(TestTimes.Hours(0, 3), Footprints.Square(Centre, 100, east: 100));

        TestBookings.Wanshan(TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2))).AffectedBy(closure).ShouldBeEmpty();
    }

    [Fact]
    public void ClosureNotYetPut_DoesNotChangeChecks()
    {
        var book = Book();

        book.AffectedBy(Closure(TestTimes.Hours(0, 3)));

        book.Closures.ShouldBeEmpty();
    }
}
