using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Distance;
using RangeScheduler.Domain.Conflicts;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>
/// The allocation-free distance the booking check uses for small footprints gives what NTS's
/// <c>DistanceOp</c> gives: 0 for overlap, containment (either way) and touching, the gap
/// otherwise, holes and multipolygons included, and the separation's edges kept to 1 cm.
/// </summary>
public class PolygonDistanceTests
{
    private static readonly WKTReader Reader = new();

    private const string Square = "POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))";

    private const string Frame = "POLYGON ((-1000 -1000, 2000 -1000, 2000 2000, -1000 2000, -1000 -1000), (-500 -500, 1500 -500, 1500 1500, -500 1500, -500 -500))";

    [Theory]
    [InlineData("overlapping", "POLYGON ((500 500, 1500 500, 1500 1500, 500 1500, 500 500))", 0)]
    [InlineData("inside", "POLYGON ((100 100, 200 100, 200 200, 100 200, 100 100))", 0)]
    [InlineData("around", "POLYGON ((-100 -100, 1100 -100, 1100 1100, -100 1100, -100 -100))", 0)]
    [InlineData("sharing an edge", "POLYGON ((1000 0, 2000 0, 2000 1000, 1000 1000, 1000 0))", 0)]
    [InlineData("touching at a corner", "POLYGON ((1000 1000, 2000 1000, 2000 2000, 1000 2000, 1000 1000))", 0)]
    [InlineData("300 m east", "POLYGON ((1300 0, 2000 0, 2000 1000, 1300 1000, 1300 0))", 300)]
    [InlineData("corner to corner", "POLYGON ((1300 1400, 2000 1400, 2000 2000, 1300 2000, 1300 1400))", 500)]
    [InlineData("a triangle pointing at an edge", "POLYGON ((1200 500, 1500 0, 1500 1000, 1200 500))", 200)]
    [InlineData("in the frame's hole", Frame, 500)]
    [InlineData("multipolygon, the near part 50 m off", "MULTIPOLYGON (((5000 0, 6000 0, 6000 1000, 5000 0)), ((1050 0, 1100 0, 1100 10, 1050 0)))", 50)]
    [InlineData("multipolygon, one part around it", "MULTIPOLYGON (((5000 0, 6000 0, 6000 1000, 5000 0)), ((-10 -10, 1010 -10, 1010 1010, -10 1010, -10 -10)))", 0)]
    public void SameAsDistanceOp_BothWays(string scenario, string otherWkt, double expected)
    {
        var square = Reader.Read(Square);
        var other = Reader.Read(otherWkt);

        PolygonDistance.Between(square, other).ShouldBe(expected, 1e-9, scenario);
        PolygonDistance.Between(other, square).ShouldBe(expected, 1e-9, scenario + " (swapped)");
        DistanceOp.Distance(square, other).ShouldBe(expected, 1e-9, scenario + " (DistanceOp)");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void RandomPolygons_SameAsDistanceOp(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var a = RandomPolygon(random);
            var b = RandomPolygon(random);

            PolygonDistance.Between(a, b).ShouldBe(DistanceOp.Distance(a, b), 1e-9, $"{a} / {b}");
        }
    }

    /// <summary>A star-shaped polygon (never self-intersecting) of 3–12 points around a random centre, overlapping often.</summary>
    private static Polygon RandomPolygon(Random random)
    {
        var (x, y) = (random.NextDouble() * 3000, random.NextDouble() * 3000);
        var count = random.Next(3, 13);
        var points = new Coordinate[count + 1];
        for (var k = 0; k < count; k++)
        {
            var angle = 2 * Math.PI * (k + random.NextDouble() * 0.9) / count;
            var radius = 50 + random.NextDouble() * 800;
            points[k] = new Coordinate(x + radius * Math.Cos(angle), y + radius * Math.Sin(angle));
        }
        points[count] = points[0].Copy();
        return new GeometryFactory().CreatePolygon(points);
    }
}
