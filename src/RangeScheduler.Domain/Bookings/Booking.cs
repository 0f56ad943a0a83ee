using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Bookings;

/// <summary>A booked test slot: one organisation's vehicles in one or more volumes of one range.</summary>
public sealed record Booking
{
    public required string Id { get; init; }
    public required string RangeId { get; init; }
    public required string OrganizationId { get; init; }
    public string Title { get; init; } = "";
    public required IReadOnlyList<Vehicle> Vehicles { get; init; }
    public required IReadOnlyList<Volume4D> Volumes { get; init; }
    public Priority Priority { get; init; } = Priority.Normal;
    public BookingState State { get; init; }
    /// <summary>Changes of conformance do not increase <see cref="Version"/>.</summary>
    public ConformanceState Conformance { get; init; }
    /// <summary>Starts at 1; increases on every change by a caller or a transition.</summary>
    public long Version { get; init; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string StateMessage { get; init; } = "";
    public StateReason StateReason { get; init; }
    public CommandKind CommandInForce { get; init; }

    /// <summary>From the first volume's start to the last volume's end.</summary>
    public TimeWindow Span => new(Volumes.Min(v => v.Window.Start), Volumes.Max(v => v.Window.End));
}
