using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// The controller commands this process knows of, each with its latest status and the
/// station streams here it was written to (DESIGN.md: a command is delivered on every stream
/// that carries its vehicle, again on each reconnect, until it is acknowledged, refused or
/// expired). Filled from the range feeds of the bus, so commands issued on any process are
/// here. Every status change it makes is returned for the caller to publish.
/// </summary>
public sealed class CommandBoard
{
    /// <summary>How long a command is remembered after it expired.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _commands = new(StringComparer.Ordinal);

    /// <summary>Learns a command or a later status of it; a final status is never undone.</summary>
    public void Apply(string rangeId, Command command, bool issuedHere = false)
    {
        lock (_lock)
        {
            if (!_commands.TryGetValue(command.Id, out var entry))
            {
                _commands.Add(command.Id, new Entry(rangeId, command.Clone(), issuedHere));
                return;
            }
            entry.IssuedHere |= issuedHere;
            if (Rank(command.Status) > Rank(entry.Command.Status))
            {
                entry.Command = command.Clone();
            }
        }
    }

    public Command? Find(string commandId)
    {
        lock (_lock)
        {
            return _commands.TryGetValue(commandId, out var entry) ? entry.Command.Clone() : null;
        }
    }

    /// <summary>
    /// The commands still in force for the vehicle that <paramref name="stream"/> has not been
    /// sent yet, marked as sent to it. Commands for every vehicle of the booking (no vehicle id) count.
    /// </summary>
    public IReadOnlyList<Command> TakeUnsent(string bookingId, string vehicleId, StationStream stream, DateTimeOffset now)
    {
        List<Command>? unsent = null;
        lock (_lock)
        {
            foreach (var entry in _commands.Values)
            {
                var command = entry.Command;
                if (command.BookingId == bookingId && (command.VehicleId.Length == 0 || command.VehicleId == vehicleId)
                    && IsOpen(command, now) && !entry.SentTo.Contains(stream))
                {
                    entry.SentTo.Add(stream);
                    (unsent ??= []).Add(command.Clone());
                }
            }
        }
        return unsent ?? (IReadOnlyList<Command>)[];
    }

    /// <summary>The commands issued here (or restored here) that are still open: not answered, not expired.</summary>
    public IReadOnlyList<CommandChange> OpenIssuedHere(DateTimeOffset now)
    {
        lock (_lock)
        {
            return [.. _commands.Values
                .Where(entry => entry.IssuedHere && IsOpen(entry.Command, now))
                .Select(entry => new CommandChange(entry.RangeId, entry.Command.Clone()))];
        }
    }

    /// <summary>QUEUED becomes DELIVERED once a stream carried it; the change, or null when it was already past that.</summary>
    public CommandChange? Delivered(string commandId) => Move(commandId, CommandStatus.Delivered, null);

    /// <summary>
    /// A station's receipt, ACKNOWLEDGED or REFUSED, for a command written to its stream: its
    /// changes, DELIVERED first when the receipt came back before the write was marked; none
    /// when the receipt is for a command it was not sent, or one already final.
    /// </summary>
    public IReadOnlyList<CommandChange> Receipt(CommandReceipt receipt, StationStream from)
    {
        if (receipt.Status is not (CommandStatus.Acknowledged or CommandStatus.Refused))
        {
            return [];
        }
        lock (_lock)
        {
            var delivered = Move(receipt.CommandId, CommandStatus.Delivered, from);
            return Move(receipt.CommandId, receipt.Status, from) is { } received
                ? delivered is null ? [received] : [delivered, received]
                : [];
        }
    }

    /// <summary>
    /// Commands issued here, still open, whose time ran out: now EXPIRED. Commands that ended
    /// over <see cref="Kept"/> ago are forgotten (the bus keeps them for GetLiveState).
    /// </summary>
    public IReadOnlyList<CommandChange> Expire(DateTimeOffset now)
    {
        List<CommandChange>? expired = null;
        lock (_lock)
        {
            foreach (var (id, entry) in _commands)
            {
                if (Rank(entry.Command.Status) == Rank(CommandStatus.Expired) && entry.Command.ExpiresAt.ToDateTimeOffset() < now - Kept)
                {
                    _commands.Remove(id);
                    continue;
                }
                if (entry.IssuedHere && Rank(entry.Command.Status) < Rank(CommandStatus.Acknowledged) && !IsOpen(entry.Command, now))
                {
                    entry.Command = entry.Command.Clone();
                    entry.Command.Status = CommandStatus.Expired;
                    (expired ??= []).Add(new CommandChange(entry.RangeId, entry.Command.Clone()));
                }
            }
        }
        return expired ?? (IReadOnlyList<CommandChange>)[];
    }

    /// <summary>Forgets the stream's deliveries: a vehicle it carried gets its commands again on its next stream.</summary>
    public void Forget(StationStream stream)
    {
        lock (_lock)
        {
            foreach (var entry in _commands.Values)
            {
                entry.SentTo.Remove(stream);
            }
        }
    }

    private CommandChange? Move(string commandId, CommandStatus to, StationStream? from)
    {
        lock (_lock)
        {
            if (!_commands.TryGetValue(commandId, out var entry) || Rank(entry.Command.Status) >= Rank(to)
                || (from is not null && !entry.SentTo.Contains(from)))
            {
                return null;
            }
            entry.Command = entry.Command.Clone();
            entry.Command.Status = to;
            return new CommandChange(entry.RangeId, entry.Command.Clone());
        }
    }

    private static bool IsOpen(Command command, DateTimeOffset now) =>
        Rank(command.Status) < Rank(CommandStatus.Acknowledged) && command.ExpiresAt.ToDateTimeOffset() > now;

    /// <summary>How far a status is: statuses only move forward, queued, delivered, then one final status.</summary>
    public static int Rank(CommandStatus status) => status switch
    {
        CommandStatus.Queued => 1,
        CommandStatus.Delivered => 2,
        CommandStatus.Acknowledged or CommandStatus.Refused or CommandStatus.Expired => 3,
        _ => 0,
    };

    private sealed class Entry(string rangeId, Command command, bool issuedHere)
    {
        public string RangeId { get; } = rangeId;

        public Command Command { get; set; } = command;

        public bool IssuedHere { get; set; } = issuedHere;

        public HashSet<StationStream> SentTo { get; } = [];
    }
}

/// <summary>A command's new status, to be published on its range.</summary>
public sealed record CommandChange(string RangeId, Command Command);
