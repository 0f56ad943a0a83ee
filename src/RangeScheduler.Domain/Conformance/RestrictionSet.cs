using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// A range's exclusion zones and its closures, as one array for the per-fix loop. Other zone
/// kinds (test areas, corridors, launch sites) restrict nobody: bookings say where a vehicle may be.
/// </summary>
internal sealed class RestrictionSet
{
    private readonly Dictionary<string, Closure> _closures = new(StringComparer.Ordinal);
    private Restriction[] _zones = [];

    public Restriction[] All { get; private set; } = [];

    /// <summary>Zones come from the range version; closures are projected again on its plane.</summary>
    public void UpdateRange(RangePlane plane)
    {
        _zones = plane.Zones
            .Where(zone => zone.Zone.Kind == ZoneKind.Exclusion)
            .Select(zone => Restriction.Of(zone, plane.Range.TimeZone))
            .ToArray();
        Rebuild(plane);
    }

    public void Put(Closure closure, RangePlane plane)
    {
        _closures[closure.Id] = closure;
        Rebuild(plane);
    }

    public void Remove(string closureId, RangePlane plane)
    {
        if (_closures.Remove(closureId))
        {
            Rebuild(plane);
        }
    }

    public bool Contains(string id)
    {
        foreach (var restriction in All)
        {
            if (restriction.Id == id)
            {
                return true;
            }
        }
        return false;
    }

    private void Rebuild(RangePlane plane)
    {
        All = [.. _zones, .. _closures.Values.Select(closure => Restriction.Of(closure, plane))];
    }
}
