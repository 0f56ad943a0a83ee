using System.Security.Cryptography;
using System.Text;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Server.Telemetry;
using RangeScheduler.Storage;
using RangeScheduler.Telemetry;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Monitoring;

/// <summary>
/// IssueCommand: a controller's safety command to the vehicles of an active session on one
/// of its ranges. The booking changes first (HOLD / RETURN_TO_BASE in force, RESUME lifting
/// them, TERMINATE_SESSION completing it), then the command is stored as QUEUED in the
/// database (<see cref="CommandRecord"/>, durable before the call returns) and on the bus, from
/// where it reaches the station streams that carry its vehicles on any process.
/// Retrying with the same request id returns the first command.
/// </summary>
public sealed class CommandDesk(IBookingStore store, RangeDesk desk, IRangeBus bus, CommandBoard board, CommandRecord record, BookingEventHub events, TimeProvider time)
{
    /// <summary>How long a command stays deliverable when the controller does not say.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    public async Task<V1.Command> IssueAsync(Principal caller, V1.IssueCommandRequest request, CancellationToken cancellationToken)
    {
        var asked = Validated(request, time.GetUtcNow());
        var booking = await store.GetAsync(asked.BookingId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("booking", asked.BookingId);
        caller.EnsureControls(booking.RangeId);
        if (asked.VehicleId.Length > 0 && booking.Vehicles.All(v => v.Id != asked.VehicleId))
        {
            throw new InvalidRequestException("command.vehicle_id", $"\"{asked.VehicleId}\" is not a vehicle of booking \"{booking.Id}\"");
        }
        var id = CommandId(caller, request.RequestId);
        if (await EarlierAsync(booking.RangeId, id, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return SameCommand(earlier, asked)
                ? earlier
                : throw new InvalidRequestException("request_id", "already used for a different command");
        }
        var (changed, at) = await ApplyAsync(booking, asked, cancellationToken).ConfigureAwait(false);
        if (changed is not null)
        {
            events.Publish(changed, changed.State == BookingState.Completed ? V1.BookingChange.Completed : V1.BookingChange.Conformance, at);
        }
        var command = new V1.Command
        {
            Id = id,
            BookingId = booking.Id,
            VehicleId = asked.VehicleId,
            Kind = asked.Kind,
            Message = asked.Message,
            IssuedAt = GeoMapping.ToContract(at),
            Status = V1.CommandStatus.Queued,
            ExpiresAt = asked.ExpiresAt ?? GeoMapping.ToContract(at + DefaultLifetime),
            IssuedBy = caller.Id,
        };
        await record.SaveAsync(booking.RangeId, command, cancellationToken).ConfigureAwait(false);
        board.Apply(booking.RangeId, command, issuedHere: true);
        bus.Publish(booking.RangeId, new V1.RangeEvent { Time = command.IssuedAt, Command = command.Clone() });
        return command;
    }

    private static V1.Command Validated(V1.IssueCommandRequest request, DateTimeOffset now)
    {
        var errors = new MappingErrors();
        var command = request.Command;
        if (command is null)
        {
            errors.Add("command", "must be set");
            errors.ThrowIfAny();
        }
        errors.RequireNotEmpty(command!.BookingId, "command.booking_id");
        if (command.Kind == V1.CommandKind.Unspecified || !Enum.IsDefined(command.Kind))
        {
            errors.Add("command.kind", "must be HOLD, RETURN_TO_BASE, RESUME or TERMINATE_SESSION");
        }
        if (command.ExpiresAt is { } expires && GeoMapping.ToDomain(expires, "command.expires_at", errors, required: false) is { } at && at <= now)
        {
            errors.Add("command.expires_at", "must be in the future");
        }
        errors.ThrowIfAny();
        return command;
    }

    private async Task<V1.Command?> EarlierAsync(string rangeId, string id, CancellationToken cancellationToken)
    {
        if (board.Find(id) is { } known)
        {
            return known;
        }
        var live = await bus.ReadLiveStateAsync(rangeId, cancellationToken).ConfigureAwait(false);
        return live.Commands.FirstOrDefault(c => c.Id == id);
    }

    private async Task<(Booking? Changed, DateTimeOffset At)> ApplyAsync(Booking booking, V1.Command asked, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var kind = (CommandKind)(int)asked.Kind;
        var changed = await desk.DecideAsync(booking.RangeId, (book, now) =>
        {
            at = now;
            var current = book.Find(booking.Id)
                ?? throw new IllegalTransitionException($"booking \"{booking.Id}\" is not active; commands go to ACTIVE sessions only");
            var next = BookingLifecycle.Command(current, kind, asked.Message, now);
            return next == current
                ? new LedgerDecision<Booking?>(LedgerWrite.Nothing, null)
                : new LedgerDecision<Booking?>(new LedgerWrite([next], [], [], []), next);
        }, cancellationToken).ConfigureAwait(false);
        return (changed, at);
    }

    private static bool SameCommand(V1.Command earlier, V1.Command asked) =>
        earlier.BookingId == asked.BookingId && earlier.VehicleId == asked.VehicleId && earlier.Kind == asked.Kind && earlier.Message == asked.Message;

    // A retried request maps to the same id on every process, so the bus finds the first command.
    private static string CommandId(Principal caller, string requestId) => requestId.Length == 0
        ? "cmd-" + Guid.CreateVersion7().ToString("N")
        : "cmd-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caller.Id + "\n" + requestId)))[..32];
}
