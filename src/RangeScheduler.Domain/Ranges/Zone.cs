using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Ranges;

/// <summary>A named part of a range: a bookable test area, an exclusion zone, a corridor or a launch site.</summary>
public sealed record Zone(
    string Id,
    string Name,
    ZoneKind Kind,
    Footprint Footprint,
    VerticalBand Vertical,
    IReadOnlyList<WeeklyWindow> ActiveHours,
    IReadOnlyList<VehicleKind> VehicleKinds);
