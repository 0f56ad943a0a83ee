using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Slots;

/// <summary>A volume placed in time relative to the start of a slot: it occupies [start + Offset, start + Offset + Duration).</summary>
/// <param name="Offset">After the slot's start; ≥ 0.</param>
/// <param name="Duration">&gt; 0.</param>
public sealed record RelativeVolume(Footprint Footprint, VerticalBand Vertical, TimeSpan Offset, TimeSpan Duration)
{
    public TimeWindow At(DateTimeOffset start) => new(start + Offset, start + Offset + Duration);
}
