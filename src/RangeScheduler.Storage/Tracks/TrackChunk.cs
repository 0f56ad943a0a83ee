namespace RangeScheduler.Storage.Tracks;

/// <summary>
/// A run of one vehicle's position reports within one booking, stored as one opaque blob: the
/// server encodes the contract's <c>PositionReport</c>s into <see cref="Reports"/>, and storage
/// never looks inside. Record equality compares <see cref="Reports"/> by reference, not by content.
/// </summary>
/// <param name="FirstTime">Time of the run's first fix; PostgreSQL keeps it to the microsecond, SQLite to the tick.</param>
/// <param name="LastTime">Time of the run's last fix; not before <paramref name="FirstTime"/>.</param>
/// <param name="Count">Number of reports in the blob; at least 1.</param>
public sealed record TrackChunk(
    string RangeId,
    string BookingId,
    string VehicleId,
    DateTimeOffset FirstTime,
    DateTimeOffset LastTime,
    int Count,
    ReadOnlyMemory<byte> Reports)
{
    /// <summary>
    /// Checked before a chunk is queued or written, so that one malformed chunk cannot make a
    /// whole batch's transaction fail at the database's constraints.
    /// </summary>
    /// <exception cref="ArgumentException">An id is empty, the count is not positive, or the last time is before the first.</exception>
    internal void EnsureValid()
    {
        if (string.IsNullOrEmpty(RangeId) || string.IsNullOrEmpty(BookingId) || string.IsNullOrEmpty(VehicleId))
        {
            throw new ArgumentException("A track chunk needs a range, a booking and a vehicle id.", "chunk");
        }
        if (Count < 1)
        {
            throw new ArgumentException($"A track chunk holds at least one report, not {Count}.", "chunk");
        }
        if (LastTime < FirstTime)
        {
            throw new ArgumentException($"A track chunk's last time {LastTime:O} is before its first {FirstTime:O}.", "chunk");
        }
    }
}
