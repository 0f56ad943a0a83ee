using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// Space no vehicle may enter: an exclusion zone during its active hours, or a closure during
/// its window (DESIGN.md, "Telemetry and conformance"). Either may be limited to some vehicle
/// kinds and heights.
/// </summary>
internal sealed class Restriction
{
    private readonly PlanarRings? _area;
    private readonly VerticalBand? _band;
    private readonly IReadOnlyList<VehicleKind> _kinds;
    private readonly OperatingSchedule? _hours;
    private readonly TimeWindow? _window;

    private Restriction(string id, string label, PlanarRings? area, VerticalBand? band, IReadOnlyList<VehicleKind> kinds,
        OperatingSchedule? hours, TimeWindow? window)
    {
        (Id, Label, _area, _band, _kinds, _hours, _window) = (id, label, area, band, kinds, hours, window);
    }

    public string Id { get; }

    /// <summary>A closure without a footprint.</summary>
    public bool IsWholeRange => _area is null;

    /// <summary>"exclusion zone X" or "closure X", for messages.</summary>
    public string Label { get; }

    /// <summary>Active hours are weekly windows in the range's time zone; none: always active.</summary>
    public static Restriction Of(PlanarZone zone, string timeZone) => new(
        zone.Zone.Id, $"exclusion zone {zone.Zone.Id}", new PlanarRings(zone.Footprint.Geometry), zone.Zone.Vertical,
        zone.Zone.VehicleKinds, new OperatingSchedule(zone.Zone.ActiveHours, timeZone), null);

    /// <summary>A closure without a footprint covers the whole range, without a band every height.</summary>
    public static Restriction Of(Closure closure, RangePlane plane) => new(
        closure.Id, $"closure {closure.Id}", closure.Footprint is null ? null : new PlanarRings(plane.Project(closure.Footprint).Geometry),
        closure.Vertical, closure.VehicleKinds, null, closure.Window);

    /// <summary>
    /// Whether the fix is inside (<see cref="Finding.Holds"/>, distance = how far in) or out by
    /// <paramref name="margin"/> (<see cref="Finding.Clear"/>). The box comes first and the clock
    /// last: most fixes are nowhere near most restrictions.
    /// </summary>
    public Finding Assess(double x, double y, double? height, DateTimeOffset time, VehicleKind kind, double margin)
    {
        if (_area is not null && _area.EnvelopeGap(x, y) >= margin || !AppliesTo(kind, time))
        {
            return Finding.Absent;
        }
        // Out of the band by the margin is clear whatever the footprint; a height between is neither.
        var verticalGap = _band is { } band && height is { } h ? Math.Max(band.LowerMeters - h, h - band.UpperMeters) : double.NegativeInfinity;
        if (verticalGap >= margin)
        {
            return Finding.Absent;
        }
        var verticallyIn = verticalGap <= 0;
        if (_area is null)
        {
            return new Finding(verticallyIn, false, 0);
        }
        if (_area.Contains(x, y))
        {
            return new Finding(verticallyIn, false, verticallyIn ? _area.DistanceToEdge(x, y) : 0);
        }
        return new Finding(false, _area.DistanceToEdge(x, y, margin) >= margin, 0);
    }

    private bool AppliesTo(VehicleKind kind, DateTimeOffset time) =>
        (_kinds.Count == 0 || _kinds.Contains(kind)) &&
        (_window is not { } window || window.Contains(time)) &&
        (_hours is null || _hours.IsOpenAt(time));
}
