namespace RangeScheduler.GroundStation.Swarm;

/// <summary>
/// A straying vehicle's excursion: between fixes <see cref="FirstFix"/> and
/// <see cref="EndFix"/> it leaves its pattern for the point (<see cref="X"/>, <see cref="Y"/>),
/// in pattern radii from the pattern's centre and outside the volume: the first 40 % of the
/// time going out, 20 % there, 40 % coming back.
/// </summary>
internal sealed record StrayPlan(long FirstFix, long EndFix, double X, double Y)
{
    private const double Leg = 0.4;

    /// <summary>0 on the pattern, 1 at the outside point.</summary>
    public double Fraction(long fix)
    {
        var u = (double)(fix - FirstFix) / (EndFix - FirstFix);
        return Math.Min(1, Math.Min(u, 1 - u) / Leg);
    }
}
