using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Bookings;

/// <summary>
/// How a booking comes to be and changes (DESIGN.md, "Booking": states, versions,
/// approvals). Each change returns the booking as it becomes, its version one higher; a
/// stale expected version fails with <see cref="StaleVersionException"/> and a change the
/// state does not allow with <see cref="IllegalTransitionException"/>, before anything changes.
/// </summary>
public static class BookingLifecycle
{
    /// <summary>
    /// A new booking: PENDING_APPROVAL on a range that requires approval, CONFIRMED otherwise.
    /// A controller's own booking needs no approval: controllers are the approvers.
    /// </summary>
    public static Booking Create(string id, string rangeId, string organizationId, string title, IReadOnlyList<Vehicle> vehicles,
        IReadOnlyList<Volume4D> volumes, Priority priority, TestRange range, bool byController, DateTimeOffset now) => new()
    {
        Id = id,
        RangeId = rangeId,
        OrganizationId = organizationId,
        Title = title,
        Vehicles = vehicles,
        Volumes = volumes,
        Priority = priority,
        State = range.ApprovalRequired && !byController ? BookingState.PendingApproval : BookingState.Confirmed,
        Version = 1,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// New title, vehicles or volumes (null: unchanged), checked like a new booking by the
    /// caller. On a range that requires approval the booking returns to PENDING_APPROVAL,
    /// unless a controller made the change (contract <c>UpdateBookingRequest</c>).
    /// </summary>
    public static Booking Change(Booking current, long expectedVersion, string? title, IReadOnlyList<Vehicle>? vehicles,
        IReadOnlyList<Volume4D>? volumes, TestRange range, bool byController, DateTimeOffset now)
    {
        CheckVersion(current, expectedVersion);
        if (!current.State.IsChangeable())
        {
            throw new IllegalTransitionException($"booking \"{current.Id}\" is {Name(current.State)}: only pending or confirmed bookings can be changed");
        }
        return current with
        {
            Title = title ?? current.Title,
            Vehicles = vehicles ?? current.Vehicles,
            Volumes = volumes ?? current.Volumes,
            State = range.ApprovalRequired && !byController ? BookingState.PendingApproval : current.State,
            Version = current.Version + 1,
            UpdatedAt = now,
        };
    }

    /// <summary>Cancels a booking not yet active. <paramref name="expectedVersion"/> 0: any version.</summary>
    public static Booking Cancel(Booking current, long expectedVersion, StateReason reason, string message, DateTimeOffset now)
    {
        CheckVersionUnlessAny(current, expectedVersion);
        return Transition(current, BookingState.Cancelled, reason, message, now);
    }

    /// <summary>A controller's answer to a pending booking. <paramref name="expectedVersion"/> 0: any version.</summary>
    public static Booking Decide(Booking current, long expectedVersion, bool approve, string message, DateTimeOffset now)
    {
        CheckVersionUnlessAny(current, expectedVersion);
        if (current.State != BookingState.PendingApproval)
        {
            throw new IllegalTransitionException($"booking \"{current.Id}\" is {Name(current.State)}: only pending bookings can be approved or rejected");
        }
        return approve
            ? Transition(current, BookingState.Confirmed, StateReason.Unspecified, message, now)
            : Transition(current, BookingState.Rejected, StateReason.ByController, message, now);
    }

    /// <summary>A NORMAL booking not yet active gives way to a HIGH one (DESIGN.md, "Priority").</summary>
    public static Booking Preempt(Booking current, string byBookingId, DateTimeOffset now) =>
        Transition(current, BookingState.Cancelled, StateReason.Preempted, $"pre-empted by high-priority booking {byBookingId}", now);

    /// <summary>
    /// A controller's command to an active session: HOLD and RETURN_TO_BASE are in force
    /// until a RESUME lifts them; TERMINATE_SESSION completes the booking (reason TERMINATED).
    /// Only termination is a change of state, so only it increases the version; the command
    /// in force is reported like conformance, which keeps the version too.
    /// </summary>
    public static Booking Command(Booking current, CommandKind kind, string message, DateTimeOffset now)
    {
        if (current.State != BookingState.Active)
        {
            throw new IllegalTransitionException($"booking \"{current.Id}\" is {Name(current.State)}; commands go to ACTIVE sessions only");
        }
        return kind switch
        {
            CommandKind.TerminateSession => Transition(current, BookingState.Completed, StateReason.Terminated, message, now),
            CommandKind.Resume => current with { CommandInForce = CommandKind.Unspecified },
            _ => current with { CommandInForce = kind },
        };
    }

    /// <summary>Any state change; every illegal one fails the same way.</summary>
    public static Booking Transition(Booking current, BookingState to, StateReason reason, string message, DateTimeOffset now)
    {
        if (!current.State.CanBecome(to))
        {
            throw new IllegalTransitionException($"booking \"{current.Id}\" is {Name(current.State)} and cannot become {Name(to)}");
        }
        return current with { State = to, StateReason = reason, StateMessage = message, Version = current.Version + 1, UpdatedAt = now };
    }

    private static void CheckVersionUnlessAny(Booking current, long expectedVersion)
    {
        if (expectedVersion != 0)
        {
            CheckVersion(current, expectedVersion);
        }
    }

    private static void CheckVersion(Booking current, long expectedVersion)
    {
        if (current.Version != expectedVersion)
        {
            throw new StaleVersionException("booking", current.Id, expectedVersion, current.Version);
        }
    }

    private static string Name(BookingState state) => state switch
    {
        BookingState.PendingApproval => "PENDING_APPROVAL",
        _ => state.ToString().ToUpperInvariant(),
    };
}
