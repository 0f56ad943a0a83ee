using NetTopologySuite.Geometries;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Spatial;

public class LocalProjectionTests
{
    /// <summary>The contract's promise (geo.proto): error below 1 part in 30,000 within 50 km of the centre.</summary>
    private const double RelativeTolerance = 1.0 / 30_000;

    public static TheoryData<string> Centres => ["wanshan", "jaakonmeri", "antimeridian"];

    public static TheoryData<string, double, double> CentresDistancesBearings()
    {
        var data = new TheoryData<string, double, double>();
        foreach (var centre in new[] { "wanshan", "jaakonmeri", "antimeridian" })
        {
            foreach (var distance in new[] { 100.0, 1_000, 10_000, 25_000, 50_000 })
            {
                foreach (var bearing in new[] { 0.0, 45, 90, 135, 180, 225, 270, 315 })
                {
                    data.Add(centre, distance, bearing);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Centres))]
    public void OneKilometreNorthAndEast_RoundTripWithinOneCentimetre(string centre)
    {
        var projection = new LocalProjection(Centre(centre));

        foreach (var offset in new[] { new Coordinate(1000, 0), new Coordinate(0, 1000), new Coordinate(-1000, -1000) })
        {
            var point = projection.Unproject(offset);
            var back = projection.Project(point);

            back.Distance(offset).ShouldBeLessThan(0.01);
            Geodesic.DistanceMeters(projection.Center, point).ShouldBe(offset.Distance(new Coordinate(0, 0)), 0.01);
        }
    }

    [Theory]
    [MemberData(nameof(CentresDistancesBearings))]
    public void PointUpToFiftyKilometresOut_ProjectedDistanceWithinOnePartIn30000(string centre, double distance, double bearing)
    {
        var projection = new LocalProjection(Centre(centre));
        var radians = bearing * Math.PI / 180;
        var point = projection.Unproject(new Coordinate(distance * Math.Sin(radians), distance * Math.Cos(radians)));

        var trueDistance = Geodesic.DistanceMeters(projection.Center, point);

        trueDistance.ShouldBe(distance, distance * RelativeTolerance);
    }

    [Theory]
    [MemberData(nameof(Centres))]
    public void PointsFiftyKilometresApartAcrossTheCentre_ProjectedDistanceWithinOnePartIn30000(string centre)
    {
        var projection = new LocalProjection(Centre(centre));
        var west = projection.Unproject(new Coordinate(-25_000, 10_000));
        var east = projection.Unproject(new Coordinate(25_000, -10_000));

        var projected = projection.Project(west).Distance(projection.Project(east));

        projected.ShouldBe(Geodesic.DistanceMeters(west, east), projected * RelativeTolerance);
    }

    [Fact]
    public void PointsEitherSideOfTheAntimeridian_AboutTenKilometresApart()
    {
        var projection = LocalProjection.CenteredOn(TestRanges.Antimeridian().Boundary.Exterior);
        var west = new GeoPoint(-17.0, 179.95);
        var east = new GeoPoint(-17.0, -179.95);

        var projected = projection.Project(west).Distance(projection.Project(east));

        Geodesic.DistanceMeters(west, east).ShouldBe(10_650, 50);
        projected.ShouldBe(Geodesic.DistanceMeters(west, east), 0.01);
        projection.Project(west).X.ShouldBeLessThan(0);
        projection.Project(east).X.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void UnprojectEastOfTheAntimeridian_LongitudeWrapsToMinus180To180()
    {
        var projection = new LocalProjection(Places.AntimeridianCentre);

        var point = projection.Unproject(new Coordinate(5_000, 0));

        point.Longitude.ShouldBeInRange(-180, -179.9);
    }

    [Theory]
    [InlineData(new[] { 179.8, -179.8 }, 180.0)]
    [InlineData(new[] { 113.625, 113.925 }, 113.775)]
    [InlineData(new[] { -10.0, 10.0 }, 0.0)]
    [InlineData(new[] { 170.0, -175.0, 178.0 }, 177.5)]
    public void CenteredOn_UsesTheMiddleOfTheShortestLongitudeArc(double[] longitudes, double expected)
    {
        var projection = LocalProjection.CenteredOn(longitudes.Select(longitude => new GeoPoint(0, longitude)));

        var offset = Math.Abs(projection.Center.Longitude - expected) % 360;
        Math.Min(offset, 360 - offset).ShouldBeLessThan(1e-9);
    }

    [Theory]
    [MemberData(nameof(Centres))]
    public void ProjectXY_SameMetresAsProject(string centre)
    {
        var projection = new LocalProjection(Centre(centre));
        var point = projection.Unproject(new Coordinate(12_345.6, -7_890.1));

        var (x, y) = projection.ProjectXY(point);

        var expected = projection.Project(point);
        (x, y).ShouldBe((expected.X, expected.Y));
    }

    private static GeoPoint Centre(string name) => name switch
    {
        "wanshan" => Places.WanshanCentre,
        "jaakonmeri" => Places.JaakonmeriCentre,
        _ => Places.AntimeridianCentre,
    };
}
