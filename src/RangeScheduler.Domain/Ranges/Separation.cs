namespace RangeScheduler.Domain.Ranges;

/// <summary>
/// Minimum distances kept between any two bookings of a range (contract <c>Separation</c>):
/// two volumes conflict when their windows widened by <see cref="TimeBuffer"/> overlap, their
/// bands come closer than <see cref="VerticalMeters"/> and their footprints closer than
/// <see cref="HorizontalMeters"/> (at 0: interiors overlap). Precision 1 cm.
/// </summary>
public readonly record struct Separation(double HorizontalMeters, double VerticalMeters, TimeSpan TimeBuffer)
{
    public static readonly Separation None = new(0, 0, TimeSpan.Zero);
}
