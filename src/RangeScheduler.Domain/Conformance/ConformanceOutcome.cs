using RangeScheduler.Domain.Bookings;

namespace RangeScheduler.Domain.Conformance;

/// <summary>A booking's conformance moved to <paramref name="State"/>.</summary>
public sealed record ConformanceChange(string BookingId, ConformanceState State);

/// <summary>
/// Everything one call of <see cref="RangeConformance"/> produced, in the order it happened. The
/// caller keeps one and clears it between calls, so that the common call, which produces
/// nothing, allocates nothing.
/// </summary>
public sealed class ConformanceOutcome
{
    private readonly List<ConformanceAlert> _alerts = [];
    private readonly List<ConformanceChange> _changes = [];

    public IReadOnlyList<ConformanceAlert> Alerts => _alerts;

    public IReadOnlyList<ConformanceChange> Changes => _changes;

    public void Clear()
    {
        _alerts.Clear();
        _changes.Clear();
    }

    internal void Add(ConformanceAlert alert) => _alerts.Add(alert);

    internal void Add(ConformanceChange change) => _changes.Add(change);
}
