using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RangeScheduler.Server.Logging;
using RangeScheduler.Telemetry;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Every <see cref="TelemetryOptions.CommandResyncInterval"/>, compares the open commands
/// issued here with the bus and publishes again those it lost. Redis restarted without its
/// data keeps nothing of a HOLD issued before: a station that then reports the vehicle through
/// another process, or a process that starts following the range, would never hear of it,
/// although this process still delivers it to its own streams. Only the issuing process republishes, so
/// that several processes do not each publish the same command again; the one that restored
/// a command at start-up counts as its issuer (<see cref="CommandRestore"/>). On the
/// in-process bus nothing is ever missing. A round reads the commands of only the ranges
/// with open commands issued here.
/// </summary>
public sealed class CommandResync(CommandBoard board, CommandDelivery delivery, IRangeBus bus, TelemetryOptions options, TimeProvider time,
    ILogger<CommandResync> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var rounds = new PeriodicTimer(options.CommandResyncInterval, time);
        while (await rounds.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await ResyncAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One round: each range with open commands issued here, compared and mended.</summary>
    public async Task ResyncAsync(CancellationToken cancellationToken)
    {
        var ranges = board.OpenIssuedHere(time.GetUtcNow()).Select(c => c.RangeId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var rangeId in ranges)
        {
            try
            {
                var onBus = new CommandsOnBus(await bus.ReadCommandsAsync(rangeId, cancellationToken).ConfigureAwait(false));
                var published = delivery.Resync(rangeId, onBus, time.GetUtcNow());
                if (published > 0)
                {
                    ServerLog.CommandsResynced(log, rangeId, published);
                }
            }
            catch (RangeBusUnavailableException)
            {
                // Redis is down: what is published meanwhile waits in the bus's outage buffer,
                // and the next round compares again once Redis answers.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ServerLog.CommandResyncFailed(log, rangeId, e);
            }
        }
    }
}
