using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Slots;

/// <summary>
/// Whether a <see cref="SlotRequest"/> is well formed (contract <c>FindSlotsRequest</c>; the
/// shape rules of DESIGN.md "Geometry"), with contract field paths: <c>vehicles[0].kind</c>,
/// <c>volumes[1].footprint.circle.radius_m</c>, <c>volumes[0].vertical</c>,
/// <c>volumes[0].duration</c>, <c>search_window</c>, <c>step</c>. The time rules of a booking
/// (not ended, at most 30 days ahead) are not errors here: the search skips starts that
/// would break them.
/// </summary>
public static class SlotRequestValidator
{
    /// <summary>Throws one <see cref="InvalidRequestException"/> listing every violation.</summary>
    public static void Validate(SlotRequest request, RangePlane plane)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < request.Vehicles.Count; i++)
        {
            ValidateVehicle(request.Vehicles[i], $"vehicles[{i}]", errors);
        }
        if (request.Volumes.Count == 0)
        {
            errors.Add("volumes", "at least one volume is required");
        }
        for (var i = 0; i < request.Volumes.Count; i++)
        {
            ValidateVolume(request.Volumes[i], $"volumes[{i}]", plane, errors);
        }
        TimeWindowValidator.Validate(request.SearchWindow, "search_window", errors);
        if (request.MaxResults < 0)
        {
            errors.Add("max_results", $"must not be negative; is {request.MaxResults}");
        }
        FieldRules.NonNegative(request.Step, "step", errors);
        if (!Enum.IsDefined(request.Priority))
        {
            errors.Add("priority", $"{(int)request.Priority} is not a priority");
        }
        errors.ThrowIfAny();
    }

    private static void ValidateVehicle(Vehicle vehicle, string path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(vehicle.Id))
        {
            errors.Add($"{path}.id", "is required");
        }
        if (vehicle.Kind == VehicleKind.Unspecified || !Enum.IsDefined(vehicle.Kind))
        {
            errors.Add($"{path}.kind", "must be UAV, USV or UUV");
        }
    }

    private static void ValidateVolume(RelativeVolume volume, string path, RangePlane plane, ValidationErrors errors)
    {
        if (FootprintValidator.Validate(volume.Footprint, $"{path}.footprint", errors, plane.Projection))
        {
            ValidateArea(volume.Footprint, $"{path}.footprint", plane, errors);
        }
        FieldRules.VerticalBand(volume.Vertical, $"{path}.vertical", errors);
        FieldRules.NonNegative(volume.Offset, $"{path}.offset", errors);
        if (volume.Duration <= TimeSpan.Zero)
        {
            errors.Add($"{path}.duration", $"must be > 0; is {volume.Duration}");
        }
    }

    /// <summary>As for a booking: a footprint larger than the range can never fit, and absurd shapes stay away from the geometry.</summary>
    private static void ValidateArea(Footprint footprint, string path, RangePlane plane, ValidationErrors errors)
    {
        var area = plane.Project(footprint).AreaSquareMeters;
        var rangeArea = plane.Boundary.AreaSquareMeters;
        if (!(area <= rangeArea))
        {
            errors.Add(path, $"covers {area / 1e6:0.###} km², more than the range's {rangeArea / 1e6:0.###} km²");
        }
    }
}
