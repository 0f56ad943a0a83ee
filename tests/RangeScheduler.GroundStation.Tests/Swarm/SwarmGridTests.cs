using RangeScheduler.GroundStation.Geo;
using RangeScheduler.GroundStation.Swarm;

namespace RangeScheduler.GroundStation.Tests.Swarm;

public sealed class SwarmGridTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void Squares_TheSizeAskedTheGapApartAndCentredOnThePoint(int count)
    {
        var squares = SwarmGrid.Squares(21.95, 113.72, count, 500, 150).Select(FootprintShape.Of).ToList();

        squares.Count.ShouldBe(count);
        foreach (var square in squares)
        {
            var (lat, lon) = square.Centroid();
            square.DepthInside(lat, lon).ShouldBe(250, 0.5);
            foreach (var other in squares.Where(o => o != square))
            {
                var (otherLat, otherLon) = other.Centroid();
                // Centres at least a side plus the gap apart: the squares do not touch.
                LocalTangentPlane.DistanceMeters(lat, lon, otherLat, otherLon).ShouldBeGreaterThan(649);
            }
        }
        var middle = squares.Select(s => s.Centroid()).ToList();
        var columns = (int)Math.Ceiling(Math.Sqrt(count));
        if (count == columns * columns)
        {
            LocalTangentPlane.DistanceMeters(middle.Average(c => c.Latitude), middle.Average(c => c.Longitude), 21.95, 113.72).ShouldBeLessThan(1);
        }
    }
}
