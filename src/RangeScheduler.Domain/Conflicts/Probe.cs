using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// What <see cref="ConflictDetector"/> looks for blockers of: a booking request with its
/// volumes on the range's plane, or a slot search whose volumes span every time they could
/// occupy. The detector treats both alike; only the windows differ.
/// </summary>
/// <param name="Session">
/// The time the request is a session on the range, for <c>max_concurrent_sessions</c>: from
/// its first start to its last end (for a slot search, over every start searched).
/// </param>
internal sealed record Probe(
    string OrganizationId,
    IReadOnlyList<Vehicle> Vehicles,
    IReadOnlyList<RequestedVolume> Volumes,
    Priority Priority,
    string? IgnoreBookingId,
    TimeWindow Session)
{
    /// <summary>A booking request as it stands: each volume over its own window.</summary>
    public static Probe Of(BookingRequest request, RangePlane plane)
    {
        var volumes = RequestedVolume.Of(request.Volumes, plane);
        return new Probe(request.OrganizationId, request.Vehicles, volumes, request.Priority, request.IgnoreBookingId, SpanOf(volumes));
    }

    /// <summary>From the first start to the last end of <paramref name="volumes"/>.</summary>
    public static TimeWindow SpanOf(IReadOnlyList<RequestedVolume> volumes) =>
        new(volumes.Min(v => v.Window.Start), volumes.Max(v => v.Window.End));

    /// <summary>True when a blocker limited to <paramref name="kinds"/> (empty: every kind) concerns one of this request's vehicles.</summary>
    public bool Concerns(IReadOnlyList<VehicleKind> kinds) =>
        kinds.Count == 0 || Vehicles.Any(v => kinds.Contains(v.Kind));
}
