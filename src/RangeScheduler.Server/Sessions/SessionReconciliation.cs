using Quartz;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Sessions;

/// <summary>
/// At start-up, after the books are loaded and the scheduler runs: takes at once every step
/// that fell due while no server ran (so a session whose start passed is ACTIVE within
/// moments of the restart, and one whose end passed is COMPLETED, never activated), then
/// makes sure every other live booking has its job at the right time — a plan may have been
/// lost with the process between a booking's write and its plan's.
/// </summary>
public sealed partial class SessionReconciliation(
    IRangeStore ranges, RangeDesk desk, SessionSteps steps, SessionPlanner planner, ISchedulerFactory schedulers,
    ILogger<SessionReconciliation> log) : BackgroundService
{
    private const int Batch = 512;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(stoppingToken).ConfigureAwait(false);
            var overdue = 0;
            var replanned = 0;
            foreach (var range in await ranges.ListAsync(stoppingToken).ConfigureAwait(false))
            {
                var (due, waiting) = await desk.ReadAsync(range.Id, (book, now) =>
                {
                    var live = book.Bookings.ToList();
                    return (live.Where(b => SessionClock.Advance(b, now) is not null).Select(b => b.Id).ToList(),
                            live.Where(b => SessionClock.Advance(b, now) is null).ToList());
                }, stoppingToken).ConfigureAwait(false);
                foreach (var bookingId in due)
                {
                    await steps.AdvanceAsync(range.Id, bookingId, stoppingToken).ConfigureAwait(false);
                }
                overdue += due.Count;
                replanned += await ReplanMissingAsync(scheduler, waiting, stoppingToken).ConfigureAwait(false);
            }
            LogReconciled(log, overdue, replanned);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // Each job still moves its own booking on; only the repair of lost plans is missed.
            LogFailed(log, error);
        }
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
                    planner.Plan(booking);
                    replanned++;
                }
            }
        }
        return replanned;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sessions reconciled: {Overdue} overdue steps taken, {Replanned} plans made again")]
    private static partial void LogReconciled(ILogger logger, int overdue, int replanned);

    [LoggerMessage(Level = LogLevel.Error, Message = "Session reconciliation failed; jobs already planned still run")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
