using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;

namespace RangeScheduler.GroundStation.Tests.Geo;

public sealed class FootprintShapeTests
{
    private static LatLng At(double latitude, double longitude) => new() { Latitude = latitude, Longitude = longitude };

    /// <summary>A square of 2 km side centred on (60.0, 21.5), Jaakonmeri.</summary>
    internal static Footprint Square(double centreLatitude = 60.0, double centreLongitude = 21.5, double halfSideMeters = 1000)
    {
        var plane = new LocalTangentPlane(centreLatitude, centreLongitude);
        var ring = new Ring();
        foreach (var (e, n) in new[] { (-1, -1), (1, -1), (1, 1), (-1, 1) })
        {
            var (lat, lon) = plane.ToGeodetic(e * halfSideMeters, n * halfSideMeters);
            ring.Points.Add(At(lat, lon));
        }
        return new Footprint { Polygon = new Polygon { Exterior = ring } };
    }

    [Fact]
    public void Square_CentroidIsItsCentreAndDepthIsDistanceToTheNearestSide()
    {
        var shape = FootprintShape.Of(Square());

        var (lat, lon) = shape.Centroid();
        LocalTangentPlane.DistanceMeters(lat, lon, 60.0, 21.5).ShouldBeLessThan(0.5);
        shape.DepthInside(60.0, 21.5).ShouldBe(1000, 1);
        var plane = new LocalTangentPlane(60.0, 21.5);
        var (outLat, outLon) = plane.ToGeodetic(1100, 0);
        shape.DepthInside(outLat, outLon).ShouldBe(-100, 1);
    }

    [Fact]
    public void Circle_CentroidIsItsCentre()
    {
        var shape = FootprintShape.Of(new Footprint { Circle = new Circle { Center = At(22.1, 113.8), RadiusM = 500 } });

        shape.Centroid().ShouldBe((22.1, 113.8));
        shape.InnerCircle().Radius.ShouldBe(500);
    }

    [Fact]
    public void Corridor_CentroidIsHalfwayAlongItsPath()
    {
        var plane = new LocalTangentPlane(22.0, 113.7);
        var (lat1, lon1) = plane.ToGeodetic(2000, 0);
        var (lat2, lon2) = plane.ToGeodetic(2000, 2000);
        var shape = FootprintShape.Of(new Footprint { Corridor = new Corridor { Path = { At(22.0, 113.7), At(lat1, lon1), At(lat2, lon2) }, HalfWidthM = 100 } });

        var (lat, lon) = shape.Centroid();
        var (east, north) = plane.ToLocal(lat, lon);
        east.ShouldBe(2000, 0.5);
        north.ShouldBe(0, 0.5);
        shape.DepthInside(lat, lon).ShouldBe(100, 0.5);
    }
}
