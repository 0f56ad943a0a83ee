using System.Diagnostics;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class FootprintValidatorTests
{
    private static readonly GeoPoint Centre = Places.WanshanCentre;

    /// <summary>A shape the validator does not know, as a newer contract might bring.</summary>
    private sealed record UnknownFootprint : Footprint;

    public static TheoryData<string, Footprint> ValidFootprints => new()
    {
        { "square", Footprints.Square(Centre, 100) },
        { "circle of 1 m", Footprints.Circle(Centre, 1) },
        { "circle of 5 km", Footprints.Circle(Centre, 5_000) },
        { "corridor of 2 points", Footprints.Corridor(Centre, 50, (0, 0), (1_000, 0)) },
        { "corridor crossing itself", Footprints.Corridor(Centre, 50, (0, 0), (1_000, 1_000), (1_000, 0), (0, 1_000)) },
        { "corridor of 2 equal points", Footprints.Corridor(Centre, 50, (0, 0), (0, 0)) },
    };

    public static TheoryData<string, Footprint?, string> InvalidFootprints => new()
    {
        { "unset", null, "f" },
        { "unknown shape", new UnknownFootprint(), "f" },
        { "polygon bow-tie", Footprints.Polygon(Centre, (0, 0), (100, 100), (100, 0), (0, 100)), "f.polygon.exterior" },
        { "radius 0", new CircleFootprint(Centre, 0), "f.circle.radius_m" },
        { "radius negative", new CircleFootprint(Centre, -5), "f.circle.radius_m" },
        { "radius NaN", new CircleFootprint(Centre, double.NaN), "f.circle.radius_m" },
        { "radius infinite", new CircleFootprint(Centre, double.PositiveInfinity), "f.circle.radius_m" },
        { "circle centre latitude 100", new CircleFootprint(new GeoPoint(100, 113.7), 10), "f.circle.center" },
        { "corridor of no points", new CorridorFootprint([], 10), "f.corridor.path" },
        { "corridor of 1 point", new CorridorFootprint([Centre], 10), "f.corridor.path" },
        { "corridor point longitude 181", new CorridorFootprint([Centre, Centre, new GeoPoint(21.8, 181)], 10), "f.corridor.path[2]" },
        { "half-width 0", Footprints.Corridor(Centre, 0, (0, 0), (100, 0)), "f.corridor.half_width_m" },
        { "half-width negative", Footprints.Corridor(Centre, -1, (0, 0), (100, 0)), "f.corridor.half_width_m" },
        { "half-width NaN", Footprints.Corridor(Centre, double.NaN, (0, 0), (100, 0)), "f.corridor.half_width_m" },
    };

    [Theory]
    [MemberData(nameof(ValidFootprints))]
    public void WellFormedFootprint_NoViolation(string scenario, Footprint footprint)
    {
        var errors = new ValidationErrors();

        FootprintValidator.Validate(footprint, "f", errors).ShouldBeTrue(scenario);

        errors.Violations.ShouldBeEmpty(scenario);
    }

    [Theory]
    [MemberData(nameof(InvalidFootprints))]
    public void MalformedFootprint_OneViolationAtTheField(string scenario, Footprint? footprint, string field)
    {
        var errors = new ValidationErrors();

        FootprintValidator.Validate(footprint, "f", errors).ShouldBeFalse(scenario);

        errors.Violations.Select(v => v.Field).ShouldBe([field], scenario);
    }

    [Theory]
    [InlineData(10_000, true)]
    [InlineData(16_500, true)]
    [InlineData(16_800, false)]
    [InlineData(1e12, false)]
    public void CircleAgainstTheRangeArea_RefusedOnlyWhenLarger(double radius, bool fits)
    {
        // Wanshan's boundary encloses about 869 km², the area of a circle of about 16.6 km.
        var plane = new RangePlane(TestRanges.Wanshan());
        var errors = new ValidationErrors();

        FootprintValidator.ValidateArea(Footprints.Circle(Centre, radius), "f", plane, errors).ShouldBe(fits);

        errors.Violations.Select(v => v.Field).ShouldBe(fits ? [] : ["f"]);
    }

    [Fact]
    public void CircleWithBadCentreAndRadius_BothReported()
    {
        var errors = new ValidationErrors();

        FootprintValidator.Validate(new CircleFootprint(new GeoPoint(double.NaN, 0), -1), "f", errors);

        errors.Violations.Select(v => v.Field).ShouldBe(["f.circle.center", "f.circle.radius_m"]);
    }

    [Fact]
    public void CorridorWithBadPointsAndHalfWidth_EveryOneReported()
    {
        var errors = new ValidationErrors();
        var corridor = new CorridorFootprint([new GeoPoint(-91, 0), Centre, new GeoPoint(0, double.NaN)], 0);

        FootprintValidator.Validate(corridor, "f", errors);

        errors.Violations.Select(v => v.Field).ShouldBe(["f.corridor.path[0]", "f.corridor.path[2]", "f.corridor.half_width_m"]);
    }

    [Fact]
    public void CorridorOf10001Points_RefusedOnTheCountAlone()
    {
        var path = Enumerable.Range(0, 10_001).Select(i => new GeoPoint(double.NaN, i)).ToList();
        var errors = new ValidationErrors();
        var clock = Stopwatch.StartNew();

        FootprintValidator.Validate(new CorridorFootprint(path, 10), "f", errors).ShouldBeFalse();

        clock.Stop();
        errors.Violations.ShouldHaveSingleItem().Field.ShouldBe("f.corridor.path");
        clock.ElapsedMilliseconds.ShouldBeLessThan(50);
    }
}
