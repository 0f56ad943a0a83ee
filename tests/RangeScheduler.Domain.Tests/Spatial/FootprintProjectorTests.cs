using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Spatial;

public class FootprintProjectorTests
{
    private const double MaxError = FootprintProjector.MaxBufferErrorMeters;

    public static TheoryData<string, double> CentresAndRadii()
    {
        var data = new TheoryData<string, double>();
        foreach (var centre in new[] { "wanshan", "jaakonmeri" })
        {
            foreach (var radius in new[] { 1.0, 10, 100, 1_000, 10_000, 50_000 })
            {
                data.Add(centre, radius);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CentresAndRadii))]
    public void Circle_EveryVertexAndEdgeMidpointWithinHalfAMetreOfTheRadius(string centre, double radius)
    {
        var origin = Centre(centre);
        var projection = new LocalProjection(origin);

        var polygon = (Polygon)FootprintProjector.Project(Footprints.Circle(origin, radius), projection).Geometry;

        var centrePoint = projection.Project(origin);
        foreach (var point in VerticesAndMidpoints(polygon))
        {
            var deviation = point.Distance(centrePoint) - radius;
            deviation.ShouldBeInRange(-MaxError, 1e-6 * radius + 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(CentresAndRadii))]
    public void Corridor_EveryVertexAndEdgeMidpointWithinHalfAMetreOfTheHalfWidth(string centre, double halfWidth)
    {
        var origin = Centre(centre);
        var projection = new LocalProjection(origin);
        // Joins turning by about 70°, 130°, 10°, 80° and 150°: NTS splits each round join differently.
        var corridor = Footprints.Corridor(origin, halfWidth,
            (-20_000, 0), (0, 0), (5_000, 15_000), (20_000, -10_000), (25_000, -17_000), (26_000, -5_000), (10_000, -9_000));

        var polygon = FootprintProjector.Project(corridor, projection).Geometry;

        var path = FootprintProjector.Factory.CreateLineString(corridor.Path.Select(projection.Project).ToArray());
        foreach (var point in VerticesAndMidpoints(polygon))
        {
            var deviation = DistanceOp.Distance(FootprintProjector.Factory.CreatePoint(point), path) - halfWidth;
            deviation.ShouldBeInRange(-MaxError, 1e-6 * halfWidth + 1e-6);
        }
    }

    [Theory]
    [InlineData(0.1, 8)]
    [InlineData(1, 8)]
    [InlineData(100, 12)]
    [InlineData(50_000, 264)]
    [InlineData(1e9, 2048)]
    public void QuadrantSegments_EnoughForHalfAMetreAndBounded(double radius, int segments) =>
        FootprintProjector.QuadrantSegmentsFor(radius).ShouldBe(segments);

    [Fact]
    public void PolygonInEitherWinding_CounterClockwiseShellWithTheSameArea()
    {
        var origin = Places.WanshanCentre;
        var projection = new LocalProjection(origin);
        var ccw = Footprints.Polygon(origin, (0, 0), (100, 0), (100, 100), (0, 100));
        var cw = new PolygonFootprint(ccw.Exterior.Reverse().ToList());

        var fromCcw = (Polygon)FootprintProjector.Project(ccw, projection).Geometry;
        var fromCw = (Polygon)FootprintProjector.Project(cw, projection).Geometry;

        fromCw.Shell.IsCCW.ShouldBeTrue();
        fromCcw.Shell.IsCCW.ShouldBeTrue();
        fromCw.Area.ShouldBe(10_000, 0.01);
        fromCcw.Area.ShouldBe(fromCw.Area, 1e-6);
    }

    [Fact]
    public void SquareAcrossTheAntimeridian_ProjectsToItsTrueSize()
    {
        var range = TestRanges.Antimeridian();

        var boundary = new RangePlane(range).Boundary;

        // 0.4° of latitude by 0.4° of longitude at 17° S: about 44.2 km by 42.6 km.
        boundary.Envelope.Width.ShouldBe(42_600, 400);
        boundary.Envelope.Height.ShouldBe(44_250, 300);
    }

    private static IEnumerable<Coordinate> VerticesAndMidpoints(Geometry polygon)
    {
        var ring = ((Polygon)polygon).Shell.Coordinates;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            yield return ring[i];
            yield return new Coordinate((ring[i].X + ring[i + 1].X) / 2, (ring[i].Y + ring[i + 1].Y) / 2);
        }
    }

    private static GeoPoint Centre(string name) => name == "wanshan" ? Places.WanshanCentre : Places.JaakonmeriCentre;
}
