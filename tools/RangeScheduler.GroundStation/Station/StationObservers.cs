using RangeScheduler.Contracts.V1;

namespace RangeScheduler.GroundStation.Station;

/// <summary>
/// What a <see cref="StationLink"/> received, as it arrives, on the stream's reading
/// thread. The replay prints each; the swarm only counts, so it passes none.
/// </summary>
public interface IStationObserver
{
    /// <summary>
    /// <paramref name="batch"/> has just been written to the stream; its reports are reused
    /// once this returns. The telemetry benchmark stamps each report's send time here; the
    /// replay already prints what it sends, so the default does nothing.
    /// </summary>
    void OnSent(PositionBatch batch)
    {
    }

    void OnAck(Ack ack);

    void OnAlert(Alert alert);

    void OnCommand(Command command);
}

/// <summary>Writes every ack, alert and command as one line, as the replay command shows them.</summary>
public sealed class ConsoleStationObserver(TextWriter output) : IStationObserver
{
    private readonly Lock _gate = new();

    public void OnAck(Ack ack) => Write(
        $"ack batch {ack.BatchId}: accepted {ack.Accepted}, duplicates {ack.Duplicates}, rejected {ack.Rejected.Count}"
        + string.Concat(ack.Rejected.Select(r => $"\n  rejected {r.VehicleId} #{r.Sequence}: {r.Code} {r.Reason}")));

    public void OnAlert(Alert alert) => Write(
        $"alert {alert.Kind} ({alert.Severity}) {alert.VehicleId} at {alert.Position?.Latitude:F6},{alert.Position?.Longitude:F6}"
        + $" distance {alert.DistanceM:F1} m: {alert.Message}");

    public void OnCommand(Command command) => Write(
        $"command {command.Id} {command.Kind} for {(command.VehicleId.Length == 0 ? "every vehicle" : command.VehicleId)}: {command.Message} -> ACKNOWLEDGED");

    private void Write(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
        }
    }
}
