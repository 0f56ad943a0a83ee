namespace RangeScheduler.GroundStation.Replay;

/// <summary>What the replay command was asked to do.</summary>
/// <param name="VehicleId">The booking's vehicle to report as; null: its first vehicle.</param>
/// <param name="Track">The log's vehicle (MMSI, MAVLink system id) to replay; null: the one with the most fixes.</param>
/// <param name="Speed">1 is real time, 10 ten times faster, 0 as fast as possible.</param>
/// <param name="BatchInterval">Fixes due within one interval go in one PositionBatch.</param>
public sealed record ReplayOptions(
    Uri Server,
    string ApiKey,
    string BookingId,
    string? VehicleId,
    string File,
    string? Track,
    double Speed,
    TimeSpan BatchInterval);
