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
    public static Probe Of(BookingRequest request, RangePlane plane) =>
        Of(request, RequestedVolume.Of(request.Volumes, plane));

    /// <param name="footprints">The request's footprints on the range's plane, in volume order, as validation projected them.</param>
    public static Probe Of(BookingRequest request, IReadOnlyList<PlanarFootprint> footprints) =>
        Of(request, RequestedVolume.Of(request.Volumes, footprints));

    private static Probe Of(BookingRequest request, RequestedVolume[] volumes) =>
        new Probe(request.OrganizationId, request.Vehicles, volumes, request.Priority, request.IgnoreBookingId, SpanOf(volumes));

    /// <summary>From the first start to the last end of <paramref name="volumes"/>.</summary>
    public static TimeWindow SpanOf(IReadOnlyList<RequestedVolume> volumes) =>
        new(volumes.Min(v => v.Window.Start), volumes.Max(v => v.Window.End));

    /// <summary>True when a blocker limited to <paramref name="kinds"/> (empty: every kind) concerns one of this request's vehicles.</summary>
    public bool Concerns(IReadOnlyList<VehicleKind> kinds) =>
        kinds.Count == 0 || Vehicles.Any(v => kinds.Contains(v.Kind));
}

/// <summary>
/// One blocker of one requested volume (or of the whole request), before the detector joins
/// them into <see cref="Conflict"/>s. <see cref="Busy"/> is when the blocker stands in the
/// way, independent of the request's own window, which is what a slot search sweeps over.
/// </summary>
/// <param name="Conflict">As reported to a booking check; its overlap is the checked window ∩ <paramref name="Busy"/>.</param>
/// <param name="Busy">
/// When the blocker blocks: a booking's window widened by the time buffer, a closure's
/// window, a zone's active hours, closed hours, an over-capacity period. Null: at all times
/// (outside the range, a vehicle kind not allowed, a zone always in force). Relative to the
/// volume of <c>Conflict.VolumeIndex</c>, or to the request's session when that is unset.
/// </param>
/// <param name="PreemptableBookingId">The blocking booking, when a HIGH-priority request would pre-empt it instead.</param>
internal readonly record struct Finding(Conflict Conflict, TimeWindow? Busy, string? PreemptableBookingId = null);
