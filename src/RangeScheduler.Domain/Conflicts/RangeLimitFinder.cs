namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The range's own limits (DESIGN.md, "Booking"): vehicle kinds it allows
/// (<see cref="ConflictKind.VehicleNotAllowed"/>), its boundary and vertical limits
/// (<see cref="ConflictKind.OutsideRange"/>) and its operating hours
/// (<see cref="ConflictKind.OutsideHours"/>).
/// </summary>
internal static class RangeLimitFinder
{
    public static void Find(RangeRules rules, Probe probe, List<Finding> into)
    {
        FindVehicleKinds(rules, probe, into);
        foreach (var volume in probe.Volumes)
        {
            FindOutsideRange(rules, volume, into);
            FindOutsideHours(rules, volume, into);
        }
    }

    /// <summary>One conflict per vehicle whose kind the range does not allow (empty list: every kind); it holds whenever the request is made.</summary>
    private static void FindVehicleKinds(RangeRules rules, Probe probe, List<Finding> into)
    {
        var allowed = rules.Range.AllowedVehicleKinds;
        if (allowed.Count == 0)
        {
            return;
        }
        foreach (var vehicle in probe.Vehicles.Where(v => !allowed.Contains(v.Kind)))
        {
            var message = $"vehicle {vehicle.Id} is a {ConflictText.Kinds([vehicle.Kind])}; "
                + $"range {rules.Range.Id} allows only {ConflictText.Kinds(allowed)}";
            var conflict = new Conflict(ConflictKind.VehicleNotAllowed, null, "", null, message) { VehicleId = vehicle.Id };
            into.Add(new Finding(conflict, null));
        }
    }

    /// <summary>
    /// A volume must lie within the boundary (touching it from inside is fine) and within the
    /// vertical limits, both to <see cref="Proximity.ToleranceMeters"/>. Time does not matter.
    /// </summary>
    private static void FindOutsideRange(RangeRules rules, RequestedVolume volume, List<Finding> into)
    {
        var limits = rules.Range.VerticalLimits;
        var band = volume.Vertical;
        var belowOrAbove = band.LowerMeters < limits.LowerMeters - Proximity.ToleranceMeters
            || band.UpperMeters > limits.UpperMeters + Proximity.ToleranceMeters;
        var outsideBoundary = !rules.InsideBoundary.Covers(volume.Footprint.Geometry);
        if (!belowOrAbove && !outsideBoundary)
        {
            return;
        }
        var reasons = new List<string>(2);
        if (outsideBoundary)
        {
            reasons.Add($"its footprint leaves the boundary of range {rules.Range.Id}");
        }
        if (belowOrAbove)
        {
            reasons.Add($"its band {ConflictText.Band(band)} leaves the range's vertical limits {ConflictText.Band(limits)}");
        }
        var message = $"{ConflictText.Volume(volume.Index)}: {string.Join("; ", reasons)}";
        into.Add(new Finding(new Conflict(ConflictKind.OutsideRange, volume.Index, "", volume.Window, message), null));
    }

    /// <summary>One finding per closed period within the volume's window, in the range's local hours.</summary>
    private static void FindOutsideHours(RangeRules rules, RequestedVolume volume, List<Finding> into)
    {
        if (rules.Hours.IsAlwaysOpen)
        {
            return;
        }
        foreach (var closed in rules.Hours.ClosedWithin(volume.Window))
        {
            var message = $"{ConflictText.Volume(volume.Index)} falls outside the operating hours of range "
                + $"{rules.Range.Id} ({rules.Range.TimeZone} local time)";
            into.Add(new Finding(new Conflict(ConflictKind.OutsideHours, volume.Index, "", closed, message), closed));
        }
    }
}
