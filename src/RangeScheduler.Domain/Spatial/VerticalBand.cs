namespace RangeScheduler.Domain.Spatial;

/// <summary>Heights in metres above mean sea level (EGM96); negative is depth. Lower ≤ upper.</summary>
public readonly record struct VerticalBand(double LowerMeters, double UpperMeters)
{
    /// <summary>Every height: an unset band in a closure.</summary>
    public static readonly VerticalBand All = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>Distance between the bands in metres; 0 when they overlap or touch.</summary>
    public double GapTo(VerticalBand other) =>
        Math.Max(0, Math.Max(other.LowerMeters - UpperMeters, LowerMeters - OtherUpper(other)));

    /// <summary>True when this band lies within <paramref name="outer"/>.</summary>
    public bool IsWithin(VerticalBand outer) => LowerMeters >= outer.LowerMeters && UpperMeters <= outer.UpperMeters;

    private static double OtherUpper(VerticalBand other) => other.UpperMeters;
}
