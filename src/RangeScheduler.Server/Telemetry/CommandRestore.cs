using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Logging;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Telemetry;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// At start-up, before the server takes calls: the stored commands that expired less than
/// <see cref="CommandBoard.Kept"/> ago and that the bus does not have at their stored status
/// (all of them after a restart on the in-process bus; those Redis lost, on Redis) go back on
/// the board, to be delivered to the stations that report their vehicles and expired by this
/// process, and back on the bus, for watchers, GetLiveState and the other processes.
/// </summary>
public sealed class CommandRestore(CommandRecord record, CommandBoard board, IRangeBus bus, TimeProvider time, ILogger<CommandRestore> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await record.ListExpiringAfterAsync(now - CommandBoard.Kept, cancellationToken).ConfigureAwait(false);
        foreach (var range in stored.GroupBy(c => c.RangeId, StringComparer.Ordinal))
        {
            var onBus = await OnBusAsync(range.Key, cancellationToken).ConfigureAwait(false);
            var restored = 0;
            foreach (var (_, command) in range)
            {
                if (onBus?.Holds(command) == true)
                {
                    continue;
                }
                board.Apply(range.Key, command, issuedHere: true);
                if (onBus is not null)
                {
                    bus.Publish(range.Key, new RangeEvent { Time = GeoMapping.ToContract(now), Command = command });
                }
                restored++;
            }
            ServerLog.CommandsRestored(log, range.Key, restored, range.Count());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The range's commands on the bus, or null when the bus cannot be read now.</summary>
    private async Task<CommandsOnBus?> OnBusAsync(string rangeId, CancellationToken cancellationToken)
    {
        try
        {
            return new CommandsOnBus(await bus.ReadCommandsAsync(rangeId, cancellationToken).ConfigureAwait(false));
        }
        catch (RangeBusUnavailableException e)
        {
            ServerLog.CommandsNotCompared(log, rangeId, e);
            return null;
        }
    }
}
