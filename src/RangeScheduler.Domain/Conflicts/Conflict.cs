using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>What stands in the way of a requested booking (contract <c>Conflict.Kind</c>).</summary>
public enum ConflictKind
{
    Booking = 1,
    Closure = 2,
    ExclusionZone = 3,
    OutsideRange = 4,
    OutsideHours = 5,
    Capacity = 6,
    VehicleNotAllowed = 7,
    VehicleDoubleBooked = 8,
}

/// <summary>
/// One reason a request cannot be booked. Another organisation's booking is described only
/// by id, state, window and distances; the service layer must never add its title,
/// vehicles or organisation.
/// </summary>
/// <param name="VolumeIndex">The requested volume concerned; null when it concerns the whole request.</param>
/// <param name="OtherId">Booking, closure or zone id, where there is one.</param>
/// <param name="Overlap">When the conflict holds.</param>
public sealed record Conflict(
    ConflictKind Kind,
    int? VolumeIndex,
    string OtherId,
    TimeWindow? Overlap,
    string Message)
{
    /// <summary>Distance between footprints in metres (0 when they overlap).</summary>
    public double HorizontalGapMeters { get; init; }
    /// <summary>Distance between bands in metres (0 when they overlap).</summary>
    public double VerticalGapMeters { get; init; }
    public double RequiredHorizontalMeters { get; init; }
    public double RequiredVerticalMeters { get; init; }
    /// <summary>For <see cref="ConflictKind.Booking"/>: a PENDING_APPROVAL blocker may still go away.</summary>
    public BookingState? OtherState { get; init; }
    /// <summary>For vehicle conflicts.</summary>
    public string VehicleId { get; init; } = "";
}
