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
public sealed record Conflict
{
    private readonly string? _message;

    /// <param name="volumeIndex">The requested volume concerned; null when it concerns the whole request.</param>
    /// <param name="otherId">Booking, closure or zone id, where there is one.</param>
    /// <param name="overlap">When the conflict holds.</param>
    public Conflict(ConflictKind kind, int? volumeIndex, string otherId, TimeWindow? overlap, string message)
        : this(kind, volumeIndex, otherId, overlap) => _message = message;

    /// <summary>
    /// A <see cref="ConflictKind.Booking"/> conflict, whose message is written from its fields
    /// when it is read (<see cref="Message"/>); give it <see cref="SeparationText"/>.
    /// </summary>
    internal Conflict(ConflictKind kind, int? volumeIndex, string otherId, TimeWindow? overlap)
    {
        Kind = kind;
        VolumeIndex = volumeIndex;
        OtherId = otherId;
        Overlap = overlap;
    }

    public ConflictKind Kind { get; init; }
    /// <summary>The requested volume concerned; null when it concerns the whole request.</summary>
    public int? VolumeIndex { get; init; }
    /// <summary>Booking, closure or zone id, where there is one.</summary>
    public string OtherId { get; init; }
    /// <summary>When the conflict holds.</summary>
    public TimeWindow? Overlap { get; init; }

    /// <summary>
    /// The readable explanation. A booking conflict's is written when it is read, from the
    /// fields as they are then: a blocker met by several volumes or periods is one conflict at
    /// the least distances, known only once the findings are merged; and at a million bookings a
    /// check finds dozens, whose messages would be written inside the range's turn.
    /// </summary>
    public string Message => _message ?? ConflictText.BookingConflict(this);

    /// <summary>Distance between footprints in metres (0 when they overlap).</summary>
    public double HorizontalGapMeters { get; init; }
    /// <summary>Distance between bands in metres (0 when they overlap).</summary>
    public double VerticalGapMeters { get; init; }
    public double RequiredHorizontalMeters { get; init; }
    public double RequiredVerticalMeters { get; init; }
    /// <summary>For <see cref="ConflictKind.Booking"/>: a PENDING_APPROVAL blocker may still go away.</summary>
    public BookingState? OtherState { get; init; }
    /// <summary>For <see cref="ConflictKind.Booking"/>: the separation the range keeps, as its message states it.</summary>
    public string SeparationText { get; init; } = "";
    /// <summary>For vehicle conflicts.</summary>
    public string VehicleId { get; init; } = "";
}
