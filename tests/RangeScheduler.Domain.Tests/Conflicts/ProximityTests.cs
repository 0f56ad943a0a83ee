using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>
/// Distances between shapes (circles, polygons, corridors, holes) in metres on the range's
/// plane, including where degrees are far from square (60° N) and across the antimeridian,
/// and the vertical rule for bands, flat ones included.
/// </summary>
public class ProximityTests
{
    private static readonly VehicleCalendar NoVehicles = new();
    private static readonly GeoPoint Centre = Places.WanshanCentre;

    [Theory]
    [InlineData("bands overlapping", 0, 100, 50, 150, 0, true)]
    [InlineData("bands touching", 0, 100, 100, 150, 0, false)]
    [InlineData("bands 1 cm apart", 0, 100, 100.01, 150, 0, false)]
    [InlineData("bands overlapping by 1 cm", 0, 100, 99.99, 150, 0, true)]
    [InlineData("one band inside the other", 0, 100, 40, 60, 0, true)]
    [InlineData("two flat bands at the surface", 0, 0, 0, 0, 0, true)]
    [InlineData("flat bands 1 cm apart", 0, 0, 0.01, 0.01, 0, false)]
    [InlineData("flat band inside a band", -10, 10, 0, 0, 0, true)]
    [InlineData("flat band on the top of a band", -10, 0, 0, 0, 0, false)]
    [InlineData("flat band 1 cm inside a band's top", -10, 0, -0.01, -0.01, 0, true)]
    [InlineData("flat bands exactly 30 m apart", 0, 0, 30, 30, 30, false)]
    [InlineData("flat bands 1 cm closer than 30 m", 0, 0, 29.99, 29.99, 30, true)]
    [InlineData("band and unlimited band", 0, 100, double.NegativeInfinity, double.PositiveInfinity, 0, true)]
    public void BandsConflict_TableOfCases(string scenario, double lowerA, double upperA, double lowerB, double upperB, double required, bool conflicts)
    {
        var a = new VerticalBand(lowerA, upperA);
        var b = new VerticalBand(lowerB, upperB);

        Proximity.BandsConflict(a, b, required).ShouldBe(conflicts, scenario);
        Proximity.BandsConflict(b, a, required).ShouldBe(conflicts, scenario + " (swapped)");
    }

    [Theory]
    // A 100 m circle at the centre; a 100 m square whose west edge is (east − 50) m east of it.
    [InlineData("exactly 300 m from the circle", 450, false)]
    [InlineData("1 cm closer", 449.99, true)]
    [InlineData("1 cm further", 450.01, false)]
    public void CircleAndSquare_DistanceFromTheCircleEdge(string scenario, double east, bool conflicts)
    {
        var book = TestBookings.Wanshan(Booked(Footprints.Circle(Centre, 100)));

        Conflicts(book, Footprints.Square(Centre, 100, east)).ShouldBe(conflicts, scenario);
    }

    [Theory]
    // A corridor 100 m wide along 1 km west to east; a 100 m square whose south edge is (north − 50) m north of the path.
    [InlineData("exactly 300 m from the corridor's side", 400, false)]
    [InlineData("1 cm closer", 399.99, true)]
    [InlineData("beyond the round end, exactly 300 m", 0, false, 900)]
    [InlineData("beyond the round end, 1 cm closer", 0, true, 899.99)]
    public void CorridorAndSquare_DistanceFromSideAndRoundEnd(string scenario, double north, bool conflicts, double east = 0)
    {
        var corridor = Footprints.Corridor(Centre, 50, (-500, 0), (500, 0));
        var book = TestBookings.Wanshan(Booked(corridor));

        Conflicts(book, Footprints.Square(Centre, 100, east, north)).ShouldBe(conflicts, scenario);
    }

    [Theory]
    // Two 100 m squares at the centre, the request's (east − 100) m east of the booked one; 300 m separation.
    [InlineData("exactly 300 m apart", 400, null)]
    [InlineData("1 cm closer", 399.99, 299.99)]
    [InlineData("1 cm further", 400.01, null)]
    [InlineData("overlapping", 50, 0.0)]
    [InlineData("the same square", 0, 0.0)]
    public void TwoSquares_GapReportedToTheCentimetre(string scenario, double east, double? gap)
    {
        var book = TestBookings.Wanshan(Booked(Footprints.Square(Centre, 100)));

        var found = book.Check(new BookingRequestBuilder().WithVolume(Footprints.Square(Centre, 100, east), TestTimes.Hours(1, 2)).Build(), TestTimes.Now, NoVehicles)
            .Conflicts.SingleOrDefault(c => c.Kind == ConflictKind.Booking);

        (found is not null).ShouldBe(gap is not null, scenario);
        found?.HorizontalGapMeters.ShouldBe(gap!.Value, 0.001, scenario);
    }

    [Fact]
    public void SquareInsideALargerOne_GapIsZero()
    {
        var book = TestBookings.Wanshan(Booked(Footprints.Square(Centre, 2000)));

        var found = book.Check(new BookingRequestBuilder().WithVolume(Footprints.Square(Centre, 100, 300, -200), TestTimes.Hours(1, 2)).Build(), TestTimes.Now, NoVehicles)
            .Conflicts.Single(c => c.Kind == ConflictKind.Booking);

        found.HorizontalGapMeters.ShouldBe(0);
        found.Message.ShouldContain("comes within 0 m horizontally");
    }

    [Theory]
    [InlineData("circles overlapping by 1 cm", 199.99, true)]
    [InlineData("circles touching", 200, false)]
    [InlineData("circles 1 cm apart", 200.01, false)]
    public void TwoCircles_NoSeparation(string scenario, double east, bool conflicts)
    {
        var book = TestBookings.WanshanWithoutSeparation(Booked(Footprints.Circle(Centre, 100)));

        Conflicts(book, Footprints.Circle(Centre, 100, east)).ShouldBe(conflicts, scenario);
    }

    [Theory]
    // A 2 km square with a 1 km hole, both centred; the request is a square of the given side in the middle.
    [InlineData("small square in the hole, no separation", 200, 0, false)]
    [InlineData("square filling the hole exactly", 1000, 0, false)]
    [InlineData("square 1 cm larger than the hole", 1000.02, 0, true)]
    [InlineData("square 450 m from the hole's edge, 300 m separation", 100, 300, false)]
    [InlineData("square 250 m from the hole's edge, 300 m separation", 500, 300, true)]
    public void VolumeInsideAHole_ConflictsOnlyWhenCloserThanTheSeparationToTheHolesEdge(string scenario, double side, double separation, bool conflicts)
    {
        var ring = Footprints.PolygonWithHoles(Centre,
            [(-1000, -1000), (1000, -1000), (1000, 1000), (-1000, 1000)],
            [(-500, -500), (500, -500), (500, 500), (-500, 500)]);
        var range = TestRanges.Wanshan() with { Separation = new Separation(separation, 0, TimeSpan.Zero) };
        var book = TestBookings.Book(range, Booked(ring));

        Conflicts(book, Footprints.Square(Centre, side)).ShouldBe(conflicts, scenario);
    }

    [Theory]
    // Jaakonmeri, 61.3° N: a degree of longitude is about half a degree of latitude; 500 m separation.
    [InlineData("east, exactly 500 m", 1500, 0, false)]
    [InlineData("east, 1 cm closer", 1499.99, 0, true)]
    [InlineData("north, exactly 500 m", 0, 1500, false)]
    [InlineData("north, 1 cm closer", 0, 1499.99, true)]
    [InlineData("diagonal, exactly 500 m between corners", 1353.5533905932737, 1353.5533905932737, false)]
    [InlineData("diagonal, 1 cm closer", 1353.546319525, 1353.546319525, true)]
    public void SixtyDegreesNorth_SeparationInMetresWhateverTheDirection(string scenario, double east, double north, bool conflicts)
    {
        var origin = Places.JaakonmeriCentre;
        var other = Volumes.Of(Footprints.Square(origin, 1000), TestTimes.Hours(1, 2), -10, 0);
        var book = TestBookings.Book(TestRanges.Jaakonmeri(), TestBookings.Confirmed("b-1", other));
        var request = new BookingRequestBuilder()
            .WithVolume(Footprints.Square(origin, 1000, east, north), TestTimes.Hours(1, 2), -10, 0)
            .Build();

        book.Check(request, TestTimes.Now, NoVehicles).Conflicts.Any(c => c.Kind == ConflictKind.Booking).ShouldBe(conflicts, scenario);
    }

    [Theory]
    // Squares of 1 km on the antimeridian (longitudes 179.99x and −179.99x); no separation.
    [InlineData("overlapping by 500 m across the antimeridian", 500, true)]
    [InlineData("touching", 1000, false)]
    [InlineData("overlapping by 1 cm", 999.99, true)]
    [InlineData("1 cm apart", 1000.01, false)]
    public void AcrossTheAntimeridian_DistancesInMetres(string scenario, double east, bool conflicts)
    {
        var origin = Places.AntimeridianCentre;
        var other = Volumes.Of(Footprints.Square(origin, 1000), TestTimes.Hours(1, 2));
        var book = TestBookings.Book(TestRanges.Antimeridian(), TestBookings.Confirmed("b-1", other));
        var request = new BookingRequestBuilder().WithVolume(Footprints.Square(origin, 1000, east), TestTimes.Hours(1, 2)).Build();

        var found = book.Check(request, TestTimes.Now, NoVehicles).Conflicts;

        found.ShouldNotContain(c => c.Kind == ConflictKind.OutsideRange);
        found.Any(c => c.Kind == ConflictKind.Booking).ShouldBe(conflicts, scenario);
    }

    private static Booking Booked(Footprint footprint) =>
        TestBookings.Confirmed("b-1", Volumes.Of(footprint, TestTimes.Hours(1, 2)));

    private static bool Conflicts(RangeBook book, Footprint requested) =>
        book.Check(new BookingRequestBuilder().WithVolume(requested, TestTimes.Hours(1, 2)).Build(), TestTimes.Now, NoVehicles)
            .Conflicts.Any(c => c.Kind == ConflictKind.Booking);
}
