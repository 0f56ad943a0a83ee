using RangeScheduler.Contracts.V1;

namespace RangeScheduler.GroundStation.Station;

/// <summary>
/// What a <see cref="StationLink"/> received, as it arrives, on the stream's reading
/// thread. The replay prints each; the swarm only counts, so it passes none.
/// </summary>
public interface IStationObserver
{
    void OnAck(Ack ack);

    void OnAlert(Alert alert);

    void OnCommand(Command command);
}
