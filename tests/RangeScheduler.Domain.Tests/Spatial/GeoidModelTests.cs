using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Tests.Spatial;

public class GeoidModelTests
{
    /// <summary>
    /// Rows at 10°, 11°, 12° N; columns every 90° from 180° W, round the globe. N = 10 × row +
    /// column, which bilinear interpolation reproduces exactly between any four nodes.
    /// </summary>
    private static readonly GeoidModel Planar = new(10, -180, 1, 90, 3, 4,
        [0, 1, 2, 3,
         10, 11, 12, 13,
         20, 21, 22, 23]);

    public static TheoryData<string, double, double, double> Points => new()
    {
        { "south-west node", 10, -180, 0 },
        { "inner node", 11, -90, 11 },
        { "north-east node", 12, 90, 23 },
        { "middle of a cell", 10.5, -135, 5.5 },
        { "a quarter into a cell", 11.25, 22.5, 12.5 + 2.25 },
        { "north edge between nodes", 12, 45, 22.5 },
        { "across the antimeridian", 10, 135, 1.5 },
        { "180° E is 180° W", 10, 180, 0 },
        { "longitude given west of -180°", 10, -225, 1.5 },
        { "longitude given past 360°", 11, 540, 10 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void UndulationAt_PlanarGrid_ExactValue(string where, double latitude, double longitude, double expected) =>
        Planar.UndulationAt(new GeoPoint(latitude, longitude)).ShouldBe(expected, 1e-9, where);

    [Fact]
    public void UndulationAt_OneRaisedNode_BilinearNotPlanar()
    {
        // Only the north-east node of the cell is 1: bilinear gives the product of the weights.
        var grid = new GeoidModel(0, 0, 1, 1, 2, 2, [0, 0, 0, 1]);

        grid.UndulationAt(new GeoPoint(0.5, 0.5)).ShouldBe(0.25, 1e-12);
        grid.UndulationAt(new GeoPoint(0.25, 0.75)).ShouldBe(0.1875, 1e-12);
        grid.WrapsInLongitude.ShouldBeFalse();
    }

    [Fact]
    public void MeanSeaLevelHeight_EllipsoidHeightLessUndulation() =>
        Planar.MeanSeaLevelHeight(new GeoPoint(11, -90), 100).ShouldBe(89, 1e-9);

    [Fact]
    public void UndulationAt_NodeWithoutData_NaN()
    {
        var grid = new GeoidModel(0, 0, 1, 1, 3, 3, [0, 1, 2, 3, 4, 5, 6, float.NaN, 8]);

        double.IsNaN(grid.UndulationAt(new GeoPoint(1.5, 0.5))).ShouldBeTrue();
        grid.UndulationAt(new GeoPoint(0.5, 0.5)).ShouldBe(2, 1e-12);
    }

    [Theory]
    [InlineData(9.99, 0)]
    [InlineData(12.01, 0)]
    [InlineData(91, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(11, double.PositiveInfinity)]
    public void UndulationAt_OutsideGridOrNotAPosition_ArgumentOutOfRange(double latitude, double longitude) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Planar.UndulationAt(new GeoPoint(latitude, longitude)));

    [Fact]
    public void UndulationAt_RegionalGridEastOfLastColumn_ArgumentOutOfRange()
    {
        var regional = new GeoidModel(20, 110, 1, 1, 2, 3, [0, 1, 2, 3, 4, 5]);

        regional.UndulationAt(new GeoPoint(20, 112)).ShouldBe(2, 1e-12);
        Should.Throw<ArgumentOutOfRangeException>(() => regional.UndulationAt(new GeoPoint(20, 112.5)));
        Should.Throw<ArgumentOutOfRangeException>(() => regional.UndulationAt(new GeoPoint(20, 109.5)));
    }

    [Fact]
    public void New_GridRoundTheGlobe_Wraps() => Planar.WrapsInLongitude.ShouldBeTrue();

    [Fact]
    public void New_ValuesDoNotFillGrid_ArgumentException() =>
        Should.Throw<ArgumentException>(() => new GeoidModel(0, 0, 1, 1, 2, 2, [0, 1, 2]));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, -1)]
    [InlineData(double.NaN, 1)]
    public void New_StepNotPositive_ArgumentException(double latitudeStep, double longitudeStep) =>
        Should.Throw<ArgumentException>(() => new GeoidModel(0, 0, latitudeStep, longitudeStep, 2, 2, [0, 1, 2, 3]));
}
