using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Storage.Postgres;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Postgres;

public sealed class FootprintGeometryTests
{
    [Fact]
    public void Polygon_RingsAsGivenInLongitudeLatitudeAndClosed()
    {
        var footprint = new PolygonFootprint(TestData.Square(0, 0, 1000).Exterior, [TestData.Square(400, 400, 200).Exterior]);

        var polygon = FootprintGeometry.ToGeometry(footprint).ShouldBeOfType<Polygon>();

        polygon.SRID.ShouldBe(4326);
        polygon.Shell.IsClosed.ShouldBeTrue();
        polygon.NumInteriorRings.ShouldBe(1);
        polygon.Shell.Coordinates[0].ShouldBe(new Coordinate(footprint.Exterior[0].Longitude, footprint.Exterior[0].Latitude));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(750.25)]
    [InlineData(20_000)]
    public void Circle_EveryVertexWithinHalfAMetreOfTheRadius(double radius)
    {
        var circle = new CircleFootprint(TestData.Wanshan, radius);
        var projection = new LocalProjection(TestData.Wanshan);

        var geometry = FootprintGeometry.ToGeometry(circle);

        geometry.Coordinates.ShouldAllBe(c =>
            Math.Abs(projection.Project(new GeoPoint(c.Y, c.X)).Distance(new Coordinate(0, 0)) - radius) <= FootprintProjector.MaxBufferErrorMeters);
    }

    [Fact]
    public void Corridor_PolygonAroundThePath()
    {
        var corridor = new CorridorFootprint([TestData.At(0, 0), TestData.At(2000, 0)], 50);

        var geometry = FootprintGeometry.ToGeometry(corridor);

        geometry.Contains(new Point(TestData.At(1000, 40).Longitude, TestData.At(1000, 40).Latitude)).ShouldBeTrue();
        geometry.Contains(new Point(TestData.At(1000, 60).Longitude, TestData.At(1000, 60).Latitude)).ShouldBeFalse();
    }

    [Fact]
    public void ToEwkb_LittleEndianWithSrid4326()
    {
        var ewkb = FootprintGeometry.ToEwkb(new CircleFootprint(TestData.Wanshan, 100));

        ewkb[0].ShouldBe((byte)1);
        var read = new WKBReader { HandleSRID = true }.Read(ewkb);
        read.SRID.ShouldBe(4326);
        read.ShouldBeOfType<Polygon>();
    }
}
