using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Bookings;

/// <summary>One piece of airspace or sea space for one time window, as the caller gave it.</summary>
public sealed record Volume4D(Footprint Footprint, VerticalBand Vertical, TimeWindow Window);
