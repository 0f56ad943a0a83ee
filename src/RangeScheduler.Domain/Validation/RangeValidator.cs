using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Validation;

/// <summary>
/// Whether a range definition given to <c>UpsertRange</c> is well formed, with contract paths
/// below <c>range</c> (<c>range.boundary.exterior.points[2]</c>, <c>range.time_zone</c>,
/// <c>range.operating_hours[0]</c>, <c>range.separation.horizontal_m</c>,
/// <c>range.zones[1].footprint.polygon.exterior.points[0]</c>…).
/// </summary>
public static class RangeValidator
{
    /// <summary>Throws one <see cref="InvalidRequestException"/> listing every violation.</summary>
    /// <param name="root">The path of the range itself: <c>range</c> in <c>UpsertRangeRequest</c>, or e.g. a seed file's name.</param>
    public static void Validate(TestRange range, string root = "range")
    {
        var errors = new ValidationErrors();
        Validate(range, errors, root);
        errors.ThrowIfAny();
    }

    /// <summary>Adds every violation to <paramref name="errors"/>, at paths below <paramref name="root"/>.</summary>
    public static void Validate(TestRange range, ValidationErrors errors, string root = "range")
    {
        FieldRules.Identifier(range.Id, $"{root}.id", errors);
        if (!Enum.IsDefined(range.Domain))
        {
            errors.Add($"{root}.domain", $"{(int)range.Domain} is not a range domain");
        }
        // Zones are checked in the range's own plane, as RangePlane will project them, when the
        // boundary makes one; otherwise each in a plane centred on itself.
        LocalProjection? projection = null;
        if (range.Boundary is null)
        {
            errors.Add($"{root}.boundary", "is required");
        }
        else if (PolygonValidator.Validate(range.Boundary, $"{root}.boundary", errors))
        {
            projection = LocalProjection.CenteredOn(range.Boundary.Exterior);
        }
        FieldRules.VerticalBand(range.VerticalLimits, $"{root}.vertical_limits", errors);
        if (!OperatingSchedule.TryFindTimeZone(range.TimeZone, out _))
        {
            errors.Add($"{root}.time_zone", $"\"{range.TimeZone}\" is not a known IANA time zone, such as \"Asia/Shanghai\"");
        }
        WeeklyWindowValidator.ValidateAll(range.OperatingHours, $"{root}.operating_hours", errors);
        FieldRules.NonNegativeMeters(range.Separation.HorizontalMeters, $"{root}.separation.horizontal_m", errors);
        FieldRules.NonNegativeMeters(range.Separation.VerticalMeters, $"{root}.separation.vertical_m", errors);
        FieldRules.NonNegative(range.Separation.TimeBuffer, $"{root}.separation.time_buffer", errors);
        if (range.MaxConcurrentSessions < 0)
        {
            errors.Add($"{root}.max_concurrent_sessions", $"must be 0 (no limit) or more; is {range.MaxConcurrentSessions}");
        }
        FieldRules.VehicleKinds(range.AllowedVehicleKinds, $"{root}.allowed_vehicle_kinds", errors);
        FieldRules.NonNegative(range.LinkTimeout, $"{root}.link_timeout", errors);
        FieldRules.NonNegativeMeters(range.BoundaryWarningMeters, $"{root}.boundary_warning_m", errors);
        FieldRules.NonNegative(range.ReportGrace, $"{root}.report_grace", errors);
        ValidateZones(range.Zones, root, projection, errors);
    }

    private static void ValidateZones(IReadOnlyList<Zone> zones, string root, LocalProjection? projection, ValidationErrors errors)
    {
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < zones.Count; i++)
        {
            var path = $"{root}.zones[{i}]";
            var zone = zones[i];
            if (FieldRules.Identifier(zone.Id, $"{path}.id", errors) && !firstIndexById.TryAdd(zone.Id, i))
            {
                errors.Add($"{path}.id", $"\"{zone.Id}\" is used already by {root}.zones[{firstIndexById[zone.Id]}]");
            }
            if (zone.Kind == ZoneKind.Unspecified || !Enum.IsDefined(zone.Kind))
            {
                errors.Add($"{path}.kind", "must be TEST_AREA, EXCLUSION, CORRIDOR or LAUNCH_RECOVERY");
            }
            FootprintValidator.Validate(zone.Footprint, $"{path}.footprint", errors, projection);
            FieldRules.VerticalBand(zone.Vertical, $"{path}.vertical", errors);
            WeeklyWindowValidator.ValidateAll(zone.ActiveHours, $"{path}.active_hours", errors);
            FieldRules.VehicleKinds(zone.VehicleKinds, $"{path}.vehicle_kinds", errors);
        }
    }
}
