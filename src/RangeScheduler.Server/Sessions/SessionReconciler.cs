using Quartz;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Sessions;

/// <summary>
/// Brings the job store in line with the books: takes at once every step that fell due
/// without being taken (the server was down at the time, so a session whose start passed is
/// ACTIVE within moments of the restart, and one whose end passed is COMPLETED, never
/// activated), then makes sure every live booking whose next step falls within the
/// planner's horizon has its job at the right time — steps further ahead come within it as
/// time passes, and a plan may have been lost with the process between a booking's write
/// and its plan's. Run by <see cref="SessionReconciliationJob"/> at start-up and then every
/// <see cref="Interval"/>.
/// </summary>
public sealed partial class SessionReconciler(
    IRangeStore ranges, RangeDesk desk, SessionSteps steps, SessionPlanner planner, ISchedulerFactory schedulers,
    TimeProvider time, ILogger<SessionReconciler> log)
{
    /// <summary>Well within <see cref="SessionPlanner.Horizon"/>, so each step is planned minutes before it falls due.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private const int Batch = 512;

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var overdue = 0;
        var replanned = 0;
        foreach (var range in await ranges.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var horizon = time.GetUtcNow() + SessionPlanner.Horizon;
            var (due, soon) = await desk.ReadAsync(range.Id, (book, now) =>
            {
                // A step is due exactly when SessionClock.Advance would take it: at or after NextStepAt.
                var dueIds = new List<string>();
                var near = new List<Booking>();
                foreach (var booking in book.Bookings)
                {
                    if (SessionClock.NextStepAt(booking) is not { } at)
                    {
                        continue;
                    }
                    if (at <= now)
                    {
                        dueIds.Add(booking.Id);
                    }
                    else if (at <= horizon)
                    {
                        near.Add(booking);
                    }
                }
                return (dueIds, near);
            }, cancellationToken).ConfigureAwait(false);
            foreach (var bookingId in due)
            {
                await steps.AdvanceAsync(range.Id, bookingId, cancellationToken).ConfigureAwait(false);
            }
            overdue += due.Count;
            replanned += await ReplanMissingAsync(scheduler, soon, cancellationToken).ConfigureAwait(false);
        }
        LogReconciled(log, overdue, replanned);
    }

    /// <summary>Plans the bookings whose trigger is missing or set for another time; returns how many.</summary>
    private async Task<int> ReplanMissingAsync(IScheduler scheduler, IReadOnlyList<Booking> bookings, CancellationToken cancellationToken)
    {
        var replanned = 0;
        foreach (var chunk in bookings.Chunk(Batch))
        {
            var triggers = await scheduler.GetTriggers(chunk.Select(b => SessionPlanner.TriggerKeyOf(b.Id)).ToList(), cancellationToken).ConfigureAwait(false);
            var planned = triggers.ToDictionary(t => t.Key.Name, t => t.NextFireTimeUtc, StringComparer.Ordinal);
            foreach (var booking in chunk)
            {
                if (!planned.TryGetValue(booking.Id, out var at) || at != SessionClock.NextStepAt(booking))
                {
                    planner.PlanNextStep(booking);
                    replanned++;
                }
            }
        }
        return replanned;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sessions reconciled: {Overdue} overdue steps taken, {Replanned} steps planned")]
    private static partial void LogReconciled(ILogger logger, int overdue, int replanned);
}
