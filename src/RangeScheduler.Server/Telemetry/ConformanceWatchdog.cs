using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Logging;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// What happens by silence rather than by a report: LOST_LINK for vehicles that stopped
/// reporting, EXPIRED for commands nobody acknowledged in time, and track runs sealed by
/// age, looked for every
/// <see cref="TelemetryOptions.WatchdogInterval"/>. At start-up it sets up the monitors of
/// ranges whose sessions are already active (after a restart), so that a vehicle that never
/// reports again still raises LOST_LINK.
/// </summary>
public sealed class ConformanceWatchdog(
    RangeMonitors monitors,
    ConformanceDispatch dispatch,
    CommandDelivery commands,
    TrackRecording tracks,
    RangeDesk desk,
    IRangeStore ranges,
    TelemetryOptions options,
    TimeProvider time,
    ILogger<ConformanceWatchdog> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WatchActiveSessionsAsync(stoppingToken).ConfigureAwait(false);
        using var rounds = new PeriodicTimer(options.WatchdogInterval, time);
        while (await rounds.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var now = time.GetUtcNow();
                foreach (var monitor in monitors.All)
                {
                    dispatch.Send(monitor.RangeId, monitor.CheckLinks(now));
                }
                commands.ExpireDue(now);
                tracks.SealOld(now);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ServerLog.WatchdogFailed(log, e);
            }
        }
    }

    private async Task WatchActiveSessionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var range in await ranges.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                await desk.ReadAsync(range.Id, (book, _) =>
                    book.Bookings.Any(b => b.State == BookingState.Active) ? monitors.Ensure(book) : null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A range that cannot be read now is watched from its first report or change on.
            ServerLog.WatchdogFailed(log, e);
        }
    }
}
