namespace RangeScheduler.GroundStation.Geo;

/// <summary>Plane computations on local metre coordinates behind <see cref="FootprintShape"/>.</summary>
internal static class PlaneGeometry
{
    /// <summary>The centroid of a ring's area (shoelace); a ring with no area gives its vertices' mean.</summary>
    public static (double X, double Y) AreaCentroid((double X, double Y)[] ring)
    {
        double area = 0, cx = 0, cy = 0;
        for (var i = 0; i < ring.Length; i++)
        {
            var (x0, y0) = ring[i];
            var (x1, y1) = ring[(i + 1) % ring.Length];
            var cross = x0 * y1 - x1 * y0;
            area += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }
        if (Math.Abs(area) < 1e-9)
        {
            return (ring.Average(p => p.X), ring.Average(p => p.Y));
        }
        return (cx / (3 * area), cy / (3 * area));
    }

    /// <summary>The point at half the length of an open path.</summary>
    public static (double X, double Y) HalfwayAlong((double X, double Y)[] path)
    {
        var total = 0.0;
        for (var i = 1; i < path.Length; i++)
        {
            total += Length(path[i - 1], path[i]);
        }
        var left = total / 2;
        for (var i = 1; i < path.Length; i++)
        {
            var segment = Length(path[i - 1], path[i]);
            if (left <= segment && segment > 0)
            {
                var t = left / segment;
                return (path[i - 1].X + (path[i].X - path[i - 1].X) * t, path[i - 1].Y + (path[i].Y - path[i - 1].Y) * t);
            }
            left -= segment;
        }
        return path[0];
    }

    /// <summary>The shortest distance to a path's segments (a single point counts as a path).</summary>
    public static double DistanceToPath((double X, double Y)[] path, double x, double y, bool closed)
    {
        if (path.Length == 1)
        {
            return Length(path[0], (x, y));
        }
        var best = double.MaxValue;
        var segments = closed ? path.Length : path.Length - 1;
        for (var i = 0; i < segments; i++)
        {
            best = Math.Min(best, DistanceToSegment(path[i], path[(i + 1) % path.Length], x, y));
        }
        return best;
    }

    /// <summary>Even-odd ray casting; winding order and a repeated closing point do not matter.</summary>
    public static bool Contains((double X, double Y)[] ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    private static double DistanceToSegment((double X, double Y) a, (double X, double Y) b, double x, double y)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((x - a.X) * dx + (y - a.Y) * dy) / lengthSquared, 0, 1);
        return Length((a.X + t * dx, a.Y + t * dy), (x, y));
    }

    private static double Length((double X, double Y) a, (double X, double Y) b) =>
        Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));
}
