using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Storage;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Sessions;

/// <summary>
/// Moves a booking on when its time has come (<see cref="SessionClock"/>), under its range's
/// ledger, so that however many jobs or processes ask at once each step is taken exactly
/// once; and says so on WatchBookings and the telemetry bus.
/// </summary>
public sealed class SessionSteps(RangeDesk desk, BookingEventHub events, SessionPlanner planner)
{
    public async Task AdvanceAsync(string rangeId, string bookingId, CancellationToken cancellationToken)
    {
        Booking? held = null;
        Booking? advanced;
        try
        {
            advanced = await desk.DecideAsync(rangeId, (book, now) =>
            {
                held = book.Find(bookingId);
                var next = held is null ? null : SessionClock.Advance(held, now);
                return next is null
                    ? new LedgerDecision<Booking?>(LedgerWrite.Nothing, null)
                    : new LedgerDecision<Booking?>(new LedgerWrite([next], [], [], []), next);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            planner.Drop(bookingId, rangeId);
            return;
        }
        if (advanced is not null)
        {
            // The desk plans every booking it writes, so the next step is already planned.
            events.Publish(advanced, ChangeOf(advanced.State), advanced.UpdatedAt);
        }
        else if (held is not null)
        {
            // Asked early (clocks differ by a few milliseconds), or by a stale plan: plan again.
            planner.PlanNextStep(held);
        }
        else
        {
            // Final, or gone: nothing more to plan.
            planner.Drop(bookingId, rangeId);
        }
    }

    private static V1.BookingChange ChangeOf(BookingState state) => state switch
    {
        BookingState.Active => V1.BookingChange.Activated,
        BookingState.Completed => V1.BookingChange.Completed,
        _ => V1.BookingChange.Cancelled,
    };
}
