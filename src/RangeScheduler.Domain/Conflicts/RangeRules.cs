using NetTopologySuite.Geometries.Prepared;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// What one version of a range's definition implies for conflicts, prepared once: its plane,
/// its boundary as a prepared polygon, its operating hours and its exclusion zones with their
/// active hours. Immutable, so it can be replaced whole when the definition changes.
/// </summary>
internal sealed class RangeRules
{
    public RangeRules(TestRange range)
    {
        Range = range;
        Plane = new RangePlane(range);
        Hours = new OperatingSchedule(range.OperatingHours, range.TimeZone);
        SeparationText = $"the range keeps bookings {ConflictText.Separation(range.Separation)}";
        // Grown by the tolerance so that a footprint drawn along the boundary, which rounding
        // may push a nanometre out, still counts as inside ("touching is fine").
        InsideBoundary = PreparedGeometryFactory.Prepare(Plane.Boundary.Geometry.Buffer(Proximity.ToleranceMeters));
        ExclusionZones = Plane.Zones
            .Where(zone => zone.Zone.Kind == ZoneKind.Exclusion)
            .Select(zone => new ExclusionZone(zone, zone.Zone.ActiveHours.Count == 0
                ? null
                : new OperatingSchedule(zone.Zone.ActiveHours, range.TimeZone)))
            .ToList();
    }

    public TestRange Range { get; }

    public RangePlane Plane { get; }

    public Separation Separation => Range.Separation;

    /// <summary>The end of every booking conflict's message, formatted once per definition rather than once per conflict.</summary>
    public string SeparationText { get; }

    /// <summary>The range's operating hours (always open when it lists none).</summary>
    public OperatingSchedule Hours { get; }

    /// <summary>The boundary grown by <see cref="Proximity.ToleranceMeters"/>: a footprint it covers is inside the range.</summary>
    public IPreparedGeometry InsideBoundary { get; }

    public IReadOnlyList<ExclusionZone> ExclusionZones { get; }
}

/// <summary>A zone no vehicle may enter while it is in force.</summary>
/// <param name="ActiveHours">Null: always in force (the contract's empty <c>active_hours</c>).</param>
internal sealed record ExclusionZone(PlanarZone Zone, OperatingSchedule? ActiveHours);

/// <summary>A closure with its footprint on the range's plane.</summary>
/// <param name="Footprint">Null: the whole range.</param>
internal sealed record PlanarClosure(Closure Closure, PlanarFootprint? Footprint);
