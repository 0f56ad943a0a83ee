using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry;

/// <summary>
/// The telemetry bus (DESIGN.md, "Telemetry and conformance"): each range's positions,
/// alerts, commands, booking events and closures, from whoever publishes them to whoever
/// watches the range, plus the range's live state. Publishing never waits for watchers.
/// </summary>
public interface IRangeBus
{
    /// <summary>
    /// Alerts, commands, booking events, closures. Never dropped for a watcher: one that
    /// overflows its queue ends with <see cref="RangeWatcherTooSlowException"/>. The bus sets
    /// <see cref="RangeEvent.Cursor"/> of what watchers receive. Never blocks or throws because
    /// Redis is down. Also updates the live state (open alerts, commands).
    /// </summary>
    void Publish(string rangeId, RangeEvent rangeEvent);

    /// <summary>
    /// The accepted positions of one ingest batch, carried as one bus entry. A watcher that
    /// falls behind loses intermediate positions but keeps the latest per (booking, vehicle).
    /// Each watcher receives them as <c>RangeEvent{Position=…}</c>, each with its own cursor.
    /// Also updates the range's latest positions. Never blocks or throws because Redis is down.
    /// </summary>
    void PublishPositions(string rangeId, IReadOnlyList<PositionUpdate> positions);

    /// <summary>
    /// Watches the range. <paramref name="resumeAfter"/> retained: replays every event and
    /// position after it, then continues live (Snapshot null, EventsLost false). Null or
    /// empty: <see cref="RangeBusSubscription.Snapshot"/> is the state it starts from. Not
    /// retained (trimmed, unknown, from a restarted bus, malformed): Snapshot set and
    /// EventsLost true. Without <paramref name="positions"/> the subscription receives control
    /// events only (live and replayed); the snapshot is the same either way.
    /// </summary>
    /// <exception cref="RangeBusUnavailableException">The Redis bus cannot reach Redis.</exception>
    Task<RangeBusSubscription> SubscribeAsync(string rangeId, string? resumeAfter, bool positions, CancellationToken cancellationToken);

    /// <summary>
    /// Latest position per (booking, vehicle), open alerts (an alert adds one; a RESOLVED
    /// alert removes the one named by resolves_alert_id), every retained command by id at its
    /// latest status, and the cursor that continues from this state. An unknown range is empty.
    /// </summary>
    /// <exception cref="RangeBusUnavailableException">The Redis bus cannot reach Redis.</exception>
    Task<RangeLiveView> ReadLiveStateAsync(string rangeId, CancellationToken cancellationToken);

    /// <summary>
    /// The commands of the live state alone (every retained command by id at its latest status),
    /// without reading the range's latest positions: what the server compares its own commands
    /// with, at start-up and while running. An unknown range has none.
    /// </summary>
    /// <exception cref="RangeBusUnavailableException">The Redis bus cannot reach Redis.</exception>
    Task<IReadOnlyList<Command>> ReadCommandsAsync(string rangeId, CancellationToken cancellationToken);

    /// <summary>A booking ended: drops its vehicles' latest positions and its open alerts from the live state.</summary>
    void ForgetBooking(string rangeId, string bookingId);

    /// <summary>
    /// The latest position the range's live state holds for each of the given (booking, vehicle)
    /// pairs that has one, whichever process published it. Ingest starts a vehicle new to its
    /// process from it, so that a station that reconnects to another instance and sends again
    /// what the first one accepted gets duplicates, not a second copy. Empty, at once, when Redis
    /// is down, and empty after a short wait when it does not answer: never an outage for ingest.
    /// </summary>
    Task<IReadOnlyDictionary<(string BookingId, string VehicleId), PositionReport>> FindLatestReportsAsync(
        string rangeId, IReadOnlyCollection<(string BookingId, string VehicleId)> vehicles, CancellationToken cancellationToken);
}

/// <summary>A range's live state and the cursor that continues from it (LiveState in the contract, without bookings).</summary>
public sealed record RangeLiveView(
    IReadOnlyList<PositionUpdate> Latest,
    IReadOnlyList<Alert> OpenAlerts,
    IReadOnlyList<Command> Commands,
    string Cursor);

/// <summary>
/// The watcher did not keep up with its range's alerts, commands and booking events (positions
/// coalesce instead). The contract ends such a stream with RESOURCE_EXHAUSTED; the watcher
/// resumes from its last cursor.
/// </summary>
public sealed class RangeWatcherTooSlowException() : Exception("the watcher fell too far behind the range's events");

/// <summary>The bus's store (Redis) cannot be reached for a read; the server answers UNAVAILABLE (DESIGN.md, "Status codes").</summary>
public sealed class RangeBusUnavailableException(string message, Exception innerException) : Exception(message, innerException);
