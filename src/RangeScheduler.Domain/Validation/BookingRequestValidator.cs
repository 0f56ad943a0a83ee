using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Validation;

/// <summary>
/// Whether a <see cref="BookingRequest"/> is well formed for its range (DESIGN.md "Geometry"):
/// vehicles, and each volume's footprint, band and window, with contract field paths
/// (<c>vehicles[0].id</c>, <c>volumes[1].footprint.polygon.exterior.points[3]</c>,
/// <c>volumes[0].vertical</c>, <c>volumes[0].window</c>). A well-formed request may still
/// conflict; that is the conflict detector's answer, not an error.
/// </summary>
public static class BookingRequestValidator
{
    /// <summary>Throws one <see cref="InvalidRequestException"/> listing every violation.</summary>
    public static void Validate(BookingRequest request, RangePlane plane, DateTimeOffset now) =>
        ValidateAndProject(request, plane, now);

    /// <summary>
    /// <see cref="Validate(BookingRequest, RangePlane, DateTimeOffset)"/>, returning each volume's
    /// footprint on <paramref name="plane"/>: the area rule projects them anyway, and projecting
    /// again for the conflict checks would double the garbage of every check.
    /// </summary>
    internal static PlanarFootprint[] ValidateAndProject(BookingRequest request, RangePlane plane, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var projected = new PlanarFootprint?[request.Volumes.Count];
        Validate(request, plane, now, errors, projected);
        errors.ThrowIfAny();
        return projected!;
    }

    /// <summary>Adds every violation to <paramref name="errors"/>, for callers that check more than the request.</summary>
    public static void Validate(BookingRequest request, RangePlane plane, DateTimeOffset now, ValidationErrors errors) =>
        Validate(request, plane, now, errors, new PlanarFootprint?[request.Volumes.Count]);

    /// <param name="projected">Receives each volume's footprint on the plane; left null for one that is malformed.</param>
    private static void Validate(BookingRequest request, RangePlane plane, DateTimeOffset now, ValidationErrors errors, PlanarFootprint?[] projected)
    {
        ValidateVehicles(request.Vehicles, errors);
        if (!Enum.IsDefined(request.Priority))
        {
            errors.Add("priority", $"{(int)request.Priority} is not a priority");
        }
        if (request.Volumes.Count == 0)
        {
            errors.Add("volumes", "at least one volume is required");
        }
        for (var i = 0; i < request.Volumes.Count; i++)
        {
            projected[i] = ValidateVolume(request.Volumes[i], $"volumes[{i}]", plane, now, errors);
        }
    }

    /// <summary>
    /// At least one vehicle; each with a non-blank id, unique within the request, and a kind
    /// set: <c>vehicles</c>, <c>vehicles[i].id</c>, <c>vehicles[i].kind</c>. FindSlots lists its
    /// vehicles the same way.
    /// </summary>
    public static void ValidateVehicles(IReadOnlyList<Vehicle> vehicles, ValidationErrors errors)
    {
        if (vehicles.Count == 0)
        {
            errors.Add("vehicles", "at least one vehicle is required");
        }
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vehicles.Count; i++)
        {
            var vehicle = vehicles[i];
            if (string.IsNullOrWhiteSpace(vehicle.Id))
            {
                errors.Add($"vehicles[{i}].id", "is required");
            }
            else if (!firstIndexById.TryAdd(vehicle.Id, i))
            {
                errors.Add($"vehicles[{i}].id", $"\"{vehicle.Id}\" is listed already as vehicles[{firstIndexById[vehicle.Id]}]");
            }
            if (vehicle.Kind == VehicleKind.Unspecified || !Enum.IsDefined(vehicle.Kind))
            {
                errors.Add($"vehicles[{i}].kind", "must be UAV, USV or UUV");
            }
        }
    }

    /// <returns>The footprint on the plane; null when it is malformed.</returns>
    private static PlanarFootprint? ValidateVolume(Volume4D volume, string path, RangePlane plane, DateTimeOffset now, ValidationErrors errors)
    {
        var footprintPath = $"{path}.footprint";
        PlanarFootprint? projected = null;
        if (FootprintValidator.Validate(volume.Footprint, footprintPath, errors, plane.Projection))
        {
            projected = plane.Project(volume.Footprint);
            FootprintValidator.ValidateArea(projected, footprintPath, plane, errors);
        }
        FieldRules.VerticalBand(volume.Vertical, $"{path}.vertical", errors);
        TimeWindowValidator.ValidateBookable(volume.Window, $"{path}.window", now, errors);
        return projected;
    }
}
