using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// A range's commands as the bus holds them (<c>IRangeBus.ReadCommandsAsync</c>), to tell
/// which of this process's commands it lacks or holds at an earlier status: those are
/// published again, at start-up (<see cref="CommandRestore"/>) and while running
/// (<see cref="CommandResync"/>).
/// </summary>
public sealed class CommandsOnBus
{
    private readonly Dictionary<string, CommandStatus> _statuses = new(StringComparer.Ordinal);

    public CommandsOnBus(IEnumerable<Command> onBus)
    {
        foreach (var command in onBus)
        {
            _statuses[command.Id] = command.Status;
        }
    }

    /// <summary>True when the bus has <paramref name="command"/> at its status or further on: nothing to publish again.</summary>
    public bool Holds(Command command) =>
        _statuses.TryGetValue(command.Id, out var status) && CommandBoard.Rank(status) >= CommandBoard.Rank(command.Status);
}
