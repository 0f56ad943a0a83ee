namespace RangeScheduler.Storage.Tracks;

/// <summary>
/// The stored positions of bookings (MonitorService.GetTrack) as runs of reports, one blob a
/// run. Writes come from the ingest path through <see cref="TrackRecorder"/>, in large batches.
/// </summary>
public interface ITrackStore
{
    /// <summary>
    /// Stores the chunks in one transaction: all of them are durable when the task completes,
    /// or none when it fails. An empty list stores nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A chunk is malformed (see <see cref="TrackChunk"/>); nothing is stored.</exception>
    /// <exception cref="StoreUnavailableException">The database failed; nothing is stored.</exception>
    Task AppendAsync(IReadOnlyList<TrackChunk> chunks, CancellationToken cancellationToken);

    /// <summary>
    /// The booking's chunks (of one vehicle, or of all when <paramref name="vehicleId"/> is null)
    /// whose closed span [FirstTime, LastTime] overlaps the half-open window
    /// [<paramref name="from"/>, <paramref name="to"/>), ordered by first time, then vehicle id
    /// (then last time, then the order they were appended in); at most <paramref name="limit"/> of them. Empty when
    /// none matches or the window is empty. PostgreSQL compares times to the microsecond.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    /// <exception cref="StoreUnavailableException">The database failed.</exception>
    Task<IReadOnlyList<TrackChunk>> ReadAsync(
        string bookingId, string? vehicleId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// For each (booking, vehicle) of <paramref name="vehicles"/> that has chunks, its newest: the
    /// one that began last (of those, the one that ended last, then the last appended). The
    /// chunks come in no particular order; a pair without chunks has none.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The database failed.</exception>
    Task<IReadOnlyList<TrackChunk>> ReadNewestAsync(IReadOnlyCollection<(string BookingId, string VehicleId)> vehicles, CancellationToken cancellationToken);

    /// <summary>
    /// Retention: deletes the chunks whose last time is before <paramref name="cutoff"/>; returns
    /// how many, 0 when none. SQLite deletes in several short transactions so that booking
    /// writes are not held up, so a failure may leave some of them deleted.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The database failed.</exception>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
