using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Telemetry;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Writes open commands to the station streams of this process that carry their vehicles,
/// each once per stream, and says so on the bus: a QUEUED command becomes DELIVERED. Each
/// status change is published while no other change is made, so that watchers see them in
/// the order they happened, DELIVERED before the station's receipt for it, and kept in the
/// database (<see cref="CommandRecord"/>).
/// </summary>
public sealed class CommandDelivery(CommandBoard board, StationRoutes routes, IRangeBus bus, CommandRecord record, TimeProvider time)
{
    private readonly object _statusOrder = new();

    /// <summary>A command issued or changed anywhere, as the range's feed brings it.</summary>
    public void Learn(string rangeId, Command command)
    {
        board.Apply(rangeId, command);
        if (command.Status is not (CommandStatus.Queued or CommandStatus.Delivered))
        {
            return;
        }
        if (command.VehicleId.Length > 0)
        {
            if (routes.Carrier(command.BookingId, command.VehicleId) is { } carrier)
            {
                Offer(carrier, command.BookingId, command.VehicleId);
            }
            return;
        }
        foreach (var carrier in routes.Carriers(command.BookingId))
        {
            Offer(carrier, command.BookingId, "");
        }
    }

    /// <summary>Writes to <paramref name="stream"/> the open commands for the vehicle it has not had yet.</summary>
    public void Offer(StationStream stream, string bookingId, string vehicleId)
    {
        foreach (var command in board.TakeUnsent(bookingId, vehicleId, stream, time.GetUtcNow()))
        {
            if (!stream.TrySend(command))
            {
                continue;
            }
            lock (_statusOrder)
            {
                if (board.Delivered(command.Id) is { } delivered)
                {
                    Publish(delivered);
                }
            }
        }
    }

    /// <summary>A station's receipt for a command written to its stream.</summary>
    public void Receive(CommandReceipt receipt, StationStream from)
    {
        lock (_statusOrder)
        {
            foreach (var change in board.Receipt(receipt, from))
            {
                Publish(change);
            }
        }
    }

    /// <summary>Commands issued here whose time ran out become EXPIRED.</summary>
    public void ExpireDue(DateTimeOffset now)
    {
        lock (_statusOrder)
        {
            foreach (var expired in board.Expire(now))
            {
                Publish(expired);
            }
        }
    }

    /// <summary>
    /// Publishes again the open commands issued here on <paramref name="rangeId"/> that
    /// <paramref name="onBus"/> (the range's commands as the bus holds them) lacks or holds at
    /// an earlier status: Redis lost them. Under the status lock, so that a change published
    /// since the bus was read is not overtaken by an older status. Returns how many.
    /// </summary>
    public int Resync(string rangeId, CommandsOnBus onBus, DateTimeOffset now)
    {
        var published = 0;
        lock (_statusOrder)
        {
            foreach (var open in board.OpenIssuedHere(now))
            {
                if (open.RangeId != rangeId || onBus.Holds(open.Command))
                {
                    continue;
                }
                PublishOnBus(open);
                published++;
            }
        }
        return published;
    }

    private void Publish(CommandChange change)
    {
        PublishOnBus(change);
        record.Keep(change);
    }

    private void PublishOnBus(CommandChange change) =>
        bus.Publish(change.RangeId, new RangeEvent { Time = GeoMapping.ToContract(time.GetUtcNow()), Command = change.Command });
}
