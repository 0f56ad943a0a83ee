namespace RangeScheduler.GroundStation.Replay;

/// <summary>What the replay command was asked to do.</summary>
public sealed record ReplayOptions
{
    /// <param name="vehicleId">The booking's vehicle to report as; null: its first vehicle.</param>
    /// <param name="track">The log's vehicle (MMSI, MAVLink system id) to replay; null: the one with the most fixes.</param>
    /// <param name="speed">1 is real time, 10 ten times faster, 0 as fast as possible.</param>
    /// <param name="batchInterval">Fixes due within one interval go in one PositionBatch.</param>
    public ReplayOptions(Uri server, string apiKey, string bookingId, string? vehicleId, string file, string? track, double speed, TimeSpan batchInterval)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(speed);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(batchInterval, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(bookingId);
        Server = server;
        ApiKey = apiKey;
        BookingId = bookingId;
        VehicleId = vehicleId;
        File = file;
        Track = track;
        Speed = speed;
        BatchInterval = batchInterval;
    }

    public Uri Server { get; }
    public string ApiKey { get; }
    public string BookingId { get; }
    public string? VehicleId { get; }
    public string File { get; }
    public string? Track { get; }
    public double Speed { get; }
    public TimeSpan BatchInterval { get; }
}
