namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// Everything a range's conflicts are decided against: its definition's rules, its closures,
/// and the bookings that hold space, indexed in space and time and as sessions. Owned and
/// kept current by <c>RangeBook</c>; read by <see cref="ConflictDetector"/> and the slot finder.
/// </summary>
internal sealed class RangeState(RangeRules rules)
{
    public RangeRules Rules { get; } = rules;

    public BookingIndex Bookings { get; } = new(rules.Plane.Boundary.Envelope);

    public SessionTimeline Sessions { get; } = new();

    /// <summary>By closure id; a range has few, so they are scanned rather than indexed.</summary>
    public Dictionary<string, PlanarClosure> Closures { get; } = new(StringComparer.Ordinal);
}
