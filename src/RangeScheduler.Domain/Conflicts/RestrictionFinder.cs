using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// Closures (<see cref="ConflictKind.Closure"/>) and exclusion zones
/// (<see cref="ConflictKind.ExclusionZone"/>): no separation, so a volume conflicts only
/// when it overlaps one (DESIGN.md, "Booking": "the same holds against closures (no
/// separation) and against exclusion zones (no time)"). Each concerns only the vehicle
/// kinds it lists, if it lists any.
/// </summary>
internal static class RestrictionFinder
{
    public static void Find(RangeState range, Probe probe, List<Finding> into)
    {
        var closures = range.Closures.Values.Where(c => probe.Concerns(c.Closure.VehicleKinds)).ToList();
        var zones = range.Rules.ExclusionZones.Where(z => probe.Concerns(z.Zone.Zone.VehicleKinds)).ToList();
        foreach (var volume in probe.Volumes)
        {
            foreach (var closure in closures.Where(c => Blocks(c, volume)))
            {
                into.Add(ClosureFinding(closure, volume));
            }
            foreach (var zone in zones)
            {
                FindZone(zone, volume, into);
            }
        }
    }

    /// <summary>True when the closure overlaps the volume in time, height and footprint (vehicle kinds aside). Cheap tests first.</summary>
    public static bool Blocks(PlanarClosure closure, RequestedVolume volume) =>
        closure.Closure.Window.Overlaps(volume.Window)
        && Proximity.BandsConflict(volume.Vertical, closure.Closure.Vertical ?? VerticalBand.All, 0)
        && (closure.Footprint is null || Proximity.InteriorsOverlap(volume, closure.Footprint.Geometry));

    private static Finding ClosureFinding(PlanarClosure planar, RequestedVolume volume)
    {
        var closure = planar.Closure;
        var where = planar.Footprint is null ? "the whole range" : "its area";
        var message = $"{ConflictText.Volume(volume.Index)} overlaps closure {closure.Id} ({where}): {closure.Reason}";
        var conflict = new Conflict(ConflictKind.Closure, volume.Index, closure.Id, volume.Window.Intersect(closure.Window), message);
        return new Finding(conflict, closure.Window);
    }

    /// <summary>
    /// An exclusion zone has no window: it blocks whenever it is in force, which is always
    /// unless it lists active hours. One finding per period in force within the volume's window.
    /// </summary>
    private static void FindZone(ExclusionZone exclusion, RequestedVolume volume, List<Finding> into)
    {
        var zone = exclusion.Zone;
        var inForce = exclusion.ActiveHours?.OpenWithin(volume.Window);
        if (inForce is { Count: 0 }
            || !Proximity.BandsConflict(volume.Vertical, zone.Zone.Vertical, 0)
            || !Proximity.InteriorsOverlap(volume, zone.Footprint.Geometry))
        {
            return;
        }
        var message = $"{ConflictText.Volume(volume.Index)} enters exclusion zone {zone.Zone.Id} ({zone.Zone.Name})";
        if (inForce is null)
        {
            into.Add(new Finding(new Conflict(ConflictKind.ExclusionZone, volume.Index, zone.Zone.Id, volume.Window, message), null));
            return;
        }
        foreach (var period in inForce)
        {
            var conflict = new Conflict(ConflictKind.ExclusionZone, volume.Index, zone.Zone.Id, period, message + " while it is in force");
            into.Add(new Finding(conflict, period));
        }
    }
}
