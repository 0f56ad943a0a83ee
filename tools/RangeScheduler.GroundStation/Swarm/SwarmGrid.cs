using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;

namespace RangeScheduler.GroundStation.Swarm;

/// <summary>
/// Lays out square footprints in a grid, row by row from the north-west, centred on a
/// point: each square <c>side</c> metres wide, <c>gap</c> metres from its neighbours.
/// </summary>
public static class SwarmGrid
{
    public static IReadOnlyList<Footprint> Squares(double centreLatitude, double centreLongitude, int count, double sideMeters, double gapMeters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var plane = new LocalTangentPlane(centreLatitude, centreLongitude);
        var columns = (int)Math.Ceiling(Math.Sqrt(count));
        var rows = (count + columns - 1) / columns;
        var pitch = sideMeters + gapMeters;
        var footprints = new List<Footprint>(count);
        for (var i = 0; i < count; i++)
        {
            // The grid's middle on the centre: columns run east, rows south.
            var west = (i % columns - (columns - 1) / 2.0) * pitch - sideMeters / 2;
            var south = ((rows - 1) / 2.0 - i / columns) * pitch - sideMeters / 2;
            var ring = new Ring();
            foreach (var (east, north) in new[] { (west, south), (west + sideMeters, south), (west + sideMeters, south + sideMeters), (west, south + sideMeters) })
            {
                var (latitude, longitude) = plane.ToGeodetic(east, north);
                ring.Points.Add(new LatLng { Latitude = latitude, Longitude = longitude });
            }
            footprints.Add(new Footprint { Polygon = new Polygon { Exterior = ring } });
        }
        return footprints;
    }
}
