using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Ranges;

/// <summary>A temporary restriction declared by a controller (weather, maintenance, another user).</summary>
/// <param name="Footprint">Null: the whole range.</param>
/// <param name="Vertical">Null: every height.</param>
/// <param name="VehicleKinds">Empty: every kind.</param>
public sealed record Closure(
    string Id,
    string RangeId,
    Footprint? Footprint,
    VerticalBand? Vertical,
    TimeWindow Window,
    string Reason,
    IReadOnlyList<VehicleKind> VehicleKinds,
    long Version);
