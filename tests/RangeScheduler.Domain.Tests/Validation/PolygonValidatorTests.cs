using System.Diagnostics;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class PolygonValidatorTests
{
    private static readonly GeoPoint Centre = Places.WanshanCentre;

    private static readonly (double, double)[] Square = [(0, 0), (100, 0), (100, 100), (0, 100)];

    public static TheoryData<string, PolygonFootprint> ValidPolygons => new()
    {
        { "counter-clockwise square", Footprints.Polygon(Centre, Square) },
        { "clockwise square", Footprints.Polygon(Centre, Square.Reverse().ToArray()) },
        { "closing point repeated", Footprints.Polygon(Centre, [.. Square, (0, 0)]) },
        { "consecutive repeated point", Footprints.Polygon(Centre, (0, 0), (100, 0), (100, 0), (100, 100), (0, 100)) },
        { "concave L", Footprints.Polygon(Centre, (0, 0), (200, 0), (200, 100), (100, 100), (100, 200), (0, 200)) },
        { "hole inside", Footprints.PolygonWithHoles(Centre, [(0, 0), (300, 0), (300, 300), (0, 300)], [(100, 100), (200, 100), (200, 200), (100, 200)]) },
        { "two separate holes", Footprints.PolygonWithHoles(Centre, [(0, 0), (500, 0), (500, 300), (0, 300)],
            [(50, 50), (150, 50), (150, 150), (50, 150)], [(300, 50), (400, 50), (400, 150), (300, 150)]) },
        { "across the antimeridian", TestRanges.Polygon((-17.1, 179.9), (-17.1, -179.9), (-16.9, -179.9), (-16.9, 179.9)) },
        { "WKT with closing point", Footprints.Wkt("POLYGON ((113.70 21.80, 113.74 21.80, 113.74 21.83, 113.70 21.83, 113.70 21.80))") },
    };

    public static TheoryData<string, PolygonFootprint, string> InvalidPolygons => new()
    {
        { "bow-tie", Footprints.Polygon(Centre, (0, 0), (100, 100), (100, 0), (0, 100)), "p.exterior" },
        { "ring touching itself", Footprints.Polygon(Centre, (0, 0), (100, 0), (50, 50), (100, 100), (0, 100), (50, 50)), "p.exterior" },
        { "three collinear points", Footprints.Polygon(Centre, (0, 0), (50, 0), (100, 0)), "p.exterior" },
        { "two distinct points", Footprints.Polygon(Centre, (0, 0), (100, 0), (0, 0)), "p.exterior.points" },
        { "one point repeated", Footprints.Polygon(Centre, (0, 0), (0, 0), (0, 0), (0, 0)), "p.exterior.points" },
        { "empty exterior", new PolygonFootprint([]), "p.exterior.points" },
        { "two of three points at the pole", TestRanges.Polygon((90, 0), (90, 10), (89.99, 0)), "p.exterior" },
        { "latitude above 90", WithPoint(1, new GeoPoint(90.5, 113.7)), "p.exterior.points[1]" },
        { "latitude NaN", WithPoint(2, new GeoPoint(double.NaN, 113.7)), "p.exterior.points[2]" },
        { "longitude below -180", WithPoint(3, new GeoPoint(21.8, -180.01)), "p.exterior.points[3]" },
        { "longitude infinite", WithPoint(0, new GeoPoint(21.8, double.PositiveInfinity)), "p.exterior.points[0]" },
        { "hole outside", Footprints.PolygonWithHoles(Centre, Square, [(200, 200), (300, 200), (300, 300), (200, 300)]), "p.holes[0]" },
        { "hole across the shell", Footprints.PolygonWithHoles(Centre, Square, [(50, 50), (150, 50), (150, 150), (50, 150)]), "p.holes[0]" },
        { "bow-tie hole", Footprints.PolygonWithHoles(Centre, [(0, 0), (300, 0), (300, 300), (0, 300)], [(100, 100), (200, 200), (200, 100), (100, 200)]), "p.holes[0]" },
        { "overlapping holes", Footprints.PolygonWithHoles(Centre, [(0, 0), (500, 0), (500, 500), (0, 500)],
            [(100, 100), (300, 100), (300, 300), (100, 300)], [(200, 200), (400, 200), (400, 400), (200, 400)]), "p.holes" },
    };

    [Theory]
    [MemberData(nameof(ValidPolygons))]
    public void WellFormedPolygon_NoViolation(string scenario, PolygonFootprint polygon)
    {
        var errors = new ValidationErrors();

        PolygonValidator.Validate(polygon, "p", errors).ShouldBeTrue(scenario);

        errors.Violations.ShouldBeEmpty(scenario);
    }

    [Theory]
    [MemberData(nameof(InvalidPolygons))]
    public void MalformedPolygon_OneViolationAtTheRingOrPoint(string scenario, PolygonFootprint polygon, string field)
    {
        var errors = new ValidationErrors();

        PolygonValidator.Validate(polygon, "p", errors).ShouldBeFalse(scenario);

        errors.Violations.Select(v => v.Field).ShouldBe([field], scenario);
    }

    [Fact]
    public void SeveralBadPointsInSeveralRings_EveryOneReported()
    {
        var polygon = new PolygonFootprint(
            [new(21.8, 113.7), new(95, 113.7), new(21.81, 113.71), new(21.8, 200)],
            [[new(21.801, 113.701), new(21.801, double.NaN), new(21.802, 113.702)]]);
        var errors = new ValidationErrors();

        PolygonValidator.Validate(polygon, "p", errors);

        errors.Violations.Select(v => v.Field).ShouldBe(["p.exterior.points[1]", "p.exterior.points[3]", "p.holes[0].points[1]"]);
    }

    [Fact]
    public void TenThousandAndOneVertices_RefusedOnTheCountAlone()
    {
        // Every latitude is NaN: had the validator looked at a single point, there would be 10,001 violations.
        var points = Enumerable.Range(0, 10_001).Select(i => new GeoPoint(double.NaN, i * 1e-4)).ToList();
        var errors = new ValidationErrors();
        var clock = Stopwatch.StartNew();

        PolygonValidator.Validate(new PolygonFootprint(points), "p", errors).ShouldBeFalse();

        clock.Stop();
        errors.Violations.ShouldHaveSingleItem().Field.ShouldBe("p");
        errors.Violations[0].Description.ShouldContain("10001");
        clock.ElapsedMilliseconds.ShouldBeLessThan(50);
    }

    [Fact]
    public void VerticesCountedOverAllRings_TooManyTogetherRefused()
    {
        var exterior = RegularPolygon(9_000, radius: 5_000);
        var hole = RegularPolygon(1_001, radius: 1_000);
        var errors = new ValidationErrors();

        PolygonValidator.Validate(new PolygonFootprint(exterior, [hole]), "p", errors).ShouldBeFalse();

        errors.Violations.ShouldHaveSingleItem().Field.ShouldBe("p");
    }

    [Fact]
    public void TenThousandVerticesWithClosingPoint_AcceptedWithinASecond()
    {
        var ring = RegularPolygon(10_000, radius: 5_000);
        ring.Add(ring[0]);
        var projection = new LocalProjection(Centre);
        var errors = new ValidationErrors();
        var clock = Stopwatch.StartNew();

        PolygonValidator.Validate(new PolygonFootprint(ring), "p", errors, projection).ShouldBeTrue();

        clock.Stop();
        errors.Violations.ShouldBeEmpty();
        clock.ElapsedMilliseconds.ShouldBeLessThan(1_000);
    }

    private static PolygonFootprint WithPoint(int index, GeoPoint point)
    {
        var points = Footprints.Polygon(Centre, Square).Exterior.ToList();
        points[index] = point;
        return new PolygonFootprint(points);
    }

    private static List<GeoPoint> RegularPolygon(int vertices, double radius) =>
        Footprints.Polygon(Centre, Enumerable.Range(0, vertices)
            .Select(i => 2 * Math.PI * i / vertices)
            .Select(angle => (radius * Math.Cos(angle), radius * Math.Sin(angle)))
            .ToArray()).Exterior.ToList();
}
