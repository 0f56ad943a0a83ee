using RangeScheduler.Domain.Slots;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Mapping;

/// <summary>FindSlots requests to the domain.</summary>
internal static class SlotMapping
{
    public static SlotRequest ToDomain(V1.FindSlotsRequest request, string organizationId)
    {
        var errors = new MappingErrors();
        errors.RequireNotEmpty(request.RangeId, "range_id");
        var vehicles = BookingMapping.Vehicles(request.Vehicles, errors);
        var volumes = new List<RelativeVolume>();
        for (var i = 0; i < request.Volumes.Count; i++)
        {
            var volume = request.Volumes[i];
            var footprint = GeoMapping.ToDomain(volume.Footprint, $"volumes[{i}].footprint", errors);
            var vertical = GeoMapping.ToDomain(volume.Vertical, $"volumes[{i}].vertical", errors);
            if (volume.Duration is null)
            {
                errors.Add($"volumes[{i}].duration", "must be set and > 0");
            }
            if (footprint is not null && vertical is not null && volume.Duration is not null)
            {
                volumes.Add(new RelativeVolume(footprint, vertical.Value, volume.Offset?.ToTimeSpan() ?? TimeSpan.Zero, volume.Duration.ToTimeSpan()));
            }
        }
        var window = GeoMapping.ToDomain(request.SearchWindow, "search_window", errors);
        var priority = BookingMapping.Priority(request.Priority, "priority", errors);
        errors.ThrowIfAny();
        return new SlotRequest(organizationId, vehicles, volumes, window!.Value, (int)Math.Min(request.MaxResults, 1000),
            request.Step?.ToTimeSpan() ?? TimeSpan.Zero, request.IgnoreBookingId.Length > 0 ? request.IgnoreBookingId : null, priority);
    }
}
