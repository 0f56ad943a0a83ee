using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conformance;

/// <summary>Where a vehicle was at a time: what an alert records.</summary>
/// <param name="HeightMeters">Above mean sea level; null when unknown.</param>
internal readonly record struct Sighting(DateTimeOffset Time, GeoPoint Position, double? HeightMeters)
{
    public static Sighting Of(in Fix fix) => new(fix.Time, fix.Position, fix.HeightMeters);
}
