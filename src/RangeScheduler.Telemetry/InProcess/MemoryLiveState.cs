using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Watching;

namespace RangeScheduler.Telemetry.InProcess;

/// <summary>
/// One range's live state in memory: latest position per (booking, vehicle), open alerts and
/// commands by id. Commands leave with the log entry that last changed them, so the view
/// holds exactly the retained ones. Not thread-safe: its range's lock guards it.
/// </summary>
internal sealed class MemoryLiveState
{
    private readonly Dictionary<VehicleKey, PositionUpdate> _latest = new();
    private readonly Dictionary<string, Alert> _openAlerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Command Command, ulong Sequence)> _commands = new(StringComparer.Ordinal);

    public void Apply(RangeEvent rangeEvent, ulong sequence)
    {
        switch (rangeEvent.EventCase)
        {
            case RangeEvent.EventOneofCase.Alert when rangeEvent.Alert.Kind == AlertKind.Resolved:
                _openAlerts.Remove(rangeEvent.Alert.ResolvesAlertId);
                break;
            case RangeEvent.EventOneofCase.Alert:
                _openAlerts[rangeEvent.Alert.Id] = rangeEvent.Alert;
                break;
            case RangeEvent.EventOneofCase.Command:
                _commands[rangeEvent.Command.Id] = (rangeEvent.Command, sequence);
                break;
        }
    }

    public PositionUpdate? Latest(VehicleKey vehicle) => _latest.GetValueOrDefault(vehicle);

    public void Apply(IEnumerable<PositionUpdate> positions)
    {
        foreach (var position in positions)
        {
            _latest[VehicleKey.Of(position)] = position;
        }
    }

    /// <summary>The log entry <paramref name="sequence"/>, a status of command <paramref name="commandId"/>, was trimmed: if it was the command's latest, the command is no longer retained.</summary>
    public void CommandTrimmed(string commandId, ulong sequence)
    {
        if (_commands.TryGetValue(commandId, out var held) && held.Sequence == sequence)
        {
            _commands.Remove(commandId);
        }
    }

    public void ForgetBooking(string bookingId)
    {
        foreach (var key in _latest.Keys.Where(k => k.BookingId == bookingId).ToList())
        {
            _latest.Remove(key);
        }
        foreach (var alert in _openAlerts.Values.Where(a => a.BookingId == bookingId).ToList())
        {
            _openAlerts.Remove(alert.Id);
        }
    }

    public RangeLiveView View(string cursor) => new(_latest.Values.ToList(), _openAlerts.Values.ToList(), Commands(), cursor);

    public List<Command> Commands() => _commands.Values.Select(c => c.Command).ToList();
}
