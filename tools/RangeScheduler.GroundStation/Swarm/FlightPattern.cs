namespace RangeScheduler.GroundStation.Swarm;

/// <summary>What a simulated vehicle flies inside its volume, again and again.</summary>
public enum FlightPattern
{
    /// <summary>The circle of the pattern's radius.</summary>
    Circle,

    /// <summary>Five parallel legs across the square inscribed in the circle, then back to the first.</summary>
    LawnMower,

    /// <summary>A lemniscate of Gerono: x = sin t, y = sin t cos t, stretched to the radius.</summary>
    FigureEight,
}

/// <summary>
/// Each pattern once, as a closed path of <see cref="Points"/> points evenly spaced along its
/// length, inside the unit circle. Vehicles scale and shift these tables instead of
/// computing their paths, which keeps a fix a few multiplications.
/// </summary>
internal sealed class PatternTable
{
    public const int Points = 1024;

    private static readonly PatternTable[] Tables = [Build(CircleOutline()), Build(LawnMowerOutline()), Build(FigureEightOutline())];

    private PatternTable(double[] x, double[] y, double length)
    {
        X = x;
        Y = y;
        Length = length;
    }

    public double[] X { get; }

    public double[] Y { get; }

    /// <summary>The path's length, in radii.</summary>
    public double Length { get; }

    public static PatternTable Of(FlightPattern pattern) => Tables[(int)pattern];

    private static IEnumerable<(double X, double Y)> CircleOutline() =>
        Enumerable.Range(0, 360).Select(d => (Math.Cos(d * Math.PI / 180), Math.Sin(d * Math.PI / 180)));

    private static IEnumerable<(double X, double Y)> LawnMowerOutline()
    {
        // The inscribed square's half side is 1/√2; legs run east-west, from north to south.
        const int legs = 5;
        var h = 1 / Math.Sqrt(2);
        for (var leg = 0; leg < legs; leg++)
        {
            var y = h - 2 * h * leg / (legs - 1);
            var (from, to) = leg % 2 == 0 ? (-h, h) : (h, -h);
            yield return (from, y);
            yield return (to, y);
        }
    }

    private static IEnumerable<(double X, double Y)> FigureEightOutline() =>
        Enumerable.Range(0, 720).Select(i => i * Math.PI / 360).Select(t => (Math.Sin(t), Math.Sin(t) * Math.Cos(t)));

    /// <summary>Resamples a closed outline at equal steps along its length.</summary>
    private static PatternTable Build(IEnumerable<(double X, double Y)> outline)
    {
        var corners = outline.ToArray();
        var cumulative = new double[corners.Length + 1];
        for (var i = 0; i < corners.Length; i++)
        {
            var (a, b) = (corners[i], corners[(i + 1) % corners.Length]);
            cumulative[i + 1] = cumulative[i] + Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));
        }
        var length = cumulative[^1];
        double[] x = new double[Points], y = new double[Points];
        var segment = 0;
        for (var p = 0; p < Points; p++)
        {
            var at = length * p / Points;
            while (cumulative[segment + 1] < at)
            {
                segment++;
            }
            var span = cumulative[segment + 1] - cumulative[segment];
            var t = span == 0 ? 0 : (at - cumulative[segment]) / span;
            var (a, b) = (corners[segment], corners[(segment + 1) % corners.Length]);
            x[p] = a.X + (b.X - a.X) * t;
            y[p] = a.Y + (b.Y - a.Y) * t;
        }
        return new PatternTable(x, y, length);
    }
}
